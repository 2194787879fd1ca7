// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "events/eventscheduler.h"
#include "models/eventsitesmodel.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Models::EventSitesModel;

class EventSitesModelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_event;

    QString addSite(const QString &venue, const QString &zone, const QString &start)
    {
        return m_store->create(Kind::Site, {{u"event_id"_s, m_event}, {u"venue"_s, venue}, {u"time_zone"_s, zone}, {u"starts_at"_s, start}}).value();
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_store = std::move(Store::Store::open(m_dir.filePath(u"sites-%1.chorus"_s.arg(++counter))).value());
        m_event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}}).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldShowEachSiteThreeWaysAndFollowAModeSwitch()
    {
        // GIVEN sites in Phoenix and Madrid at one moment, seen from New York
        addSite(u"Camelback Road"_s, u"America/Phoenix"_s, u"2026-03-20T19:00:00Z"_s);
        addSite(u"Madrid office"_s, u"Europe/Madrid"_s, u"2026-03-20T19:00:00Z"_s);
        EventSitesModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCoordinatorZone(QTimeZone("America/New_York"));
        model.setEvent(m_event);
        // THEN each row shows the site's clock, the coordinator's and UTC
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EventSitesModel::Venue).data().toString(), u"Camelback Road"_s);
        QCOMPARE(model.index(0, EventSitesModel::LocalTime).data().toString(), u"Fri, Mar 20, 12:00 p.m. MST"_s);
        QCOMPARE(model.index(1, EventSitesModel::LocalTime).data().toString(), u"Fri, Mar 20, 8:00 p.m. CET"_s);
        QCOMPARE(model.index(1, EventSitesModel::CoordinatorTime).data().toString(), u"Fri, Mar 20, 3:00 p.m. EDT"_s);
        // (the table is short of room: the whole date is in the tooltip)
        QCOMPARE(model.index(1, EventSitesModel::LocalTime).data(Qt::ToolTipRole).toString(), u"Friday, March 20, 2026"_s);
        QCOMPARE(model.index(1, EventSitesModel::CoordinatorTime).data(Qt::ToolTipRole).toString(), u"Friday, March 20, 2026, 3:00 p.m. EDT"_s);
        QCOMPARE(model.index(1, EventSitesModel::Utc).data().toString(), u"2026-03-20 19:00 UTC"_s);

        // WHEN the event switches to the same local time, anchored on Phoenix
        Events::EventScheduler scheduler(*m_store);
        QVERIFY(scheduler.setScheduling(m_event, Events::Scheduling::SameLocalTime, model.index(0, 0).data(EventSitesModel::SiteIdRole).toString()));
        // THEN the model follows by itself: Madrid now starts at noon on its own clock, earliest
        QCOMPARE(model.index(0, EventSitesModel::Venue).data().toString(), u"Madrid office"_s);
        QCOMPARE(model.index(0, EventSitesModel::LocalTime).data().toString(), u"Fri, Mar 20, 12:00 p.m. CET"_s);
        QCOMPARE(model.index(1, EventSitesModel::LocalTime).data().toString(), u"Fri, Mar 20, 12:00 p.m. MST"_s);
    }

    void shouldCarryDaylightSavingWarningsAsTooltips()
    {
        addSite(u"Daley Plaza"_s, u"America/Chicago"_s, u"2026-11-01T06:30:00Z"_s);
        EventSitesModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvent(m_event);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, 0).data(EventSitesModel::HasWarningRole).toBool());
        QVERIFY(model.index(0, EventSitesModel::Venue).data(Qt::ToolTipRole).toString().startsWith(u"Site “Daley Plaza”: the clocks go back"_s));
    }
};

CHORUS_TEST_MAIN(EventSitesModelTest)

#include "eventsitesmodeltest.moc"
