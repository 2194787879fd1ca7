// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include "domain/entity.h"
#include "store/store.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

namespace
{

using Run = Chorus::Test::CliRun;

} // namespace

/// chorus-cli export-kit, run as a user would.
class ExportKitCliTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    [[nodiscard]] QString path(const QString &name) const
    {
        return m_dir->filePath(name);
    }

    /// Runs chorus-cli in English. Not in the C locale: there gettext ignores every catalog,
    /// and a Spanish kit could not have Spanish labels.
    Run cli(const QStringList &arguments)
    {
        return Chorus::Test::runCli(m_dir->path(), arguments, {{u"LC_ALL"_s, u"en_US.UTF-8"_s}});
    }

    /// A new database with the demo coalition.
    QString demoDatabase()
    {
        const QString db = path(u"demo.chorus"_s);
        const Run init = cli({u"--db"_s, db, u"init"_s, u"--demo"_s});
        if (init.exitCode != 0) {
            qWarning() << init.describe();
        }
        return db;
    }

    QStringList exportArguments(const QString &db, const QString &format, const QString &out)
    {
        return {u"--db"_s,
                db,
                u"export-kit"_s,
                u"--campaign"_s,
                u"Cancel Sentinel Grid"_s,
                u"--format"_s,
                format,
                u"--out"_s,
                out,
                u"--fixed-date"_s,
                u"2027-01-10T12:00:00Z"_s};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void shouldExportTheDemoKitInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("pdf") << u"pdf"_s << QByteArray("%PDF-");
        QTest::newRow("odt") << u"odt"_s << QByteArray("PK");
        QTest::newRow("html") << u"html"_s << QByteArray("<!DOCTYPE html>");
        QTest::newRow("txt") << u"txt"_s << QByteArray("EMBARGOED UNTIL 1:30 PM PDT, May 20, 2027");
        QTest::newRow("md") << u"md"_s << QByteArray("**EMBARGOED UNTIL 1:30 PM PDT, May 20, 2027**");
    }

    void shouldExportTheDemoKitInEveryFormat()
    {
        // GIVEN the demo coalition
        QFETCH(QString, format);
        QFETCH(QByteArray, start);
        const QString db = demoDatabase();
        const QString out = path(u"kit."_s + format);

        // WHEN its kit is exported
        const Run run = cli(exportArguments(db, format, out));

        // THEN it succeeds, the file is there, and the warning about Sam Reyes went to stderr
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(u"Wrote the press kit to"_s), run.describe().constData());
        QVERIFY2(run.err.contains(u"Warning: Quote by Sam Reyes"_s), run.describe().constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(content.startsWith(start), content.left(200).constData());
    }

    void shouldWriteSpanishOnA4WhenAsked()
    {
        const QString db = demoDatabase();
        const QString out = path(u"kit.txt"_s);

        const Run run = cli(exportArguments(db, u"txt"_s, out) << u"--lang"_s << u"es"_s);

        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(u"== Contactos de prensa =="_s), qPrintable(text));
        QVERIFY(text.contains(u"EMBARGADO HASTA EL 20 de mayo de 2027, 13:30 PDT"_s));
        // e-mail bodies are wrapped
        for (const QString &line : text.split(u'\n')) {
            QVERIFY2(line.size() <= 72 || !line.contains(u' '), qPrintable(line));
        }
    }

    void shouldWriteSpanishLabelsEvenWithoutALocale()
    {
        // GIVEN no locale at all in the environment, as in a chroot or a cron job
        const QString db = demoDatabase();
        const QString out = path(u"kit.md"_s);
        const Run run = Chorus::Test::runCli(m_dir->path(),
                                             exportArguments(db, u"md"_s, out) << u"--lang"_s << u"es"_s,
                                             {{u"LC_ALL"_s, QString()}, {u"LANG"_s, QString()}, {u"LANGUAGE"_s, QString()}, {u"LC_MESSAGES"_s, QString()}});
        // THEN a Spanish kit still has Spanish labels, and no warning says otherwise
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(!run.err.contains(u"labels"_s), run.describe().constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(u"Contactos de prensa"_s), qPrintable(text.left(2000)));
    }

    void shouldListBlockingErrorsAndExitWith2()
    {
        // GIVEN the demo kit without media contacts
        const QString db = demoDatabase();
        {
            auto store = Store::Store::open(db, false);
            QVERIFY(store);
            const QString kit = store.value()->fetchAll(Kind::PressKit).first().value(u"id"_s).toString();
            QVERIFY(store.value()->update(Kind::PressKit, kit, {{u"contact_ids"_s, QVariant()}}));
        }
        const QString out = path(u"kit.pdf"_s);

        // WHEN it is exported
        const Run run = cli(exportArguments(db, u"pdf"_s, out));

        // THEN the error names the kit, the exit code is 2 and no file is written
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"Error: Press kit “Petition delivery press kit” has no media contact."_s), run.describe().constData());
        QVERIFY(!QFile::exists(out));
    }

    void shouldRefuseAWrongCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown campaign") << QStringList{u"--campaign"_s, u"Save the Whales"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"k.pdf"_s}
                                          << u"There is no campaign called “Save the Whales”."_s;
        QTest::newRow("no kit") << QStringList{u"--campaign"_s, u"Public Cloud, Public Accountability"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"k.pdf"_s}
                                << u"has no press kit yet"_s;
        QTest::newRow("format") << QStringList{u"--campaign"_s, u"Cancel Sentinel Grid"_s, u"--format"_s, u"docx"_s, u"--out"_s, u"k.docx"_s}
                                << u"“docx” is not a format"_s;
        QTest::newRow("paper")
            << QStringList{u"--campaign"_s, u"Cancel Sentinel Grid"_s, u"--format"_s, u"pdf"_s, u"--paper"_s, u"a3"_s, u"--out"_s, u"k.pdf"_s}
            << u"“a3” is not a paper size"_s;
        QTest::newRow("no out") << QStringList{u"--campaign"_s, u"Cancel Sentinel Grid"_s, u"--format"_s, u"pdf"_s} << u"needs --out"_s;
    }

    void shouldRefuseAWrongCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString db = demoDatabase();

        const Run run = cli(QStringList{u"--db"_s, db, u"export-kit"_s} + arguments);

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.describe().constData());
    }

    void shouldGiveTheSameBytesWithAFixedDate()
    {
        const QString db = demoDatabase();
        QVERIFY(cli(exportArguments(db, u"pdf"_s, path(u"a.pdf"_s))).exitCode == 0);
        QVERIFY(cli(exportArguments(db, u"pdf"_s, path(u"b.pdf"_s))).exitCode == 0);
        QFile a(path(u"a.pdf"_s));
        QFile b(path(u"b.pdf"_s));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }
};

CHORUS_TEST_MAIN(ExportKitCliTest)

#include "exportkitclitest.moc"
