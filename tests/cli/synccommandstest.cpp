// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include "store/store.h"
#include "sync/replica.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

namespace
{

using Run = Chorus::Test::CliRun;

} // namespace

/// chorus-cli sync, bundle and conflicts, run as a user would run them.
class SyncCommandsTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    [[nodiscard]] QString path(const QString &name) const
    {
        return m_dir->filePath(name);
    }

    Run cli(const QStringList &arguments)
    {
        return Chorus::Test::runCli(m_dir->path(), arguments);
    }

    /// chorus-cli run where no file may grow past limit bytes, as when the disk fills up.
    Run cliWithFileSizeLimit(const QStringList &arguments, rlim_t limit)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"HOME"_s, path(u"home"_s));
        environment.insert(u"XDG_DATA_HOME"_s, path(u"xdg-data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, path(u"xdg-config"_s));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_dir->path());
        process.setChildProcessModifier([limit] {
            const rlimit size{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &size);
        });
        process.start(QStringLiteral(CHORUS_CLI), arguments);
        Run run;
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
            process.kill();
            process.waitForFinished();
            run.err = u"chorus-cli did not finish normally: "_s + process.errorString();
            return run;
        }
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    /// A database made by chorus-cli init, named for sync.
    QString laptop(const QString &file, const QString &name, bool demo = false)
    {
        const QString database = path(file);
        QStringList arguments{u"--db"_s, database, u"init"_s};
        if (demo) {
            arguments << u"--demo"_s;
        }
        const Run init = cli(arguments);
        if (init.exitCode != 0) {
            qWarning() << init.describe();
        }
        auto store = Store::Store::open(database, false);
        if (store) {
            (void)store.value()->setReplicaName(name);
        }
        return database;
    }

    static QString quoteText(const QString &database, const QString &id)
    {
        auto store = Store::Store::open(database, false);
        return store ? store.value()->fetch(Kind::Quote, id)->value(u"text"_s).toString() : QString();
    }

    static bool edit(const QString &database, const QString &id, const QString &text)
    {
        auto store = Store::Store::open(database, false);
        return store && store.value()->update(Kind::Quote, id, {{u"text"_s, text}});
    }

    static QString firstQuote(const QString &database)
    {
        auto store = Store::Store::open(database, false);
        return store ? store.value()->fetchAll(Kind::Quote).constFirst().value(u"id"_s).toString() : QString();
    }

    static QByteArray dump(const QString &database)
    {
        auto store = Store::Store::open(database, false);
        if (!store) {
            return {};
        }
        Sync::Replica replica(*store.value());
        return replica.canonicalDump();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir(m_dir->path()).mkpath(u"home"_s));
    }

    void shouldListTheSyncCommandsInTheHelp()
    {
        const Run help = cli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"sync --folder DIR"_s));
        QVERIFY(help.out.contains(u"bundle export [--since-peer NAME] --out FILE"_s));
        QVERIFY(help.out.contains(u"conflicts list"_s));
    }

    void shouldCarryChangesByBundleAndListConflicts()
    {
        // GIVEN the coordinator's demo coalition, and a volunteer's new database that imports it
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        Run exported = cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, path(u"all.chorus-changes"_s)});
        QVERIFY2(exported.exitCode == 0, exported.describe().constData());
        QVERIFY(exported.out.startsWith(u"Wrote "_s));
        Run imported = cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, path(u"all.chorus-changes"_s)});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        QVERIFY(imported.out.contains(u"from “Ana's laptop”"_s));
        QCOMPARE(dump(ben), dump(ana));

        // WHEN both edit the same quote and exchange only what the other has not seen
        const QString quote = firstQuote(ana);
        QVERIFY(edit(ana, quote, u"Ana's version."_s));
        QVERIFY(edit(ben, quote, u"Ben's version."_s));
        exported = cli({u"--db"_s, ben, u"bundle"_s, u"export"_s, u"--since-peer"_s, u"Ana's laptop"_s, u"--out"_s, path(u"for-ana.chorus-changes"_s)});
        QVERIFY2(exported.exitCode == 0, exported.describe().constData());
        QVERIFY2(exported.out.startsWith(u"Wrote 1 change"_s), exported.describe().constData());
        imported = cli({u"--db"_s, ana, u"bundle"_s, u"import"_s, path(u"for-ana.chorus-changes"_s)});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        QVERIFY(imported.out.contains(u"1 new conflict"_s));
        cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, path(u"for-ben.chorus-changes"_s)});
        cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, path(u"for-ben.chorus-changes"_s)});

        // THEN both have the same text, and conflicts list shows the other version and its author
        QCOMPARE(dump(ben), dump(ana));
        const Run listed = cli({u"--db"_s, ana, u"conflicts"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(u"1 conflict to resolve"_s), listed.describe().constData());
        const QString kept = quoteText(ana, quote);
        QVERIFY(listed.out.contains(kept == u"Ana's version." ? u"Ben's version."_s : u"Ana's version."_s));
        const Run json = cli({u"--db"_s, ben, u"conflicts"_s, u"list"_s, u"--json"_s});
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0)[u"record"_s].toString(), quote);
        QCOMPARE(array.at(0)[u"current"_s].toString(), kept);
    }

    void shouldListALinkLostToADeleteReadably()
    {
        // GIVEN the coordinator deleted a campaign of the demo coalition while a volunteer, who
        // had it, filed a quote under it
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        QVERIFY(cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, path(u"all.chorus-changes"_s)}).exitCode == 0);
        QVERIFY(cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, path(u"all.chorus-changes"_s)}).exitCode == 0);
        const QString quote = firstQuote(ana);
        const QString campaign = u"Rent Strike"_s;
        const Run created = cli({u"--db"_s, ana, u"create"_s, u"campaign"_s, u"name="_s + campaign});
        QVERIFY2(created.exitCode == 0, created.describe().constData());
        QVERIFY(cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, path(u"campaign.chorus-changes"_s)}).exitCode == 0);
        QVERIFY(cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, path(u"campaign.chorus-changes"_s)}).exitCode == 0);
        const Run deleted = cli({u"--db"_s, ana, u"delete"_s, u"campaign"_s, created.out.trimmed(), u"--detach"_s});
        QVERIFY2(deleted.exitCode == 0, deleted.describe().constData());
        const Run filed = cli({u"--db"_s, ben, u"update"_s, u"quote"_s, quote, u"campaign_id="_s + created.out.trimmed()});
        QVERIFY2(filed.exitCode == 0, filed.describe().constData());
        // WHEN the volunteer's changes reach the coordinator
        QVERIFY(cli({u"--db"_s, ben, u"bundle"_s, u"export"_s, u"--out"_s, path(u"for-ana.chorus-changes"_s)}).exitCode == 0);
        const Run imported = cli({u"--db"_s, ana, u"bundle"_s, u"import"_s, path(u"for-ana.chorus-changes"_s)});
        QVERIFY2(imported.out.contains(u"1 new conflict"_s), imported.describe().constData());
        // THEN conflicts list says what happened, by name, and what each choice does
        const Run listed = cli({u"--db"_s, ana, u"conflicts"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(u"Campaign “Rent Strike” was deleted on Ana's laptop"_s)
                     && listed.out.contains(u"Ben's laptop made it the campaign of Quote"_s) && listed.out.contains(u"has no campaign now"_s)
                     && listed.out.contains(u"“--keep theirs” makes Campaign “Rent Strike” again"_s),
                 listed.describe().constData());
        const Run json = cli({u"--db"_s, ana, u"conflicts"_s, u"list"_s, u"--json"_s});
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0)[u"reason"_s].toString(), u"linked_to_deleted"_s);
        QCOMPARE(array.at(0)[u"record"_s].toString(), quote);
        QCOMPARE(array.at(0)[u"field"_s].toString(), u"campaign_id"_s);
        QCOMPARE(array.at(0)[u"other"_s].toString(), created.out.trimmed());
        QCOMPARE(array.at(0)[u"otherName"_s].toString(), u"Campaign “Rent Strike”"_s);
        QCOMPARE(array.at(0)[u"deletedBy"_s].toString(), u"Ana's laptop"_s);
        // AND keeping theirs files the quote under the campaign brought back, with its id
        const Run resolved = cli({u"--db"_s, ana, u"conflicts"_s, u"resolve"_s, QString::number(array.at(0)[u"id"_s].toInteger()), u"--keep"_s, u"theirs"_s});
        QVERIFY2(resolved.exitCode == 0, resolved.describe().constData());
        auto store = Store::Store::open(ana, false);
        QVERIFY(store);
        const QString restored = store.value()->fetch(Kind::Quote, quote)->value(u"campaign_id"_s).toString();
        QCOMPARE(restored, created.out.trimmed());
        QCOMPARE(store.value()->fetch(Kind::Campaign, restored)->value(u"name"_s).toString(), campaign);
    }

    void shouldRefuseADamagedBundleAndLeaveTheDatabaseAsItWas()
    {
        // GIVEN a truncated bundle
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, path(u"all.chorus-changes"_s)});
        QFile file(path(u"all.chorus-changes"_s));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 100));
        file.close();
        const QByteArray before = dump(ben);
        // WHEN it is imported
        const Run imported = cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, path(u"all.chorus-changes"_s)});
        // THEN the command fails with the reason, and nothing changed
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains(u"incomplete"_s), imported.describe().constData());
        QCOMPARE(dump(ben), before);
    }

    void shouldSynchronizeThreeLaptopsThroughASharedFolder()
    {
        // GIVEN three laptops and a shared folder
        const QString shared = path(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        const QString carla = laptop(u"carla.chorus"_s, u"Carla's laptop"_s);
        // WHEN each syncs with the folder, edits, and syncs again
        for (const QString &database : {ana, ben, carla}) {
            const Run run = cli({u"--db"_s, database, u"sync"_s, u"--folder"_s, shared});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
        }
        const QString quote = firstQuote(ana);
        QVERIFY(edit(ben, quote, u"Ben's words."_s));
        QVERIFY(edit(carla, quote, u"Carla's words."_s));
        for (const QString &database : {ben, carla, ana, ben}) {
            const Run run = cli({u"--db"_s, database, u"sync"_s, u"--folder"_s, shared});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
        }
        // THEN all three are the same, and a last round has nothing to do
        QCOMPARE(dump(ben), dump(ana));
        QCOMPARE(dump(carla), dump(ana));
        const Run again = cli({u"--db"_s, ana, u"sync"_s, u"--folder"_s, shared});
        QVERIFY(again.out.contains(u"Already up to date"_s));
    }

    void shouldExplainAWrongSyncCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("sync without folder") << QStringList{u"sync"_s} << u"sync --folder DIR"_s;
        QTest::newRow("bundle without action") << QStringList{u"bundle"_s} << u"bundle export"_s;
        QTest::newRow("export without file") << QStringList{u"bundle"_s, u"export"_s} << u"--out FILE"_s;
        QTest::newRow("import without file") << QStringList{u"bundle"_s, u"import"_s} << u"bundle import FILE"_s;
        QTest::newRow("conflicts without action") << QStringList{u"conflicts"_s} << u"conflicts list"_s;
    }

    void shouldExplainAWrongSyncCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString database = laptop(u"coalition.chorus"_s, u"Ana's laptop"_s);
        const Run run = cli(QStringList{u"--db"_s, database} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.describe().constData());
    }

    void shouldRefuseAnImportTheDiskCannotHoldAndLeaveTheDatabaseAsItWas()
    {
        // GIVEN everything of the demo coalition in a bundle, and a new database
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        const QString bundle = path(u"all.chorus-changes"_s);
        QCOMPARE(cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, bundle}).exitCode, 0);
        const QByteArray before = Chorus::Test::fileHash(ben);
        // WHEN it is imported where no file may grow past 64 KiB (as on a full disk)
        const Run full = cliWithFileSizeLimit({u"--db"_s, ben, u"bundle"_s, u"import"_s, bundle}, 64 * 1024);
        // THEN the command fails with a message instead of being killed, and the file is as it was
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains(u"Nothing was imported."_s), full.describe().constData());
        QCOMPARE(Chorus::Test::fileHash(ben), before);
        // AND the same import works once there is room
        const Run roomy = cli({u"--db"_s, ben, u"bundle"_s, u"import"_s, bundle});
        QVERIFY2(roomy.exitCode == 0, roomy.describe().constData());
        QCOMPARE(dump(ben), dump(ana));
    }

    void shouldReportAFileOfTheSharedFolderThatCannotBeImportedOnceInItsOwnWords()
    {
        // GIVEN a shared folder holding an empty file named like a changes file (still being copied)
        const QString shared = path(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        const QString name = u"01234567-89ab-cdef-0123-456789abcdef-0000000000000000-0000000000000001.chorus-changes"_s;
        QFile empty(QDir(shared).filePath(name));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        // WHEN Ben synchronizes
        const Run run = cli({u"--db"_s, ben, u"sync"_s, u"--folder"_s, shared});
        // THEN the file is named once, with what is wrong with it, and no developer diagnostics
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.count(name), 1);
        QVERIFY2(run.err.contains(u"The changes file is empty"_s), run.describe().constData());
        QVERIFY2(!run.err.contains(u"chorus.sync"_s), run.describe().constData());
    }

    void shouldSayInItsOwnWordsWhyTheMergedTextCannotBeRead()
    {
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        const Run run = cli({u"--db"_s, ben, u"conflicts"_s, u"resolve"_s, u"1"_s, u"--merged-file"_s, u"merged.txt"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(path(u"merged.txt"_s)) + u": there is no such file"_s), run.describe().constData());
    }

    void shouldLeaveAFreshlyCopiedDatabaseByteForByteAsItWasWhenItRefusesAFile()
    {
        // GIVEN a copy of Ben's database, not opened yet, and a damaged bundle from Ana
        const QString ana = laptop(u"ana.chorus"_s, u"Ana's laptop"_s, true);
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        const QString copy = path(u"copy-of-ben.chorus"_s);
        QVERIFY(QFile::copy(ben, copy));
        const QString bundle = path(u"all.chorus-changes"_s);
        QCOMPARE(cli({u"--db"_s, ana, u"bundle"_s, u"export"_s, u"--out"_s, bundle}).exitCode, 0);
        QFile file(bundle);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        const QByteArray before = Chorus::Test::fileHash(copy);
        // WHEN the copy is given the damaged bundle, then a shared folder that is not there
        const Run imported = cli({u"--db"_s, copy, u"bundle"_s, u"import"_s, bundle});
        const Run synchronized = cli({u"--db"_s, copy, u"sync"_s, u"--folder"_s, path(u"nowhere"_s)});
        // THEN both are refused, and the file is as it was, byte for byte
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains(u"incomplete"_s), imported.describe().constData());
        QCOMPARE(synchronized.exitCode, 1);
        QCOMPARE(Chorus::Test::fileHash(copy), before);
    }

    void shouldSayWhyTheSharedFolderCannotBeUsed()
    {
        // GIVEN a laptop and a shared folder that is not there
        const QString ben = laptop(u"ben.chorus"_s, u"Ben's laptop"_s);
        const QByteArray before = Chorus::Test::fileHash(ben);
        // WHEN Ben synchronizes with it
        const Run run = cli({u"--db"_s, ben, u"sync"_s, u"--folder"_s, u"nowhere"_s});
        // THEN the command fails, naming the whole path and the reason, and changes nothing
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(path(u"nowhere"_s)) + u": it does not exist"_s), run.describe().constData());
        QCOMPARE(Chorus::Test::fileHash(ben), before);
    }
};

CHORUS_TEST_MAIN(SyncCommandsTest)

#include "synccommandstest.moc"
