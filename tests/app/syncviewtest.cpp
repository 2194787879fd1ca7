// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"
#include "sync/synctesthelpers.h"

#include "syncview.h"

#include "sync/sharedfolder.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class SyncViewTest : public QObject
{
    Q_OBJECT

    TestReplica m_ana;
    TestReplica m_ben;
    QString m_quote;

private Q_SLOTS:
    void init()
    {
        // GIVEN Ana's and Ben's laptops that rewrote the same quote at once and exchanged
        m_ana = TestReplica::open(u"Ana's laptop"_s);
        m_ben = TestReplica::open(u"Ben's laptop"_s);
        auto person = m_ana.store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(person);
        auto quote = m_ana.store->create(Kind::Quote, {{u"text"_s, u"Rents are not a luxury."_s}, {u"spokesperson_id"_s, person.value()}});
        QVERIFY(quote);
        m_quote = quote.value();
        m_ben.receive(m_ana);
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ana's words."_s}}));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ben's words."_s}}));
        m_ana.receive(m_ben);
    }

    void shouldShowThePeersAndTheConflictSideBySide()
    {
        // WHEN the view shows Ana's database
        Desktop::SyncView view;
        view.setStore(m_ana.store.get());
        // THEN Ben's laptop is listed, and the conflict shows both versions
        auto *peers = view.findChild<QTreeWidget *>(u"peerList"_s);
        QCOMPARE(peers->topLevelItemCount(), 1);
        QCOMPARE(peers->topLevelItem(0)->text(0), u"Ben's laptop"_s);
        auto *conflicts = view.findChild<QListWidget *>(u"conflictList"_s);
        QCOMPARE(conflicts->count(), 1);
        QVERIFY(view.findChild<QLabel *>(u"syncStatus"_s)->text().contains(u"1 conflict"_s));
        const QString current = view.findChild<QPlainTextEdit *>(u"currentVersion"_s)->toPlainText();
        const QString other = view.findChild<QPlainTextEdit *>(u"otherVersion"_s)->toPlainText();
        QCOMPARE(QSet<QString>({current, other}), QSet<QString>({u"Ana's words."_s, u"Ben's words."_s}));
        QCOMPARE(current, m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString());
        // For looking at by hand: CHORUS_SCREENSHOTS=folder saves what the view looks like.
        if (const QString folder = qEnvironmentVariable("CHORUS_SCREENSHOTS"); !folder.isEmpty()) {
            view.resize(900, 700);
            QVERIFY(view.grab().save(folder + u"/syncview.png"_s));
        }
    }

    void shouldKeepTheOtherVersionWhenAsked()
    {
        Desktop::SyncView view;
        view.setStore(m_ana.store.get());
        const QString other = view.findChild<QPlainTextEdit *>(u"otherVersion"_s)->toPlainText();
        // WHEN the user keeps theirs
        QTest::mouseClick(view.findChild<QPushButton *>(u"keepTheirsButton"_s), Qt::LeftButton);
        // THEN the quote has the other text, and the conflict is gone from the list
        QCOMPARE(m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), other);
        QCOMPARE(view.findChild<QListWidget *>(u"conflictList"_s)->count(), 0);
        QVERIFY(!view.findChild<QPushButton *>(u"keepMineButton"_s)->isEnabled());
    }

    void shouldUseTheMergedTextTheUserWrote()
    {
        Desktop::SyncView view;
        view.setStore(m_ana.store.get());
        // WHEN the user writes a merge and uses it
        auto *merged = view.findChild<QPlainTextEdit *>(u"mergedVersion"_s);
        merged->clear();
        QTest::keyClicks(merged, u"Ana's and Ben's words."_s);
        QTest::mouseClick(view.findChild<QPushButton *>(u"useMergedButton"_s), Qt::LeftButton);
        // THEN the quote has it
        QCOMPARE(m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Ana's and Ben's words."_s);
        QCOMPARE(view.findChild<QListWidget *>(u"conflictList"_s)->count(), 0);
    }

    void shouldShowALinkLostToADeleteByNameAndBringTheRecordBack()
    {
        // GIVEN Ana deleted a campaign while Ben filed the quote under it, and they exchanged
        auto campaign = m_ana.store->create(Kind::Campaign, {{u"name"_s, u"Rent Strike"_s}});
        QVERIFY(campaign);
        m_ben.receive(m_ana);
        QVERIFY(m_ana.store->remove(Kind::Campaign, campaign.value(), Store::DeletePolicy::Detach));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"campaign_id"_s, campaign.value()}}));
        m_ana.receive(m_ben);
        // WHEN the view shows Ana's database, on that conflict
        Desktop::SyncView view;
        view.setStore(m_ana.store.get());
        auto *conflicts = view.findChild<QListWidget *>(u"conflictList"_s);
        QCOMPARE(conflicts->count(), 2);
        int row = -1;
        for (int i = 0; i < conflicts->count(); ++i) {
            if (conflicts->item(i)->text().contains(u"Rent Strike"_s)) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        conflicts->setCurrentRow(row);
        // THEN it names the campaign, who deleted it and who filed the quote under it, and the
        // two sides read as names, not ids
        const QString description = view.findChild<QLabel *>(u"conflictDescription"_s)->text();
        QVERIFY2(description.contains(u"Campaign “Rent Strike” was deleted on Ana's laptop"_s)
                     && description.contains(u"Ben's laptop made it the campaign of"_s),
                 qPrintable(description));
        QCOMPARE(view.findChild<QPlainTextEdit *>(u"currentVersion"_s)->toPlainText(), u"No campaign."_s);
        QCOMPARE(view.findChild<QPlainTextEdit *>(u"otherVersion"_s)->toPlainText(), u"Campaign “Rent Strike”, deleted on Ana's laptop"_s);
        auto *bringBack = view.findChild<QPushButton *>(u"keepTheirsButton"_s);
        QCOMPARE(bringBack->text(), u"Bring It Back"_s);
        QVERIFY(bringBack->isEnabled());
        QVERIFY(!view.findChild<QPushButton *>(u"useMergedButton"_s)->isEnabled());
        if (const QString folder = qEnvironmentVariable("CHORUS_SCREENSHOTS"); !folder.isEmpty()) {
            view.resize(900, 700);
            QVERIFY(view.grab().save(folder + u"/syncview-link.png"_s));
        }
        // AND bringing it back files the quote under a campaign of that name again
        QTest::mouseClick(bringBack, Qt::LeftButton);
        const QString restored = m_ana.store->fetch(Kind::Quote, m_quote)->value(u"campaign_id"_s).toString();
        QVERIFY(!restored.isEmpty());
        QCOMPARE(m_ana.store->fetch(Kind::Campaign, restored)->value(u"name"_s).toString(), u"Rent Strike"_s);
        QCOMPARE(conflicts->count(), 1);
    }

    void shouldFollowImportsByItself()
    {
        // GIVEN the view on Ben's database, which has no conflict yet
        Desktop::SyncView view;
        view.setStore(m_ben.store.get());
        auto *conflicts = view.findChild<QListWidget *>(u"conflictList"_s);
        QCOMPARE(conflicts->count(), 0);
        // WHEN Ben imports Ana's changes
        m_ben.receive(m_ana);
        // THEN the conflict appears
        QTRY_COMPARE(conflicts->count(), 1);
    }

    void shouldSyncThroughASharedFolderChosenOnTheSyncPage()
    {
        // GIVEN Ana's and Ben's databases in files, Ana's with an organization, and an empty shared folder
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"Coalition sync"_s);
        QVERIFY(QDir().mkpath(shared));
        TestReplica ana = TestReplica::open(u"Ana's laptop"_s, dir.filePath(u"ana.chorus"_s));
        TestReplica ben = TestReplica::open(u"Ben's laptop"_s, dir.filePath(u"ben.chorus"_s));
        QVERIFY(ana.store && ben.store);
        QVERIFY(ana.store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}));
        Desktop::SyncView anaView;
        anaView.setStore(ana.store.get());
        QVERIFY(!anaView.findChild<QCheckBox *>(u"sharedFolderEnabled"_s)->isChecked());
        QVERIFY(!anaView.findChild<QPushButton *>(u"syncNowButton"_s)->isEnabled());
        QCOMPARE(anaView.findChild<QLineEdit *>(u"computerName"_s)->text(), u"Ana's laptop"_s);

        // WHEN Ana names her computer, gives the folder and turns shared-folder sync on
        auto *name = anaView.findChild<QLineEdit *>(u"computerName"_s);
        name->selectAll();
        QTest::keyClicks(name, u"Ana's work laptop"_s);
        QTest::keyClick(name, Qt::Key_Return);
        auto *path = anaView.findChild<QLineEdit *>(u"sharedFolderPath"_s);
        QTest::keyClicks(path, shared);
        QTest::keyClick(path, Qt::Key_Return);
        anaView.findChild<QCheckBox *>(u"sharedFolderEnabled"_s)->click();
        // THEN the store has the new name, and her changes are in the folder at once
        QCOMPARE(ana.store->replicaName(), u"Ana's work laptop"_s);
        QCOMPARE(QDir(shared).entryList({u"*"_s + Sync::SharedFolder::fileSuffix()}, QDir::Files).size(), 1);
        QVERIFY(anaView.findChild<QPushButton *>(u"syncNowButton"_s)->isEnabled());
        QVERIFY(anaView.findChild<QLabel *>(u"sharedFolderStatus"_s)->text().contains(u"Synchronized"_s));

        // WHEN Ben turns it on with the same folder
        Desktop::SyncView benView;
        benView.setStore(ben.store.get());
        benView.findChild<QLineEdit *>(u"sharedFolderPath"_s)->setText(shared);
        benView.findChild<QCheckBox *>(u"sharedFolderEnabled"_s)->click();
        // THEN he has Ana's organization, and her computer is listed by its new name
        QCOMPARE(ben.store->count(Kind::Organization), 1);
        auto *peers = benView.findChild<QTreeWidget *>(u"peerList"_s);
        QCOMPARE(peers->topLevelItemCount(), 1);
        QCOMPARE(peers->topLevelItem(0)->text(0), u"Ana's work laptop"_s);
        QVERIFY(benView.findChild<QLabel *>(u"sharedFolderStatus"_s)->text().contains(u"Ana's work laptop"_s));

        // WHEN Ana adds an organization while both are running
        QVERIFY(ana.store->create(Kind::Organization, {{u"name"_s, u"Riverside Climate Action"_s}}));
        // THEN it reaches Ben by itself, through the folder
        QTRY_COMPARE_WITH_TIMEOUT(ben.store->count(Kind::Organization), 2, 15000);

        // WHEN Ben adds one and presses Sync Now, then Ana presses Sync Now
        benView.sharedFolder()->setWatching(false);
        anaView.sharedFolder()->setWatching(false);
        QVERIFY(ben.store->create(Kind::Organization, {{u"name"_s, u"Eastside Workers Center"_s}}));
        QTest::mouseClick(benView.findChild<QPushButton *>(u"syncNowButton"_s), Qt::LeftButton);
        QCOMPARE(ana.store->count(Kind::Organization), 2);
        QTest::mouseClick(anaView.findChild<QPushButton *>(u"syncNowButton"_s), Qt::LeftButton);
        // THEN Ana has it too
        QCOMPARE(ana.store->count(Kind::Organization), 3);

        // WHEN the page shows Ben's database again (the app reopened)
        Desktop::SyncView again;
        again.setStore(ben.store.get());
        // THEN the folder and the switch are remembered for that database, and not for Ana's in-memory one
        QVERIFY(again.findChild<QCheckBox *>(u"sharedFolderEnabled"_s)->isChecked());
        QCOMPARE(again.findChild<QLineEdit *>(u"sharedFolderPath"_s)->text(), shared);
        again.setStore(m_ana.store.get());
        QVERIFY(!again.findChild<QCheckBox *>(u"sharedFolderEnabled"_s)->isChecked());
        QVERIFY(!again.sharedFolder());
    }
};

CHORUS_TEST_MAIN_IMPL(SyncViewTest, QApplication)

#include "syncviewtest.moc"
