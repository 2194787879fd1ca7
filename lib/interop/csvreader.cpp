// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "csvreader.h"

#include "filereason.h"
#include <algorithm>

#include <KLocalizedString>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Chorus::Interop
{

namespace
{

/// UTF-16 without a byte order mark: ASCII text has a zero in every other byte.
std::optional<QStringConverter::Encoding> utf16WithoutBom(const QByteArray &data)
{
    const qsizetype sample = std::min<qsizetype>(data.size() & ~qsizetype(1), 4096);
    if (sample < 4) {
        return std::nullopt;
    }
    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    for (qsizetype i = 0; i < sample; i += 2) {
        evenZeros += data.at(i) == '\0';
        oddZeros += data.at(i + 1) == '\0';
    }
    const qsizetype pairs = sample / 2;
    if (oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs) {
        return QStringConverter::Utf16LE;
    }
    if (evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs) {
        return QStringConverter::Utf16BE;
    }
    return std::nullopt;
}

/// Text files have no NUL and few control characters besides tab and line breaks.
bool looksBinary(QStringView text)
{
    const qsizetype sample = std::min<qsizetype>(text.size(), 8192);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < sample; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0) {
            return true;
        }
        if (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != 0x0c) {
            ++controls;
        }
    }
    return controls * 100 > sample;
}

/// A line number as messages show it: "12345", as editors number lines, not "12,345".
QString lineNumber(int line)
{
    return QString::number(line);
}

/// At most this many lines of notes above the header are skipped.
constexpr qsizetype MaxLinesAboveHeader = 10;

/// The delimiter that splits the header line into the most fields, outside quotes. Lines with
/// none (notes above the header) are passed over.
QChar detectDelimiter(QStringView text)
{
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    qsizetype tabs = 0;
    qsizetype lines = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (commas + semicolons + tabs > 0 || ++lines > MaxLinesAboveHeader) {
                break;
            }
        } else if (!quoted) {
            commas += c == u',';
            semicolons += c == u';';
            tabs += c == u'\t';
        }
    }
    if (tabs > commas && tabs >= semicolons) {
        return u'\t';
    }
    if (semicolons > commas) {
        return u';';
    }
    return u',';
}

/// The length of the UTF-8 character that starts at bytes[i], or 0 when none does.
qsizetype utf8SequenceAt(QByteArrayView bytes, qsizetype i)
{
    const auto lead = uchar(bytes.at(i));
    const qsizetype length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) {
        return 0;
    }
    for (qsizetype k = 1; k < length; ++k) {
        if ((uchar(bytes.at(i + k)) & 0xC0) != 0x80) {
            return 0;
        }
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    // (decode() converts when its result becomes a string)
    const QString decoded = utf8.decode(bytes.sliced(i, length));
    return utf8.hasError() || decoded.isEmpty() ? 0 : length;
}

/**
 * A file of UTF-8 with some Windows-1252 in it (a cell pasted from another file), decoded
 * character by character, with encoding naming the lines that hold Windows-1252; a null string
 * when the file has no UTF-8 character of several bytes at all.
 */
QString mixedUtf8(const QByteArray &data, QString *encoding)
{
    // Windows-1252's characters for the bytes 0x80 to 0xFF.
    QByteArray high(128, Qt::Uninitialized);
    for (int b = 0; b < 128; ++b) {
        high[b] = char(0x80 + b);
    }
    QStringDecoder windows("windows-1252");
    const QString windowsHigh = windows.isValid() ? QString(windows.decode(high)) : QString();
    if (windowsHigh.size() != 128) {
        return {};
    }
    QString text;
    text.reserve(data.size());
    QList<int> otherLines;
    bool anyUtf8 = false;
    int line = 1;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (uchar(c) < 0x80) {
            text += QLatin1Char(c);
            line += c == '\n';
            continue;
        }
        if (const qsizetype length = utf8SequenceAt(data, i); length > 0) {
            text += QString::fromUtf8(data.sliced(i, length));
            anyUtf8 = true;
            i += length - 1;
            continue;
        }
        text += windowsHigh.at(uchar(c) - 0x80);
        if (otherLines.isEmpty() || otherLines.constLast() != line) {
            otherLines << line;
        }
    }
    if (!anyUtf8) {
        return {};
    }
    QStringList shown;
    for (int i = 0; i < std::min<qsizetype>(5, otherLines.size()); ++i) {
        shown << QString::number(otherLines.at(i));
    }
    if (otherLines.size() > 5) {
        shown << u"…"_s;
    }
    *encoding = i18ncp("@info the encoding of a file; %2 is a list of line numbers",
                       "UTF-8, but line %2 in Windows-1252",
                       "UTF-8, but lines %2 in Windows-1252",
                       otherLines.size(),
                       shown.join(u", "_s));
    return text;
}

/// Characters of a single-byte decoding that are neither letters nor usual text marks, next to a
/// letter: "Wiœniewski" and "Zwi¹zek" are Polish (Wiśniewski, Związek) read in the wrong code page.
qsizetype symbolsInWords(QStringView text)
{
    static const QString usual = u" «»°§©®·€–—‘’‚“”„…•¿¡ªº"_s;
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80 || c.isLetter() || usual.contains(c)) {
            continue;
        }
        if ((i > 0 && text.at(i - 1).isLetter()) || (i + 1 < text.size() && text.at(i + 1).isLetter())) {
            ++count;
        }
    }
    return count;
}

/// Decodes with a code page by name; a null string when Qt does not know it.
QString decodeAs(const QByteArray &data, const char *name)
{
    QStringDecoder decoder(name);
    return decoder.isValid() ? QString(decoder.decode(data)) : QString();
}

/**
 * The single-byte code page a file that is not UTF-8 was most likely saved in, by the traces
 * the others would leave: old Excel for Mac saves MacRoman with CR line ends; ISO-8859-15 has
 * its euro sign where Windows-1252 has the never used "¤"; Central European Windows (1250)
 * puts letters where Windows-1252 has symbols ("Wiœniewski", "£ód"). Windows-1252 otherwise.
 */
const char *singleByteEncoding(const QByteArray &data)
{
    if (data.contains('\r') && !data.contains('\n')) {
        return "macintosh";
    }
    const QString windows = decodeAs(data, "windows-1252");
    bool c1 = false; // bytes that are C1 controls in the ISO-8859 code pages
    for (const char byte : data) {
        c1 = c1 || (uchar(byte) >= 0x80 && uchar(byte) < 0xA0);
    }
    if (!c1 && data.contains('\xA4')) {
        return "ISO-8859-15";
    }
    if (const qsizetype western = symbolsInWords(windows); western > 0) {
        const QString central = decodeAs(data, "windows-1250");
        if (!central.isNull() && symbolsInWords(central) < western) {
            return "windows-1250";
        }
    }
    return "windows-1252";
}

} // namespace

QString CsvReader::decode(const QByteArray &data, QString *encoding)
{
    // A byte order mark settles it.
    if (const auto bom = QStringConverter::encodingForData(data); bom) {
        QStringDecoder decoder(*bom);
        *encoding = QString::fromLatin1(QStringConverter::nameForEncoding(*bom));
        return decoder.decode(data);
    }
    if (const auto utf16 = utf16WithoutBom(data); utf16) {
        QStringDecoder decoder(*utf16);
        *encoding = QString::fromLatin1(QStringConverter::nameForEncoding(*utf16));
        return decoder.decode(data);
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        *encoding = u"UTF-8"_s;
        return text;
    }
    // Not UTF-8: spreadsheets on Windows save in the ANSI code page, Windows-1252 in the West.
    // A UTF-8 file with a few lines pasted in from such a file keeps its UTF-8 lines: read whole
    // as Windows-1252, every accent of theirs would turn into two letters ("JosÃ©").
    if (const auto mixed = mixedUtf8(data, encoding); !mixed.isNull()) {
        return mixed;
    }
    const char *singleByte = singleByteEncoding(data);
    QStringDecoder windows(singleByte);
    if (windows.isValid()) {
        text = windows.decode(data);
        if (!windows.hasError()) {
            *encoding = QString::fromLatin1(singleByte);
            return text;
        }
    }
    *encoding = u"ISO-8859-1"_s;
    return QString::fromLatin1(data);
}

Result<CsvTable> CsvReader::readAs(const QByteArray &data, const QString &encoding, qsizetype maxFieldLength)
{
    const QByteArray name = encoding.trimmed().toLatin1();
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 is what the user typed",
                           "Chorus does not know the encoding “%1”. Give one such as UTF-8, UTF-16LE, windows-1252, windows-1250, ISO-8859-15 or macintosh.",
                           encoding));
    }
    // (A byte order mark of the encoding's own is skipped by the decoder.)
    const QString text = decoder.decode(data);
    if (decoder.hasError()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 is an encoding", "The file is not written in %1: some of its bytes mean nothing in that encoding.", encoding));
    }
    auto table = read(text.toUtf8(), maxFieldLength);
    if (table) {
        table.value().encoding = encoding;
    }
    return table;
}

Result<CsvTable> CsvReader::readFile(const QString &path, qsizetype maxFieldLength)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file, %2 the reason", "Cannot read %1: %2", QFileInfo(path).fileName(), FileReason::forReading(path, file)));
    }
    return read(file.readAll(), maxFieldLength);
}

Result<CsvTable> CsvReader::read(const QByteArray &data, qsizetype maxFieldLength)
{
    CsvTable table;
    // The usual mistake: the spreadsheet itself rather than a CSV file saved from it.
    if (data.startsWith("PK\x03\x04") || data.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return Error(Error::Code::Invalid,
                     i18nc("@info",
                           "The file is a spreadsheet workbook (Excel or LibreOffice), not a CSV file. Open it in its program, save the sheet as CSV "
                           "(File > Save As, CSV), then import that file."));
    }
    const QString text = decode(data, &table.encoding);
    if (text.trimmed().isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is empty: a header line and at least one row are expected."));
    }
    if (looksBinary(text)) {
        return Error(Error::Code::Invalid,
                     i18nc("@info", "The file is not a CSV file (it holds binary data). Save the spreadsheet as CSV, then import that file."));
    }
    // Excel's hint line "sep=;" names the delimiter and is no header.
    qsizetype start = 0;
    // A program that did not know the hint and saved the file again may have quoted it: "sep=;".
    static const QRegularExpression separatorHint(u"^\\s*\"?sep=(.)\"?\\s*(\r\n|\n|\r)"_s, QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch hint = separatorHint.match(text); hint.hasMatch()) {
        table.delimiter = hint.captured(1).at(0);
        start = hint.capturedEnd();
    } else {
        table.delimiter = detectDelimiter(text);
    }

    QList<CsvRow> records;
    CsvRow current;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the field being read started with a quote
    int line = start > 0 ? 2 : 1;
    int quoteLine = 0;
    int quoteColumn = 0;
    current.line = line;
    const QChar delimiter = table.delimiter;
    // Where the characters of an unquoted field start that are not in field yet: most fields are
    // copied out of the text in one piece rather than one character at a time.
    qsizetype run = -1;
    const auto takeRun = [&](qsizetype end) {
        if (run >= 0) {
            field.append(QStringView(text).mid(run, end - run));
            run = -1;
        }
    };
    // Whether the field read so far, up to end, is blank (a quote there opens a quoted value).
    const auto blankSoFar = [&](qsizetype end) {
        takeRun(end);
        return field.trimmed().isEmpty();
    };

    // Ends the field whose last character is before end.
    const auto endField = [&](qsizetype end) -> Result<void> {
        if (field.isEmpty() && !wasQuoted) {
            current.fields.append(run >= 0 ? QStringView(text).mid(run, end - run).trimmed().toString() : QString());
            run = -1;
            return {};
        }
        takeRun(end);
        current.fields.append(wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
        return {};
    };
    const auto endRecord = [&] {
        // A line with nothing on it is no row, nor is a line of empty cells only (",,,"), which
        // spreadsheets write for the rows below the data that were once formatted or cleared.
        const bool blank = std::all_of(current.fields.cbegin(), current.fields.cend(), [](const QString &value) {
            return value.isEmpty();
        });
        const qsizetype width = current.fields.size();
        if (!blank) {
            records.append(std::move(current));
        }
        current = CsvRow();
        current.line = line;
        current.fields.reserve(width);
    };

    const qsizetype size = text.size();
    for (qsizetype i = start; i < size; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < size && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                } else if (c == u'\r') {
                    if (i + 1 < size && text.at(i + 1) == u'\n') {
                        ++i;
                    }
                    ++line;
                    field.append(u'\n');
                    continue;
                }
                field.append(c);
            }
        } else if (c == delimiter) {
            (void)endField(i);
        } else if (c == u'\n' || c == u'\r') {
            (void)endField(i);
            if (c == u'\r' && i + 1 < size && text.at(i + 1) == u'\n') {
                ++i;
            }
            ++line;
            endRecord();
        } else if (c == u'"' && !wasQuoted && blankSoFar(i)) {
            quoted = true;
            wasQuoted = true;
            field.clear();
            quoteLine = line;
            quoteColumn = int(current.fields.size()) + 1;
        } else if (run < 0) {
            run = i;
        }
        if (field.size() + (run >= 0 ? i + 1 - run : 0) > maxFieldLength) {
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 is a line number, %2 a column number, %3 a number of characters",
                               "Line %1, column %2: the value is longer than %3 characters. Is the file really a CSV file?",
                               lineNumber(current.line),
                               current.fields.size() + 1,
                               maxFieldLength));
        }
    }
    if (quoted) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 is a line number, %2 a column number",
                           "Line %1, column %2: a quoted value is never closed (its closing quotation mark \" is missing).",
                           lineNumber(quoteLine),
                           quoteColumn));
    }
    if (!field.isEmpty() || run >= 0 || wasQuoted || !current.fields.isEmpty()) {
        (void)endField(size);
        endRecord();
    }
    if (records.isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is empty: a header line and at least one row are expected."));
    }

    // Notes above the header: lines of one value, then the header and rows of several. The
    // first note reads as a note ("Notes:", "Contacts exported on 2 May"), not as the name of
    // the one column of a file whose rows are ragged ("Name").
    const auto readsAsNote = [](const QString &value) {
        const QString text = value.trimmed();
        return text.endsWith(u':') || text.contains(u' ');
    };
    if (records.constFirst().fields.size() == 1 && readsAsNote(records.constFirst().fields.constFirst())) {
        qsizetype first = 1;
        while (first < records.size() && first <= MaxLinesAboveHeader && records.at(first).fields.size() == 1) {
            ++first;
        }
        const bool severalFromThere = std::all_of(records.cbegin() + first, records.cend(), [](const CsvRow &row) {
            return row.fields.size() > 1;
        });
        if (first <= MaxLinesAboveHeader && first + 1 < records.size() && severalFromThere) {
            table.linesAboveHeader = records.at(first).line - records.constFirst().line;
            records.remove(0, first);
        }
    }

    CsvRow header = records.takeFirst();
    // Trailing delimiters leave empty last headers (Excel keeps the columns of deleted cells:
    // "Name;Email;;"): harmless, and their columns are not imported.
    qsizetype named = header.fields.size();
    while (named > 1 && header.fields.at(named - 1).simplified().isEmpty()) {
        --named;
    }
    QSet<QString> seen;
    for (int column = 0; column < named; ++column) {
        QString name = header.fields.at(column).simplified();
        // A column without a name (pandas writes its row numbers so, spreadsheets a column left
        // empty at the top) is named by its place: it is not imported unless mapped by number.
        if (name.isEmpty()) {
            name = i18nc("@title a column without a name in a file's header; %1 is its number", "column %1", column + 1);
        }
        if (seen.contains(name.toCaseFolded())) {
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 is a line number, %2 a column number, %3 a column name",
                               "Line %1, column %2: the column name “%3” appears twice in the header. Rename one of them.",
                               lineNumber(header.line),
                               column + 1,
                               name));
        }
        seen.insert(name.toCaseFolded());
        table.headers.append(name);
    }
    if (records.isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file has a header line but no rows to import."));
    }
    table.rows = std::move(records);
    return table;
}

} // namespace Chorus::Interop
