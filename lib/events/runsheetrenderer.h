// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

#include <QDateTime>
#include <QString>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Events
{

/**
 * The printable run sheet of one site: where, when on the site's clock (and in UTC), who leads,
 * whom to call, then the run of show with running clock times, speakers and durations, and the
 * warnings an organizer must see (a run of show longer than the slot, a speaker booked twice).
 * Rendered as rich text and printed to PDF with QTextDocument and QPdfWriter; needs a
 * QGuiApplication (fonts).
 */
class CHORUS_CORE_EXPORT RunSheetRenderer
{
public:
    explicit RunSheetRenderer(Store::Store &store);

    /// The run sheet as HTML (all user text escaped); empty when the site does not exist.
    [[nodiscard]] QString html(const QString &siteId);
    /// Writes the run sheet as an A4 PDF to path, whole or not at all.
    Result<void> writePdf(const QString &siteId, const QString &path);

private:
    Store::Store &m_store;
};

} // namespace Chorus::Events
