// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "events/sitetime.h"
#include "result.h"

#include <QDateTime>
#include <QTimeZone>

#include <functional>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Events
{

/// How the sites of a multi-site event are timed.
enum class Scheduling {
    SameMoment, ///< one instant everywhere; each site shows its own local time ("same_moment")
    SameLocalTime, ///< the same wall-clock time at each site, e.g. noon local ("same_local_time")
};

CHORUS_CORE_EXPORT Scheduling schedulingFromKey(const QString &key);
CHORUS_CORE_EXPORT QString schedulingKey(Scheduling scheduling);

/// A warning about a site's timing, for a person to look at; never blocks a save.
struct SiteFlag {
    enum class Kind {
        AmbiguousStart, ///< the local start happens twice (the clocks go back)
        ClocksChangeDuring, ///< the clocks change between start and end
    };
    Kind kind;
    QString message; ///< translated, names the site
};

/// One site of an event with its start shown three ways.
struct SiteSchedule {
    Domain::Record site;
    QTimeZone zone;
    QDateTime start; ///< UTC
    QDateTime end; ///< UTC, invalid when the site has no end
    QString localStart; ///< "1:30 p.m. PDT"
    QString localDate; ///< the date on the site's wall clock
    QString localEnd;
    QString coordinatorStart; ///< the start on the coordinator's clock, with date
    QTimeZone coordinator; ///< the coordinator's clock
    QString utcStart; ///< "2027-05-20 20:30 UTC"
    QList<SiteFlag> flags;
};

/**
 * Times the sites of events, through the store's one write path. Every change to several sites is
 * one transaction: when one site cannot take the new time (a local time that does not exist
 * there), the error names that site and no site is changed.
 */
class CHORUS_CORE_EXPORT EventScheduler
{
public:
    explicit EventScheduler(Store::Store &store);

    /**
     * Switches an event's scheduling and recomputes its sites from anchorSiteId (by default the
     * earliest site): to SameMoment, every site starts at the anchor's instant; to SameLocalTime,
     * every site starts at the anchor's wall-clock date and time on its own clock. Each site keeps
     * its length.
     */
    Result<void> setScheduling(const QString &eventId, Scheduling scheduling, const QString &anchorSiteId = {});

    /// Moves every site of the event to start at instant (the event becomes SameMoment).
    Result<void> moveToInstant(const QString &eventId, const QDateTime &instant);
    /// Moves every site to start at date and time on its own clock (the event becomes SameLocalTime).
    Result<void> moveToLocalTime(const QString &eventId, const QDate &date, const QTime &time);

    /**
     * Creates a site from its wall-clock start (and optional end, the same day) in the site
     * record's time_zone. The record needs event_id, venue and time_zone; errors name the site.
     */
    Result<QString> createSite(const Domain::Record &site, const QDate &date, const QTime &start, const QTime &end = {});

    /**
     * Moves a site to another time zone. With SameMoment the site keeps its instant (its local
     * time changes); with SameLocalTime it keeps its wall-clock time (its instant changes), which
     * fails, naming the site, when that time does not exist in the new zone that day.
     */
    Result<void> changeSiteTimeZone(const QString &siteId, const QString &zoneId);

    /// The event's sites, earliest first, with their times on their own clocks, on coordinator's and in UTC.
    [[nodiscard]] QList<SiteSchedule> schedule(const QString &eventId, const QTimeZone &coordinator = QTimeZone::systemTimeZone());
    /// One site's times, as schedule() gives them.
    [[nodiscard]] SiteSchedule siteSchedule(const Domain::Record &site, const QTimeZone &coordinator = QTimeZone::systemTimeZone());

private:
    Result<void> moveSites(const QString &eventId, Scheduling scheduling, const std::function<Result<QDateTime>(const Domain::Record &site)> &startOf);

    Store::Store &m_store;
};

} // namespace Chorus::Events
