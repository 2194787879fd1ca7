// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "events/runofshow.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using namespace Chorus::Events;

class RunOfShowTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_event;
    QString m_speaker;

    QString addSite(const QString &venue, const QString &zone, const QString &start, const QString &end)
    {
        auto id =
            m_store->create(Kind::Site, {{u"event_id"_s, m_event}, {u"venue"_s, venue}, {u"time_zone"_s, zone}, {u"starts_at"_s, start}, {u"ends_at"_s, end}});
        return id ? id.value() : QString();
    }
    QString addItem(const QString &site, int position, const QVariant &offset, int duration, const QString &description, const QString &clock = {})
    {
        Record item{{u"site_id"_s, site},
                    {u"position"_s, position},
                    {u"offset_minutes"_s, offset},
                    {u"duration_minutes"_s, duration},
                    {u"description"_s, description},
                    {u"speaker_id"_s, m_speaker}};
        if (!clock.isEmpty()) {
            item.insert(u"clock_time"_s, clock);
        }
        auto id = m_store->create(Kind::RunOfShowItem, item);
        if (!id) {
            qWarning() << id.error().message();
        }
        return id ? id.value() : QString();
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"ros-%1.chorus"_s.arg(++counter)));
        QVERIFY(store);
        m_store = std::move(store).value();
        m_event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}}).value();
        m_speaker = m_store->create(Kind::Person, {{u"name"_s, u"Lucía Martínez"_s}}).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldComputeRunningClockTimesFromOffsetsAndClockStarts()
    {
        // GIVEN a site from 1:30 to 2:30 p.m. PDT and items by offset and by clock time
        const QString site = addSite(u"Plaza"_s, u"America/Los_Angeles"_s, u"2027-05-20T20:30:00Z"_s, u"2027-05-20T21:30:00Z"_s);
        addItem(site, 2, 0, 5, u"Welcome"_s);
        addItem(site, 1, -30, 30, u"Media check-in"_s);
        addItem(site, 3, 0, 20, u"Questions"_s, u"13:40"_s);
        // WHEN the run of show is computed
        const RunOfShow show = runOfShow(*m_store, site);
        // THEN the items run in clock order with their times on the site's clock
        QCOMPARE(show.entries.size(), 3);
        QCOMPARE(show.entries.at(0).item.value(u"description"_s).toString(), u"Media check-in"_s);
        QCOMPARE(show.entries.at(0).clockStart, u"1:00 p.m. PDT"_s);
        QCOMPARE(show.entries.at(1).clockStart, u"1:30 p.m. PDT"_s);
        QCOMPARE(show.entries.at(1).clockEnd, u"1:35 p.m. PDT"_s);
        QCOMPARE(show.entries.at(2).clockStart, u"1:40 p.m. PDT"_s);
        QCOMPARE(show.entries.at(2).speakerName, u"Lucía Martínez"_s);
        // AND the total runs from the first start to the last end
        QCOMPARE(show.totalMinutes, 60);
        QCOMPARE(show.minutesOverSlot, 0);
        QVERIFY(show.overSlotMessage.isEmpty());
    }

    void shouldPlaceClockStartsOnTheSitesOwnClockInEveryZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("siteStart");
        QTest::addColumn<QDateTime>("expected");
        // Noon on each site's clock, on the day the US springs forward and the one Europe does.
        QTest::newRow("Phoenix") << u"America/Phoenix"_s << u"2026-03-08T18:00:00Z"_s << QDateTime(QDate(2026, 3, 8), QTime(19, 0), QTimeZone::UTC);
        QTest::newRow("New York") << u"America/New_York"_s << u"2026-03-08T15:00:00Z"_s << QDateTime(QDate(2026, 3, 8), QTime(16, 0), QTimeZone::UTC);
        QTest::newRow("Madrid") << u"Europe/Madrid"_s << u"2026-03-29T09:00:00Z"_s << QDateTime(QDate(2026, 3, 29), QTime(10, 0), QTimeZone::UTC);
    }

    void shouldPlaceClockStartsOnTheSitesOwnClockInEveryZone()
    {
        QFETCH(QString, zone);
        QFETCH(QString, siteStart);
        QFETCH(QDateTime, expected);
        const QString site = addSite(u"Site"_s, zone, siteStart, QDateTime::fromString(siteStart, Qt::ISODate).addSecs(4 * 3600).toString(Qt::ISODate));
        addItem(site, 1, 0, 10, u"Noon speech"_s, u"12:00"_s);
        const RunOfShow show = runOfShow(*m_store, site);
        QCOMPARE(show.entries.size(), 1);
        QCOMPARE(show.entries.at(0).start, expected);
    }

    void shouldFlagARunOfShowLongerThanTheSlotNamingTheSite()
    {
        // GIVEN a half-hour slot and 45 minutes of speeches
        const QString site = addSite(u"Fifth Avenue store"_s, u"America/New_York"_s, u"2027-05-20T20:30:00Z"_s, u"2027-05-20T21:00:00Z"_s);
        addItem(site, 1, 0, 25, u"Speeches"_s);
        addItem(site, 2, 25, 20, u"Chants"_s);
        // WHEN it is computed
        const RunOfShow show = runOfShow(*m_store, site);
        // THEN it is flagged, with the site and the times on its clock
        QCOMPARE(show.totalMinutes, 45);
        QCOMPARE(show.minutesOverSlot, 15);
        QCOMPARE(show.overSlotMessage, u"Site “Fifth Avenue store”: the run of show ends at 5:15 p.m. EDT, 15 minutes after the site’s end (5:00 p.m. EDT)."_s);
    }

    void shouldRefuseAClockStartThatIsNotATimeOfDay()
    {
        const QString site = addSite(u"Plaza"_s, u"America/Chicago"_s, u"2027-05-20T20:30:00Z"_s, u"2027-05-20T21:30:00Z"_s);
        auto id = m_store->create(Kind::RunOfShowItem, {{u"site_id"_s, site}, {u"description"_s, u"Rally"_s}, {u"clock_time"_s, u"25:70"_s}});
        QVERIFY(!id);
        QVERIFY2(id.error().message().contains(u"Run-of-show item “Rally”: the clock start “25:70” is not a time of day"_s), qPrintable(id.error().message()));
        QCOMPARE(m_store->count(Kind::RunOfShowItem), 0);
    }

    void shouldFlagASpeakerBookedAtTwoOverlappingSites()
    {
        // GIVEN Lucía speaking at 1:40 p.m. PDT in Los Angeles and at 4:45 p.m. EDT in New York,
        // which is 1:45 p.m. PDT: the same moment
        const QString la = addSite(u"Meridian campus plaza"_s, u"America/Los_Angeles"_s, u"2027-05-20T20:30:00Z"_s, u"2027-05-20T21:30:00Z"_s);
        const QString ny = addSite(u"Fifth Avenue store"_s, u"America/New_York"_s, u"2027-05-20T20:30:00Z"_s, u"2027-05-20T21:30:00Z"_s);
        const QString first = addItem(la, 1, 10, 10, u"Welcome"_s);
        const QString second = addItem(ny, 1, 15, 10, u"Solidarity speech"_s);
        // AND back-to-back items, which do not overlap
        addItem(la, 2, 40, 5, u"Thanks"_s);
        addItem(la, 3, 45, 5, u"Closing"_s);
        // WHEN conflicts are looked for
        const QList<SpeakerConflict> conflicts = speakerConflicts(*m_store, m_event);
        // THEN exactly the overlapping pair is flagged, with both sites on their own clocks
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).speakerId, m_speaker);
        QCOMPARE(QSet<QString>({conflicts.at(0).firstItemId, conflicts.at(0).secondItemId}), QSet<QString>({first, second}));
        QCOMPARE(conflicts.at(0).message,
                 u"Lucía Martínez is booked at two sites at once: Meridian campus plaza from 1:40 p.m. PDT to 1:50 p.m. PDT, "
                 "and Fifth Avenue store from 4:45 p.m. EDT to 4:55 p.m. EDT."_s);

        // WHEN the New York item moves after the Los Angeles one
        QVERIFY(m_store->update(Kind::RunOfShowItem, second, {{u"offset_minutes"_s, 20}}));
        // THEN the conflict is gone
        QVERIFY(speakerConflicts(*m_store).isEmpty());
    }
};

CHORUS_TEST_MAIN(RunOfShowTest)

#include "runofshowtest.moc"
