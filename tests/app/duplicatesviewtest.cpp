// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "duplicatesview.h"
#include "store/store.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

class DuplicatesViewTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"duplicates-%1.chorus"_s.arg(++counter)));
        QVERIFY(store);
        m_store = std::move(store).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldListGroupsAndMergeIntoTheSelectedRecordThenUndo()
    {
        // GIVEN one organization twice, with a person in the second
        const QString first = m_store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}).value();
        const QString second =
            m_store->create(Kind::Organization, {{u"name"_s, u"The Harbor Tenants' Union"_s}, {u"website"_s, u"https://harbor.example"_s}}).value();
        const QString ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, first}}).value();
        DuplicatesView view(*m_store);
        auto *tree = view.findChild<QTreeWidget *>(u"duplicateTree"_s);
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QVERIFY(!view.findChild<QPushButton *>(u"undoButton"_s)->isEnabled());
        // WHEN the user keeps the second one
        tree->setCurrentItem(tree->topLevelItem(0)->child(1));
        QTest::mouseClick(view.findChild<QPushButton *>(u"mergeButton"_s), Qt::LeftButton);
        // THEN
        QCOMPARE(m_store->count(Kind::Organization), 1);
        QVERIFY(m_store->fetch(Kind::Organization, second));
        QCOMPARE(m_store->fetch(Kind::Person, ana)->value(u"organization_id"_s).toString(), second);
        QCOMPARE(tree->topLevelItemCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(u"statusLabel"_s)->text(), u"Merged 1 record into “The Harbor Tenants' Union”."_s);
        // WHEN undoing
        QTest::mouseClick(view.findChild<QPushButton *>(u"undoButton"_s), Qt::LeftButton);
        // THEN both are back, and Ana in her organization
        QCOMPARE(m_store->count(Kind::Organization), 2);
        QCOMPARE(m_store->fetch(Kind::Person, ana)->value(u"organization_id"_s).toString(), first);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(!view.findChild<QPushButton *>(u"undoButton"_s)->isEnabled());
    }

    void shouldUndoTheMergeOfAGroupOfThreeInOneStep()
    {
        // GIVEN one organization three times, with a person in the last
        const QString first = m_store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}).value();
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"The Harbor Tenants Union"_s}}));
        const QString third = m_store->create(Kind::Organization, {{u"name"_s, u"HARBOR TENANTS UNION"_s}}).value();
        const QString ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, third}}).value();
        DuplicatesView view(*m_store);
        auto *tree = view.findChild<QTreeWidget *>(u"duplicateTree"_s);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
        // WHEN the group is merged with one click
        tree->setCurrentItem(tree->topLevelItem(0));
        QTest::mouseClick(view.findChild<QPushButton *>(u"mergeButton"_s), Qt::LeftButton);
        QCOMPARE(m_store->count(Kind::Organization), 1);
        QCOMPARE(view.findChild<QLabel *>(u"statusLabel"_s)->text(), u"Merged 2 records into “Harbor Tenants Union”."_s);
        QCOMPARE(m_store->fetch(Kind::Person, ana)->value(u"organization_id"_s).toString(), first);
        // WHEN undoing once
        QTest::mouseClick(view.findChild<QPushButton *>(u"undoButton"_s), Qt::LeftButton);
        // THEN all three are back, Ana in hers, and there is nothing more to undo
        QCOMPARE(m_store->count(Kind::Organization), 3);
        QCOMPARE(m_store->fetch(Kind::Person, ana)->value(u"organization_id"_s).toString(), third);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
        QVERIFY(!view.findChild<QPushButton *>(u"undoButton"_s)->isEnabled());
    }

    void shouldSayWhenThereAreNoDuplicates()
    {
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}));
        DuplicatesView view(*m_store);
        QCOMPARE(view.findChild<QTreeWidget *>(u"duplicateTree"_s)->topLevelItemCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(u"statusLabel"_s)->text(), u"No duplicates found."_s);
        QVERIFY(!view.findChild<QPushButton *>(u"mergeButton"_s)->isEnabled());
    }
};

CHORUS_TEST_MAIN_IMPL(DuplicatesViewTest, QApplication)

#include "duplicatesviewtest.moc"
