// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The store's sync path: applying operations made on other replicas. Kept apart from the local
// write path in store.cpp; both write the same change log.

#include "store.h"

#include "domain/validation.h"
#include "storage/transaction.h"
#include "store_debug.h"
#include "sync/history.h"

#include <KLocalizedString>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <algorithm>
#include <functional>
#include <set>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;
using Chorus::Sync::LoggedOperation;
using Chorus::Sync::Operation;
using Chorus::Sync::Stamp;

namespace Chorus::Store
{

namespace
{

QVariant decodeValue(const QJsonValue &value, FieldType type)
{
    if (value.isNull() || value.isUndefined()) {
        return {};
    }
    switch (type) {
    case FieldType::Boolean:
        return value.toBool();
    case FieldType::Count:
    case FieldType::Integer:
        return value.toInteger();
    case FieldType::Blob:
        return QByteArray::fromBase64(value.toString().toLatin1());
    default:
        return value.toString();
    }
}

/// An update's value is one bare JSON value ("text", 12, true, null).
std::optional<QJsonValue> parseBareValue(const QString &json)
{
    // The usual values, read without a JSON parser: a string without escapes, a small integer,
    // true, false, null. Anything else goes through the parser.
    const qsizetype size = json.size();
    if (size >= 2 && json.front() == u'"' && json.back() == u'"') {
        const QStringView inner = QStringView(json).sliced(1, size - 2);
        if (std::none_of(inner.cbegin(), inner.cend(), [](QChar c) {
                return c == u'"' || c == u'\\' || c.unicode() < 0x20 || c.isSurrogate();
            })) {
            return QJsonValue(inner.toString());
        }
    } else if (json == u"null") {
        return QJsonValue(QJsonValue::Null);
    } else if (json == u"true" || json == u"false") {
        return QJsonValue(json == u"true");
    } else if (size > 0 && size <= 15 && (json.front() == u'-' || json.front().isDigit())) {
        bool ok = false;
        const qint64 number = json.toLongLong(&ok);
        // JSON writes no leading zeros and no plus sign: those go to the parser (which refuses them).
        if (ok && QString::number(number) == json) {
            return QJsonValue(number);
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(u"[%1]"_s.arg(json).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1) {
        return std::nullopt;
    }
    return document.array().at(0);
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    const bool aNull = !a.isValid() || a.isNull();
    const bool bNull = !b.isValid() || b.isNull();
    if (aNull || bNull) {
        return aNull == bNull;
    }
    return a == b;
}

QString stampKey(const Stamp &stamp)
{
    return QString::number(stamp.hlc) + u'@' + stamp.replica;
}

/// What tells this database file from a copy of it: a copy is a new file, with a new inode and
/// a new creation time, while moving or renaming the file keeps both (on one file system).
QString fileIdentity(const QString &path)
{
    QStringList parts;
#ifdef Q_OS_UNIX
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) == 0) {
        parts << u"inode "_s + QString::number(quint64(status.st_ino));
    }
#endif
    if (const QDateTime born = QFileInfo(path).birthTime(); born.isValid()) {
        parts << u"born "_s + QString::number(born.toMSecsSinceEpoch());
    }
    return parts.join(u", ");
}

struct ConflictFound {
    QString field;
    QString reason;
    QString lostValue;
    Stamp lost;
};

/// A person's decision about a conflict, as a resolution operation carries it.
struct ConflictResolved {
    ConflictFound conflict;
    QString resolution; ///< "kept_mine", "kept_theirs" or "merged"
    Stamp stamp; ///< when it was decided
};

QString conflictKey(const QString &field, const QString &reason, const Stamp &lost)
{
    return field + u'|' + reason + u'|' + stampKey(lost);
}

} // namespace

/// Applies one set of remote operations; lives as long as one applyRemoteOperations() call.
class RemoteApplier
{
public:
    explicit RemoteApplier(Store &store)
        : m_store(store)
    {
    }

    Result<RemoteApplySummary> run(const QList<Operation> &operations);
    /// Has run() work a record out again from its log too.
    void review(Kind kind, const QString &id)
    {
        enqueue(kind, id);
    }

private:
    /// Several records found to be one (memberships of the same organization on the same
    /// campaign made apart): the operations of the others, as settle() folds them into one.
    struct Fold {
        QHash<qint64, QJsonObject> createValues; ///< by seq: the values of the others' creates
        QList<ConflictFound> conflicts; ///< the others' values that lost
    };

    Result<void> check(const Operation &operation) const;
    Result<bool> log(const Operation &operation);
    /// An operation this merge added to the change log: its place in the bundle and its seq there.
    struct Added {
        qsizetype index;
        qint64 seq;
    };
    Result<void> applyDirectly(const QList<Operation> &operations, const QList<Added> &added);
    Result<void> materialize(Kind kind, const QString &id);
    Result<void> materializeMembership(const QString &id);
    Result<void> settle(Kind kind, const QString &id, const QList<LoggedOperation> &history, const Fold *fold = nullptr);
    Result<bool> yieldToSameMembership(const QString &id, const Stamp &created, Record &record);
    Result<void> removeRow(Kind kind, const QString &id);
    Result<void> wait(Kind kind, const QString &id, const QString &target);
    void enqueueWaiting(const QString &target);
    QList<LoggedOperation> readHistory(Kind kind, const QString &id);
    Stamp createStamp(const QString &id);
    Result<void> recordConflicts(Kind kind, const QString &id, const QList<ConflictFound> &found, const QList<ConflictResolved> &resolved = {});
    bool exists(Kind kind, const QString &id);
    bool isDeleted(const QString &id);
    void enqueue(Kind kind, const QString &id);
    Result<void> defer(Kind kind, const QString &id, const QString &field, const QVariant &value);
    Result<void> writeDirect();
    Storage::Statement &statement(const QString &sql)
    {
        return m_store.statement(sql);
    }

    Store &m_store;
    QList<std::pair<Kind, QString>> m_queue;
    QSet<QString> m_queued;
    QSet<QString> m_locals;
    std::set<std::pair<Kind, QString>> m_deferred; ///< the fields defer() has values of in temp.sync_direct
    QSet<QString> m_deferredIds; ///< the records those values belong to
    RemoteApplySummary m_summary;
};

// Two databases with one replica id would stamp different changes alike, and replicas would
// disagree for good. The file remembers what it is; a copy, opened, sees it is another file and
// takes an id of its own. The changes made before the copy keep their old id (and are known to
// be had), so nothing of the history changes. The file learns its new identity with its first
// write (writeReplicaIdentity), not on opening: a copy only read stays as it was.
Result<void> Store::renewReplicaIfCopied(const QString &path)
{
    if (path.isEmpty() || path == u":memory:" || path.startsWith(u"file:")) {
        return {};
    }
    const QString identity = fileIdentity(path);
    if (identity.isEmpty()) {
        return {};
    }
    Storage::Statement &read = statement(u"SELECT value FROM meta WHERE key = 'replica_file'"_s);
    const QString remembered = read.step() ? read.text(0) : QString();
    read.reset();
    if (remembered == identity) {
        return {};
    }
    PendingIdentity pending{identity, {}, {}, 0};
    // A new file, or one that never knew its identity (written by an older Chorus), keeps its id.
    if (!remembered.isEmpty()) {
        Storage::Statement &used = statement(u"SELECT max(hlc) FROM change_log WHERE replica = ?"_s);
        used.bind(1, m_replicaId);
        pending.lastOwnChange = used.step() && !used.isNull(0) ? used.integer(0) : 0;
        used.reset();
        pending.formerReplicaId = m_replicaId;
        pending.name = i18nc("@info a computer's name for sync, given to a copied database file; %1 is the original's name", "%1 (copy)", replicaName());
        m_replicaId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        qCInfo(CHORUS_STORE) << "the database file" << path << "is a copy: replica" << pending.formerReplicaId << "becomes" << m_replicaId;
    }
    m_pendingIdentity = pending;
    return {};
}

bool Store::writeReplicaIdentity()
{
    if (!m_pendingIdentity) {
        return true;
    }
    const PendingIdentity &pending = *m_pendingIdentity;
    Storage::Statement &write = statement(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    const auto set = [&](const QString &key, const QString &value) {
        write.reset();
        write.bind(1, key);
        write.bind(2, value);
        const bool ok = write.exec();
        write.reset();
        return ok;
    };
    bool ok = set(u"replica_file"_s, pending.fileIdentity);
    if (!pending.formerReplicaId.isEmpty()) {
        Storage::Statement &formers = statement(u"SELECT value FROM meta WHERE key = 'former_replica_ids'"_s);
        QStringList ids = formers.step() ? formers.text(0).split(u' ', Qt::SkipEmptyParts) : QStringList();
        formers.reset();
        ids << pending.formerReplicaId;
        ok = ok && set(u"replica_id"_s, m_replicaId) && set(u"former_replica_ids"_s, ids.join(u' ')) && set(u"replica_name"_s, pending.name);
        if (ok && pending.lastOwnChange > 0) {
            Storage::Statement &known = statement(u"INSERT OR REPLACE INTO sync_known (origin, hlc) VALUES (?, ?)"_s);
            known.bind(1, pending.formerReplicaId);
            known.bind(2, pending.lastOwnChange);
            ok = known.exec();
            known.reset();
        }
    }
    if (ok) {
        m_pendingIdentity.reset();
    }
    return ok;
}

Result<void> Store::settleReplicaIdentity()
{
    if (!m_pendingIdentity) {
        return {};
    }
    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    if (!writeReplicaIdentity() || !transaction.commit()) {
        return m_database->lastError();
    }
    return {};
}

Result<RemoteApplySummary> Store::applyRemoteOperations(const QList<Sync::Operation> &operations, const std::function<Result<void>()> &alsoInTransaction)
{
    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    // A large bundle touches records all over the file, and this one transaction holds every page
    // it changes: with the usual cache, SQLite reads pages again and again and spills changed
    // ones to the log before the commit. The cache grows for the merge (about 4 KiB a change,
    // up to 1 GiB) and is given back after.
    std::optional<qint64> usualCache;
    if (const qint64 wanted = std::min<qint64>(qint64(operations.size()) * 4, 1024 * 1024); wanted > 32 * 1024) {
        Storage::Statement read = m_database->prepare(u"PRAGMA cache_size"_s);
        if (read.step()) {
            usualCache = read.integer(0);
            if (!m_database->exec(u"PRAGMA cache_size = %1"_s.arg(-wanted))) {
                usualCache.reset();
            }
        }
    }
    const auto restoreCache = qScopeGuard([&] {
        if (usualCache) {
            m_database->exec(u"PRAGMA cache_size = %1"_s.arg(*usualCache));
        }
    });
    ++m_batchDepth;
    RemoteApplier applier(*this);
    Result<RemoteApplySummary> result = applier.run(operations);
    if (result && alsoInTransaction) {
        if (auto done = alsoInTransaction(); !done) {
            result = done.error();
        }
    }
    --m_batchDepth;
    if (result) {
        if (auto done = finishWrite(transaction); !done) {
            result = done.error();
        }
    }
    if (!result) {
        if (m_batchDepth == 0) {
            m_pending.clear();
        }
        return result;
    }
    if (m_batchDepth == 0 && !m_pending.isEmpty()) {
        Q_EMIT changed(std::exchange(m_pending, {}));
    }
    return result;
}

// A record written again with its id is a create like any other in the change log, stamped after
// the delete it undoes: sync brings it back everywhere (see RemoteApplier::settle()).
// The record itself is worked out again when its log has changes from elsewhere (a version that
// lost to it is listed as it is where it is received) or when it is a membership (one made apart
// elsewhere may be the same one).
Result<void> Store::noteRecreated(Kind kind, const QStringList &ids)
{
    Storage::Statement &deleted = statement(
        u"SELECT EXISTS (SELECT 1 FROM change_log WHERE record_id = ?1 AND op = 'delete'), "
        "EXISTS (SELECT 1 FROM change_log WHERE record_id = ?1 AND replica != ?2)"_s);
    bool revived = false;
    for (const QString &id : ids) {
        deleted.bind(1, id);
        deleted.bind(2, m_replicaId);
        const bool wasDeleted = deleted.step() && deleted.integer(0) != 0;
        const bool fromElsewhere = wasDeleted && deleted.integer(1) != 0;
        deleted.reset();
        revived = revived || wasDeleted;
        if (wasDeleted && (fromElsewhere || kind == Kind::Membership)) {
            m_revived.append({kind, id});
        }
    }
    if (!revived) {
        return {};
    }
    if (m_batchDepth > 0) {
        m_revivedInBatch = true;
        return {};
    }
    return reviewRevived();
}

// What waits for a record brought back here (a quote received for it while it was deleted, a link
// to it kept as a conflict) is worked out again, as a replica receiving it does.
Result<void> Store::reviewRevived()
{
    m_revivedInBatch = false;
    ++m_batchDepth;
    RemoteApplier applier(*this);
    for (const auto &[kind, id] : std::exchange(m_revived, {})) {
        applier.review(kind, id);
    }
    auto reviewed = applier.run({});
    --m_batchDepth;
    if (!reviewed) {
        return reviewed.error();
    }
    return {};
}

Result<RemoteApplySummary> RemoteApplier::run(const QList<Operation> &operations)
{
    // Everything is checked before anything is written.
    for (const Operation &operation : operations) {
        if (auto valid = check(operation); !valid) {
            return valid.error();
        }
    }
    m_summary.received = int(operations.size());
    if (!m_store.m_database->exec(
            u"CREATE TEMP TABLE IF NOT EXISTS sync_direct (kind TEXT NOT NULL, field TEXT NOT NULL, id TEXT NOT NULL, value, PRIMARY KEY (kind, field, id)) WITHOUT ROWID"_s)) {
        return m_store.m_database->lastError();
    }
    // Memberships held back because another had their organization and campaign are looked at
    // again: that one may have changed since, here or elsewhere. So are the records with open
    // conflicts, and those that wait for a record deleted since: a change made here since (a
    // delete, a new link) may have settled them or made a conflict, as it does where it is received.
    {
        QList<std::pair<Kind, QString>> again;
        Storage::Statement &find = statement(
            u"SELECT 'membership', record_id FROM sync_pending WHERE kind = 'membership' "
            "UNION SELECT kind, record_id FROM sync_conflicts WHERE resolved_at IS NULL "
            "UNION SELECT p.kind, p.record_id FROM sync_pending p WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = p.waiting_for AND c.op = "
            "'delete') "
            // Memberships made apart and found to be one: a change made here to the one kept
            // may make a value of another lose, as it does where it is received.
            "UNION SELECT 'membership', min(record_id) FROM change_log WHERE kind = 'membership' AND op = 'create' "
            "GROUP BY json_extract(value, '$.campaign_id'), json_extract(value, '$.organization_id') HAVING count(DISTINCT record_id) > 1"_s);
        while (find.step()) {
            if (const std::optional<Kind> kind = kindFromKey(find.text(0))) {
                again.append({*kind, find.text(1)});
            }
        }
        find.reset();
        for (const auto &[kind, id] : std::as_const(again)) {
            enqueue(kind, id);
        }
    }
    QList<Added> added;
    added.reserve(operations.size());
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const Operation &operation = operations.at(i);
        m_store.m_clock.observe(operation.stamp.hlc);
        auto logged = log(operation);
        if (!logged) {
            return logged.error();
        }
        if (logged.value()) {
            added.append({i, sqlite3_last_insert_rowid(m_store.m_database->handle())});
        }
    }
    m_summary.applied = int(added.size());
    if (auto direct = applyDirectly(operations, added); !direct) {
        return direct.error();
    }
    // The values kept back are written once, after the records worked out from their logs (whose
    // values join them): a record worked out again starts by writing its own (settle()).
    while (!m_queue.isEmpty()) {
        const auto [kind, id] = m_queue.takeFirst();
        m_queued.remove(id);
        if (auto done = materialize(kind, id); !done) {
            return done.error();
        }
    }
    if (auto written = writeDirect(); !written) {
        return written.error();
    }
    return m_summary;
}

Result<void> RemoteApplier::check(const Operation &operation) const
{
    const auto invalid = [&](const QString &what) {
        return Error(Error::Code::Corrupt, i18nc("@info %1 says what is wrong", "A change received from another computer is not valid: %1", what));
    };
    const std::optional<Kind> kind = kindFromKey(operation.kind);
    if (!kind) {
        return invalid(i18nc("@info", "it is about an unknown kind of record, “%1”.", operation.kind));
    }
    if (operation.stamp.hlc <= 0 || operation.stamp.replica.isEmpty()) {
        return invalid(i18nc("@info", "it has no time stamp or no origin."));
    }
    if (QUuid::fromString(operation.recordId).isNull()) {
        return invalid(i18nc("@info", "“%1” is not a record id.", operation.recordId));
    }
    if (operation.type == Operation::Type::Update && operation.field == Operation::resolutionField()) {
        if (!QJsonDocument::fromJson(operation.value.toUtf8()).isObject()) {
            return invalid(i18nc("@info", "the resolution of a conflict cannot be read."));
        }
    } else if (operation.type == Operation::Type::Update) {
        if (!entity(*kind).field(operation.field)) {
            return invalid(i18nc("@info %1 is a field name, %2 a kind of record", "a %2 has no field “%1”.", operation.field, kindLabel(*kind)));
        }
        if (!parseBareValue(operation.value)) {
            return invalid(i18nc("@info %1 is a field name", "the new value of “%1” cannot be read.", operation.field));
        }
    } else if (operation.type == Operation::Type::Create) {
        if (!QJsonDocument::fromJson(operation.value.toUtf8()).isObject()) {
            return invalid(i18nc("@info", "the values of a new record cannot be read."));
        }
    }
    return {};
}

Result<bool> RemoteApplier::log(const Operation &operation)
{
    Storage::Statement &insert = statement(
        u"INSERT OR IGNORE INTO change_log (hlc, replica, kind, record_id, op, field, value, base_hlc, base_replica, witness_hlc, witness_replica) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.bind(1, operation.stamp.hlc);
    insert.bind(2, operation.stamp.replica);
    insert.bind(3, operation.kind);
    insert.bind(4, operation.recordId);
    insert.bind(5, Operation::typeName(operation.type));
    insert.bind(6, operation.type == Operation::Type::Update ? operation.field : QString());
    insert.bind(7, operation.type == Operation::Type::Delete ? QString() : operation.value);
    if (!operation.base.isNull()) {
        insert.bind(8, operation.base.hlc);
        insert.bind(9, operation.base.replica);
    }
    if (!operation.witness.isNull()) {
        insert.bind(10, operation.witness.hlc);
        insert.bind(11, operation.witness.replica);
    }
    if (!insert.exec()) {
        return m_store.m_database->lastError();
    }
    return sqlite3_changes(m_store.m_database->handle()) > 0;
}

// The common case, made cheap: edits of plain fields of a record that exists here, made on top of
// the values this replica has. They win, and nothing else about the record changes; any other
// record is worked out from its whole log by materialize(). The records are looked at together,
// in the order of their ids (ids made here grow with time, so mostly the order of the file),
// with one statement for their logs and one for their rows instead of a few for each edit.
Result<void> RemoteApplier::applyDirectly(const QList<Operation> &operations, const QList<Added> &added)
{
    struct Edits {
        Kind kind;
        QList<Added> added;
        bool direct = true;
        bool approval = false; ///< a quote's text or state: an approval may be involved
    };
    QHash<QString, Edits> records;
    records.reserve(added.size());
    for (const Added &entry : added) {
        const Operation &operation = operations.at(entry.index);
        const Kind kind = *kindFromKey(operation.kind);
        auto it = records.find(operation.recordId);
        if (it == records.end()) {
            it = records.insert(operation.recordId, {kind, {}});
        }
        it->added.append(entry);
        const Field *field = operation.type == Operation::Type::Update ? entity(kind).field(operation.field) : nullptr;
        // A membership's value may come from another record found to be the same one; a state that
        // approves needs the whole record.
        if (kind != it->kind || kind == Kind::Membership || operation.base.isNull() || !field || field->type == FieldType::Reference
            || m_queued.contains(operation.recordId)
            || (kind == Kind::Quote && operation.field == u"state" && operation.value != u"\"draft\"" && operation.value != u"\"submitted\"")) {
            it->direct = false;
        }
        if (kind == Kind::Quote && (operation.field == u"text" || operation.field == u"state")) {
            it->approval = true;
        }
    }
    // The records in the order of their ids; their entries in records stay where they are.
    QList<std::pair<QString, Edits *>> sorted;
    sorted.reserve(records.size());
    for (auto it = records.begin(); it != records.end(); ++it) {
        sorted.append({it.key(), &it.value()});
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    // Record ids were checked to be UUIDs: nothing in them needs escaping in JSON.
    const auto jsonArray = [&](const std::function<bool(const Edits &)> &wanted) {
        QString json;
        json.reserve(sorted.size() * 39 + 2);
        json += u'[';
        for (const auto &[id, edits] : std::as_const(sorted)) {
            if (wanted(*edits)) {
                if (json.size() > 1) {
                    json += u',';
                }
                json += u'"' + id + u'"';
            }
        }
        json += u']';
        return json.size() > 2 ? json : QString();
    };
    // The rows of a statement over those records come in the same order: a cursor finds each.
    qsizetype cursor = 0;
    const auto find = [&](const QString &id) -> Edits * {
        while (cursor < sorted.size() && sorted.at(cursor).first < id) {
            ++cursor;
        }
        return cursor < sorted.size() && sorted.at(cursor).first == id ? sorted.at(cursor).second : nullptr;
    };

    // Each edit must be the newest of its field, made on the value that was the newest before it,
    // of a record that was created and not deleted.
    if (const QString ids = jsonArray([](const Edits &edits) {
            return edits.direct;
        });
        !ids.isEmpty()) {
        struct Row {
            qint64 seq;
            Stamp stamp;
            bool create;
            QString field;
        };
        QList<Row> rows;
        Stamp lastDelete;
        const auto decide = [&](Edits &edits) {
            Stamp created;
            for (const Row &row : std::as_const(rows)) {
                if (row.create && row.stamp > created) {
                    created = row.stamp;
                }
            }
            // Not deleted: created after its last delete, if any (brought back with its id).
            if (created.isNull() || !(created > lastDelete)) {
                edits.direct = false;
                return;
            }
            for (const Added &entry : std::as_const(edits.added)) {
                const Operation &operation = operations.at(entry.index);
                Stamp winner;
                for (const Row &row : std::as_const(rows)) {
                    if (row.seq != entry.seq && (row.create || row.field == operation.field) && row.stamp > winner) {
                        winner = row.stamp;
                    }
                }
                if (!(operation.base == winner) || !(operation.stamp > winner)) {
                    edits.direct = false;
                    return;
                }
            }
        };
        Storage::Statement &read =
            statement(u"SELECT j.value, c.seq, c.hlc, c.replica, c.op, c.field FROM json_each(?1) j CROSS JOIN change_log c ON c.record_id = j.value"_s);
        read.bind(1, ids);
        cursor = 0;
        Edits *current = nullptr;
        QString currentId;
        while (read.step()) {
            if (const QString id = read.text(0); id != currentId) {
                if (current) {
                    decide(*current);
                }
                currentId = id;
                current = find(id);
                rows.clear();
                lastDelete = {};
            }
            const QString op = read.text(4);
            if (op == u"delete") {
                if (const Stamp stamp{read.integer(2), read.text(3)}; stamp > lastDelete) {
                    lastDelete = stamp;
                }
            } else {
                rows.append({read.integer(1), {read.integer(2), read.text(3)}, op == u"create", read.text(5)});
            }
        }
        read.reset();
        if (current) {
            decide(*current);
        }
    }

    // The record must be here (not held back for a reference); a quote's text or state must not
    // involve an approval, or the whole log decides.
    for (Kind kind : allKinds()) {
        const QString ids = jsonArray([kind](const Edits &edits) {
            return edits.direct && edits.kind == kind;
        });
        if (ids.isEmpty()) {
            continue;
        }
        const QString involved = kind == Kind::Quote
            ? u"t.state = 'approved' OR EXISTS (SELECT 1 FROM sync_conflicts WHERE record_id = t.id AND reason = 'edited_while_approved')"_s
            : u"0"_s;
        Storage::Statement &here =
            statement(u"SELECT t.id, %1 FROM json_each(?1) j CROSS JOIN main.%2 t ON t.id = j.value"_s.arg(involved, entity(kind).table));
        here.bind(1, ids);
        QSet<Edits *> found;
        cursor = 0;
        while (here.step()) {
            Edits *edits = find(here.text(0));
            if (edits && (!edits->approval || here.integer(1) == 0)) {
                found.insert(edits);
            }
        }
        here.reset();
        for (const auto &[id, edits] : std::as_const(sorted)) {
            if (edits->direct && edits->kind == kind && !found.contains(edits)) {
                edits->direct = false;
            }
        }
    }

    for (const auto &[id, edits] : std::as_const(sorted)) {
        if (!edits->direct) {
            // Worked out from the whole log, in the order of the ids too.
            enqueue(edits->kind, id);
            continue;
        }
        for (const Added &entry : std::as_const(edits->added)) {
            const Operation &operation = operations.at(entry.index);
            const Field *field = entity(edits->kind).field(operation.field);
            const std::optional<QJsonValue> json = parseBareValue(operation.value);
            // Written to the record later, together with the others of its field (writeDirect()):
            // one statement for many records costs the search index one write instead of one each.
            if (auto deferred = defer(edits->kind, id, field->name, json ? decodeValue(*json, field->type) : QVariant()); !deferred) {
                return deferred.error();
            }
            ++m_summary.recordsChanged;
            m_store.announce({edits->kind, id, Change::Operation::Updated, {operation.field}});
        }
    }
    return {};
}

Result<void> RemoteApplier::defer(Kind kind, const QString &id, const QString &field, const QVariant &value)
{
    Storage::Statement &write = statement(u"INSERT OR REPLACE INTO temp.sync_direct (kind, field, id, value) VALUES (?, ?, ?, ?)"_s);
    write.bind(1, entity(kind).key);
    write.bind(2, field);
    write.bind(3, id);
    write.bind(4, value);
    if (!write.exec()) {
        return m_store.m_database->lastError();
    }
    m_deferred.insert({kind, field});
    m_deferredIds.insert(id);
    return {};
}

// The values kept back by defer(), written with one statement for each field of a kind.
Result<void> RemoteApplier::writeDirect()
{
    if (m_deferred.empty()) {
        return {};
    }
    for (const auto &[kind, field] : std::as_const(m_deferred)) {
        const EntityInfo &info = entity(kind);
        Storage::Statement &write = statement(
            u"UPDATE main.%1 SET %2 = d.value FROM temp.sync_direct d WHERE d.kind = ?1 AND d.field = ?2 AND d.id = main.%1.id"_s.arg(info.table, field));
        write.bind(1, info.key);
        write.bind(2, field);
        if (!write.exec()) {
            return m_store.m_database->lastError();
        }
    }
    m_deferred.clear();
    m_deferredIds.clear();
    if (!statement(u"DELETE FROM temp.sync_direct"_s).exec()) {
        return m_store.m_database->lastError();
    }
    return {};
}

void RemoteApplier::enqueue(Kind kind, const QString &id)
{
    if (!m_queued.contains(id)) {
        m_queued.insert(id);
        m_queue.append({kind, id});
    }
}

bool RemoteApplier::exists(Kind kind, const QString &id)
{
    Storage::Statement &find = statement(u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(entity(kind).table));
    find.bind(1, id);
    const bool found = find.step();
    find.reset();
    return found;
}

// Deleted for good so far: a delete that no create of the record came after (see settle()).
bool RemoteApplier::isDeleted(const QString &id)
{
    Storage::Statement &find = statement(
        u"SELECT 1 FROM change_log d WHERE d.record_id = ?1 AND d.op = 'delete' AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = ?1 "
        "AND c.op = 'create' AND (c.hlc > d.hlc OR (c.hlc = d.hlc AND c.replica > d.replica))) LIMIT 1"_s);
    find.bind(1, id);
    const bool found = find.step();
    find.reset();
    return found;
}

QList<LoggedOperation> RemoteApplier::readHistory(Kind kind, const QString &id)
{
    if (m_locals.isEmpty()) {
        m_locals = Sync::History::localReplicas(*m_store.m_database, m_store.m_replicaId);
    }
    QList<LoggedOperation> history = Sync::History::read(statement(Sync::History::selectSql()), id, m_locals);
    history.removeIf([&](const LoggedOperation &row) {
        return row.operation.kind != entity(kind).key;
    });
    return history;
}

Stamp RemoteApplier::createStamp(const QString &id)
{
    Storage::Statement &read = statement(u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND op = 'create' ORDER BY hlc, replica LIMIT 1"_s);
    read.bind(1, id);
    const Stamp stamp = read.step() ? Stamp{read.integer(0), read.text(1)} : Stamp{};
    read.reset();
    return stamp;
}

// A record's state is worked out from its whole log, so that it is the same on every replica
// that has the same operations, whatever order they came in.
Result<void> RemoteApplier::materialize(Kind kind, const QString &id)
{
    if (kind == Kind::Membership) {
        return materializeMembership(id);
    }
    return settle(kind, id, readHistory(kind, id));
}

// Memberships are unique per campaign and organization. Two laptops that each signed the same
// organization onto the same campaign made two records of one membership: every membership whose
// create carried the same campaign and organization is the same one. Of those alive, the one
// created first keeps its id and takes every field's newest value from all of them (the others'
// creates count as edits made when they were created); the values that lost are kept as
// conflicts; operations addressed to the others land on it. A delete of any of them deletes
// those created before it, so the membership goes, but one made again later stays. All of this
// depends only on the operations, so every replica ends with the same membership.
Result<void> RemoteApplier::materializeMembership(const QString &id)
{
    const EntityInfo &info = entity(Kind::Membership);
    QList<LoggedOperation> own = readHistory(Kind::Membership, id);
    const auto createOf = [](const QList<LoggedOperation> &log) -> const LoggedOperation * {
        const LoggedOperation *found = nullptr;
        for (const LoggedOperation &row : log) {
            if (row.operation.type == Operation::Type::Create && (!found || row.operation.stamp < found->operation.stamp)) {
                found = &row;
            }
        }
        return found;
    };
    const LoggedOperation *ownCreate = createOf(own);
    if (!ownCreate) {
        return settle(Kind::Membership, id, own); // from before sync, or its create is on its way
    }
    Storage::Statement &valueOf = statement(Sync::History::valueSql());
    const QJsonObject ownValues = QJsonDocument::fromJson(Sync::History::value(valueOf, ownCreate->seq).toUtf8()).object();

    QStringList ids;
    Storage::Statement &same = statement(
        u"SELECT DISTINCT record_id FROM change_log WHERE kind = 'membership' AND op = 'create' "
        "AND json_extract(value, '$.campaign_id') = ? AND json_extract(value, '$.organization_id') = ? ORDER BY record_id"_s);
    same.bind(1, ownValues.value(u"campaign_id"_s).toString());
    same.bind(2, ownValues.value(u"organization_id"_s).toString());
    while (same.step()) {
        ids << same.text(0);
    }
    same.reset();
    if (ids.size() <= 1) {
        return settle(Kind::Membership, id, own);
    }

    struct Member {
        QString id;
        QList<LoggedOperation> log;
        LoggedOperation create; ///< its newest create (it may have been made again with its id)
        Stamp first; ///< when it was first created
        QJsonObject values;
        bool alive = true;
    };
    QList<Member> members;
    QList<LoggedOperation> deletes;
    for (const QString &memberId : std::as_const(ids)) {
        Member member{memberId, memberId == id ? own : readHistory(Kind::Membership, memberId), {}, {}, {}, true};
        const LoggedOperation *create = createOf(member.log);
        if (!create) {
            continue;
        }
        member.first = create->operation.stamp;
        for (const LoggedOperation &row : std::as_const(member.log)) {
            if (row.operation.type == Operation::Type::Create && row.operation.stamp > create->operation.stamp) {
                create = &row;
            }
        }
        member.create = *create;
        member.values = QJsonDocument::fromJson(Sync::History::value(valueOf, create->seq).toUtf8()).object();
        for (const LoggedOperation &row : std::as_const(member.log)) {
            if (row.operation.type == Operation::Type::Delete) {
                deletes.append(row);
            }
        }
        members.append(std::move(member));
    }
    for (Member &member : members) {
        for (const LoggedOperation &deletion : std::as_const(deletes)) {
            if (!(member.create.operation.stamp > deletion.operation.stamp)) {
                member.alive = false;
            }
        }
    }
    std::sort(members.begin(), members.end(), [](const Member &a, const Member &b) {
        return a.first < b.first || (a.first == b.first && a.id < b.id);
    });

    // The dead ones go, each with the deletes that took it (an edit none of them had seen is
    // surfaced on it).
    const Member *survivor = nullptr;
    for (const Member &member : std::as_const(members)) {
        if (member.alive) {
            survivor = survivor ? survivor : &member;
            continue;
        }
        QList<LoggedOperation> history = member.log;
        for (const LoggedOperation &deletion : std::as_const(deletes)) {
            if (deletion.operation.recordId != member.id) {
                history.append(deletion);
            }
        }
        if (auto done = settle(Kind::Membership, member.id, history); !done) {
            return done;
        }
    }
    if (!survivor) {
        return {};
    }

    Fold fold;
    QList<LoggedOperation> merged = survivor->log;
    const QStringList key{u"campaign_id"_s, u"organization_id"_s};
    for (const Member &member : std::as_const(members)) {
        if (!member.alive || &member == survivor) {
            continue;
        }
        if (auto done = removeRow(Kind::Membership, member.id); !done) {
            return done;
        }
        if (auto done = recordConflicts(Kind::Membership, member.id, {}); !done) {
            return done;
        }
        fold.createValues.insert(member.create.seq, member.values);
        for (const Field &field : info.fields) {
            if (key.contains(field.name)) {
                continue;
            }
            LoggedOperation set = member.create;
            set.operation.type = Operation::Type::Update;
            set.operation.field = field.name;
            set.operation.base = {};
            merged.append(set);
        }
        for (const LoggedOperation &row : std::as_const(member.log)) {
            if (row.operation.type == Operation::Type::Update) {
                merged.append(row);
            }
        }
    }

    // What each of them had for a field; the versions that lost are kept for a person to see.
    for (const Field &field : info.fields) {
        if (key.contains(field.name)) {
            continue;
        }
        struct Version {
            Stamp stamp;
            QVariant value;
        };
        QList<Version> versions;
        for (const Member &member : std::as_const(members)) {
            if (!member.alive) {
                continue;
            }
            Version newest{member.create.operation.stamp, decodeValue(member.values.value(field.name), field.type)};
            for (const LoggedOperation &row : std::as_const(member.log)) {
                if (row.operation.type == Operation::Type::Update && row.operation.field == field.name && row.operation.stamp > newest.stamp) {
                    const std::optional<QJsonValue> json = parseBareValue(Sync::History::value(valueOf, row.seq));
                    newest = {row.operation.stamp, json ? decodeValue(*json, field.type) : QVariant()};
                }
            }
            versions.append(newest);
        }
        const auto winner = std::max_element(versions.cbegin(), versions.cend(), [](const Version &a, const Version &b) {
            return a.stamp < b.stamp;
        });
        for (const Version &version : std::as_const(versions)) {
            if (!(version.stamp == winner->stamp) && !sameValue(version.value, winner->value)) {
                fold.conflicts.append({field.name, u"concurrent_edit"_s, version.value.toString(), version.stamp});
            }
        }
    }
    if (auto done = settle(Kind::Membership, survivor->id, merged, &fold); !done) {
        return done;
    }
    for (const Member &member : std::as_const(members)) {
        enqueueWaiting(member.id);
    }
    return {};
}

Result<void> RemoteApplier::removeRow(Kind kind, const QString &id)
{
    Storage::Statement &erase = statement(u"DELETE FROM %1 WHERE id = ?"_s.arg(entity(kind).table));
    erase.bind(1, id);
    if (!erase.exec()) {
        return m_store.m_database->lastError();
    }
    if (sqlite3_changes(m_store.m_database->handle()) > 0) {
        ++m_summary.recordsChanged;
        m_store.announce({kind, id, Change::Operation::Deleted, {}});
    }
    return {};
}

Result<void> RemoteApplier::wait(Kind kind, const QString &id, const QString &target)
{
    Storage::Statement &insert = statement(u"INSERT OR IGNORE INTO sync_pending (record_id, kind, waiting_for) VALUES (?, ?, ?)"_s);
    insert.bind(1, id);
    insert.bind(2, entity(kind).key);
    insert.bind(3, target);
    if (!insert.exec()) {
        return m_store.m_database->lastError();
    }
    return {};
}

void RemoteApplier::enqueueWaiting(const QString &target)
{
    QList<std::pair<Kind, QString>> waiting;
    Storage::Statement &find = statement(u"SELECT kind, record_id FROM sync_pending WHERE waiting_for = ?"_s);
    find.bind(1, target);
    while (find.step()) {
        if (const std::optional<Kind> waitingKind = kindFromKey(find.text(0))) {
            waiting.append({*waitingKind, find.text(1)});
        }
    }
    find.reset();
    for (const auto &[waitingKind, waitingId] : std::as_const(waiting)) {
        enqueue(waitingKind, waitingId);
    }
}

// A membership whose campaign or organization was changed to those of another one (on a laptop
// that did not know of the other): the one created first keeps the row, the other is held back
// until that changes. Returns whether this one keeps it.
Result<bool> RemoteApplier::yieldToSameMembership(const QString &id, const Stamp &created, Record &record)
{
    Storage::Statement &find = statement(u"SELECT id FROM memberships WHERE campaign_id = ? AND organization_id = ? AND id != ?"_s);
    find.bind(1, record.value(u"campaign_id"_s).toString());
    find.bind(2, record.value(u"organization_id"_s).toString());
    find.bind(3, id);
    const QString other = find.step() ? find.text(0) : QString();
    find.reset();
    if (other.isEmpty()) {
        return true;
    }
    const Stamp otherCreated = createStamp(other);
    if (otherCreated < created || (otherCreated == created && other < id)) {
        if (auto done = wait(Kind::Membership, id, other); !done) {
            return done.error();
        }
        return false;
    }
    if (auto done = removeRow(Kind::Membership, other); !done) {
        return done.error();
    }
    if (auto done = wait(Kind::Membership, other, id); !done) {
        return done.error();
    }
    return true;
}

Result<void> RemoteApplier::settle(Kind kind, const QString &id, const QList<LoggedOperation> &log, const Fold *fold)
{
    const EntityInfo &info = entity(kind);
    if (m_deferredIds.contains(id)) {
        // Worked out again: it starts from what it has now.
        if (auto written = writeDirect(); !written) {
            return written.error();
        }
    }
    const std::optional<Record> current = m_store.fetch(kind, id);
    // Resolutions of conflicts are not values of the record: they only close conflicts.
    QList<LoggedOperation> history;
    QList<ConflictResolved> resolved;
    for (const LoggedOperation &row : log) {
        if (row.operation.type != Operation::Type::Update || row.operation.field != Operation::resolutionField()) {
            history.append(row);
            continue;
        }
        const QJsonObject decided = QJsonDocument::fromJson(Sync::History::value(statement(Sync::History::valueSql()), row.seq).toUtf8()).object();
        resolved.append({{decided.value(u"field"_s).toString(),
                          decided.value(u"reason"_s).toString(),
                          decided.value(u"lost_value"_s).toString(),
                          {decided.value(u"lost_hlc"_s).toString().toLongLong(), decided.value(u"lost_replica"_s).toString()}},
                         decided.value(u"resolution"_s).toString(),
                         row.operation.stamp});
    }

    // Existence is decided like a field: the newest of its creates and deletes wins, so that a
    // record brought back with its id (an undone delete, a redone import) comes back everywhere.
    // The create that wins carries the record's values.
    const LoggedOperation *create = nullptr;
    QList<const LoggedOperation *> creates;
    Stamp lastDelete;
    Stamp deleteBase;
    for (const LoggedOperation &row : std::as_const(history)) {
        if (row.operation.type == Operation::Type::Create) {
            if (row.operation.recordId == id) {
                if (!create || row.operation.stamp > create->operation.stamp) {
                    create = &row;
                }
                creates.append(&row);
            }
        } else if (row.operation.type == Operation::Type::Delete) {
            if (row.operation.stamp > lastDelete) {
                lastDelete = row.operation.stamp;
            }
            if (row.operation.base > deleteBase) {
                deleteBase = row.operation.base;
            }
        }
    }
    const bool deleted = !lastDelete.isNull() && (!create || lastDelete > create->operation.stamp);
    if (!create && !current && !deleted) {
        return {}; // its create has not arrived yet; it will bring the record
    }

    Storage::Statement &clearPending = statement(u"DELETE FROM sync_pending WHERE record_id = ?"_s);
    clearPending.bind(1, id);
    if (!clearPending.exec()) {
        return m_store.m_database->lastError();
    }

    QList<ConflictFound> conflicts;
    Storage::Statement &valueOf = statement(Sync::History::valueSql());
    QJsonObject created;
    if (create) {
        created = QJsonDocument::fromJson(Sync::History::value(valueOf, create->seq).toUtf8()).object();
    }
    QHash<qint64, QJsonObject> olderCreates;
    const auto fieldValue = [&](const LoggedOperation &row, const Field &field) -> QVariant {
        if (row.operation.type == Operation::Type::Create) {
            if (&row == create) {
                return decodeValue(created.value(field.name), field.type);
            }
            // An older create of a record made again since.
            auto older = olderCreates.find(row.seq);
            if (older == olderCreates.end()) {
                older = olderCreates.insert(row.seq, QJsonDocument::fromJson(Sync::History::value(valueOf, row.seq).toUtf8()).object());
            }
            return decodeValue(older->value(field.name), field.type);
        }
        if (fold) {
            if (const auto folded = fold->createValues.constFind(row.seq); folded != fold->createValues.cend()) {
                return decodeValue(folded->value(field.name), field.type);
            }
        }
        const std::optional<QJsonValue> json = parseBareValue(Sync::History::value(valueOf, row.seq));
        return json ? decodeValue(*json, field.type) : QVariant();
    };

    // A record brought back with its id carries the values it had where that was done: a version
    // of a field that a later create carries again is that create's now, not one that lost.
    const auto carriedAgain = [&](const LoggedOperation &row, const Field &field) {
        if (creates.size() < 2) {
            return false;
        }
        const QVariant value = fieldValue(row, field);
        return std::any_of(creates.cbegin(), creates.cend(), [&](const LoggedOperation *later) {
            return later->operation.stamp > row.operation.stamp && sameValue(fieldValue(*later, field), value);
        });
    };

    std::optional<Record> desired;
    if (deleted) {
        // An edit the deleting replica had not seen is surfaced, not dropped silently.
        for (const LoggedOperation &row : std::as_const(history)) {
            const Field *field = info.field(row.operation.field);
            if (row.operation.type == Operation::Type::Update && field && row.operation.stamp > deleteBase) {
                conflicts.append({row.operation.field, u"edited_while_deleted"_s, fieldValue(row, *field).toString(), row.operation.stamp});
            }
        }
    } else {
        Record record;
        if (create) {
            record.insert(u"id"_s, id);
            for (const Field &field : info.fields) {
                record.insert(field.name, decodeValue(created.value(field.name), field.type));
            }
        } else {
            record = *current; // a record from before sync existed: its values are the oldest
        }
        QHash<QString, const LoggedOperation *> winners;
        for (const Field &field : info.fields) {
            const LoggedOperation *winner = create;
            for (const LoggedOperation &row : std::as_const(history)) {
                if (row.operation.type == Operation::Type::Update && row.operation.field == field.name
                    && (!winner || row.operation.stamp > winner->operation.stamp)) {
                    winner = &row;
                }
            }
            if (winner) {
                winners.insert(field.name, winner);
                if (winner->operation.type == Operation::Type::Update) {
                    record.insert(field.name, fieldValue(*winner, field));
                }
            }
        }

        // Approved words are frozen on every replica: an approval stands only for the text it
        // was given for.
        if (kind == Kind::Quote && record.value(u"state"_s).toString() == u"approved") {
            const LoggedOperation *approval = winners.value(u"state"_s);
            const LoggedOperation *text = winners.value(u"text"_s);
            if (approval && text) {
                const Stamp approved = approval->operation.type == Operation::Type::Create ? approval->operation.stamp : approval->operation.witness;
                if (!(approved == text->operation.stamp)) {
                    record.insert(u"state"_s, u"draft"_s);
                    record.insert(u"approved_by"_s, QVariant());
                    record.insert(u"approved_at"_s, QVariant());
                    conflicts.append({u"state"_s, u"edited_while_approved"_s, u"approved"_s, approval->operation.stamp});
                }
            }
        }

        // Concurrent versions of long text: every one that no later edit was based on, except
        // the winner, is kept for a person to look at.
        for (const Field &field : info.fields) {
            if (field.type != FieldType::LongText || !winners.contains(field.name)) {
                continue;
            }
            const LoggedOperation *winner = winners.value(field.name);
            QSet<QString> superseded;
            int versions = 0;
            for (const LoggedOperation &row : std::as_const(history)) {
                if (Sync::History::touches(row.operation, field.name)) {
                    ++versions;
                    if (!row.operation.base.isNull()) {
                        superseded.insert(stampKey(row.operation.base));
                    }
                }
            }
            if (versions < 2) {
                continue;
            }
            const QVariant kept = record.value(field.name);
            for (const LoggedOperation &row : std::as_const(history)) {
                if (!Sync::History::touches(row.operation, field.name) || &row == winner || superseded.contains(stampKey(row.operation.stamp))
                    || carriedAgain(row, field)) {
                    continue;
                }
                const QVariant lost = fieldValue(row, field);
                if (!sameValue(lost, kept)) {
                    conflicts.append({field.name, u"concurrent_edit"_s, lost.toString(), row.operation.stamp});
                }
            }
        }

        // References: to a deleted record they read as empty (or, when required, the record goes
        // too, as a delete there would have taken it); to one not arrived yet, they wait for it.
        bool keep = true;
        bool goesWithDeleted = false;
        for (const Field &field : info.fields) {
            const QString target = record.value(field.name).toString();
            if (field.type != FieldType::Reference || target.isEmpty() || target == id || exists(*field.references, target)) {
                continue;
            }
            // A deleted one may be brought back with its id: this record waits for it too.
            const bool targetDeleted = isDeleted(target);
            if (auto waiting = wait(kind, id, target); !waiting) {
                return waiting;
            }
            if (field.required) {
                keep = false;
                goesWithDeleted = goesWithDeleted || targetDeleted;
            } else {
                record.insert(field.name, QVariant());
            }
        }
        bool textsKept = false;
        if (goesWithDeleted) {
            // Made or changed where the record it needs was not known to be deleted (a quote
            // collected for a person deleted elsewhere): it goes too, but its texts are kept.
            for (const Field &field : info.fields) {
                const LoggedOperation *winner = winners.value(field.name);
                const QString text = record.value(field.name).toString();
                if (field.type == FieldType::LongText && winner && !text.isEmpty()) {
                    conflicts.append({field.name, u"edited_while_deleted"_s, text, winner->operation.stamp});
                    textsKept = true;
                }
            }
        }
        // A link made where the record it points to was not known to be deleted (a quote filed
        // under a campaign deleted elsewhere) is surfaced: every version of a reference that points
        // to a deleted record and that no later change of the field was based on. A delete made
        // knowing the link empties it (or takes the record) with a change based on it.
        QHash<QString, bool> deletedTargets;
        QList<std::pair<QString, QString>> linked; // the field, the record it points to
        for (const Field &field : info.fields) {
            if (field.type != FieldType::Reference) {
                continue;
            }
            QSet<QString> superseded;
            for (const LoggedOperation &row : std::as_const(history)) {
                if (row.operation.type == Operation::Type::Update && row.operation.field == field.name && !row.operation.base.isNull()) {
                    superseded.insert(stampKey(row.operation.base));
                }
            }
            for (const LoggedOperation &row : std::as_const(history)) {
                if (!Sync::History::touches(row.operation, field.name) || superseded.contains(stampKey(row.operation.stamp)) || carriedAgain(row, field)) {
                    continue;
                }
                const QString target = fieldValue(row, field).toString();
                if (target.isEmpty() || target == id) {
                    continue;
                }
                auto known = deletedTargets.constFind(target);
                if (known == deletedTargets.cend()) {
                    known = deletedTargets.insert(target, isDeleted(target) && !exists(*field.references, target));
                }
                // A record that went with it and whose texts are kept above is surfaced by those.
                if (known.value() && !(field.required && textsKept)) {
                    conflicts.append({field.name, u"linked_to_deleted"_s, target, row.operation.stamp});
                } else if (!known.value()) {
                    linked.append({field.name, target});
                }
            }
        }
        if (keep && kind == Kind::Membership) {
            auto kept = yieldToSameMembership(id, create ? create->operation.stamp : Stamp{}, record);
            if (!kept) {
                return kept.error();
            }
            keep = kept.value();
        }
        // A link that lost to another value, or of a record that is not here: should the record it
        // points to be deleted, the link is surfaced too, so this one is looked at again then.
        for (const auto &[field, target] : std::as_const(linked)) {
            if (!keep || record.value(field).toString() != target) {
                if (auto watched = wait(kind, id, target); !watched) {
                    return watched;
                }
            }
        }
        if (keep) {
            desired = record;
        }
    }
    if (fold) {
        conflicts.append(fold->conflicts);
    }

    if (auto recorded = recordConflicts(kind, id, conflicts, resolved); !recorded) {
        return recorded;
    }

    if (!desired && current) {
        // Collect what refers to it first: those records are worked out again afterwards.
        QList<std::pair<Kind, QString>> dependents;
        for (Kind other : allKinds()) {
            for (const Field &field : entity(other).fields) {
                if (field.type != FieldType::Reference || field.references != kind) {
                    continue;
                }
                Storage::Statement &find = statement(u"SELECT id FROM %1 WHERE %2 = ?"_s.arg(entity(other).table, field.name));
                find.bind(1, id);
                while (find.step()) {
                    dependents.append({other, find.text(0)});
                }
                find.reset();
            }
        }
        Storage::Statement &erase = statement(u"DELETE FROM %1 WHERE id = ?"_s.arg(info.table));
        erase.bind(1, id);
        if (!erase.exec()) {
            return m_store.m_database->lastError();
        }
        for (const auto &[dependentKind, dependentId] : std::as_const(dependents)) {
            if (dependentId != id) {
                enqueue(dependentKind, dependentId);
            }
        }
        // Memberships held back for it, and records whose links to it are looked at again.
        enqueueWaiting(id);
        ++m_summary.recordsChanged;
        m_store.announce({kind, id, Change::Operation::Deleted, {}});
    } else if (!desired && deleted) {
        // Made and deleted elsewhere before it came here: what waited for it learns it is deleted.
        enqueueWaiting(id);
    } else if (desired && !current) {
        QStringList columns{u"id"_s};
        for (const Field &field : info.fields) {
            columns << field.name;
        }
        Storage::Statement &insert =
            statement(u"INSERT INTO %1 (%2) VALUES (?%3)"_s.arg(info.table, columns.join(u", "), u", ?"_s.repeated(info.fields.size())));
        insert.bind(1, id);
        for (int i = 0; i < info.fields.size(); ++i) {
            insert.bind(i + 2, desired->value(info.fields.at(i).name));
        }
        if (!insert.exec()) {
            return m_store.m_database->lastError();
        }
        enqueueWaiting(id);
        ++m_summary.recordsChanged;
        m_store.announce({kind, id, Change::Operation::Created, {}});
    } else if (desired && current) {
        QStringList changed;
        for (const Field &field : info.fields) {
            if (!sameValue(current->value(field.name), desired->value(field.name))) {
                changed << field.name;
            }
        }
        if (!changed.isEmpty()) {
            // Plain values wait to be written together with the same field of other records (see
            // writeDirect()); references are written now, while what they point to is known here.
            QStringList now;
            for (const QString &field : std::as_const(changed)) {
                if (kind == Kind::Membership || info.field(field)->type == FieldType::Reference) {
                    now << field;
                } else if (auto deferred = defer(kind, id, field, desired->value(field)); !deferred) {
                    return deferred.error();
                }
            }
            if (!now.isEmpty()) {
                QStringList assignments;
                for (const QString &field : std::as_const(now)) {
                    assignments << field + u" = ?"_s;
                }
                Storage::Statement &write = statement(u"UPDATE %1 SET %2 WHERE id = ?"_s.arg(info.table, assignments.join(u", ")));
                int index = 1;
                for (const QString &field : std::as_const(now)) {
                    write.bind(index++, desired->value(field));
                }
                write.bind(index, id);
                if (!write.exec()) {
                    return m_store.m_database->lastError();
                }
            }
            if (kind == Kind::Membership) {
                enqueueWaiting(id);
            }
            ++m_summary.recordsChanged;
            m_store.announce({kind, id, Change::Operation::Updated, changed});
        }
    }
    return {};
}

// The open conflicts of a record are exactly those its log shows now; resolved ones stay resolved,
// and a resolution made on any replica resolves the conflict here too (the conflict is kept,
// resolved, even where it was never seen), so that every replica ends with the same decisions.
Result<void> RemoteApplier::recordConflicts(Kind kind, const QString &id, const QList<ConflictFound> &found, const QList<ConflictResolved> &resolved)
{
    QHash<QString, ConflictResolved> decisions;
    for (const ConflictResolved &decision : resolved) {
        const QString key = conflictKey(decision.conflict.field, decision.conflict.reason, decision.conflict.lost);
        const auto it = decisions.constFind(key);
        if (it == decisions.cend() || decision.stamp > it->stamp) {
            decisions.insert(key, decision); // two people resolved it: the later decision holds
        }
    }
    QSet<QString> wanted;
    for (const ConflictFound &conflict : found) {
        wanted.insert(conflictKey(conflict.field, conflict.reason, conflict.lost));
    }
    const auto resolvedAt = [](const Stamp &stamp) {
        return formatInstant(QDateTime::fromMSecsSinceEpoch(Sync::HybridLogicalClock::milliseconds(stamp.hlc), QTimeZone::UTC));
    };
    QList<qint64> stale;
    QList<std::pair<qint64, const ConflictResolved *>> toResolve;
    QSet<QString> present;
    Storage::Statement &existing = statement(
        u"SELECT id, field, reason, lost_hlc, lost_replica, resolved_at IS NOT NULL, resolution, resolved_at FROM sync_conflicts WHERE record_id = ?"_s);
    existing.bind(1, id);
    while (existing.step()) {
        const QString key = conflictKey(existing.text(1), existing.text(2), {existing.integer(3), existing.text(4)});
        present.insert(key);
        const auto decision = decisions.constFind(key);
        if (decision != decisions.cend()) {
            if (existing.text(6) != decision->resolution || existing.text(7) != resolvedAt(decision->stamp)) {
                toResolve.append({existing.integer(0), &*decision});
            }
        } else if (!wanted.contains(key) && existing.integer(5) == 0) {
            stale << existing.integer(0);
        }
    }
    existing.reset();
    for (qint64 staleId : std::as_const(stale)) {
        Storage::Statement &erase = statement(u"DELETE FROM sync_conflicts WHERE id = ?"_s);
        erase.bind(1, staleId);
        if (!erase.exec()) {
            return m_store.m_database->lastError();
        }
    }
    for (const auto &[conflictId, decision] : std::as_const(toResolve)) {
        Storage::Statement &mark = statement(u"UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?"_s);
        mark.bind(1, resolvedAt(decision->stamp));
        mark.bind(2, decision->resolution);
        mark.bind(3, conflictId);
        if (!mark.exec()) {
            return m_store.m_database->lastError();
        }
    }
    QList<ConflictFound> missing;
    for (const ConflictFound &conflict : found) {
        if (!present.contains(conflictKey(conflict.field, conflict.reason, conflict.lost))) {
            missing.append(conflict);
            present.insert(conflictKey(conflict.field, conflict.reason, conflict.lost));
        }
    }
    for (const ConflictResolved &decision : std::as_const(decisions)) {
        if (!present.contains(conflictKey(decision.conflict.field, decision.conflict.reason, decision.conflict.lost))) {
            missing.append(decision.conflict);
        }
    }
    const QString now = formatInstant(QDateTime::currentDateTimeUtc());
    bool added = false;
    for (const ConflictFound &conflict : std::as_const(missing)) {
        const auto decision = decisions.constFind(conflictKey(conflict.field, conflict.reason, conflict.lost));
        const bool decided = decision != decisions.cend();
        Storage::Statement &insert = statement(
            u"INSERT OR IGNORE INTO sync_conflicts (kind, record_id, field, reason, lost_value, lost_hlc, lost_replica, detected_at, resolved_at, resolution) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        insert.bind(1, entity(kind).key);
        insert.bind(2, id);
        insert.bind(3, conflict.field);
        insert.bind(4, conflict.reason);
        insert.bind(5, conflict.lostValue);
        insert.bind(6, conflict.lost.hlc);
        insert.bind(7, conflict.lost.replica);
        insert.bind(8, now);
        if (decided) {
            insert.bind(9, resolvedAt(decision->stamp));
            insert.bind(10, decision->resolution);
        }
        if (!insert.exec()) {
            return m_store.m_database->lastError();
        }
        if (!decided) {
            ++m_summary.newConflicts;
        }
        added = true;
    }
    if (added || !stale.isEmpty() || !toResolve.isEmpty()) {
        // Views of conflicts follow changed() too, even when no value of the record changed.
        m_store.announce({kind, id, Change::Operation::Updated, {}});
    }
    return {};
}

} // namespace Chorus::Store
