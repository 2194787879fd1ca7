// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace Chorus::Events
{

/// What a daylight-saving switch does to a wall-clock time at a site.
enum class ClockChange {
    None,
    Gap, ///< the time does not exist: the clocks jump over it (spring forward)
    Overlap, ///< the time happens twice: the clocks go back over it (fall back)
};

/// A wall-clock time at a site, resolved to one instant.
struct ResolvedTime {
    QDateTime instant; ///< in UTC
    ClockChange change = ClockChange::None; ///< Overlap: the first of the two occurrences was taken
};

/**
 * The instant at which a site's wall clock shows date and time. A time that does not exist
 * because the clocks jump over it fails with a translated message naming the site (siteLabel,
 * e.g. "Site “Plaza”"); a time that happens twice is taken at its first occurrence and reported
 * as ClockChange::Overlap.
 */
CHORUS_CORE_EXPORT Result<ResolvedTime> instantFromLocal(const QDate &date, const QTime &time, const QTimeZone &zone, const QString &siteLabel);

/// Whether the wall-clock time that zone shows at instant happens twice (ClockChange::Overlap).
CHORUS_CORE_EXPORT ClockChange clockChangeAt(const QDateTime &instant, const QTimeZone &zone);

/// True when the zone's offset from UTC differs between start and end (the clocks change during).
CHORUS_CORE_EXPORT bool clocksChangeBetween(const QDateTime &start, const QDateTime &end, const QTimeZone &zone);

/// The time of day on zone's clock with the zone's abbreviation: "1:30 p.m. PDT", "13:30 CEST".
/// "PDT", "CET", "IST" at that instant; where the time zone data has no letters for the zone
/// (Bogotá, São Paulo, Dubai), its offset as a reader knows it, "UTC−5", not the data's "-05".
CHORUS_CORE_EXPORT QString zoneAbbreviation(const QTimeZone &zone, const QDateTime &instant);
CHORUS_CORE_EXPORT QString formatTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale = QLocale());
/// The date and time on zone's clock: "Thursday, May 20, 2027, 1:30 p.m. PDT".
CHORUS_CORE_EXPORT QString formatDateTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale = QLocale());
/// The date on zone's clock at instant: "Thursday, May 20, 2027".
/// "Thu, May 20, 1:30 p.m. PDT": the same in a table's few columns (no year).
CHORUS_CORE_EXPORT QString formatShortDateTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale = QLocale());
/// "Thu, May 20" on the zone's wall clock, for tables.
CHORUS_CORE_EXPORT QString formatShortLocalDate(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale = QLocale());
CHORUS_CORE_EXPORT QString formatLocalDate(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale = QLocale());
/// The instant in UTC, the same in every language: "2027-05-20 20:30 UTC".
CHORUS_CORE_EXPORT QString formatUtc(const QDateTime &instant);
/// The time zone for the IANA id, invalid when it is not known.
CHORUS_CORE_EXPORT QTimeZone zoneFromId(const QString &ianaId);

} // namespace Chorus::Events
