// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"
#include "storage/database.h"
#include "sync/hybridlogicalclock.h"
#include "sync/operation.h"

#include <QHash>
#include <QObject>

#include <QSet>
#include <optional>

#include <functional>
#include <memory>
#include <unordered_map>

namespace Chorus::Storage
{
class Transaction;
}

namespace Chorus::Store
{

/// One record that a write created, changed or deleted.
struct Change {
    enum class Operation {
        Created,
        Updated,
        Deleted
    };
    Domain::Kind kind = Domain::Kind::Organization;
    QString id;
    Operation operation = Operation::Created;
    QStringList fields; ///< for Updated: the fields whose value changed
};

/// One search result.
struct SearchHit {
    Domain::Kind kind = Domain::Kind::Organization;
    QString id;
    QString title; ///< the record's name (for a quote: the start of its text)
    QString detail; ///< context: a person's title and organization, a quote's spokesperson...
};

/// What applying operations from other replicas did.
struct RemoteApplySummary {
    int received = 0; ///< operations given
    int applied = 0; ///< of them, new here (the rest had been applied before)
    int recordsChanged = 0;
    int newConflicts = 0;
};

/// What to do with records that depend on one being deleted.
enum class DeletePolicy {
    Refuse, ///< refuse when people or quotes depend on the record (the default)
    Detach, ///< keep dependents, with their link emptied (people stay, without organization)
    DeleteDependents, ///< delete dependents too (a person's quotes with the person)
};

/**
 * The one write path to a Chorus database, and its reads.
 *
 * Every create, update and delete is normalized and validated (translated errors that name the
 * record and the field), applied in one transaction, recorded field by field in the change log
 * that sync builds on, reflected in the full-text search index, and announced by changed().
 * Nothing is half-written: a failure leaves the database as it was.
 */
class CHORUS_CORE_EXPORT Store : public QObject
{
    Q_OBJECT

public:
    ~Store() override;

    /// Opens or creates the database at path (":memory:" for a private in-memory one).
    static Result<std::unique_ptr<Store>> open(const QString &path, bool create = true);
    /// The schema steps, oldest first; the last one's version is the current schema version.
    static QList<Storage::MigrationStep> migrations();
    [[nodiscard]] static int schemaVersion();

    /// A new record id: a UUID whose first bits count milliseconds (RFC 9562 version 7), so
    /// that records made one after the other sit side by side in the id indexes instead of on
    /// a random page each; the rest is random, so ids made on different laptops never collide.
    [[nodiscard]] static QString newRecordId();

    [[nodiscard]] Storage::Database &database()
    {
        return *m_database;
    }

    /// Creates a record; returns its new id. record may carry an "id" (a UUID) to keep.
    Result<QString> create(Domain::Kind kind, const Domain::Record &record);
    /// The record as create() would write it (normalized, with its defaults and an id), or what
    /// is wrong with it; nothing is written.
    Result<Domain::Record> prepareCreate(Domain::Kind kind, const Domain::Record &record);
    /// A new record for createMany(): its id and its values in the order of entity(kind).fields.
    struct NewRecord {
        QString id;
        QList<QVariant> values;
        bool idGiven = false; ///< the id came with the record rather than made by prepareNew()
    };
    /**
     * Many new records at once (an import), in two steps. First, as prepareCreate(), a record
     * given as its values in the order of entity(kind).fields (an invalid QVariant where it has
     * none) and an id (empty: a new one): normalized, with its defaults, validated with the same
     * messages; nothing is written.
     */
    Result<NewRecord> prepareNew(Domain::Kind kind, const QString &id, QList<QVariant> values);
    /**
     * What prepareNew() makes of the values, without touching the database, so that any thread
     * may call it: the record ready to write, or nothing when a rule is broken (prepareNew()
     * says which). References are not looked up here either: createMany() checks them.
     */
    [[nodiscard]] static std::optional<NewRecord> readyNew(Domain::Kind kind, const QString &id, QList<QVariant> values);
    /// The record a NewRecord holds, as fetch() would give it.
    [[nodiscard]] static Domain::Record toRecord(Domain::Kind kind, const NewRecord &record);
    /// A record prepareNew() made that createMany() could not write, and why.
    struct Refused {
        qsizetype index = 0;
        Error error;
    };
    /**
     * Then writes records made by prepareNew() as create() would one by one, set-based: they are
     * staged in a temporary table by one prepared statement, then written by one
     * INSERT ... SELECT into the kind's table and one into the change log (the same create
     * operations, stamps and order as create() one by one would write); the search index finds
     * them at the commit, and one change signal names them all. Records whose id is taken or
     * that name a record that does not exist are left out and listed in refused, with the
     * messages create() gives (without refused, the first one is the error). After a failure of
     * the database itself, nothing is written: inside transact(), the caller's transaction rolls
     * back when it returns the error. Records given the ids of records deleted before (an import
     * made again) need knownIds, so that they come back on every replica as create() brings them
     * back.
     */
    Result<void> createMany(Domain::Kind kind, const QList<NewRecord> &records, QList<Refused> *refused, bool knownIds = false);
    /// Changes the given fields of a record; fields not in changes keep their values.
    Result<void> update(Domain::Kind kind, const QString &id, const Domain::Record &changes);
    /// Deletes a record (and, by policy, what depends on it).
    Result<void> remove(Domain::Kind kind, const QString &id, DeletePolicy policy = DeletePolicy::Refuse);
    /**
     * Deletes many records of one kind at once (an import taken back), as remove() would one by
     * one, in one statement: the change log has each one's delete and one change signal names
     * them all. Refused, deleting nothing, when another record refers to one of them (the
     * message names both) or when one of them does not exist.
     */
    Result<void> removeUnreferenced(Domain::Kind kind, const QStringList &ids);

    /**
     * Runs several writes as one: all of them or none are applied, and changed() is emitted once
     * at the end. work returns an error to roll everything back.
     */
    Result<void> transact(const std::function<Result<void>()> &work);

    [[nodiscard]] std::optional<Domain::Record> fetch(Domain::Kind kind, const QString &id);
    /// All records of kind, or those whose field equals value; ordered by their title field; at
    /// most limit of them when limit is positive.
    [[nodiscard]] QList<Domain::Record> fetchAll(Domain::Kind kind, const QString &field = {}, const QVariant &value = {}, int limit = -1);
    [[nodiscard]] qint64 count(Domain::Kind kind);

    /**
     * Searches organizations, people, quotes, campaigns, events and facts at once. Words match
     * regardless of case and accents, each word as a prefix (search as you type). Results
     * come grouped by kind, at most limitPerKind of each.
     */
    [[nodiscard]] QList<SearchHit> search(const QString &text, int limitPerKind = 50);

    /// How messages name a record: "Quote by Ana Ruiz", "Organization “Tech Workers United”".
    [[nodiscard]] QString recordLabel(Domain::Kind kind, const Domain::Record &record);

    /// This database's replica id (a UUID) and its human name ("Ana's laptop").
    [[nodiscard]] QString replicaId() const
    {
        return m_replicaId;
    }
    [[nodiscard]] QString replicaName();
    Result<void> setReplicaName(const QString &name);
    /// A copied database file takes a replica id of its own when it is opened, but the file
    /// learns it only with its first write, so that a copy that is only read (or given a file
    /// that is refused) stays byte for byte what it was. Sync calls this before it exchanges.
    Result<void> settleReplicaIdentity();

    /**
     * Sync: applies operations made on other replicas of the coalition, in one transaction
     * (storesync.cpp). Each field takes the value with the newest stamp (ties: the greater
     * replica id); a record exists when its newest create is newer than its deletes (a record
     * brought back with its id comes back everywhere), and operations already applied are
     * skipped, so any order and any repetition give the same records. Long text overwritten by a concurrent edit, an
     * edit made while the record was deleted elsewhere, and an approval of text that was changed
     * elsewhere are kept in sync_conflicts. A reference to a record that has not arrived yet waits
     * for it. Invalid operations refuse the whole set, changing nothing. alsoInTransaction runs
     * after the operations, in the same transaction (sync's own bookkeeping).
     */
    Result<RemoteApplySummary> applyRemoteOperations(const QList<Sync::Operation> &operations, const std::function<Result<void>()> &alsoInTransaction = {});

    /// Problems found by SQLite's integrity and foreign key checks, and by the schema check.
    [[nodiscard]] QStringList check();

Q_SIGNALS:
    /// Emitted once per successful write (or transact()), with every record it touched.
    void changed(const QList<Chorus::Store::Change> &changes);

private:
    friend class RemoteApplier;
    explicit Store(std::unique_ptr<Storage::Database> database);
    Result<void> initializeReplica();
    /// A database file copied from another one gets a replica id of its own (storesync.cpp).
    Result<void> renewReplicaIfCopied(const QString &path);
    Result<void> prepareSearchIndexing();
    bool indexPendingRecords();
    /// Forgets which referenced records a batch has seen to exist (after a delete or a rollback).
    void forgetKnownRecords();
    Storage::Statement &statement(const QString &sql);
    Result<void>
    checkReferences(Domain::Kind kind, const Domain::Record &record, const std::function<QString()> &label, const Domain::Record *previous = nullptr);
    Result<bool> exists(Domain::Kind kind, const QString &id);
    Result<void> removeRecord(Domain::Kind kind, const QString &id, DeletePolicy policy, int depth);
    bool logChange(qint64 hlc, Domain::Kind kind, const QString &id, const QString &op, const QString &field, const QString &value);
    Result<void> finishWrite(Storage::Transaction &transaction);
    /// Writes what renewReplicaIfCopied() decided, inside the caller's transaction.
    bool writeReplicaIdentity();
    void announce(Change change);
    /// Records written with ids they may have had before (storesync.cpp): what waited for a
    /// record brought back after a delete is worked out again.
    Result<void> noteRecreated(Domain::Kind kind, const QStringList &ids);
    /// Works out again, at once or at the end of the batch, what waits for records brought back.
    Result<void> reviewRevived();

    std::unique_ptr<Storage::Database> m_database;
    std::unordered_map<QString, Storage::Statement> m_statements;
    Sync::HybridLogicalClock m_clock;
    QString m_replicaId;
    /// What the file is to learn of its identity with its next write (renewReplicaIfCopied).
    struct PendingIdentity {
        QString fileIdentity;
        QString formerReplicaId; ///< empty: the replica id stays (a new file, or an older Chorus's)
        QString name;
        qint64 lastOwnChange = 0;
    };
    std::optional<PendingIdentity> m_pendingIdentity;
    QList<Change> m_pending;
    int m_batchDepth = 0;
    bool m_revivedInBatch = false; ///< a record came back with its id during the current batch
    /// Those of them to be worked out again from their logs (see noteRecreated()).
    QList<std::pair<Domain::Kind, QString>> m_revived;
    /// Ids per kind that the current batch has seen to exist, to check references once.
    QHash<int, QSet<QString>> m_knownRecords;
};

} // namespace Chorus::Store

Q_DECLARE_METATYPE(Chorus::Store::Change)
