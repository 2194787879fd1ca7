// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/runofshowmodel.h"
#include "models/tasklistmodel.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
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

    void shouldListARunOfShowInRunningOrder()
    {
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Rally"_s}}).value();
        const QString site =
            m_store
                ->create(Kind::Site,
                         {{u"event_id"_s, event}, {u"venue"_s, u"Plaza"_s}, {u"time_zone"_s, u"Europe/Madrid"_s}, {u"starts_at"_s, u"2026-10-25T10:00:00Z"_s}})
                .value();
        Models::RunOfShowModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSite(site);
        QCOMPARE(model.rowCount(), 0);
        auto speech = m_store->create(Kind::RunOfShowItem,
                                      {{u"site_id"_s, site}, {u"offset_minutes"_s, 15}, {u"duration_minutes"_s, 10}, {u"description"_s, u"Speech"_s}});
        QVERIFY2(speech, speech ? "" : qPrintable(speech.error().message()));
        QVERIFY(m_store->create(Kind::RunOfShowItem,
                                {{u"site_id"_s, site}, {u"offset_minutes"_s, 0}, {u"duration_minutes"_s, 15}, {u"description"_s, u"Welcome"_s}}));
        // The day Europe falls back: 10:00 UTC is 11:00 CET.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, Models::RunOfShowModel::What).data().toString(), u"Welcome"_s);
        QCOMPARE(model.index(0, Models::RunOfShowModel::Time).data().toString(), u"11:00 a.m. CET"_s);
        QCOMPARE(model.index(1, Models::RunOfShowModel::Time).data().toString(), u"11:15 a.m. CET"_s);
        QCOMPARE(model.runOfShow().totalMinutes, 25);
    }
};

CHORUS_TEST_MAIN(TaskListModelTest)

#include "tasklistmodeltest.moc"
