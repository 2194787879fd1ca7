// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include "domain/entity.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

namespace
{

/// What one run of a program did.
using Run = Chorus::Test::CliRun;

} // namespace

/// chorus-cli's event commands, run as a user would: events list, export-ics, run-sheet.
class EventCommandsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;
    QString m_event;
    QHash<QString, QString> m_sites; ///< venue -> id

    Run run(const QString &program, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"TZ"_s, u"UTC"_s);
        environment.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"xdg-data"_s));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_dir.path());
        process.start(program, arguments);
        Run result;
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
            process.kill();
            process.waitForFinished();
            result.err = program + u" did not finish normally: "_s + process.errorString();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    Run cli(const QStringList &arguments)
    {
        return run(QStringLiteral(CHORUS_CLI), QStringList{u"--db"_s, m_database} + arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(u"home"_s));
        m_database = m_dir.filePath(u"demo.chorus"_s);
        const Run init = cli({u"init"_s, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, init.describe().constData());
        auto store = Store::Store::open(m_database, false);
        QVERIFY(store);
        const QList<Domain::Record> events = store.value()->fetchAll(Kind::Event);
        QCOMPARE(events.size(), 1);
        m_event = events.first().value(u"id"_s).toString();
        for (const Domain::Record &site : store.value()->fetchAll(Kind::Site)) {
            m_sites.insert(site.value(u"venue"_s).toString(), site.value(u"id"_s).toString());
        }
        QCOMPARE(m_sites.size(), 5);
    }

    void shouldListTheDemoDayOfActionWithEachSiteAtItsOwnLocalTime()
    {
        // WHEN a coordinator in New York lists the campaign's events
        const Run list = cli({u"events"_s, u"list"_s, u"--campaign"_s, u"cancel sentinel"_s, u"--zone"_s, u"America/New_York"_s});
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        // THEN each of the five sites shows its own clock, for one and the same moment
        const QStringList expected{
            u"Meridian Cloud Systems campus, Founders Plaza: Thursday, May 20, 2027, 1:30 p.m. PDT to 2:30 p.m. PDT (America/Los_Angeles)"_s,
            u"Meridian Store, Market Street: Thursday, May 20, 2027, 1:30 p.m. PDT to 2:30 p.m. PDT (America/Los_Angeles)"_s,
            u"Meridian Store, Fifth Avenue: Thursday, May 20, 2027, 4:30 p.m. EDT to 5:30 p.m. EDT (America/New_York)"_s,
            u"Meridian Midwest regional office: Thursday, May 20, 2027, 3:30 p.m. CDT to 4:15 p.m. CDT (America/Chicago)"_s,
            u"Meridian Store, Camelback Road: Thursday, May 20, 2027, 1:30 p.m. MST to 2:15 p.m. MST (America/Phoenix)"_s,
        };
        for (const QString &line : expected) {
            QVERIFY2(list.out.contains(line), qPrintable(line + u"\nis not in:\n"_s + list.out));
        }
        // AND the coordinator's own time and UTC
        QCOMPARE(list.out.count(u"Your time: Thursday, May 20, 2027, 4:30 p.m. EDT · 2027-05-20 20:30 UTC"_s), 5);
        QVERIFY(list.out.contains(u"Scheduling: the same moment everywhere"_s));
        // AND the media RSVPs are counted
        QVERIFY(list.out.contains(u"Media: 5 journalists: 3 confirmed, 0 attended"_s));
    }

    void shouldRefuseAnUnknownCampaignOrTimeZone()
    {
        const Run campaign = cli({u"events"_s, u"list"_s, u"--campaign"_s, u"No such campaign"_s});
        QCOMPARE(campaign.exitCode, 1);
        QVERIFY2(campaign.err.contains(u"No campaign is called “No such campaign”"_s), campaign.describe().constData());
        const Run zone = cli({u"events"_s, u"list"_s, u"--zone"_s, u"Mars/Olympus_Mons"_s});
        QCOMPARE(zone.exitCode, 2);
        QVERIFY2(zone.err.contains(u"“Mars/Olympus_Mons” is not a known time zone"_s), zone.describe().constData());
    }

    void shouldExportTheWholeEventOrOneSiteAsICalendar()
    {
        // WHEN the whole event is exported
        const QString all = m_dir.filePath(u"day-of-action.ics"_s);
        Run exported = cli({u"export-ics"_s, u"--event"_s, m_event, u"--out"_s, all});
        QVERIFY2(exported.exitCode == 0, exported.describe().constData());
        QFile file(all);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // THEN every site is in it, on its own clock
        QCOMPARE(text.count(u"BEGIN:VEVENT"_s), 5);
        QVERIFY(text.contains(u"DTSTART;TZID=America/Phoenix:20270520T133000"_s));
        QVERIFY(text.contains(u"DTSTART;TZID=America/New_York:20270520T163000"_s));

        // WHEN one site is exported
        const QString one = m_dir.filePath(u"phoenix.ics"_s);
        exported = cli({u"export-ics"_s, u"--event"_s, m_event, u"--site"_s, m_sites.value(u"Meridian Store, Camelback Road"_s), u"--out"_s, one});
        QVERIFY2(exported.exitCode == 0, exported.describe().constData());
        QFile single(one);
        QVERIFY(single.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(single.readAll()).count(u"BEGIN:VEVENT"_s), 1);
    }

    void shouldWriteARunSheetThatReadsRightAsPdf()
    {
        // WHEN the campus run sheet is written
        const QString pdf = m_dir.filePath(u"campus.pdf"_s);
        const Run sheet = cli({u"run-sheet"_s, u"--site"_s, m_sites.value(u"Meridian Cloud Systems campus, Founders Plaza"_s), u"--out"_s, pdf});
        QVERIFY2(sheet.exitCode == 0, sheet.describe().constData());
        // THEN it is a PDF whose text has the site, its times and the run of show
        const Run text = run(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
        QVERIFY2(text.exitCode == 0, text.describe().constData());
        for (const QString &expected : {u"Meridian Cloud Systems campus, Founders Plaza"_s,
                                        u"1:30 p.m. PDT to 2:30 p.m. PDT"_s,
                                        u"Run of show"_s,
                                        u"1:00 p.m. PDT"_s,
                                        u"Amara Diallo"_s,
                                        u"From 1:00 p.m. PDT to 2:20 p.m. PDT: 80 minutes in all."_s}) {
            QVERIFY2(text.out.contains(expected), qPrintable(expected + u"\nis not in:\n"_s + text.out));
        }
    }

    void shouldRefuseAnUnknownSiteAndWriteNothing()
    {
        const QString pdf = m_dir.filePath(u"nothing.pdf"_s);
        const Run sheet = cli({u"run-sheet"_s, u"--site"_s, u"no-such-site"_s, u"--out"_s, pdf});
        QCOMPARE(sheet.exitCode, 1);
        QVERIFY2(sheet.err.contains(u"The event site with id no-such-site does not exist any more."_s), sheet.describe().constData());
        QVERIFY(!QFile::exists(pdf));
        const Run missing = cli({u"run-sheet"_s, u"--site"_s, u"x"_s});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"--out FILE"_s), missing.describe().constData());
    }

    // Changes the demo database: runs last.
    void shouldSwitchSchedulingAndMoveSitesRefusingATimeThatDoesNotExist()
    {
        // WHEN the event switches to the same local time, anchored on New York (4:30 p.m. EDT)
        Run run = cli({u"events"_s,
                       u"schedule"_s,
                       u"--event"_s,
                       m_event,
                       u"--mode"_s,
                       u"same-local-time"_s,
                       u"--anchor"_s,
                       m_sites.value(u"Meridian Store, Fifth Avenue"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // THEN every site starts at 4:30 p.m. on its own clock
        QVERIFY2(run.out.contains(u"Meridian Store, Camelback Road: Thursday, May 20, 2027, 4:30 p.m. MST to 5:15 p.m. MST"_s), run.describe().constData());
        QVERIFY(run.out.contains(u"Meridian Cloud Systems campus, Founders Plaza: Thursday, May 20, 2027, 4:30 p.m. PDT to 5:30 p.m. PDT"_s));
        QVERIFY(run.out.contains(u"Scheduling: the same local time at each site"_s));

        // WHEN every site is moved to 2:30 a.m. on the night US clocks spring forward
        run = cli({u"events"_s, u"move"_s, u"--event"_s, m_event, u"--local"_s, u"2027-03-14 02:30"_s});
        // THEN it is refused, naming a site, and nothing moved
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u": 2:30 a.m. does not exist on Sunday, March 14, 2027 in America/"_s), run.describe().constData());
        QVERIFY(run.err.contains(u"Site “Meridian "_s));
        run = cli({u"events"_s, u"list"_s});
        QVERIFY(run.out.contains(u"Meridian Store, Camelback Road: Thursday, May 20, 2027, 4:30 p.m. MST"_s));

        // WHEN the sites move to one moment in the night Chicago's clocks go back
        run = cli({u"events"_s, u"move"_s, u"--event"_s, m_event, u"--at"_s, u"2026-11-01T01:30:00-05:00"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // THEN Chicago and New York are flagged: 1:30 a.m. happens twice there
        QVERIFY2(run.out.contains(u"Meridian Midwest regional office: Sunday, November 1, 2026, 1:30 a.m. CDT"_s), run.describe().constData());
        QVERIFY(
            run.out.contains(u"! Site “Meridian Midwest regional office”: the clocks go back that night, so the local time 1:30 a.m. CDT happens twice there. "
                             "This site starts at the first one"_s));
        QVERIFY(
            run.out.contains(u"! Site “Meridian Store, Fifth Avenue”: the clocks go back that night, so the local time 1:30 a.m. EST happens twice there. "
                             "This site starts at the second one"_s));
        QVERIFY(run.out.contains(u"Meridian Store, Camelback Road: Saturday, October 31, 2026, 11:30 p.m. MST"_s));

        // AND a wrong mode is a usage error
        QCOMPARE(cli({u"events"_s, u"schedule"_s, u"--event"_s, m_event, u"--mode"_s, u"sometimes"_s}).exitCode, 2);
    }
};

CHORUS_TEST_MAIN(EventCommandsTest)

#include "eventcommandstest.moc"
