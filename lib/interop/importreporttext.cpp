// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "importreporttext.h"

#include <KLocalizedString>

using namespace Qt::StringLiterals;

namespace Chorus::Interop
{

QStringList ImportReportText::added(const ImportReport &report, Domain::Kind kind)
{
    QStringList lines;
    lines << (kind == Domain::Kind::Person ? i18ncp("@info", "%1 person added", "%1 people added", report.created)
                                           : i18ncp("@info", "%1 organization added", "%1 organizations added", report.created));
    if (report.organizationsCreated > 0) {
        lines << i18ncp("@info", "%1 organization added by name", "%1 organizations added by name", report.organizationsCreated);
    }
    return lines;
}

QList<ImportReportLine> ImportReportText::details(const ImportReport &report, bool vcard, Reader reader)
{
    QList<ImportReportLine> lines;
    if (!report.unusedColumns.isEmpty()) {
        QStringList quoted;
        for (const QString &column : report.unusedColumns) {
            quoted << i18nc("@info a column name, quoted", "“%1”", column);
        }
        const QString list = quoted.join(i18nc("@info separator between the items of a list", ", "));
        const qsizetype count = report.unusedColumns.size();
        lines << ImportReportLine{reader == Reader::CommandLine
                                      ? i18ncp("@info:shell %2 is a list of column names",
                                               "1 column not imported, as Chorus did not recognise it (--map \"COLUMN=FIELD\" imports it): %2",
                                               "%1 columns not imported, as Chorus did not recognise them (--map \"COLUMN=FIELD\" imports one): %2",
                                               count,
                                               list)
                                      : i18ncp("@info %2 is a list of column names",
                                               "1 column not imported, as Chorus did not recognise it (choose a field for it in the column table to "
                                               "import it): %2",
                                               "%1 columns not imported, as Chorus did not recognise them (choose a field for one in the column table "
                                               "to import it): %2",
                                               count,
                                               list)};
    }
    // Merges that changed or left out a value are in the audit; the others found their record as it was.
    if (const qsizetype audited = report.mergeIds.size(); audited > 0) {
        QString text = i18ncp("@info", "%1 duplicate merged into an existing record", "%1 duplicates merged into existing records", audited);
        if (reader == Reader::CommandLine) {
            text += u' ' + i18nc("@info:shell %1 is the program", "(“%1 merges” lists them, to undo one)", u"chorus-cli"_s);
        }
        lines << ImportReportLine{text};
    }
    if (const qint64 same = report.merged - report.mergeIds.size(); same > 0) {
        lines << ImportReportLine{
            i18ncp("@info", "%1 duplicate already there, with nothing new to merge", "%1 duplicates already there, with nothing new to merge", same)};
    }
    if (report.keptBoth > 0) {
        lines << ImportReportLine{i18ncp("@info", "%1 duplicate added as a separate record", "%1 duplicates added as separate records", report.keptBoth)};
    }
    if (report.skippedDuplicates > 0) {
        lines << ImportReportLine{i18ncp("@info", "%1 duplicate skipped", "%1 duplicates skipped", report.skippedDuplicates)};
    }
    for (const RowProblem &problem : report.leftOut) {
        lines << ImportReportLine{problem.message};
    }
    if (!report.skippedRows.isEmpty()) {
        const qsizetype count = report.skippedRows.size();
        lines << ImportReportLine{vcard ? i18ncp("@info", "%1 bad card skipped:", "%1 bad cards skipped:", count)
                                        : i18ncp("@info", "%1 bad row skipped:", "%1 bad rows skipped:", count)};
        for (const RowProblem &problem : report.skippedRows) {
            lines << ImportReportLine{problem.message, true};
        }
    }
    return lines;
}

} // namespace Chorus::Interop
