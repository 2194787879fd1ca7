// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"
#include "synctesthelpers.h"

#include "sync/sharedfolder.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Sync::SharedFolder;

class SharedFolderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_databases;
    QTemporaryDir m_shared;
    TestReplica m_laptops[3];
    QString m_quote;

    static QStringList changeFiles(const QString &folder)
    {
        return QDir(folder).entryList({u"*.chorus-changes"_s}, QDir::Files);
    }

    Sync::SharedFolder::Summary round(int laptop)
    {
        SharedFolder folder(*m_laptops[laptop].store, m_shared.path());
        auto done = folder.synchronize();
        if (!done) {
            qWarning() << done.error().message();
            return {};
        }
        return done.value();
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN three laptops, each with its own database file, that share one folder; the first
        // has a quote, and the other two joined through the folder
        const QStringList names = {u"Ana's laptop"_s, u"Ben's laptop"_s, u"Carla's laptop"_s};
        static int run = 0;
        ++run;
        for (int i = 0; i < 3; ++i) {
            m_laptops[i] = TestReplica::open(names.at(i), m_databases.filePath(u"run%1-laptop%2.chorus"_s.arg(run).arg(i)));
            QVERIFY(m_laptops[i].store);
        }
        QDir(m_shared.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_shared.path()));
        auto person = m_laptops[0].store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(person);
        auto quote = m_laptops[0].store->create(Kind::Quote, {{u"text"_s, u"Rents are not a luxury."_s}, {u"spokesperson_id"_s, person.value()}});
        QVERIFY(quote);
        m_quote = quote.value();
        QCOMPARE(round(0).filesWritten, 1);
        QCOMPARE(round(1).filesImported, 1);
        QCOMPARE(round(2).filesImported, 1);
    }

    void shouldBringThreeLaptopsToTheSameRecordsThroughTheFolder()
    {
        // WHEN each laptop changes the quote's text offline, then they meet in the folder in turn
        for (int i = 0; i < 3; ++i) {
            QVERIFY(m_laptops[i].store->update(Kind::Quote, m_quote, {{u"text"_s, u"Version %1."_s.arg(i + 1)}}));
        }
        for (int laptop : {2, 0, 1, 2, 0}) {
            round(laptop);
        }
        // THEN all three hold the same records, and each lists the two versions that lost
        const QByteArray reference = m_laptops[0].replica->canonicalDump();
        QVERIFY(reference.contains("Version"));
        for (TestReplica &laptop : m_laptops) {
            QCOMPARE(laptop.replica->canonicalDump(), reference);
            QCOMPARE(laptop.replica->conflicts().size(), 2);
        }
        // AND each laptop wrote only its own changes, in files named after it
        for (const QString &name : changeFiles(m_shared.path())) {
            QVERIFY(name.startsWith(m_laptops[0].store->replicaId()) || name.startsWith(m_laptops[1].store->replicaId())
                    || name.startsWith(m_laptops[2].store->replicaId()));
        }
        // AND they know when they last heard from each other
        const QList<Sync::Peer> peers = m_laptops[0].replica->peers();
        QCOMPARE(peers.size(), 2);
        QVERIFY(peers.at(0).lastImport.isValid() && peers.at(1).lastImport.isValid());
    }

    void shouldPassOnWhatALaptopReceivedByBundleToTheOthersInTheFolder()
    {
        // GIVEN Dana's laptop, which never uses the folder: it joined by a bundle from Ana's, and
        // its edit reached Ana's laptop by a bundle too
        TestReplica dana = TestReplica::open(u"Dana's laptop"_s);
        QVERIFY(dana.store);
        QVERIFY(dana.replica->importBundle(m_laptops[0].bundle()));
        QVERIFY(dana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Dana's words, carried on a USB stick."_s}}));
        QVERIFY(m_laptops[0].replica->importBundle(dana.bundle()));
        // WHEN Ana's laptop, then Carla's, synchronize with the folder
        const auto passed = round(0);
        round(2);
        // THEN Ana's laptop passed Dana's edit on, under Dana's name, and Carla's has it
        QCOMPARE(passed.operationsWritten, 0);
        QVERIFY(passed.operationsPassedOn > 0);
        QVERIFY(changeFiles(m_shared.path()).join(u' ').contains(dana.store->replicaId()));
        QCOMPARE(m_laptops[2].store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Dana's words, carried on a USB stick."_s);
        QCOMPARE(m_laptops[2].replica->canonicalDump(), m_laptops[0].replica->canonicalDump());
        // AND once passed on, it is not written again
        QCOMPARE(round(1).operationsPassedOn, 0);
        QCOMPARE(round(0).filesWritten, 0);
    }

    void shouldKeepWritingWhenAFileInTheFolderClaimsMoreThanTheLaptopMade()
    {
        // GIVEN an empty file named as if Ana's laptop had written all its changes for ages to come
        QFile claim(QDir(m_shared.path()).filePath(m_laptops[0].store->replicaId() + u"-0000000000000001-7fffffffffffffff"_s + SharedFolder::fileSuffix()));
        QVERIFY(claim.open(QIODevice::WriteOnly));
        claim.close();
        // WHEN Ana edits the quote and synchronizes, then Ben
        QVERIFY(m_laptops[0].store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ana's new words."_s}}));
        const auto written = round(0);
        const auto received = round(1);
        // THEN Ana's edit went into the folder and reached Ben; the empty file is reported
        QCOMPARE(written.filesWritten, 1);
        QCOMPARE(m_laptops[1].store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Ana's new words."_s);
        QCOMPARE(received.problems.size(), 1);
    }

    void shouldWriteNothingWhenNothingChanged()
    {
        // WHEN a laptop with nothing new synchronizes again
        const QStringList before = changeFiles(m_shared.path());
        const auto summary = round(0);
        // THEN no file is added and nothing is imported twice
        QCOMPARE(summary.filesWritten, 0);
        QCOMPARE(summary.filesImported, 0);
        QCOMPARE(changeFiles(m_shared.path()), before);
    }

    void shouldPickUpNewFilesWhileWatching()
    {
        // GIVEN Ben's laptop watching the folder
        SharedFolder watched(*m_laptops[1].store, m_shared.path());
        watched.setWatching(true);
        QSignalSpy synchronized(&watched, &SharedFolder::synchronized);
        // WHEN Ana edits and her laptop writes its changes to the folder
        QVERIFY(m_laptops[0].store->update(Kind::Quote, m_quote, {{u"text"_s, u"Written while Ben watches."_s}}));
        round(0);
        // THEN Ben's laptop imports them on its own
        QTRY_COMPARE_WITH_TIMEOUT(m_laptops[1].store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Written while Ben watches."_s, 10000);
        QVERIFY(!synchronized.isEmpty());

        // WHEN Ben edits while watching
        QVERIFY(m_laptops[1].store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ben's reply."_s}}));
        // THEN his change reaches the folder without anyone asking
        QTRY_VERIFY_WITH_TIMEOUT(round(2).filesImported > 0 || m_laptops[2].store->fetch(Kind::Quote, m_quote)->value(u"text"_s) == u"Ben's reply."_s, 10000);
        QCOMPARE(m_laptops[2].store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Ben's reply."_s);
    }

    void shouldReportADamagedFileAndStillImportTheOthers()
    {
        // GIVEN a half-copied file from Carla's laptop next to a good one from Ana's
        QVERIFY(m_laptops[0].store->update(Kind::Quote, m_quote, {{u"text"_s, u"Good news."_s}}));
        round(0);
        QVERIFY(m_laptops[2].store->update(Kind::Quote, m_quote, {{u"language"_s, u"es"_s}}));
        round(2);
        QString carlas;
        for (const QString &name : changeFiles(m_shared.path())) {
            if (name.startsWith(m_laptops[2].store->replicaId())) {
                carlas = QDir(m_shared.path()).filePath(name);
            }
        }
        QVERIFY(!carlas.isEmpty());
        QFile file(carlas);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        // WHEN Ben's laptop synchronizes
        const auto summary = round(1);
        // THEN it names the damaged file, and imports the good one
        QCOMPARE(summary.problems.size(), 1);
        QVERIFY(summary.problems.at(0).contains(QFileInfo(carlas).fileName()));
        QVERIFY(summary.problems.at(0).contains(u"incomplete"_s));
        QCOMPARE(m_laptops[1].store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Good news."_s);
    }

    void shouldRefuseAFolderThatDoesNotExist()
    {
        SharedFolder folder(*m_laptops[0].store, m_shared.filePath(u"missing"_s));
        auto done = folder.synchronize();
        QVERIFY(!done);
        QVERIFY(done.error().message().contains(u"missing"_s));
    }
};

CHORUS_TEST_MAIN(SharedFolderTest)

#include "sharedfoldertest.moc"
