// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"

#include <QDateTime>
#include <QTimeZone>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Events
{

/// One item of a site's run of show, placed on the clock.
struct RunOfShowEntry {
    Domain::Record item;
    QDateTime start; ///< UTC
    QDateTime end; ///< UTC
    QString clockStart; ///< on the site's clock: "1:30 p.m. PDT"
    QString clockEnd;
    QString speakerName; ///< empty when the item has no speaker
};

/// A site's run of show with its running clock times.
struct RunOfShow {
    QList<RunOfShowEntry> entries; ///< in running order (start, then position)
    QDateTime start; ///< when the first item starts (UTC), invalid without items
    QDateTime end; ///< when the last item ends (UTC)
    qint64 totalMinutes = 0; ///< from the first start to the last end
    qint64 minutesOverSlot = 0; ///< how long the run of show goes past the site's end; 0 when it fits
    QString overSlotMessage; ///< translated, names the site; empty when it fits
};

/**
 * Places the items of a site's run of show on the clock. An item with a clock_time ("12:10")
 * starts at that time on the site's clock on the site's local date; any other starts
 * offset_minutes after the site's start (before it when negative).
 */
CHORUS_CORE_EXPORT RunOfShow computeRunOfShow(const Domain::Record &site, const QList<Domain::Record> &items, const QString &siteLabel = {});

/// The run of show of a stored site, with speakers' names.
CHORUS_CORE_EXPORT RunOfShow runOfShow(Store::Store &store, const QString &siteId);

/// A spokesperson booked in two places at once.
struct SpeakerConflict {
    QString speakerId;
    QString firstItemId;
    QString secondItemId;
    QString message; ///< translated, names the person, the two sites and the times
};

/**
 * Spokespeople whose run-of-show items overlap in time: at two sites (of any events), or twice
 * at one site. With eventId, only conflicts that involve one of that event's sites.
 */
CHORUS_CORE_EXPORT QList<SpeakerConflict> speakerConflicts(Store::Store &store, const QString &eventId = {});

} // namespace Chorus::Events
