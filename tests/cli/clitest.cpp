// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include "chorus_version.h"
#include "domain/entity.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

namespace
{

/// What one run of chorus-cli did.
using Run = Chorus::Test::CliRun;

using Chorus::Test::fileHash;

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

std::unique_ptr<Store::Store> openStore(const QString &path)
{
    auto store = Store::Store::open(path, false);
    if (!store) {
        qWarning() << store.error().message();
        return {};
    }
    return std::move(store).value();
}

QHash<Kind, qint64> countsOf(Store::Store &store)
{
    QHash<Kind, qint64> counts;
    for (Kind kind : Domain::allKinds()) {
        counts.insert(kind, store.count(kind));
    }
    return counts;
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    [[nodiscard]] QString path(const QString &name) const
    {
        return m_dir->filePath(name);
    }

    /// The user's data folder as chorus-cli sees it: inside the test's folder, never the real one.
    [[nodiscard]] QString dataHome() const
    {
        return path(u"xdg-data"_s);
    }

    /// Runs chorus-cli in the test's folder, in English, with a private home and data folder.
    /// Runs chorus-cli; extra sets environment variables (an empty value removes one).
    Run cli(const QStringList &arguments, const QHash<QString, QString> &extra = {})
    {
        return Chorus::Test::runCli(m_dir->path(), arguments, extra);
    }

    /// A database created through chorus-cli init.
    QString initializedDatabase(const QString &name = u"coalition.chorus"_s)
    {
        const QString database = path(name);
        const Run init = cli({u"--db"_s, database, u"init"_s});
        if (init.exitCode != 0) {
            qWarning() << init.describe();
        }
        return database;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir(m_dir->path()).mkpath(u"home"_s));
    }

    void shouldPrintItsVersion()
    {
        // WHEN the user asks for the version
        const Run run = cli({u"--version"_s});

        // THEN it is printed, and the run succeeds
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.out.trimmed(), u"chorus-cli "_s + QStringLiteral(CHORUS_VERSION_STRING));
    }

    void shouldListTheCommandsAndExitCodesInItsHelp()
    {
        // WHEN the user asks for help
        const Run run = cli({u"--help"_s});

        // THEN every command, the --db option and the meaning of each exit code are explained
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        for (const QString &command : {u"init [--demo]"_s, u"check"_s, u"search QUERY"_s, u"backup OUT"_s, u"help [COMMAND]"_s}) {
            QVERIFY2(run.out.contains(u"\n  "_s + command), qPrintable(command + u" is not listed in:\n"_s + run.out));
        }
        QVERIFY(run.out.contains(u"--db <FILE>"_s));
        QVERIFY(run.out.contains(u"Exit codes:"_s));
        QVERIFY(run.out.contains(u"  2  a wrong command line, or the database cannot be opened"_s));
        QVERIFY(run.err.isEmpty());
    }

    void shouldExplainTheOptionsOfEachCommand_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("search --help") << QStringList{u"search"_s, u"--help"_s} << QStringList{u"search [options] QUERY"_s, u"--limit <N>"_s, u"--json"_s};
        QTest::newRow("help search") << QStringList{u"help"_s, u"search"_s} << QStringList{u"search [options] QUERY"_s, u"--limit <N>"_s, u"--json"_s};
        QTest::newRow("init --help") << QStringList{u"init"_s, u"--help"_s} << QStringList{u"init [options]"_s, u"--demo"_s};
        QTest::newRow("help backup") << QStringList{u"help"_s, u"backup"_s} << QStringList{u"backup [options] OUT"_s, u"It must not exist yet"_s};
    }

    void shouldExplainTheOptionsOfEachCommand()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);

        const Run run = cli(arguments);

        QVERIFY2(run.exitCode == 0, run.describe().constData());
        for (const QString &text : expected) {
            QVERIFY2(run.out.contains(text), qPrintable(text + u" is missing from:\n"_s + run.out));
        }
        QVERIFY(run.out.contains(u"Exit codes:"_s));
    }

    void shouldCreateAnEmptyDatabaseWithInit()
    {
        // GIVEN a folder without a database
        const QString database = path(u"new.chorus"_s);

        // WHEN init runs
        const Run run = cli({u"--db"_s, database, u"init"_s});

        // THEN the database exists, opens, holds nothing yet, and the user is told where it is
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(QFile::exists(database));
        QVERIFY2(run.out.contains(u"Created "_s + database), run.describe().constData());
        auto store = openStore(database);
        QVERIFY(store);
        QCOMPARE(store->count(Kind::Organization), qint64(0));
        QVERIFY(store->check().isEmpty());
    }

    void shouldCreateTheUsersOwnDatabaseWhenNoneIsNamed()
    {
        // GIVEN a user without a Chorus data folder yet
        const QString expected = dataHome() + u"/chorus/coalition.chorus"_s;
        QVERIFY(!QFileInfo::exists(dataHome()));

        // WHEN init and then check run without --db
        const Run init = cli({u"init"_s});
        const Run check = cli({u"check"_s});

        // THEN the database is created in the user's data folder and found there again
        QVERIFY2(init.exitCode == 0, init.describe().constData());
        QVERIFY(QFile::exists(expected));
        QVERIFY2(check.exitCode == 0, check.describe().constData());
        QVERIFY(check.out.contains(expected));
    }

    void shouldRefuseToInitAnExistingFileAndLeaveItUnchanged_data()
    {
        QTest::addColumn<bool>("chorusDatabase");

        QTest::newRow("a Chorus database") << true;
        QTest::newRow("another file") << false;
    }

    void shouldRefuseToInitAnExistingFileAndLeaveItUnchanged()
    {
        QFETCH(bool, chorusDatabase);

        // GIVEN an existing file, with one organization when it is a Chorus database
        const QString database = path(u"existing.chorus"_s);
        if (chorusDatabase) {
            initializedDatabase(u"existing.chorus"_s);
            auto store = openStore(database);
            QVERIFY(store);
            QVERIFY(store->create(Kind::Organization, {{u"name"_s, u"Acacia Tenants Union"_s}}));
        } else {
            writeFile(database, "name,email\nAna,ana@example.org\n");
        }
        const QByteArray before = fileHash(database);
        QVERIFY(!before.isEmpty());

        // WHEN init runs on it, with or without the demo
        const Run plain = cli({u"--db"_s, database, u"init"_s});
        const Run demo = cli({u"--db"_s, database, u"init"_s, u"--demo"_s});

        // THEN both fail, say the file exists, and the file is as it was
        for (const Run &run : {plain, demo}) {
            QVERIFY2(run.exitCode == 1, run.describe().constData());
            QVERIFY2(run.err.contains(u"already exists"_s), run.describe().constData());
            QVERIFY(run.err.contains(database));
        }
        QCOMPARE(fileHash(database), before);
        if (chorusDatabase) {
            auto store = openStore(database);
            QVERIFY(store);
            QCOMPARE(store->count(Kind::Organization), qint64(1));
            QCOMPARE(store->count(Kind::Quote), qint64(0));
        }
    }

    void shouldWorkWithoutADisplayWhateverPlatformTheDesktopAsksFor()
    {
        // GIVEN a terminal over SSH: no display, but the desktop's platform setting came along
        const QString database = path(u"remote.chorus"_s);
        // WHEN a script creates the demo database there
        const Run run = cli({u"--db"_s, database, u"init"_s, u"--demo"_s},
                            {{u"QT_QPA_PLATFORM"_s, u"xcb"_s}, {u"DISPLAY"_s, QString()}, {u"WAYLAND_DISPLAY"_s, QString()}});
        // THEN chorus-cli does its job instead of looking for a screen
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(QFile::exists(database));
    }

    void shouldReportAFreshDatabaseAsHealthy()
    {
        // GIVEN a database made by init
        const QString database = initializedDatabase();

        // WHEN it is checked
        const Run run = cli({u"--db"_s, database, u"check"_s});

        // THEN it is healthy, at the current schema version
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.out.trimmed(), u"OK: %1 is a healthy Chorus database (schema version %2)."_s.arg(database).arg(Store::Store::schemaVersion()));
    }

    void shouldSayWhenItUpgradesAnOlderDatabase()
    {
        // GIVEN a database saved by the first version of Chorus
        const QString database = path(u"old.chorus"_s);
        QVERIFY(QFile::copy(QStringLiteral(CHORUS_TEST_DATA "/chorus-v1.chorus"), database));

        // WHEN it is checked
        const Run run = cli({u"--db"_s, database, u"check"_s});

        // THEN it is upgraded and healthy, and the user learns where the old version was saved
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(u"schema version %1"_s.arg(Store::Store::schemaVersion())), run.describe().constData());
        const QStringList backups = QDir(m_dir->path()).entryList({u"old.chorus.*"_s}, QDir::Files);
        QCOMPARE(backups.size(), 1);
        QVERIFY2(run.err.contains(u"after saving a copy of the old version as "_s + path(backups.first())), run.describe().constData());
    }

    void shouldListTheProblemsOfADamagedDatabase()
    {
        // GIVEN a database where a person belongs to an organization that does not exist
        const QString database = initializedDatabase();
        {
            auto store = openStore(database);
            QVERIFY(store);
            QVERIFY(store->database().exec(
                u"PRAGMA foreign_keys=OFF; INSERT INTO people (id, name, organization_id) VALUES ('a9d3c1e4-0000-4000-8000-000000000001', 'Ana Ruiz', 'nowhere')"_s));
        }

        // WHEN it is checked
        const Run run = cli({u"--db"_s, database, u"check"_s});

        // THEN check fails and names the problem
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        QVERIFY2(run.out.contains(u"Found 1 problem in "_s + database), run.describe().constData());
        QVERIFY2(run.out.contains(u"people"_s) && run.out.contains(u"organizations"_s), run.describe().constData());
    }

    void shouldRefuseAFileThatIsNotAChorusDatabase()
    {
        // GIVEN a text file where the database should be
        const QString database = path(u"contacts.chorus"_s);
        writeFile(database, "name,email\nAna,ana@example.org\n");
        const QByteArray before = fileHash(database);

        // WHEN it is checked
        const Run run = cli({u"--db"_s, database, u"check"_s});

        // THEN chorus-cli cannot open it, says why on stderr, and leaves it alone
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(u"is not a Chorus database"_s), run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(fileHash(database), before);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"contacts.chorus"_s});
    }

    void shouldNeverCreateAMissingDatabase_data()
    {
        QTest::addColumn<QStringList>("command");

        QTest::newRow("check") << QStringList{u"check"_s};
        QTest::newRow("search") << QStringList{u"search"_s, u"rio"_s};
        QTest::newRow("search --json") << QStringList{u"search"_s, u"--json"_s, u"rio"_s};
        QTest::newRow("backup") << QStringList{u"backup"_s, u"copy.chorus"_s};
    }

    void shouldNeverCreateAMissingDatabase()
    {
        QFETCH(QStringList, command);

        // GIVEN no database at the path
        const QString database = path(u"missing.chorus"_s);

        // WHEN a command that reads the database runs on it
        const Run run = cli(QStringList{u"--db"_s, database} + command);

        // THEN it fails as "cannot open", tells how to create one, and creates no file
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(u"the file does not exist"_s), run.describe().constData());
        QVERIFY(run.err.contains(u"init"_s));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(database));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());
    }

    void shouldFindARecordWithoutAccentsOrCase()
    {
        // GIVEN a database with an organization whose name has an accent
        const QString database = initializedDatabase();
        QString id;
        {
            auto store = openStore(database);
            QVERIFY(store);
            auto created = store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}, {u"short_name"_s, u"RVA"_s}});
            QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
            id = created.value();
        }

        // WHEN it is searched for in lower case and without the accent
        const Run run = cli({u"--db"_s, database, u"search"_s, u"rio verde"_s});

        // THEN it is listed under its kind, with its id
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.startsWith(u"Organizations\n"_s), run.describe().constData());
        QVERIFY2(run.out.contains(u"  Río Verde Alliance — RVA ["_s + id + u"]\n"_s), run.describe().constData());
    }

    void shouldPrintSearchResultsAsJson()
    {
        // GIVEN a database with an organization and one of its spokespeople
        const QString database = initializedDatabase();
        QString organization;
        QString person;
        {
            auto store = openStore(database);
            QVERIFY(store);
            organization = store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}}).value();
            auto created = store->create(Kind::Person, {{u"name"_s, u"Lucía Verde"_s}, {u"title"_s, u"Director"_s}, {u"organization_id"_s, organization}});
            QVERIFY(created);
            person = created.value();
        }

        // WHEN the search asks for JSON (the words given as separate arguments)
        const Run run = cli({u"--db"_s, database, u"search"_s, u"--json"_s, u"verde"_s});

        // THEN the output is a JSON array with both records, their kinds, ids, titles and details
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.describe().constData());
        QVERIFY(document.isArray());
        const QJsonArray hits = document.array();
        QCOMPARE(hits.size(), 2);
        QHash<QString, QJsonObject> byKind;
        for (const QJsonValue &hit : hits) {
            byKind.insert(hit.toObject().value(u"kind"_s).toString(), hit.toObject());
        }
        QCOMPARE(byKind.value(u"organization"_s).value(u"id"_s).toString(), organization);
        QCOMPARE(byKind.value(u"organization"_s).value(u"title"_s).toString(), u"Río Verde Alliance"_s);
        QCOMPARE(byKind.value(u"person"_s).value(u"id"_s).toString(), person);
        QCOMPARE(byKind.value(u"person"_s).value(u"title"_s).toString(), u"Lucía Verde"_s);
        QCOMPARE(byKind.value(u"person"_s).value(u"detail"_s).toString(), u"Director, Río Verde Alliance"_s);
    }

    void shouldLimitTheResultsOfEachKind()
    {
        // GIVEN three organizations that match
        const QString database = initializedDatabase();
        {
            auto store = openStore(database);
            QVERIFY(store);
            for (const QString &name : {u"Verde Norte"_s, u"Verde Sur"_s, u"Verde Este"_s}) {
                QVERIFY(store->create(Kind::Organization, {{u"name"_s, name}}));
            }
        }

        // WHEN the search allows two of each kind
        const Run run = cli({u"--db"_s, database, u"search"_s, u"verde"_s, u"--limit"_s, u"2"_s, u"--json"_s});

        // THEN two are printed
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 2);
    }

    void shouldSaySoWhenNothingMatches()
    {
        // GIVEN an empty database
        const QString database = initializedDatabase();

        // WHEN a search finds nothing
        const Run text = cli({u"--db"_s, database, u"search"_s, u"zanahoria"_s});
        const Run json = cli({u"--db"_s, database, u"search"_s, u"zanahoria"_s, u"--json"_s});

        // THEN that is said, and it is not an error; in JSON, the array is empty
        QVERIFY2(text.exitCode == 0, text.describe().constData());
        QCOMPARE(text.out.trimmed(), u"No results for “zanahoria”."_s);
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
    }

    void shouldWriteABackupThatOpensWithTheSameRecords()
    {
        // GIVEN a database with an organization, a spokesperson and a quote
        const QString database = initializedDatabase();
        QHash<Kind, qint64> counts;
        {
            auto store = openStore(database);
            QVERIFY(store);
            const QString organization = store->create(Kind::Organization, {{u"name"_s, u"Acacia Tenants Union"_s}}).value();
            const QString person = store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, organization}}).value();
            auto quote = store->create(Kind::Quote, {{u"text"_s, u"Homes, not surveillance."_s}, {u"spokesperson_id"_s, person}, {u"state"_s, u"draft"_s}});
            QVERIFY2(quote, quote ? "" : qPrintable(quote.error().message()));
            counts = countsOf(*store);
        }
        const QString copy = path(u"copy.chorus"_s);

        // WHEN it is backed up
        const Run run = cli({u"--db"_s, database, u"backup"_s, copy});

        // THEN the copy opens as a Chorus database with the same records, and the user is told
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(copy), run.describe().constData());
        QVERIFY2(run.out.contains(u"1 organization, 1 person, 1 quote"_s), run.describe().constData());
        auto backup = openStore(copy);
        QVERIFY(backup);
        QCOMPARE(countsOf(*backup), counts);
        QVERIFY(backup->check().isEmpty());
        QCOMPARE(backup->search(u"homes"_s).size(), 1);
    }

    void shouldRefuseToOverwriteAnExistingBackupTarget()
    {
        // GIVEN a database and a file where the backup should go
        const QString database = initializedDatabase();
        const QString target = path(u"important.txt"_s);
        writeFile(target, "do not lose this\n");
        const QByteArray before = fileHash(target);

        // WHEN the backup is written there
        const Run run = cli({u"--db"_s, database, u"backup"_s, target});

        // THEN it is refused and the file is untouched
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        QVERIFY2(run.err.contains(u"already exists"_s), run.describe().constData());
        QCOMPARE(fileHash(target), before);
    }

    void shouldRejectAWrongCommandLineWithExitCode2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"“frobnicate” is not a command"_s;
        QTest::newRow("no command") << QStringList{} << u"No command given"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s, u"check"_s} << u"frobnicate"_s;
        QTest::newRow("option of another command") << QStringList{u"check"_s, u"--demo"_s} << u"demo"_s;
        QTest::newRow("search without words") << QStringList{u"search"_s} << u"needs the words to search for"_s;
        QTest::newRow("backup without a file") << QStringList{u"backup"_s} << u"needs the file to write"_s;
        QTest::newRow("backup to two files") << QStringList{u"backup"_s, u"a.chorus"_s, u"b.chorus"_s} << u"writes one file"_s;
        QTest::newRow("check with an argument") << QStringList{u"check"_s, u"now"_s} << u"takes no arguments"_s;
        QTest::newRow("limit not a number") << QStringList{u"search"_s, u"rio"_s, u"--limit"_s, u"ten"_s} << u"--limit needs a whole number"_s;
        QTest::newRow("limit zero") << QStringList{u"search"_s, u"rio"_s, u"--limit"_s, u"0"_s} << u"--limit needs a whole number"_s;
        QTest::newRow("--db without a file") << QStringList{u"check"_s, u"--db"_s} << u"db"_s;
        QTest::newRow("--db with an empty name") << QStringList{u"--db"_s, QString(), u"check"_s} << u"--db is empty"_s;
        QTest::newRow("help for an unknown command") << QStringList{u"help"_s, u"frobnicate"_s} << u"“frobnicate” is not a command"_s;
    }

    void shouldRejectAWrongCommandLineWithExitCode2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);

        // GIVEN a database, so that only the command line can be wrong
        const QString database = initializedDatabase();
        const QByteArray before = fileHash(database);

        const Run run = cli(QStringList{u"--db"_s, database} + arguments);

        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(message), run.describe().constData());
        QVERIFY2(run.err.contains(u"chorus-cli --help"_s), run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(fileHash(database), before);
    }

    void shouldLoadTheDemoCoalitionAndFindItWithoutAccents()
    {
        // GIVEN a new database filled with the demo coalition
        const QString database = path(u"demo.chorus"_s);
        const Run init = cli({u"--db"_s, database, u"init"_s, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, init.describe().constData());
        QVERIFY2(init.out.contains(u"with the demo coalition: "_s), init.describe().constData());
        {
            auto store = openStore(database);
            QVERIFY(store);
            QVERIFY(store->count(Kind::Organization) >= 12);
            QVERIFY(init.out.contains(u"%1 organizations"_s.arg(store->count(Kind::Organization))));
            QVERIFY(store->check().isEmpty());
        }

        // WHEN a spokesperson is searched for without the accent of her name
        const Run run = cli({u"--db"_s, database, u"search"_s, u"Martinez"_s, u"--json"_s});

        // THEN a person named Martínez is found
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        bool found = false;
        const QJsonArray hits = QJsonDocument::fromJson(run.out.toUtf8()).array();
        for (const QJsonValue &hit : hits) {
            const QJsonObject object = hit.toObject();
            found = found || (object.value(u"kind"_s).toString() == u"person" && object.value(u"title"_s).toString().contains(u"Martínez"_s));
        }
        QVERIFY2(found, run.describe().constData());
    }
};

CHORUS_TEST_MAIN(CliTest)

#include "clitest.moc"
