// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/validation.h"
#include "interop/eventcalendar.h"
#include "store/store.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>

#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

namespace
{

/// UID -> start and end in UTC, as a second, independent parser (python3-icalendar) reads them.
const char *const pythonReader = R"(
import sys, datetime
from icalendar import Calendar
with open(sys.argv[1], 'rb') as f:
    calendar = Calendar.from_ical(f.read())
zones = sorted(str(tz.get('TZID')) for tz in calendar.walk('VTIMEZONE'))
print('ZONES ' + ' '.join(zones))
# The file's own VTIMEZONE data, read by dateutil, not the system's time zone database.
own = {str(tz['TZID']): tz.to_tz() for tz in calendar.walk('VTIMEZONE')}
utc = datetime.timezone.utc
def instant(prop):
    local = prop.dt.replace(tzinfo=None)
    return local.replace(tzinfo=own[str(prop.params['TZID'])]).astimezone(utc).strftime('%Y-%m-%dT%H:%M:%SZ')
for event in calendar.walk('VEVENT'):
    start = event.decoded('DTSTART')
    end = event.decoded('DTEND') if event.get('DTEND') else start
    print(str(event.get('UID')), start.astimezone(utc).strftime('%Y-%m-%dT%H:%M:%SZ'), end.astimezone(utc).strftime('%Y-%m-%dT%H:%M:%SZ'), instant(event['DTSTART']), instant(event['DTEND']))
)";

} // namespace

class EventCalendarTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_event;
    /// site id -> expected UTC start, end
    QMap<QString, QPair<QString, QString>> m_expected;

    void addSite(const QString &venue, const QString &zone, const QString &start, const QString &end)
    {
        auto id = m_store->create(Kind::Site,
                                  {{u"event_id"_s, m_event},
                                   {u"venue"_s, venue},
                                   {u"address"_s, u"1 Main St"_s},
                                   {u"time_zone"_s, zone},
                                   {u"starts_at"_s, start},
                                   {u"ends_at"_s, end},
                                   {u"livestream_url"_s, u"https://stream.example/live"_s}});
        QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
        m_expected.insert(id.value(), {start, end});
    }

    QString exportToFile(const QString &siteId = {})
    {
        const QString path = m_dir.filePath(u"event-%1.ics"_s.arg(siteId.isEmpty() ? u"all"_s : siteId));
        auto written = Interop::writeEventICalendar(*m_store, m_event, siteId, path);
        if (!written) {
            qWarning() << written.error().message();
            return {};
        }
        return path;
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"ics-%1.chorus"_s.arg(++counter)));
        QVERIFY(store);
        m_store = std::move(store).value();
        m_event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}, {u"description"_s, u"Cancel the contract."_s}}).value();
        m_expected.clear();
        // Sites around the US and European switches of 2026, in five zones, one lasting across
        // the night Chicago falls back.
        addSite(u"Meridian campus plaza"_s, u"America/Los_Angeles"_s, u"2026-03-08T19:00:00Z"_s, u"2026-03-08T20:00:00Z"_s);
        addSite(u"Fifth Avenue store"_s, u"America/New_York"_s, u"2026-03-07T16:00:00Z"_s, u"2026-03-07T17:00:00Z"_s);
        addSite(u"Phoenix data center"_s, u"America/Phoenix"_s, u"2026-11-01T19:00:00Z"_s, u"2026-11-01T20:30:00Z"_s);
        addSite(u"Daley Plaza vigil"_s, u"America/Chicago"_s, u"2026-11-01T06:30:00Z"_s, u"2026-11-01T09:00:00Z"_s);
        addSite(u"Madrid office"_s, u"Europe/Madrid"_s, u"2026-03-29T10:00:00Z"_s, u"2026-03-29T11:00:00Z"_s);
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldWriteEachSiteOnItsOwnClockWithItsTimeZone()
    {
        const QString path = exportToFile();
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(u"BEGIN:VCALENDAR"_s));
        for (const QString &zone : {u"America/Los_Angeles"_s, u"America/New_York"_s, u"America/Phoenix"_s, u"America/Chicago"_s, u"Europe/Madrid"_s}) {
            QVERIFY2(text.contains(u"BEGIN:VTIMEZONE\r\nTZID:"_s + zone), qPrintable(zone));
            QVERIFY2(text.contains(u"DTSTART;TZID="_s + zone + u':'), qPrintable(zone));
        }
        // Every VTIMEZONE says its offset, even where the clocks never change (RFC 5545 3.6.5).
        QVERIFY(text.contains(u"TZID:America/Phoenix\r\nBEGIN:STANDARD\r\nTZNAME:MST\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0700\r\n"_s));
        QVERIFY(!text.contains(u"\r\nEND:VTIMEZONE\r\nEND:VTIMEZONE"_s));
        // Los Angeles at noon on the day it springs forward, on its own clock.
        QVERIFY(text.contains(u"DTSTART;TZID=America/Los_Angeles:20260308T120000"_s));
        QCOMPARE(text.count(u"BEGIN:VEVENT"_s), 5);
    }

    void shouldReadBackTheSameInstantsWithKCalendarCore()
    {
        const QString path = exportToFile();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        KCalendarCore::MemoryCalendar::Ptr calendar(new KCalendarCore::MemoryCalendar(QTimeZone::UTC));
        KCalendarCore::ICalFormat format;
        QVERIFY(format.fromString(calendar, QString::fromUtf8(file.readAll())));
        const KCalendarCore::Event::List events = calendar->rawEvents();
        QCOMPARE(events.size(), m_expected.size());
        for (const KCalendarCore::Event::Ptr &event : events) {
            const QString id = event->uid().section(u'@', 0, 0);
            QVERIFY2(m_expected.contains(id), qPrintable(event->uid()));
            QCOMPARE(formatInstant(event->dtStart()), m_expected.value(id).first);
            QCOMPARE(formatInstant(event->dtEnd()), m_expected.value(id).second);
            QVERIFY(event->summary().startsWith(u"Day of action — "_s));
            QCOMPARE(event->url(), QUrl(u"https://stream.example/live"_s));
        }
    }

    void shouldReadBackTheSameInstantsWithPythonICalendar()
    {
        const QString path = exportToFile();
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s, QString::fromUtf8(pythonReader), path});
        QVERIFY2(python.waitForFinished(60000), "python3 did not run: python3 and python3-icalendar are needed for this test");
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), u"ZONES America/Chicago America/Los_Angeles America/New_York America/Phoenix Europe/Madrid"_s);
        QCOMPARE(lines.size(), 1 + m_expected.size());
        for (const QString &line : lines.mid(1)) {
            const QStringList parts = line.split(u' ');
            QCOMPARE(parts.size(), 5);
            const QString id = parts.at(0).section(u'@', 0, 0);
            QVERIFY2(m_expected.contains(id), qPrintable(line));
            // By the zone names (the system's database) and by the file's own VTIMEZONE data.
            QCOMPARE(parts.at(1), m_expected.value(id).first);
            QCOMPARE(parts.at(2), m_expected.value(id).second);
            QCOMPARE(parts.at(3), m_expected.value(id).first);
            QCOMPARE(parts.at(4), m_expected.value(id).second);
        }
    }

    void shouldExportOneSiteOnly()
    {
        const QString site = m_expected.firstKey();
        const QString path = exportToFile(site);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count(u"BEGIN:VEVENT"_s), 1);
        QVERIFY(text.contains(u"UID:"_s + site));
    }

    void shouldRefuseASiteOfAnotherEventAndWriteNothing()
    {
        const QString path = m_dir.filePath(u"nothing.ics"_s);
        auto written = Interop::writeEventICalendar(*m_store, m_event, u"no-such-site"_s, path);
        QVERIFY(!written);
        QCOMPARE(written.error().message(), u"Event “Day of action” has no site with the id no-such-site."_s);
        QVERIFY(!QFile::exists(path));
    }
};

CHORUS_TEST_MAIN(EventCalendarTest)

#include "eventcalendartest.moc"
