// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QList>
#include <QStringList>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/// What to do with a record that matches one already in the database.
enum class DuplicateAction {
    Merge, ///< fold it into the existing record (undoable)
    KeepBoth, ///< add it as a separate record
    Skip, ///< leave it out
};

/// Records that look like the same organization or person.
struct DuplicateGroup {
    Domain::Kind kind = Domain::Kind::Person;
    QStringList ids; ///< oldest first
    QString reason; ///< translated: "same e-mail address ana@example.org"
};

/// One merge as the audit remembers it.
struct MergeEntry {
    QString id;
    Domain::Kind kind = Domain::Kind::Person;
    QString keptId;
    QString mergedId;
    QString mergedName; ///< the merged record's name, for lists
    QString mergedAt;
    QString source; ///< for a row merged in by an import: the file and line
    bool undone = false;
    /// The merged values that lost to the kept record's own, translated: "title “Director”".
    QStringList lostValues;
};

/**
 * Finding and merging duplicate organizations and people.
 *
 * People match by e-mail address (in any case) or by the same normalized name within the same
 * organization (unless their e-mail addresses differ); organizations by normalized name (see matchKey()). A merge keeps one record,
 * fills its empty fields from the other, points everything that pointed at the other (people,
 * quotes, memberships, tasks...) at the kept one and deletes the other, all through the store in
 * one transaction. An audit entry records what merged into what with every value of the merged
 * record, so undoMerge() restores the database exactly.
 */
class CHORUS_CORE_EXPORT Duplicates
{
public:
    /// A name as duplicates are compared: without case, accents, punctuation or a leading "The".
    [[nodiscard]] static QString matchKey(const QString &name);

    /// Every group of likely duplicates in the database, organizations first.
    [[nodiscard]] static QList<DuplicateGroup> find(Store::Store &store);

    /// Merges mergedId into keptId; returns the id of the audit entry (to undo it).
    static Result<QString> merge(Store::Store &store, Domain::Kind kind, const QString &keptId, const QString &mergedId);
    /**
     * Merges values from outside (a row of an imported file) into keptId: its empty fields take
     * incoming's values, and the audit keeps all of incoming (the values that lost too), so that
     * undoMerge() can empty the filled fields again. Returns the audit entry's id; there is one
     * even when there was nothing to fill but values lost, since they are kept there; an empty
     * string when the row brought nothing new and nothing else.
     */
    static Result<QString> mergeValues(Store::Store &store, Domain::Kind kind, const QString &keptId, const Domain::Record &incoming, const QString &source);
    /// Undoes a merge: the merged record comes back with its id, values and links.
    static Result<void> undoMerge(Store::Store &store, const QString &mergeId);
    /// The merges done in this database, newest first.
    [[nodiscard]] static QList<MergeEntry> history(Store::Store &store);
};

} // namespace Chorus::Interop
