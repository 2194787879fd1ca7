// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chorus::Interop
{

/// One data row of a CSV file, with the line of the file it starts on (1-based).
struct CsvRow {
    int line = 0;
    QStringList fields;
};

/// A CSV file as read: how it was written, its header and its rows.
struct CsvTable {
    QString encoding; ///< "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"...
    QChar delimiter;
    QStringList headers;
    QList<CsvRow> rows;
    /// Lines of notes above the header that were skipped (LinkedIn's export starts with some).
    int linesAboveHeader = 0;
};

/**
 * Reads spreadsheet and CRM exports: detects the encoding (UTF-8 with or without byte order
 * mark, UTF-16, otherwise a single-byte code page: Windows-1252, or Windows-1250, ISO-8859-15
 * or MacRoman when the bytes show it), the delimiter (comma, semicolon or tab, from the header
 * line), and follows RFC 4180 quoting (fields with delimiters, doubled quotes and line breaks).
 *
 * The first line is the header, unless the file starts with a few lines of one value each
 * (notes, as LinkedIn writes above its header) followed by lines of several: the first of those
 * is the header, and the notes are skipped. Errors are translated and name the line and column: an empty or
 * binary file, a header without rows, a repeated header name, an unterminated quote,
 * a field longer than maxFieldLength. A column without a name in the header is named by its
 * place ("column 1"). Rows of another width than the header are kept as read:
 * the importer reports them per row. Blank lines, and lines of empty cells only
 * (",,,", as spreadsheets write rows that were cleared), are skipped.
 */
class CHORUS_CORE_EXPORT CsvReader
{
public:
    /// Longest field accepted (characters): far above any real cell, far below memory trouble.
    static constexpr qsizetype DefaultMaxFieldLength = 1024 * 1024;

    [[nodiscard]] static Result<CsvTable> read(const QByteArray &data, qsizetype maxFieldLength = DefaultMaxFieldLength);
    /**
     * Reads bytes in the encoding the user named (a name Qt knows: "windows-1250", "UTF-16LE",
     * "macintosh"...), for the files whose encoding cannot be told from their bytes; the error
     * says when the name is unknown or the bytes are not in that encoding.
     */
    [[nodiscard]] static Result<CsvTable> readAs(const QByteArray &data, const QString &encoding, qsizetype maxFieldLength = DefaultMaxFieldLength);
    /// Reads a file; the error names the file when it cannot be opened.
    [[nodiscard]] static Result<CsvTable> readFile(const QString &path, qsizetype maxFieldLength = DefaultMaxFieldLength);

    /// Decodes bytes of unknown encoding; sets encoding to the name of the one found.
    [[nodiscard]] static QString decode(const QByteArray &data, QString *encoding);
};

} // namespace Chorus::Interop
