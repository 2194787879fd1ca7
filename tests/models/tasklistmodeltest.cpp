// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/tasklistmodel.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Models::TaskListModel;

class TaskListModelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_store = std::move(Store::Store::open(m_dir.filePath(u"tasks-%1.chorus"_s.arg(++counter))).value());
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldMarkOverdueTasksAndFilterMyTasks()
    {
        // GIVEN Ana's overdue task and Ben's task for later
        const QString ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}).value();
        const QString ben = m_store->create(Kind::Person, {{u"name"_s, u"Ben Okafor"_s}}).value();
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Book the stage"_s}, {u"owner_person_id"_s, ana}, {u"due_at"_s, u"2026-05-01T16:00:00Z"_s}}));
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Print signs"_s}, {u"owner_person_id"_s, ben}, {u"due_at"_s, u"2026-06-01T16:00:00Z"_s}}));
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(QDateTime(QDate(2026, 5, 15), QTime(12, 0), QTimeZone::UTC));
        // THEN both show, the late one marked overdue
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TaskListModel::Title).data().toString(), u"Book the stage"_s);
        QVERIFY(model.index(0, 0).data(TaskListModel::OverdueRole).toBool());
        QCOMPARE(model.index(0, TaskListModel::Due).data().toString(), u"2026-05-01 16:00 UTC (overdue)"_s);
        QVERIFY(model.index(0, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, 0).data(TaskListModel::OverdueRole).toBool());
        QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
        // AND the overdue colour follows the one the app gives (its colour scheme's), with notice
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOverdueBrush(QBrush(QColor(0xff, 0x80, 0x80)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, 0).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xff, 0x80, 0x80));
        QCOMPARE(model.index(1, TaskListModel::Owner).data().toString(), u"Ben Okafor"_s);
        // WHEN Ben filters his own tasks
        Events::TaskFilter mine;
        mine.ownerPersonId = ben;
        model.setFilter(mine);
        // THEN only his is left; AND a new task of his appears by itself
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Call the press"_s}, {u"owner_person_id"_s, ben}}));
        QCOMPARE(model.rowCount(), 2);
        // AND marking the overdue task done clears the mark
        model.setFilter({});
        QVERIFY(m_store->update(Kind::Task, model.index(0, 0).data(TaskListModel::TaskIdRole).toString(), {{u"status"_s, u"done"_s}}));
        QVERIFY(!model.index(0, 0).data(TaskListModel::OverdueRole).toBool());
    }
};

CHORUS_TEST_MAIN(TaskListModelTest)

#include "tasklistmodeltest.moc"
