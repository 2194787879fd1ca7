// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/**
 * An event as an iCalendar file (RFC 5545) written by KCalendarCore: one VEVENT per site, timed
 * on the site's own clock (DTSTART;TZID=America/Los_Angeles) with a VTIMEZONE for each zone, so
 * that calendar clients show each site at the right instant. With siteId, that site only.
 */
CHORUS_CORE_EXPORT Result<QByteArray> eventToICalendar(Store::Store &store, const QString &eventId, const QString &siteId = {});

/// Writes eventToICalendar() to path, whole or not at all.
CHORUS_CORE_EXPORT Result<void> writeEventICalendar(Store::Store &store, const QString &eventId, const QString &siteId, const QString &path);

} // namespace Chorus::Interop
