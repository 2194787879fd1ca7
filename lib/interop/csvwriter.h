// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QByteArray>
#include <QStringList>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/**
 * Writes lists as CSV that spreadsheets open safely: UTF-8 with a byte order mark (so Excel
 * reads accents right), comma separated, CRLF lines, RFC 4180 quoting. A cell that begins with
 * = + - @, a tab or a carriage return is prefixed with an apostrophe, so that a spreadsheet
 * shows it as text instead of running it as a formula (CSV injection).
 */
class CHORUS_CORE_EXPORT CsvWriter
{
public:
    /// The characters that start a formula in a spreadsheet: a cell beginning with one is escaped.
    [[nodiscard]] static QStringView escapedCharacters();
    /// One cell, escaped and quoted as needed.
    [[nodiscard]] static QString cell(const QString &value);
    /// One line of cells, with CRLF.
    [[nodiscard]] static QString line(const QStringList &cells);

    /**
     * A whole list (organizations, people or quotes; any kind works): a header of translated
     * field names, then one row per record; links show the linked record's name.
     */
    [[nodiscard]] static Result<QByteArray> exportList(Store::Store &store, Domain::Kind kind);
};

} // namespace Chorus::Interop
