// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "interop/importer.h"
#include "result.h"
#include "store/store.h"

namespace Chorus::Interop
{

/**
 * An import as one step that can be taken back and made again (the desktop app's Edit ▸ Undo).
 *
 * import() runs the Importer and keeps what it wrote: the records it added, in the order it wrote
 * them, and the merges it made (their audit entries). undo() takes the whole import back in one
 * transaction through the store: the merges are undone from their audit entries, newest first
 * (the values they filled in are emptied again), and the records it added are deleted. redo()
 * writes the same records again, with the same ids, and makes the same merges again (each with
 * an audit entry of its own). Nothing else in the database changes.
 *
 * An undo that would lose a later change is refused, and changes nothing: when a record the import
 * added was changed or deleted since, when a value it filled in was changed since, or when
 * another record now refers to a record it added. The message names the record. The history is
 * kept in memory only: it is for the session that made the import.
 */
class CHORUS_CORE_EXPORT ImportUndo
{
public:
    /// Imports table into store (see Importer::run) and keeps what undoing it takes.
    static Result<ImportUndo> import(Store::Store &store, const CsvTable &table, const ImportOptions &options);

    /// What the import reported.
    [[nodiscard]] const ImportReport &report() const
    {
        return m_report;
    }
    /// True when the import changed nothing: there is nothing to undo.
    [[nodiscard]] bool isEmpty() const;
    /// True between undo() and redo().
    [[nodiscard]] bool isUndone() const
    {
        return m_undone;
    }
    /// The step as undo menus name it: "Import of people.csv (3 people added, 1 row merged)".
    [[nodiscard]] QString text() const;

    /// Takes the import back, or says why it cannot (then nothing changed).
    Result<void> undo(Store::Store &store);
    /// Makes the import again after undo(), or says why it cannot (then nothing changed).
    Result<void> redo(Store::Store &store);

private:
    ImportUndo() = default;
    /// Reads what the import left, to recognise later changes: each added record, each value filled in.
    void remember(Store::Store &store);
    /// Why undoing now would lose a later change; nothing when it would not.
    [[nodiscard]] std::optional<Error> laterChange(Store::Store &store) const;
    [[nodiscard]] Error refusal(const QString &why) const;

    struct Added {
        Domain::Kind kind = Domain::Kind::Person;
        QString id;
        QString name;
        size_t fingerprint = 0; ///< of all its values as the import left them
    };
    struct Merge {
        QString auditId; ///< empty: the merge changed nothing and left no audit entry
        Domain::Kind kind = Domain::Kind::Person;
        QString keptId;
        QString source;
        Domain::Record incoming; ///< the row's values, as the audit keeps them
        Domain::Record filled; ///< the fields it filled in, with their values as the import left them
    };

    ImportReport m_report;
    Domain::Kind m_kind = Domain::Kind::Person;
    QString m_source;
    QList<Added> m_added;
    QList<Merge> m_merges;
    /// While undone: the records that redo() writes again, parallel to m_added, as their values
    /// by field (a map per record would take about three times the memory).
    QList<Store::Store::NewRecord> m_removed;
    bool m_undone = false;
};

} // namespace Chorus::Interop
