// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "sync/hybridlogicalclock.h"

using namespace Chorus::Sync;

class HybridLogicalClockTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFollowTheWallClock()
    {
        qint64 wall = 1000;
        HybridLogicalClock clock(0, [&] {
            return wall;
        });
        QCOMPARE(HybridLogicalClock::milliseconds(clock.now()), 1000);
        wall = 2000;
        QCOMPARE(HybridLogicalClock::milliseconds(clock.now()), 2000);
    }

    void shouldNeverGoBackwardsWhenTheWallClockDoes()
    {
        qint64 wall = 5000;
        HybridLogicalClock clock(0, [&] {
            return wall;
        });
        const qint64 first = clock.now();
        wall = 10; // the laptop's clock was set back
        const qint64 second = clock.now();
        const qint64 third = clock.now();
        QVERIFY(second > first);
        QVERIFY(third > second);
    }

    void shouldOrderAfterWhatItObserved()
    {
        HybridLogicalClock clock(0, [] {
            return qint64(100);
        });
        const qint64 remote = qint64(999999) << 16;
        clock.observe(remote);
        QVERIFY(clock.now() > remote);
    }
};

CHORUS_TEST_MAIN(HybridLogicalClockTest)

#include "hybridlogicalclocktest.moc"
