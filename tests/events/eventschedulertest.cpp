// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/validation.h"
#include "events/eventscheduler.h"
#include "events/sitetime.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using namespace Chorus::Events;

class EventSchedulerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_event;
    QHash<QString, QString> m_sites; ///< zone id -> site id

    QString addSite(const QString &venue, const QString &zone, const QString &startsAt, const QString &endsAt = {})
    {
        Record site{{u"event_id"_s, m_event}, {u"venue"_s, venue}, {u"time_zone"_s, zone}, {u"starts_at"_s, startsAt}};
        if (!endsAt.isEmpty()) {
            site.insert(u"ends_at"_s, endsAt);
        }
        auto id = m_store->create(Kind::Site, site);
        if (!id) {
            qWarning() << id.error().message();
            return {};
        }
        m_sites.insert(zone, id.value());
        return id.value();
    }

    /// Five sites in five zones, all at instant (one hour long).
    void addFiveSites(const QDateTime &instant)
    {
        const QString start = formatInstant(instant);
        const QString end = formatInstant(instant.addSecs(3600));
        addSite(u"Meridian campus plaza"_s, u"America/Los_Angeles"_s, start, end);
        addSite(u"Fifth Avenue store"_s, u"America/New_York"_s, start, end);
        addSite(u"Michigan Avenue office"_s, u"America/Chicago"_s, start, end);
        addSite(u"Phoenix data center"_s, u"America/Phoenix"_s, start, end);
        addSite(u"Madrid office"_s, u"Europe/Madrid"_s, start, end);
    }

    QDateTime startOf(const QString &zone)
    {
        return parseInstant(m_store->fetch(Kind::Site, m_sites.value(zone))->value(u"starts_at"_s).toString());
    }
    QDateTime endOf(const QString &zone)
    {
        return parseInstant(m_store->fetch(Kind::Site, m_sites.value(zone))->value(u"ends_at"_s).toString());
    }
    QString localStart(const QString &zone)
    {
        EventScheduler scheduler(*m_store);
        return scheduler.siteSchedule(*m_store->fetch(Kind::Site, m_sites.value(zone)), QTimeZone::UTC).localStart;
    }

    static QDateTime utc(int y, int mo, int d, int h, int mi)
    {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::UTC);
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"events-%1.chorus"_s.arg(++counter)));
        QVERIFY(store);
        m_store = std::move(store).value();
        auto event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}, {u"kind"_s, u"rally"_s}});
        QVERIFY(event);
        m_event = event.value();
        m_sites.clear();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldShowEachSiteAtItsOwnLocalTimeForTheSameMoment_data()
    {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QStringList>("expected"); // LA, NY, Chicago, Phoenix, Madrid

        QTest::newRow("winter") << utc(2026, 1, 15, 20, 30)
                                << QStringList{u"12:30 p.m. PST"_s, u"3:30 p.m. EST"_s, u"2:30 p.m. CST"_s, u"1:30 p.m. MST"_s, u"9:30 p.m. CET"_s};
        // Between the US switch (March 8) and the European one (March 29), New York is 5 hours
        // behind Madrid instead of 6, and Phoenix (no daylight saving) matches Los Angeles.
        QTest::newRow("between the March switches")
            << utc(2026, 3, 20, 20, 30) << QStringList{u"1:30 p.m. PDT"_s, u"4:30 p.m. EDT"_s, u"3:30 p.m. CDT"_s, u"1:30 p.m. MST"_s, u"9:30 p.m. CET"_s};
        QTest::newRow("summer") << utc(2027, 5, 20, 20, 30)
                                << QStringList{u"1:30 p.m. PDT"_s, u"4:30 p.m. EDT"_s, u"3:30 p.m. CDT"_s, u"1:30 p.m. MST"_s, u"10:30 p.m. CEST"_s};
        // Europe falls back on October 25, the US on November 1.
        QTest::newRow("between the autumn switches")
            << utc(2026, 10, 28, 17, 0) << QStringList{u"10:00 a.m. PDT"_s, u"1:00 p.m. EDT"_s, u"12:00 p.m. CDT"_s, u"10:00 a.m. MST"_s, u"6:00 p.m. CET"_s};
        QTest::newRow("after the November switch")
            << utc(2026, 11, 2, 17, 0) << QStringList{u"9:00 a.m. PST"_s, u"12:00 p.m. EST"_s, u"11:00 a.m. CST"_s, u"10:00 a.m. MST"_s, u"6:00 p.m. CET"_s};
    }

    void shouldShowEachSiteAtItsOwnLocalTimeForTheSameMoment()
    {
        QFETCH(QDateTime, instant);
        QFETCH(QStringList, expected);
        // GIVEN five sites at the same moment
        addFiveSites(instant);
        // WHEN their times are shown
        const QStringList zones{u"America/Los_Angeles"_s, u"America/New_York"_s, u"America/Chicago"_s, u"America/Phoenix"_s, u"Europe/Madrid"_s};
        // THEN each shows its own clock with the zone's abbreviation
        for (int i = 0; i < zones.size(); ++i) {
            QCOMPARE(localStart(zones.at(i)), expected.at(i));
        }
    }

    void shouldShowTheCoordinatorsTimeAndUtc()
    {
        addFiveSites(utc(2027, 5, 20, 20, 30));
        EventScheduler scheduler(*m_store);
        const QList<SiteSchedule> rows = scheduler.schedule(m_event, QTimeZone("America/New_York"));
        QCOMPARE(rows.size(), 5);
        for (const SiteSchedule &row : rows) {
            QCOMPARE(row.coordinatorStart, u"Thursday, May 20, 2027, 4:30 p.m. EDT"_s);
            QCOMPARE(row.utcStart, u"2027-05-20 20:30 UTC"_s);
        }
    }

    void shouldPutEverySiteAtTheSameLocalTimeAcrossTheMarchSwitch()
    {
        // GIVEN five sites at one moment on the day the US springs forward
        addFiveSites(utc(2026, 3, 8, 20, 0));
        EventScheduler scheduler(*m_store);
        // WHEN the event moves to noon on each site's clock
        auto moved = scheduler.moveToLocalTime(m_event, QDate(2026, 3, 8), QTime(12, 0));
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message()));
        // THEN each site starts at its own noon, a different instant per zone
        QCOMPARE(startOf(u"America/Los_Angeles"_s), utc(2026, 3, 8, 19, 0));
        QCOMPARE(startOf(u"America/New_York"_s), utc(2026, 3, 8, 16, 0));
        QCOMPARE(startOf(u"America/Chicago"_s), utc(2026, 3, 8, 17, 0));
        QCOMPARE(startOf(u"America/Phoenix"_s), utc(2026, 3, 8, 19, 0));
        QCOMPARE(startOf(u"Europe/Madrid"_s), utc(2026, 3, 8, 11, 0));
        QCOMPARE(localStart(u"America/Phoenix"_s), u"12:00 p.m. MST"_s);
        QCOMPARE(localStart(u"Europe/Madrid"_s), u"12:00 p.m. CET"_s);
        // AND each keeps its length, AND the event remembers its scheduling
        QCOMPARE(endOf(u"Europe/Madrid"_s), utc(2026, 3, 8, 12, 0));
        QCOMPARE(m_store->fetch(Kind::Event, m_event)->value(u"scheduling"_s).toString(), u"same_local_time"_s);
    }

    void shouldRecomputeSitesWhenSwitchingBetweenModes()
    {
        // GIVEN sites at one moment after the US falls back (12:30 p.m. PST in Los Angeles)
        addFiveSites(utc(2026, 11, 2, 20, 30));
        EventScheduler scheduler(*m_store);
        // WHEN the event switches to the same local time, anchored on Los Angeles
        auto switched = scheduler.setScheduling(m_event, Scheduling::SameLocalTime, m_sites.value(u"America/Los_Angeles"_s));
        QVERIFY2(switched, switched ? "" : qPrintable(switched.error().message()));
        // THEN every site starts at 12:30 on its own clock
        QCOMPARE(localStart(u"America/Los_Angeles"_s), u"12:30 p.m. PST"_s);
        QCOMPARE(localStart(u"America/New_York"_s), u"12:30 p.m. EST"_s);
        QCOMPARE(localStart(u"America/Chicago"_s), u"12:30 p.m. CST"_s);
        QCOMPARE(localStart(u"America/Phoenix"_s), u"12:30 p.m. MST"_s);
        QCOMPARE(localStart(u"Europe/Madrid"_s), u"12:30 p.m. CET"_s);
        QCOMPARE(startOf(u"America/New_York"_s), utc(2026, 11, 2, 17, 30));

        // WHEN it switches back to the same moment, anchored on New York
        switched = scheduler.setScheduling(m_event, Scheduling::SameMoment, m_sites.value(u"America/New_York"_s));
        QVERIFY(switched);
        // THEN every site starts at New York's instant
        for (const QString &site : m_sites) {
            QCOMPARE(parseInstant(m_store->fetch(Kind::Site, site)->value(u"starts_at"_s).toString()), utc(2026, 11, 2, 17, 30));
        }
        QCOMPARE(localStart(u"America/Los_Angeles"_s), u"9:30 a.m. PST"_s);
        QCOMPARE(m_store->fetch(Kind::Event, m_event)->value(u"scheduling"_s).toString(), u"same_moment"_s);
    }

    void shouldRefuseALocalTimeInADaylightSavingGapNamingTheSiteAndSaveNothing_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("gapSite");
        QTest::newRow("US spring forward") << QDate(2026, 3, 8) << u"Fifth Avenue store"_s;
        QTest::newRow("European spring forward") << QDate(2026, 3, 29) << u"Madrid office"_s;
    }

    void shouldRefuseALocalTimeInADaylightSavingGapNamingTheSiteAndSaveNothing()
    {
        QFETCH(QDate, date);
        QFETCH(QString, gapSite);
        // GIVEN a site in Phoenix (no daylight saving) and one where the clocks jump that night
        const QString zone = gapSite == u"Madrid office" ? u"Europe/Madrid"_s : u"America/New_York"_s;
        addSite(u"Phoenix data center"_s, u"America/Phoenix"_s, u"2026-02-01T20:00:00Z"_s);
        addSite(gapSite, zone, u"2026-02-01T20:00:00Z"_s);
        EventScheduler scheduler(*m_store);
        // WHEN the event moves to 2:30 a.m. local
        auto moved = scheduler.moveToLocalTime(m_event, date, QTime(2, 30));
        // THEN it is refused, naming the site and the jump
        QVERIFY(!moved);
        QVERIFY2(moved.error().message().contains(u"Site “%1”"_s.arg(gapSite)), qPrintable(moved.error().message()));
        QVERIFY2(moved.error().message().contains(u"2:30 a.m. does not exist"_s), qPrintable(moved.error().message()));
        QVERIFY2(moved.error().message().contains(u"from 2:00 a.m. to 3:00 a.m."_s), qPrintable(moved.error().message()));
        // AND no site moved, not even the one in Phoenix where 2:30 a.m. exists
        QCOMPARE(startOf(u"America/Phoenix"_s), utc(2026, 2, 1, 20, 0));
        QCOMPARE(startOf(zone), utc(2026, 2, 1, 20, 0));
        QCOMPARE(m_store->fetch(Kind::Event, m_event)->value(u"scheduling"_s).toString(), u"same_moment"_s);
    }

    void shouldFlagAStartThatHappensTwiceWhenTheClocksGoBack()
    {
        EventScheduler scheduler(*m_store);
        // GIVEN a vigil created at 1:30 a.m. on the night Chicago falls back
        auto id = scheduler.createSite({{u"event_id"_s, m_event}, {u"venue"_s, u"Daley Plaza"_s}, {u"time_zone"_s, u"America/Chicago"_s}},
                                       QDate(2026, 11, 1),
                                       QTime(1, 30),
                                       QTime(3, 0));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
        const Record site = *m_store->fetch(Kind::Site, id.value());
        // THEN the first 1:30 (daylight time) is kept
        QCOMPARE(parseInstant(site.value(u"starts_at"_s).toString()), utc(2026, 11, 1, 6, 30));
        // AND the site is flagged: its start is ambiguous and the clocks change during it
        const SiteSchedule row = scheduler.siteSchedule(site, QTimeZone::UTC);
        QCOMPARE(row.localStart, u"1:30 a.m. CDT"_s);
        QCOMPARE(row.localEnd, u"3:00 a.m. CST"_s);
        QCOMPARE(row.flags.size(), 2);
        QCOMPARE(row.flags.at(0).kind, SiteFlag::Kind::AmbiguousStart);
        QVERIFY(row.flags.at(0).message.startsWith(u"Site “Daley Plaza”: the clocks go back"_s));
        QCOMPARE(row.flags.at(1).kind, SiteFlag::Kind::ClocksChangeDuring);
        // AND an ordinary afternoon is not flagged
        QVERIFY(scheduler.siteSchedule(*m_store->fetch(Kind::Site, addSite(u"Plaza"_s, u"America/Chicago"_s, u"2026-11-01T20:00:00Z"_s)), QTimeZone::UTC)
                    .flags.isEmpty());
    }

    void shouldKeepTheInstantOrTheWallClockWhenASiteChangesZone()
    {
        // GIVEN a site in Chicago at 1:30 p.m. CDT
        addSite(u"Plaza"_s, u"America/Chicago"_s, u"2027-05-20T18:30:00Z"_s, u"2027-05-20T19:30:00Z"_s);
        const QString site = m_sites.value(u"America/Chicago"_s);
        EventScheduler scheduler(*m_store);
        // WHEN it moves to Phoenix while the event is at the same moment everywhere
        QVERIFY(scheduler.changeSiteTimeZone(site, u"America/Phoenix"_s));
        // THEN it keeps its instant: 11:30 a.m. MST
        QCOMPARE(scheduler.siteSchedule(*m_store->fetch(Kind::Site, site), QTimeZone::UTC).localStart, u"11:30 a.m. MST"_s);
        // WHEN the event is at the same local time and the site moves to Madrid
        QVERIFY(scheduler.setScheduling(m_event, Scheduling::SameLocalTime));
        QVERIFY(scheduler.changeSiteTimeZone(site, u"Europe/Madrid"_s));
        // THEN it keeps its wall clock: 11:30 a.m., now CEST, AND its length
        const Record moved = *m_store->fetch(Kind::Site, site);
        QCOMPARE(scheduler.siteSchedule(moved, QTimeZone::UTC).localStart, u"11:30 a.m. CEST"_s);
        QCOMPARE(parseInstant(moved.value(u"starts_at"_s).toString()), utc(2027, 5, 20, 9, 30));
        QCOMPARE(parseInstant(moved.value(u"ends_at"_s).toString()), utc(2027, 5, 20, 10, 30));
        // AND an unknown zone is refused by the store, naming the site, with nothing changed
        auto refused = scheduler.changeSiteTimeZone(site, u"Europe/Atlantis"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().startsWith(u"Site “Plaza”: “Europe/Atlantis” is not a known time zone"_s), qPrintable(refused.error().message()));
        QCOMPARE(m_store->fetch(Kind::Site, site)->value(u"time_zone"_s).toString(), u"Europe/Madrid"_s);
    }

    void shouldRefuseAZoneWhereTheSitesWallClockTimeDoesNotExist()
    {
        // GIVEN a 2:30 a.m. vigil in Phoenix on the night US clocks spring forward, same local time everywhere
        addSite(u"Vigil"_s, u"America/Phoenix"_s, u"2026-03-08T09:30:00Z"_s);
        const QString site = m_sites.value(u"America/Phoenix"_s);
        QVERIFY(m_store->update(Kind::Event, m_event, {{u"scheduling"_s, u"same_local_time"_s}}));
        EventScheduler scheduler(*m_store);
        // WHEN it moves to Denver, where 2:30 a.m. does not exist that night
        auto moved = scheduler.changeSiteTimeZone(site, u"America/Denver"_s);
        // THEN it is refused, naming the site, and the site stays in Phoenix
        QVERIFY(!moved);
        QVERIFY2(moved.error().message().startsWith(u"Site “Vigil”: 2:30 a.m. does not exist"_s), qPrintable(moved.error().message()));
        QCOMPARE(m_store->fetch(Kind::Site, site)->value(u"time_zone"_s).toString(), u"America/Phoenix"_s);
    }

    void shouldRefuseBadSitesThroughTheStoreNamingTheSite_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown zone") << u"Mars/Olympus_Mons"_s << QTime(12, 0) << QTime() << u"“Mars/Olympus_Mons” is not a known time zone"_s;
        QTest::newRow("end before start") << u"America/Phoenix"_s << QTime(12, 0) << QTime(11, 0) << u"the end must be after the start"_s;
        QTest::newRow("start in the gap") << u"America/Los_Angeles"_s << QTime(2, 15) << QTime(4, 0) << u"2:15 a.m. does not exist on"_s;
    }

    void shouldRefuseBadSitesThroughTheStoreNamingTheSite()
    {
        QFETCH(QString, zone);
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QString, message);
        EventScheduler scheduler(*m_store);
        // WHEN a site with bad times is created
        auto id = scheduler.createSite({{u"event_id"_s, m_event}, {u"venue"_s, u"Main lobby"_s}, {u"time_zone"_s, zone}}, QDate(2026, 3, 8), start, end);
        // THEN it is refused with a message naming the site and what is wrong, and nothing is saved
        QVERIFY(!id);
        QVERIFY2(id.error().message().startsWith(u"Site “Main lobby”: "_s), qPrintable(id.error().message()));
        QVERIFY2(id.error().message().contains(message), qPrintable(id.error().message()));
        QCOMPARE(m_store->count(Kind::Site), 0);
    }
};

CHORUS_TEST_MAIN(EventSchedulerTest)

#include "eventschedulertest.moc"
