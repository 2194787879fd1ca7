// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"
#include "sync/bundle.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Sync
{

/// Another replica this one has heard of: a computer of the coalition.
struct Peer {
    QString replicaId;
    QString name; ///< "Ana's laptop"
    QDateTime lastImport; ///< when changes from it were last imported here (invalid: never)
    QDateTime lastExport; ///< when changes were last exported for it (invalid: never)
    qint64 pendingChanges = 0; ///< changes here that it is not known to have
};

/// A version of a value that lost to another and is kept for a person to look at.
struct Conflict {
    enum class Reason {
        ConcurrentEdit, ///< two computers changed the same text; the other version won
        EditedWhileDeleted, ///< a computer changed the record while another deleted it
        EditedWhileApproved, ///< a quote was approved on one computer while its text changed on another
        /// a computer linked the record to another (a quote to its campaign) that another computer
        /// deleted meanwhile: the link is empty now (or, when the record needs it, the record went too)
        LinkedToDeleted,
    };
    qint64 id = 0;
    Domain::Kind kind = Domain::Kind::Quote;
    QString recordId;
    QString recordLabel; ///< "Quote by Ana Ruiz"
    QString field;
    Reason reason = Reason::ConcurrentEdit;
    QString lostValue; ///< the version that lost ("theirs")
    QString currentValue; ///< the value the record has now ("mine")
    QString lostBy; ///< the name of the computer the lost version came from
    QDateTime lostAt; ///< when it was made
    QDateTime detectedAt;
    bool resolved = false;
    /// For LinkedToDeleted: the deleted record the link pointed to (lostValue is its id), named as
    /// it was last known ("Campaign “Rent Strike”"), and the computer that deleted it, and when.
    QString linkedLabel;
    QString deletedBy;
    QDateTime deletedAt;
    /// Whether the record is still there (a conflict can outlive the record it is about).
    bool recordExists = false;

    /// One translated sentence: what happened, to which record and field, by whom and when.
    [[nodiscard]] CHORUS_CORE_EXPORT QString description() const;
};

/// What importing a bundle did.
struct ImportSummary {
    QString fromName; ///< the computer that wrote the bundle
    int received = 0;
    int applied = 0; ///< new here; the rest had been imported before
    int recordsChanged = 0;
    int newConflicts = 0;
};

/// What Replica::makeBundle() puts in a bundle.
struct ExportOptions {
    /// Only what this peer (a name or replica id) is not known to have; empty: everything.
    QString sincePeer;
    /// Only the operations made on this replica (or on ownOrigin, when set), with a stamp after
    /// ownAfter (shared folders).
    bool ownOnly = false;
    qint64 ownAfter = 0;
    QString ownOrigin = {};
    /// At most about this many operations, the oldest first (-1: all). For tests and for
    /// splitting very large exchanges.
    qsizetype maxOperations = -1;
};

/**
 * This database as a member of the coalition's sync: exports the changes other replicas have not
 * seen as a bundle, imports bundles (all or nothing, in one transaction, harmless to repeat),
 * remembers the peers it exchanged with and what they have, and lists and resolves conflicts.
 *
 * A new, empty database joins the coalition of the first bundle it imports; after that, bundles
 * of another coalition are refused.
 */
class CHORUS_CORE_EXPORT Replica
{
public:
    explicit Replica(Store::Store &store);

    [[nodiscard]] QString coalitionId();
    /// For every origin: the stamp up to which this replica has all its operations.
    [[nodiscard]] QHash<QString, qint64> known();

    Result<Bundle> makeBundle(const ExportOptions &options = {});
    /// Writes a bundle to path (atomically: a partly written file is never left behind).
    Result<Bundle> exportTo(const QString &path, const ExportOptions &options = {});

    Result<ImportSummary> importBundle(const QByteArray &bytes);
    Result<ImportSummary> importBundle(const Bundle &bundle);
    Result<ImportSummary> importFile(const QString &path);
    /// Reads and checks a bundle file without a database: what importFile() refuses for the
    /// file itself (missing, truncated, damaged, newer) is refused here with the same message.
    static Result<Bundle> readFile(const QString &path);

    /// The peers this replica exchanged with or heard of, by name.
    [[nodiscard]] QList<Peer> peers();
    /// Operations here that no peer is known to have: what is waiting to be sent.
    [[nodiscard]] qint64 unsentChanges();

    [[nodiscard]] QList<Conflict> conflicts(bool includeResolved = false);
    enum class Resolution {
        KeepMine,
        KeepTheirs,
        Merged
    };
    /// Resolves a conflict: keep the current value, take the lost one, or write merged text.
    /// For a link to a deleted record, "keep mine" accepts the empty link and "keep theirs" brings
    /// the deleted record back (with its id and its last known values, so that it comes back once
    /// even when two computers bring it back) and links every record whose link to it was lost to
    /// it again, resolving those conflicts too.
    Result<void> resolve(qint64 conflictId, Resolution resolution, const QString &merged = {});

    /// Every record, sorted, with every field: equal dumps mean equal databases.
    [[nodiscard]] QByteArray canonicalDump();

private:
    std::optional<Peer> findPeer(const QString &nameOrId);
    /// Brings back the record a lost link pointed to; returns the conflicts it settles.
    Result<QList<qint64>> bringBack(const Conflict &conflict);
    QHash<QString, qint64> peerKnown(const QString &replicaId);
    [[nodiscard]] QString peerName(const QString &replicaId);

    Store::Store &m_store;
};

} // namespace Chorus::Sync
