// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "events/sitetime.h"

using namespace Qt::StringLiterals;
using namespace Chorus::Events;

class SiteTimeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldResolveWallClockTimesAcrossDaylightSavingSwitches_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("expected"); // UTC, or "gap"
        QTest::addColumn<bool>("overlap");

        // US spring forward, 2026-03-08 at 2:00: 2:00 to 2:59 do not exist.
        QTest::newRow("LA just before the jump") << u"America/Los_Angeles"_s << QDate(2026, 3, 8) << QTime(1, 59) << u"2026-03-08T09:59:00Z"_s << false;
        QTest::newRow("LA at the jump") << u"America/Los_Angeles"_s << QDate(2026, 3, 8) << QTime(2, 0) << u"gap"_s << false;
        QTest::newRow("LA in the gap") << u"America/Los_Angeles"_s << QDate(2026, 3, 8) << QTime(2, 30) << u"gap"_s << false;
        QTest::newRow("LA after the jump") << u"America/Los_Angeles"_s << QDate(2026, 3, 8) << QTime(3, 0) << u"2026-03-08T10:00:00Z"_s << false;
        QTest::newRow("New York in the gap") << u"America/New_York"_s << QDate(2026, 3, 8) << QTime(2, 15) << u"gap"_s << false;
        QTest::newRow("Chicago in the 2027 gap") << u"America/Chicago"_s << QDate(2027, 3, 14) << QTime(2, 45) << u"gap"_s << false;
        // Phoenix keeps standard time: nothing is skipped or repeated.
        QTest::newRow("Phoenix the US spring night") << u"America/Phoenix"_s << QDate(2026, 3, 8) << QTime(2, 30) << u"2026-03-08T09:30:00Z"_s << false;
        QTest::newRow("Phoenix the US autumn night") << u"America/Phoenix"_s << QDate(2026, 11, 1) << QTime(1, 30) << u"2026-11-01T08:30:00Z"_s << false;
        // US fall back, 2026-11-01 at 2:00: 1:00 to 1:59 happen twice; the first (daylight) is taken.
        QTest::newRow("New York twice") << u"America/New_York"_s << QDate(2026, 11, 1) << QTime(1, 30) << u"2026-11-01T05:30:00Z"_s << true;
        QTest::newRow("Chicago twice") << u"America/Chicago"_s << QDate(2026, 11, 1) << QTime(1, 30) << u"2026-11-01T06:30:00Z"_s << true;
        QTest::newRow("LA after the repeat") << u"America/Los_Angeles"_s << QDate(2026, 11, 1) << QTime(2, 0) << u"2026-11-01T10:00:00Z"_s << false;
        // Europe: forward 2026-03-29 at 2:00 local, back 2026-10-25 at 3:00 local.
        QTest::newRow("Madrid in the gap") << u"Europe/Madrid"_s << QDate(2026, 3, 29) << QTime(2, 30) << u"gap"_s << false;
        QTest::newRow("Madrid US gap night") << u"Europe/Madrid"_s << QDate(2026, 3, 8) << QTime(2, 30) << u"2026-03-08T01:30:00Z"_s << false;
        QTest::newRow("Madrid twice") << u"Europe/Madrid"_s << QDate(2026, 10, 25) << QTime(2, 30) << u"2026-10-25T00:30:00Z"_s << true;
        QTest::newRow("Madrid after the repeat") << u"Europe/Madrid"_s << QDate(2026, 10, 25) << QTime(3, 30) << u"2026-10-25T02:30:00Z"_s << false;
    }

    void shouldResolveWallClockTimesAcrossDaylightSavingSwitches()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QString, expected);
        QFETCH(bool, overlap);
        const auto resolved = instantFromLocal(date, time, zoneFromId(zone), u"Site “Plaza”"_s);
        if (expected == u"gap") {
            QVERIFY(!resolved);
            QVERIFY2(resolved.error().message().startsWith(u"Site “Plaza”: "_s), qPrintable(resolved.error().message()));
            QVERIFY2(resolved.error().message().contains(u"does not exist"_s), qPrintable(resolved.error().message()));
            QVERIFY2(resolved.error().message().contains(zone), qPrintable(resolved.error().message()));
            return;
        }
        QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message()));
        QCOMPARE(resolved.value().instant.toString(Qt::ISODate), expected);
        QCOMPARE(resolved.value().change == ClockChange::Overlap, overlap);
        QCOMPARE(clockChangeAt(resolved.value().instant, zoneFromId(zone)) == ClockChange::Overlap, overlap);
    }

    void shouldSayWhereTheClocksJump()
    {
        const auto resolved = instantFromLocal(QDate(2026, 3, 29), QTime(2, 30), zoneFromId(u"Europe/Madrid"_s), u"Site “Madrid office”"_s);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().message(),
                 u"Site “Madrid office”: 2:30 a.m. does not exist on Sunday, March 29, 2026 in Europe/Madrid, because the clocks jump forward from 2:00 a.m. "
                 "to 3:00 a.m. that night. Choose a time before 2:00 a.m. or from 3:00 a.m. on."_s);
    }

    void shouldFormatTimesWithTheZoneAbbreviationInTheUsersLanguage()
    {
        const QDateTime instant(QDate(2027, 5, 20), QTime(20, 30), QTimeZone::UTC);
        QCOMPARE(formatTime(instant, zoneFromId(u"America/Los_Angeles"_s)), u"1:30 p.m. PDT"_s);
        QCOMPARE(formatTime(instant, zoneFromId(u"America/Phoenix"_s)), u"1:30 p.m. MST"_s);
        QCOMPARE(formatTime(instant.addSecs(-16 * 3600), zoneFromId(u"America/New_York"_s)), u"12:30 a.m. EDT"_s);
        // A 24-hour clock where the language uses one.
        QCOMPARE(formatTime(instant, zoneFromId(u"Europe/Madrid"_s), QLocale(QLocale::Spanish, QLocale::Spain)), u"22:30 CEST"_s);
        QCOMPARE(formatUtc(instant), u"2027-05-20 20:30 UTC"_s);
        QCOMPARE(formatDateTime(instant, zoneFromId(u"Europe/Madrid"_s)), u"Thursday, May 20, 2027, 10:30 p.m. CEST"_s);
        // The "C" locale of a terminal without LANG still reads like a person wrote it.
        QCOMPARE(formatTime(instant, zoneFromId(u"America/Chicago"_s), QLocale::c()), u"3:30 p.m. CDT"_s);
    }

    void shouldNameZonesWithoutLettersByTheirOffset()
    {
        const QDateTime summer(QDate(2027, 5, 20), QTime(20, 30), QTimeZone::UTC);
        const QDateTime winter(QDate(2027, 1, 20), QTime(20, 30), QTimeZone::UTC);
        QCOMPARE(zoneAbbreviation(zoneFromId(u"America/Los_Angeles"_s), summer), u"PDT"_s);
        QCOMPARE(zoneAbbreviation(zoneFromId(u"America/Los_Angeles"_s), winter), u"PST"_s);
        // The time zone data writes "-05" and "+0545" for these: readers know them as offsets.
        QCOMPARE(zoneAbbreviation(zoneFromId(u"America/Bogota"_s), summer), u"UTC\u22125"_s);
        QCOMPARE(zoneAbbreviation(zoneFromId(u"Asia/Kathmandu"_s), summer), u"UTC+5:45"_s);
        QCOMPARE(zoneAbbreviation(QTimeZone::utc(), summer), u"UTC"_s);
        QCOMPARE(formatTime(summer, zoneFromId(u"America/Bogota"_s), QLocale(QLocale::English, QLocale::UnitedStates)), u"3:30 p.m. UTC\u22125"_s);
    }

    void shouldTellWhenTheClocksChangeDuringASite()
    {
        const QTimeZone chicago = zoneFromId(u"America/Chicago"_s);
        const QDateTime start(QDate(2026, 11, 1), QTime(6, 30), QTimeZone::UTC);
        QVERIFY(clocksChangeBetween(start, start.addSecs(3 * 3600), chicago));
        QVERIFY(!clocksChangeBetween(start.addDays(1), start.addDays(1).addSecs(3 * 3600), chicago));
        QVERIFY(!clocksChangeBetween(start, start.addSecs(3 * 3600), zoneFromId(u"America/Phoenix"_s)));
    }

    void shouldKnowOnlyRealTimeZones()
    {
        QVERIFY(zoneFromId(u"America/Phoenix"_s).isValid());
        QVERIFY(!zoneFromId(u"Mars/Olympus_Mons"_s).isValid());
        QVERIFY(!zoneFromId(QString()).isValid());
    }
};

CHORUS_TEST_MAIN(SiteTimeTest)

#include "sitetimetest.moc"
