// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "eventplannerview.h"
#include "mainwindow.h"
#include "models/eventsitesmodel.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <KActionCollection>
#include <KMessageWidget>

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeEdit>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Desktop::EventPlannerView;
using Chorus::Domain::Kind;
using Chorus::Models::EventSitesModel;

class EventPlannerViewTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

    /// venue -> the site's local time as the sites table shows it
    static QHash<QString, QString> localTimes(QTableView *view)
    {
        QHash<QString, QString> times;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            times.insert(view->model()->index(row, EventSitesModel::Venue).data().toString(),
                         view->model()->index(row, EventSitesModel::LocalTime).data().toString());
        }
        return times;
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_store = std::move(Store::Store::open(m_dir.filePath(u"planner-%1.chorus"_s.arg(++counter))).value());
        QVERIFY(Store::loadDemoCoalition(*m_store));
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldShowTheDemoDayOfActionAtEachSitesLocalTimeAndSwitchModes()
    {
        // GIVEN the planner on the demo coalition
        EventPlannerView view;
        view.setStore(m_store.get());
        view.resize(1200, 900);
        view.show();
        auto *sites = view.findChild<QTableView *>(u"sitesView"_s);
        auto *scheduling = view.findChild<QComboBox *>(u"schedulingCombo"_s);
        auto *runOfShow = view.findChild<QTableView *>(u"runOfShowView"_s);
        QVERIFY(sites && scheduling && runOfShow);

        // THEN the day of action shows five sites, each at its own clock for one moment
        QCOMPARE(sites->model()->rowCount(), 5);
        QCOMPARE(scheduling->currentData().toString(), u"same_moment"_s);
        QHash<QString, QString> times = localTimes(sites);
        QVERIFY2(times.value(u"Meridian Store, Fifth Avenue"_s).endsWith(u"4:30 p.m. EDT to 5:30 p.m. EDT"_s),
                 qPrintable(times.value(u"Meridian Store, Fifth Avenue"_s)));
        QVERIFY(times.value(u"Meridian Midwest regional office"_s).endsWith(u"3:30 p.m. CDT to 4:15 p.m. CDT"_s));
        QVERIFY(times.value(u"Meridian Store, Camelback Road"_s).endsWith(u"1:30 p.m. MST to 2:15 p.m. MST"_s));

        // WHEN the campus is selected
        int campus = -1;
        for (int row = 0; row < sites->model()->rowCount(); ++row) {
            if (sites->model()->index(row, 0).data().toString().startsWith(u"Meridian Cloud Systems campus"_s)) {
                campus = row;
            }
        }
        QVERIFY(campus >= 0);
        sites->setCurrentIndex(sites->model()->index(campus, 0));
        // THEN its run of show is listed with running clock times
        QCOMPARE(runOfShow->model()->rowCount(), 7);
        QCOMPARE(runOfShow->model()->index(0, 0).data().toString(), u"1:00 p.m. PDT"_s);
        QCOMPARE(view.findChild<QLabel *>(u"runOfShowTotal"_s)->text(), u"From 1:00 p.m. PDT to 2:20 p.m. PDT: 80 minutes in all."_s);

        // WHEN the user switches to the same local time (anchored on the selected campus)
        scheduling->setCurrentIndex(scheduling->findData(u"same_local_time"_s));
        // THEN every site starts at 1:30 p.m. on its own clock, and the change is saved
        times = localTimes(sites);
        QVERIFY2(times.value(u"Meridian Store, Fifth Avenue"_s).endsWith(u"1:30 p.m. EDT to 2:30 p.m. EDT"_s),
                 qPrintable(times.value(u"Meridian Store, Fifth Avenue"_s)));
        QVERIFY(times.value(u"Meridian Midwest regional office"_s).endsWith(u"1:30 p.m. CDT to 2:15 p.m. CDT"_s));
        QVERIFY(times.value(u"Meridian Store, Camelback Road"_s).endsWith(u"1:30 p.m. MST to 2:15 p.m. MST"_s));
        const QString eventId = view.findChild<QComboBox *>(u"eventCombo"_s)->currentData().toString();
        QCOMPARE(m_store->fetch(Kind::Event, eventId)->value(u"scheduling"_s).toString(), u"same_local_time"_s);
        QVERIFY(!view.findChild<KMessageWidget *>(u"errorMessage"_s)->isVisible());
        // AND the campus stays selected, with its run of show
        QVERIFY(sites->currentIndex().data().toString().startsWith(u"Meridian Cloud Systems campus"_s));
        QCOMPARE(runOfShow->model()->rowCount(), 7);
    }

    void shouldRefuseToMoveSitesIntoADaylightSavingGapAndMoveThemToNoon()
    {
        // GIVEN the day of action at the same local time everywhere
        EventPlannerView view;
        view.setStore(m_store.get());
        auto *sites = view.findChild<QTableView *>(u"sitesView"_s);
        auto *scheduling = view.findChild<QComboBox *>(u"schedulingCombo"_s);
        scheduling->setCurrentIndex(scheduling->findData(u"same_local_time"_s));
        const QHash<QString, QString> before = localTimes(sites);
        auto *date = view.findChild<QDateEdit *>(u"startDateEdit"_s);
        auto *time = view.findChild<QTimeEdit *>(u"startTimeEdit"_s);
        auto *move = view.findChild<QPushButton *>(u"moveSitesButton"_s);
        auto *error = view.findChild<KMessageWidget *>(u"errorMessage"_s);
        QVERIFY(date && time && move && error);
        // WHEN the user moves every site to 2:30 a.m. on the night US clocks spring forward in 2027
        date->setDate(QDate(2027, 3, 14));
        time->setTime(QTime(2, 30));
        QTest::mouseClick(move, Qt::LeftButton);
        // THEN it is refused, naming a site where that time does not exist, and no site moved
        QVERIFY2(error->text().contains(u"2:30 a.m. does not exist on Sunday, March 14, 2027"_s), qPrintable(error->text()));
        QVERIFY(error->text().startsWith(u"Site “Meridian "_s));
        QVERIFY(!error->text().contains(u"Camelback"_s));
        QCOMPARE(localTimes(sites), before);
        // WHEN the user picks noon instead
        time->setTime(QTime(12, 0));
        QTest::mouseClick(move, Qt::LeftButton);
        // THEN every site starts at noon on its own clock that day
        const QHash<QString, QString> after = localTimes(sites);
        QCOMPARE(after.value(u"Meridian Store, Fifth Avenue"_s), u"Sun, Mar 14, 12:00 p.m. EDT to 1:00 p.m. EDT"_s);
        QCOMPARE(after.value(u"Meridian Store, Camelback Road"_s), u"Sun, Mar 14, 12:00 p.m. MST to 12:45 p.m. MST"_s);
        QCOMPARE(after.value(u"Meridian Midwest regional office"_s), u"Sun, Mar 14, 12:00 p.m. CDT to 12:45 p.m. CDT"_s);
    }

    void shouldOpenFromTheMainWindowOnItsDatabase()
    {
        // GIVEN the main window on a database with the demo day of action
        Desktop::MainWindow window;
        window.setStore(std::move(m_store));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // WHEN the user opens View ▸ Days of Action
        QAction *action = window.actionCollection()->action(u"events_planner"_s);
        QVERIFY(action);
        action->trigger();
        // THEN the Events page shows the planner, with the event's five sites
        QCOMPARE(window.currentPageId(), u"events"_s);
        auto *planner = window.findChild<EventPlannerView *>();
        QVERIFY(planner);
        QVERIFY(planner->isVisible());
        QCOMPARE(planner->findChild<QTableView *>(u"sitesView"_s)->model()->rowCount(), 5);
        // AND when the window switches to an empty database, the planner follows
        window.setStore(std::move(Store::Store::open(m_dir.filePath(u"empty.chorus"_s)).value()));
        QCOMPARE(planner->findChild<QTableView *>(u"sitesView"_s)->model()->rowCount(), 0);
        QCOMPARE(planner->findChild<QComboBox *>(u"eventCombo"_s)->count(), 0);
    }

    void shouldFilterTasksByOwner()
    {
        EventPlannerView view;
        view.setStore(m_store.get());
        auto *tasks = view.findChild<QTableView *>(u"tasksView"_s);
        auto *owner = view.findChild<QComboBox *>(u"ownerCombo"_s);
        QVERIFY(tasks && owner);
        const int everyone = tasks->model()->rowCount();
        QVERIFY(everyone > 1);
        // WHEN one person's tasks are chosen
        owner->setCurrentIndex(owner->findText(u"Inés Álvarez"_s));
        QVERIFY(owner->currentIndex() > 0);
        // THEN fewer tasks show, all of them hers or her organization's
        QVERIFY(tasks->model()->rowCount() > 0);
        QVERIFY(tasks->model()->rowCount() < everyone);
        // WHEN everyone is chosen again, all are back
        owner->setCurrentIndex(0);
        QCOMPARE(tasks->model()->rowCount(), everyone);
    }
};

CHORUS_TEST_MAIN_IMPL(EventPlannerViewTest, QApplication)

#include "eventplannerviewtest.moc"
