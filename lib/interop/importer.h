// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "interop/columnmapping.h"
#include "interop/csvreader.h"
#include "interop/duplicates.h"
#include "result.h"

#include <functional>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/// A row that could not be imported, and why (translated, naming the line, column and field).
struct RowProblem {
    int line = 0;
    int column = 0; ///< 1-based; 0 when the whole row is at fault
    QString message;
};

/// A row of the file that looks like a record already in the database (or earlier in the file).
struct DuplicateMatch {
    Domain::Kind kind = Domain::Kind::Person;
    int line = 0;
    QString existingId;
    QString existingName;
    Domain::Record incoming;
    QString reason; ///< translated: "same e-mail address"
};

/// What an import did.
struct ImportReport {
    qint64 rows = 0; ///< data rows read
    qint64 created = 0; ///< new records of the imported kind
    qint64 merged = 0; ///< rows merged into an existing record
    qint64 keptBoth = 0; ///< duplicate rows added as new records anyway
    qint64 skippedDuplicates = 0;
    qint64 organizationsCreated = 0; ///< for people: organizations named but not yet in the database
    QList<RowProblem> skippedRows; ///< with "skip bad rows": each bad row and why
    /// Rows or cards left out on purpose, whatever the options, and why: a vCard's contact
    /// group (no person), a spreadsheet's totals row.
    QList<RowProblem> leftOut;
    QStringList mergeIds; ///< the audit entries of the merges that changed or left out a value (to undo them)
    QStringList unusedColumns; ///< the headers of the columns no field was chosen for: not imported
};

struct ImportOptions {
    Domain::Kind kind = Domain::Kind::Person;
    ColumnMapping mapping;
    /// Skip bad rows and report them; otherwise the first bad row stops the import.
    bool skipBadRows = false;
    DuplicateAction onDuplicate = DuplicateAction::Merge;
    /// Asked for each duplicate when set, instead of onDuplicate (the import dialog asks the user).
    std::function<DuplicateAction(const DuplicateMatch &)> chooseDuplicate;
    /// Where the rows come from, for the merge audit: the file's name.
    QString source;
    /// How messages name a place in the file, when it is not "Line 12, column 3 (Email)" (a
    /// vCard file names the card); column is 1-based, 0 for the whole row.
    std::function<QString(int line, int column)> describePlace;
    /// Called every few hundred rows with rows done and total; return false to cancel.
    std::function<bool(qint64 done, qint64 total)> progress;
};

/**
 * Imports the rows of a CSV file as organizations or people, in one transaction through the
 * store: all of it or nothing. People's organizations are found by name (as duplicates are
 * matched) and created when missing. People match by e-mail address, or by name within the same
 * organization when their e-mail addresses do not differ. Duplicates of records already in the database, or of
 * earlier rows, are merged (empty fields of the existing record filled in), kept or skipped.
 *
 * Without skipBadRows, the first bad row stops the import with its line, column and what is
 * wrong, and the database is left as it was; so does a cancel.
 */
class CHORUS_CORE_EXPORT Importer
{
public:
    explicit Importer(Store::Store &store);

    /**
     * The record a row gives (after mapping; a person's organization name under "organization"),
     * or what is wrong with it. Validates without the database.
     */
    [[nodiscard]] static std::optional<RowProblem> recordForRow(const CsvTable &table, const CsvRow &row, const ImportOptions &options, Domain::Record &record);
    /// The line of a person's notes that keeps an e-mail address besides the main one (vCards take it back out).
    [[nodiscard]] static QString otherEmailLine(const QString &address);
    /// The line of a person's notes that keeps a phone number besides the main one.
    [[nodiscard]] static QString otherPhoneLine(const QString &number);
    /// The problems of the first rows, for a preview (validation only; nothing is written).
    [[nodiscard]] static QList<RowProblem> preview(const CsvTable &table, const ImportOptions &options, int rows = 20);

    Result<ImportReport> run(const CsvTable &table, const ImportOptions &options);

private:
    Store::Store &m_store;
};

} // namespace Chorus::Interop
