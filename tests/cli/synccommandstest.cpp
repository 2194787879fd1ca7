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
};

CHORUS_TEST_MAIN(SyncCommandsTest)

#include "synccommandstest.moc"
