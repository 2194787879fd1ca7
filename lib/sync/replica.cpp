// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "replica.h"

#include "domain/validation.h"
#include "filereason.h"
#include "storage/transaction.h"
#include "store/store.h"
#include "sync/history.h"
#include "sync/hybridlogicalclock.h"
#include "sync_debug.h"

#include <KLocalizedString>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Sync
{

namespace
{

QString toJson(const QHash<QString, qint64> &vector)
{
    QJsonObject object;
    for (auto it = vector.cbegin(); it != vector.cend(); ++it) {
        object.insert(it.key(), QString::number(it.value()));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QHash<QString, qint64> vectorFromJson(const QString &json)
{
    QHash<QString, qint64> vector;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        vector.insert(it.key(), it.value().toString().toLongLong());
    }
    return vector;
}

QDateTime instant(const QString &text)
{
    return text.isEmpty() ? QDateTime() : parseInstant(text);
}

QString now()
{
    return formatInstant(QDateTime::currentDateTimeUtc());
}

/// What the change log last knew of a record that is gone: its fields as created, then changed.
Record lastKnownRecord(Store::Store &store, const QString &recordId)
{
    Record record;
    Storage::Statement read =
        store.database().prepare(u"SELECT op, field, value FROM change_log WHERE record_id = ? AND op IN ('create', 'update') ORDER BY hlc, replica"_s);
    read.bind(1, recordId);
    while (read.step()) {
        if (read.text(0) == u"create") {
            const QJsonObject created = QJsonDocument::fromJson(read.text(2).toUtf8()).object();
            for (auto it = created.constBegin(); it != created.constEnd(); ++it) {
                record.insert(it.key(), it.value().toVariant());
            }
        } else if (!read.isNull(1)) {
            // An update's value is one bare JSON value.
            const QJsonArray wrapped = QJsonDocument::fromJson(u"[%1]"_s.arg(read.text(2)).toUtf8()).array();
            record.insert(read.text(1), wrapped.isEmpty() ? QVariant() : wrapped.first().toVariant());
        }
    }
    return record;
}

/// A stamp after every one this replica has given or seen: the store's clock writes the last one
/// it gave at the end of every write (meta "hlc"); the change log has those of the write going on.
qint64 nextStamp(Storage::Database &db)
{
    Storage::Statement read = db.prepare(
        u"SELECT max(ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hlc'), 0), "
        "ifnull((SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1), 0))"_s);
    const qint64 last = read.step() ? read.integer(0) : 0;
    return std::max(last + 1, QDateTime::currentMSecsSinceEpoch() << 16);
}

/// Who gave the approval stamped (hlc, replica) of a quote, as its change log has it.
QString approverOf(Storage::Database &db, const QString &recordId, qint64 hlc, const QString &replica)
{
    Storage::Statement read = db.prepare(u"SELECT op, field, value FROM change_log WHERE record_id = ? AND hlc = ? AND replica = ?"_s);
    read.bind(1, recordId);
    read.bind(2, hlc);
    read.bind(3, replica);
    while (read.step()) {
        if (read.text(0) == u"create") {
            return QJsonDocument::fromJson(read.text(2).toUtf8()).object().value(u"approved_by"_s).toString();
        }
        if (read.text(0) == u"update" && read.text(1) == u"approved_by") {
            const QJsonArray wrapped = QJsonDocument::fromJson(u"[%1]"_s.arg(read.text(2)).toUtf8()).array();
            return wrapped.isEmpty() ? QString() : wrapped.first().toString();
        }
    }
    return {};
}

Conflict::Reason reasonFrom(const QString &text)
{
    if (text == u"edited_while_deleted") {
        return Conflict::Reason::EditedWhileDeleted;
    }
    if (text == u"edited_while_approved") {
        return Conflict::Reason::EditedWhileApproved;
    }
    if (text == u"linked_to_deleted") {
        return Conflict::Reason::LinkedToDeleted;
    }
    return Conflict::Reason::ConcurrentEdit;
}

} // namespace

QString Conflict::description() const
{
    const QString field = fieldLabel(kind, this->field);
    const QString when = QLocale().toString(lostAt.toLocalTime(), QLocale::ShortFormat);
    switch (reason) {
    case Reason::EditedWhileDeleted:
        return i18nc("@info %1 names the record, %2 the field, %3 a computer, %4 a date and time",
                     "%1 was deleted, but %3 changed its %2 at %4, without knowing of the deletion.",
                     recordLabel,
                     field,
                     lostBy,
                     when);
    case Reason::EditedWhileApproved:
        return i18nc("@info %1 names the quote, %2 a computer, %3 a date and time",
                     "%1 was approved on %2 at %3 while its text was being changed on another computer. It is a draft again: approve the new text.",
                     recordLabel,
                     lostBy,
                     when);
    case Reason::LinkedToDeleted: {
        const QString deletedWhen = QLocale().toString(deletedAt.toLocalTime(), QLocale::ShortFormat);
        if (!recordExists) {
            return i18nc(
                "@info %1 names the deleted record, %2 the computer that deleted it, %3 when, %4 another computer, %5 the field, %6 the record "
                "linked to it, %7 when",
                "%1 was deleted on %2 at %3, but %4 made it the %5 of %6 at %7, without knowing of the deletion. %6 cannot be without its %5, "
                "so it was deleted too.",
                linkedLabel,
                deletedBy,
                deletedWhen,
                lostBy,
                field,
                recordLabel,
                when);
        }
        return i18nc(
            "@info %1 names the deleted record, %2 the computer that deleted it, %3 when, %4 another computer, %5 the field, %6 the record "
            "linked to it, %7 when",
            "%1 was deleted on %2 at %3, but %4 made it the %5 of %6 at %7, without knowing of the deletion. %6 has no %5 now.",
            linkedLabel,
            deletedBy,
            deletedWhen,
            lostBy,
            field,
            recordLabel,
            when);
    }
    case Reason::ConcurrentEdit:
        break;
    }
    return i18nc("@info %1 names the record, %2 the field, %3 a computer, %4 a date and time",
                 "%1: the %2 was changed on two computers at once. The version from %3 (%4) was not kept; compare it with the current one.",
                 recordLabel,
                 field,
                 lostBy,
                 when);
}

Replica::Replica(Store::Store &store)
    : m_store(store)
{
}

QString Replica::coalitionId()
{
    Storage::Statement read = m_store.database().prepare(u"SELECT value FROM meta WHERE key = 'coalition_id'"_s);
    return read.step() ? read.text(0) : QString();
}

QHash<QString, qint64> Replica::known()
{
    QHash<QString, qint64> vector;
    Storage::Statement others = m_store.database().prepare(u"SELECT origin, hlc FROM sync_known"_s);
    while (others.step()) {
        vector.insert(others.text(0), others.integer(1));
    }
    Storage::Statement own = m_store.database().prepare(u"SELECT max(hlc) FROM change_log WHERE replica = ?"_s);
    own.bind(1, m_store.replicaId());
    if (own.step() && !own.isNull(0)) {
        vector.insert(m_store.replicaId(), own.integer(0));
    }
    return vector;
}

QString Replica::peerName(const QString &replicaId)
{
    if (replicaId == m_store.replicaId()) {
        return m_store.replicaName();
    }
    Storage::Statement read = m_store.database().prepare(u"SELECT name FROM sync_peers WHERE replica = ?"_s);
    read.bind(1, replicaId);
    const QString name = read.step() ? read.text(0) : QString();
    return name.isEmpty() ? i18nc("@info a computer whose name is not known", "another computer") : name;
}

std::optional<Peer> Replica::findPeer(const QString &nameOrId)
{
    const QList<Peer> all = peers();
    for (const Peer &peer : all) {
        if (peer.replicaId == nameOrId || peer.name == nameOrId) {
            return peer;
        }
    }
    for (const Peer &peer : all) {
        if (peer.name.compare(nameOrId, Qt::CaseInsensitive) == 0) {
            return peer;
        }
    }
    return std::nullopt;
}

QHash<QString, qint64> Replica::peerKnown(const QString &replicaId)
{
    Storage::Statement read = m_store.database().prepare(u"SELECT known FROM sync_peers WHERE replica = ?"_s);
    read.bind(1, replicaId);
    return read.step() ? vectorFromJson(read.text(0)) : QHash<QString, qint64>();
}

Result<Bundle> Replica::makeBundle(const ExportOptions &options)
{
    // A copied file names itself in the bundle by the id it took: the file must know it too.
    if (auto settled = m_store.settleReplicaIdentity(); !settled) {
        return settled.error();
    }
    const QString self = m_store.replicaId();
    QHash<QString, qint64> theirs;
    if (!options.sincePeer.isEmpty()) {
        const std::optional<Peer> peer = findPeer(options.sincePeer);
        if (!peer) {
            QStringList names;
            for (const Peer &known : peers()) {
                names << known.name;
            }
            return Error(Error::Code::NotFound,
                         names.isEmpty() ? i18nc("@info %1 is a computer's name",
                                                 "No computer called “%1” has sent changes to this one yet. Export everything for it instead.",
                                                 options.sincePeer)
                                         : i18nc("@info %1 is a computer's name, %2 a list of names",
                                                 "No computer called “%1” has sent changes to this one yet. The computers known here are: %2.",
                                                 options.sincePeer,
                                                 names.join(i18nc("@info separator between the items of a list", ", "))));
        }
        theirs = peerKnown(peer->replicaId);
    }
    const QHash<QString, qint64> ours = known();

    Storage::Database &db = m_store.database();
    QStringList origins;
    if (options.ownOnly) {
        const QString origin = options.ownOrigin.isEmpty() ? self : options.ownOrigin;
        origins << origin;
        theirs = {{origin, options.ownAfter}};
    } else {
        Storage::Statement distinct = db.prepare(u"SELECT DISTINCT replica FROM change_log"_s);
        while (distinct.step()) {
            origins << distinct.text(0);
        }
    }

    struct Row {
        qint64 seq;
        Operation operation;
    };
    QList<Row> rows;
    Storage::Statement select = db.prepare(
        u"SELECT seq, hlc, kind, record_id, op, field, value, base_hlc, base_replica, witness_hlc, witness_replica FROM change_log WHERE replica = ? AND hlc > ?"_s);
    for (const QString &origin : std::as_const(origins)) {
        select.reset();
        select.bind(1, origin);
        select.bind(2, theirs.value(origin, 0));
        while (select.step()) {
            Row row;
            row.seq = select.integer(0);
            Operation &op = row.operation;
            op.stamp = {select.integer(1), origin};
            op.kind = select.text(2);
            op.recordId = select.text(3);
            const QString type = select.text(4);
            op.type = type == u"create" ? Operation::Type::Create : type == u"delete" ? Operation::Type::Delete : Operation::Type::Update;
            op.field = op.type == Operation::Type::Update ? select.text(5) : QString();
            op.value = select.isNull(6) ? QString() : select.text(6);
            if (!select.isNull(7)) {
                op.base = {select.integer(7), select.text(8)};
            }
            if (!select.isNull(9)) {
                op.witness = {select.integer(9), select.text(10)};
            }
            rows.append(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.operation.stamp < b.operation.stamp || (a.operation.stamp == b.operation.stamp && a.seq < b.seq);
    });

    qint64 cutoff = std::numeric_limits<qint64>::max();
    if (options.maxOperations >= 0 && rows.size() > options.maxOperations) {
        // Never split the operations of one stamp: the ranges below say "everything up to".
        qsizetype end = options.maxOperations;
        cutoff = end > 0 ? rows.at(end - 1).operation.stamp.hlc : 0;
        while (end < rows.size() && rows.at(end).operation.stamp.hlc <= cutoff) {
            ++end;
        }
        rows.resize(end);
    }

    // Operations made here get their bases from this replica's log order.
    Storage::Statement history = db.prepare(History::selectSql());
    const QSet<QString> locals = History::localReplicas(db, self);
    QHash<QString, QHash<qint64, Operation>> worked;
    for (Row &row : rows) {
        Operation &op = row.operation;
        if (!locals.contains(op.stamp.replica) || op.type == Operation::Type::Create || !op.base.isNull() || !op.witness.isNull()) {
            continue;
        }
        auto it = worked.find(op.recordId);
        if (it == worked.end()) {
            QHash<qint64, Operation> bySeq;
            for (const LoggedOperation &logged : History::read(history, op.recordId, locals)) {
                bySeq.insert(logged.seq, logged.operation);
            }
            it = worked.insert(op.recordId, bySeq);
        }
        const Operation &computed = it->value(row.seq);
        op.base = computed.base;
        op.witness = computed.witness;
    }

    Bundle bundle;
    bundle.coalitionId = coalitionId();
    bundle.replicaId = self;
    bundle.replicaName = m_store.replicaName();
    bundle.createdAt = QDateTime::currentMSecsSinceEpoch();
    bundle.known = ours;
    for (const QString &origin : std::as_const(origins)) {
        const qint64 after = theirs.value(origin, 0);
        const qint64 upTo = std::min(ours.value(origin, 0), cutoff);
        if (upTo > after) {
            bundle.ranges.append({origin, after, upTo});
        }
        bundle.replicaNames.insert(origin, peerName(origin));
    }
    bundle.operations.reserve(rows.size());
    for (Row &row : rows) {
        bundle.operations.append(std::move(row.operation));
    }
    return bundle;
}

Result<Bundle> Replica::exportTo(const QString &path, const ExportOptions &options)
{
    auto bundle = makeBundle(options);
    if (!bundle) {
        return bundle;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bundle.value().serialize()) < 0 || !file.commit()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file path, %2 the reason", "Could not write the changes file %1: %2", path, FileReason::forWriting(path, file)));
    }
    if (!options.sincePeer.isEmpty()) {
        if (const std::optional<Peer> peer = findPeer(options.sincePeer)) {
            Storage::Statement stamp = m_store.database().prepare(u"UPDATE sync_peers SET last_export_at = ? WHERE replica = ?"_s);
            stamp.bind(1, now());
            stamp.bind(2, peer->replicaId);
            if (!stamp.exec()) {
                return m_store.database().lastError();
            }
        }
    }
    return bundle;
}

Result<Bundle> Replica::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file path, %2 the reason", "Could not read the changes file %1: %2", path, FileReason::forReading(path, file)));
    }
    return Bundle::parse(file.readAll());
}

Result<ImportSummary> Replica::importFile(const QString &path)
{
    auto read = readFile(path);
    if (!read) {
        return read.error();
    }
    return importBundle(read.value());
}

Result<ImportSummary> Replica::importBundle(const QByteArray &bytes)
{
    auto parsed = Bundle::parse(bytes);
    if (!parsed) {
        return parsed.error();
    }
    return importBundle(parsed.value());
}

Result<ImportSummary> Replica::importBundle(const Bundle &bundle)
{
    const QString self = m_store.replicaId();
    Storage::Database &db = m_store.database();

    const QString ours = coalitionId();
    bool adopt = false;
    if (bundle.coalitionId != ours) {
        // A database that has never held a change joins the coalition of its first bundle.
        Storage::Statement any = db.prepare(u"SELECT 1 FROM change_log LIMIT 1"_s);
        if (any.step()) {
            return Error(Error::Code::Refused,
                         i18nc("@info %1 is a computer's name",
                               "This changes file comes from another coalition's database (written on “%1”). Nothing was imported. A database joins a "
                               "coalition by importing its changes while still empty; one filled another way (from a JSON backup, say) is a coalition of "
                               "its own.",
                               bundle.replicaName));
        }
        adopt = true;
    }

    ImportSummary summary;
    summary.fromName = bundle.replicaName;
    // One transaction, not nested in another: a savepoint around a large import costs much.
    auto bookkeeping = [&]() -> Result<void> {
        if (adopt) {
            Storage::Statement join = db.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('coalition_id', ?)"_s);
            join.bind(1, bundle.coalitionId);
            if (!join.exec()) {
                return db.lastError();
            }
        }
        QHash<QString, qint64> have = known();
        Storage::Statement advance = db.prepare(u"INSERT OR REPLACE INTO sync_known (origin, hlc) VALUES (?, ?)"_s);
        for (const Bundle::Range &range : bundle.ranges) {
            if (range.origin == self) {
                continue;
            }
            const qint64 current = have.value(range.origin, 0);
            if (current >= range.after && range.upTo > current) {
                advance.reset();
                advance.bind(1, range.origin);
                advance.bind(2, range.upTo);
                if (!advance.exec()) {
                    return db.lastError();
                }
                have.insert(range.origin, range.upTo);
            }
        }

        Storage::Statement name =
            db.prepare(u"INSERT INTO sync_peers (replica, name) VALUES (?, ?) ON CONFLICT (replica) DO UPDATE SET name = excluded.name"_s);
        for (auto it = bundle.replicaNames.cbegin(); it != bundle.replicaNames.cend(); ++it) {
            if (it.key() == self || it.key() == bundle.replicaId) {
                continue;
            }
            name.reset();
            name.bind(1, it.key());
            name.bind(2, it.value());
            if (!name.exec()) {
                return db.lastError();
            }
        }
        if (bundle.replicaId != self) {
            // What the sender has only grows: keep the larger of what we knew and what it says.
            QHash<QString, qint64> senderHas = peerKnown(bundle.replicaId);
            for (auto it = bundle.known.cbegin(); it != bundle.known.cend(); ++it) {
                senderHas.insert(it.key(), std::max(senderHas.value(it.key(), 0), it.value()));
            }
            Storage::Statement peer = db.prepare(
                u"INSERT INTO sync_peers (replica, name, last_import_at, known) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (replica) DO UPDATE SET name = excluded.name, last_import_at = excluded.last_import_at, known = excluded.known"_s);
            peer.bind(1, bundle.replicaId);
            peer.bind(2, bundle.replicaName);
            peer.bind(3, now());
            peer.bind(4, toJson(senderHas));
            if (!peer.exec()) {
                return db.lastError();
            }
        }
        return {};
    };
    auto applied = m_store.applyRemoteOperations(bundle.operations, bookkeeping);
    if (!applied) {
        // The transaction was rolled back: say so, whatever went wrong (a full disk, say).
        return Error(applied.error().code(), i18nc("@info %1 is what went wrong", "%1 Nothing was imported.", applied.error().message()));
    }
    summary.received = applied.value().received;
    summary.applied = applied.value().applied;
    summary.recordsChanged = applied.value().recordsChanged;
    summary.newConflicts = applied.value().newConflicts;
    qCDebug(CHORUS_SYNC) << "imported from" << bundle.replicaName << summary.applied << "of" << summary.received << "operations new";
    return summary;
}

QList<Peer> Replica::peers()
{
    const QHash<QString, qint64> ours = known();
    QList<Peer> list;
    Storage::Database &db = m_store.database();
    Storage::Statement read =
        db.prepare(u"SELECT replica, name, last_import_at, last_export_at, known FROM sync_peers WHERE replica != ? ORDER BY name, replica"_s);
    read.bind(1, m_store.replicaId());
    Storage::Statement count = db.prepare(u"SELECT count(*) FROM change_log WHERE replica = ? AND hlc > ?"_s);
    while (read.step()) {
        Peer peer;
        peer.replicaId = read.text(0);
        peer.name = read.text(1);
        peer.lastImport = instant(read.text(2));
        peer.lastExport = instant(read.text(3));
        const QHash<QString, qint64> theirs = vectorFromJson(read.text(4));
        for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
            count.reset();
            count.bind(1, it.key());
            count.bind(2, theirs.value(it.key(), 0));
            peer.pendingChanges += count.step() ? count.integer(0) : 0;
        }
        list.append(peer);
    }
    return list;
}

qint64 Replica::unsentChanges()
{
    const QList<Peer> all = peers();
    qint64 most = 0;
    for (const Peer &peer : all) {
        if (peer.lastImport.isValid()) {
            most = std::max(most, peer.pendingChanges);
        }
    }
    if (all.isEmpty()) {
        Storage::Statement own = m_store.database().prepare(u"SELECT count(*) FROM change_log WHERE replica = ?"_s);
        own.bind(1, m_store.replicaId());
        most = own.step() ? own.integer(0) : 0;
    }
    return most;
}

QList<Conflict> Replica::conflicts(bool includeResolved)
{
    QList<Conflict> list;
    Storage::Statement read = m_store.database().prepare(
        u"SELECT id, kind, record_id, field, reason, lost_value, lost_hlc, lost_replica, detected_at, resolved_at FROM sync_conflicts %1 ORDER BY id"_s.arg(
            includeResolved ? QString() : u"WHERE resolved_at IS NULL"_s));
    while (read.step()) {
        const std::optional<Kind> kind = kindFromKey(read.text(1));
        if (!kind) {
            continue;
        }
        Conflict conflict;
        conflict.id = read.integer(0);
        conflict.kind = *kind;
        conflict.recordId = read.text(2);
        conflict.field = read.text(3);
        conflict.reason = reasonFrom(read.text(4));
        conflict.lostValue = read.text(5);
        conflict.lostAt = QDateTime::fromMSecsSinceEpoch(HybridLogicalClock::milliseconds(read.integer(6)), QTimeZone::UTC);
        conflict.lostBy = read.text(7);
        conflict.detectedAt = instant(read.text(8));
        conflict.resolved = !read.isNull(9);
        list.append(conflict);
    }
    // Named as it was known before it was deleted: "Person “Lucía Martínez”".
    const auto goneLabel = [&](Kind kind, const QString &id) {
        if (const Record gone = lastKnownRecord(m_store, id); !gone.value(entity(kind).titleField).toString().isEmpty()) {
            return m_store.recordLabel(kind, gone);
        }
        return i18nc("@info a record that was deleted; %1 is its kind", "A deleted %1", kindLabel(kind));
    };
    for (Conflict &conflict : list) {
        conflict.lostBy = peerName(conflict.lostBy);
        if (const std::optional<Record> record = m_store.fetch(conflict.kind, conflict.recordId)) {
            conflict.recordExists = true;
            conflict.recordLabel = m_store.recordLabel(conflict.kind, *record);
            conflict.currentValue = record->value(conflict.field).toString();
        } else {
            conflict.recordLabel = goneLabel(conflict.kind, conflict.recordId);
        }
        if (conflict.reason == Conflict::Reason::LinkedToDeleted) {
            const Field *field = entity(conflict.kind).field(conflict.field);
            const Kind linkedKind = field && field->references ? *field->references : conflict.kind;
            conflict.linkedLabel = goneLabel(linkedKind, conflict.lostValue);
            Storage::Statement deletion =
                m_store.database().prepare(u"SELECT replica, hlc FROM change_log WHERE record_id = ? AND op = 'delete' ORDER BY hlc, replica LIMIT 1"_s);
            deletion.bind(1, conflict.lostValue);
            if (deletion.step()) {
                conflict.deletedBy = peerName(deletion.text(0));
                conflict.deletedAt = QDateTime::fromMSecsSinceEpoch(HybridLogicalClock::milliseconds(deletion.integer(1)), QTimeZone::UTC);
            } else {
                conflict.deletedBy = i18nc("@info a computer whose name is not known", "another computer");
            }
        }
    }
    return list;
}

Result<void> Replica::resolve(qint64 conflictId, Resolution resolution, const QString &merged)
{
    std::optional<Conflict> found;
    for (const Conflict &conflict : conflicts(true)) {
        if (conflict.id == conflictId) {
            found = conflict;
        }
    }
    if (!found) {
        return Error(Error::Code::NotFound, i18nc("@info", "There is no conflict number %1.", conflictId));
    }
    if (found->resolved) {
        return Error(Error::Code::Refused, i18nc("@info %1 describes the conflict", "This conflict was already resolved: %1", found->description()));
    }
    const bool exists = m_store.fetch(found->kind, found->recordId).has_value();
    if (!exists && resolution != Resolution::KeepMine) {
        return Error(
            Error::Code::Refused,
            i18nc("@info %1 describes the conflict", "The record was deleted, so only “keep mine” can resolve this conflict: %1", found->description()));
    }
    if (found->reason == Conflict::Reason::LinkedToDeleted && resolution == Resolution::Merged) {
        return Error(Error::Code::Refused,
                     i18nc("@info %1 describes the conflict",
                           "A link to a deleted record is resolved by leaving it empty (“keep mine”) or by bringing the deleted record back (“keep "
                           "theirs”): %1",
                           found->description()));
    }
    const QString resolutionName = resolution == Resolution::KeepMine ? u"kept_mine"_s : resolution == Resolution::KeepTheirs ? u"kept_theirs"_s : u"merged"_s;
    Record theirs{{found->field, found->lostValue}};
    if (found->reason == Conflict::Reason::EditedWhileApproved && resolution != Resolution::KeepMine) {
        // "Theirs" is the approval: it is given again to the current text, in the name of the
        // one who gave it, as a person who looked at both decided.
        Storage::Statement raw = m_store.database().prepare(u"SELECT lost_hlc, lost_replica FROM sync_conflicts WHERE id = ?"_s);
        raw.bind(1, conflictId);
        const QString approver = raw.step() ? approverOf(m_store.database(), found->recordId, raw.integer(0), raw.text(1)) : QString();
        if (resolution == Resolution::Merged || approver.isEmpty()) {
            return Error(Error::Code::Refused,
                         i18nc("@info %1 describes the conflict",
                               "This conflict is resolved by approving the current text again or by keeping it as a draft (“keep mine”): %1",
                               found->description()));
        }
        theirs = {{u"state"_s, u"approved"_s}, {u"approved_by"_s, approver}};
    }
    return m_store.transact([&]() -> Result<void> {
        QList<qint64> decided{conflictId};
        if (found->reason == Conflict::Reason::LinkedToDeleted && resolution == Resolution::KeepTheirs) {
            auto relinked = bringBack(*found);
            if (!relinked) {
                return relinked.error();
            }
            decided = relinked.value();
        } else if (resolution == Resolution::KeepTheirs) {
            if (auto done = m_store.update(found->kind, found->recordId, theirs); !done) {
                return done;
            }
        } else if (resolution == Resolution::Merged) {
            if (auto done = m_store.update(found->kind, found->recordId, {{found->field, merged}}); !done) {
                return done;
            }
        }
        // The decisions travel to the other computers as operations of the records, stamped
        // after everything this replica made, and applied as any other replica's resolution is
        // (which marks the conflicts resolved here too, at the same time).
        QList<Operation> operations;
        const qint64 first = nextStamp(m_store.database());
        for (qint64 id : std::as_const(decided)) {
            Storage::Statement raw =
                m_store.database().prepare(u"SELECT field, reason, lost_value, lost_hlc, lost_replica, kind, record_id FROM sync_conflicts WHERE id = ?"_s);
            raw.bind(1, id);
            if (!raw.step()) {
                return m_store.database().lastError();
            }
            const QJsonObject decision{{u"field"_s, raw.text(0)},
                                       {u"reason"_s, raw.text(1)},
                                       {u"lost_value"_s, raw.text(2)},
                                       {u"lost_hlc"_s, QString::number(raw.integer(3))},
                                       {u"lost_replica"_s, raw.text(4)},
                                       {u"resolution"_s, resolutionName}};
            Operation operation;
            operation.stamp = {first + operations.size(), m_store.replicaId()};
            operation.kind = raw.text(5);
            operation.recordId = raw.text(6);
            operation.type = Operation::Type::Update;
            operation.field = Operation::resolutionField();
            operation.value = QString::fromUtf8(QJsonDocument(decision).toJson(QJsonDocument::Compact));
            operations.append(operation);
        }
        if (auto applied = m_store.applyRemoteOperations(operations); !applied) {
            return applied.error();
        }
        Storage::Statement mark = m_store.database().prepare(u"SELECT 1 FROM sync_conflicts WHERE id = ? AND resolved_at IS NOT NULL"_s);
        mark.bind(1, conflictId);
        if (!mark.step()) {
            return Error(Error::Code::Storage, i18nc("@info", "The conflict could not be marked as resolved."));
        }
        return {};
    });
}

// "Keep theirs" for a link lost to a delete: the deleted record comes back with its id (a create
// newer than its deletes brings it back on every computer, and two computers that bring it back
// make one record), with the values it last had here, and every record whose link to it was lost
// the same way is linked to it again.
Result<QList<qint64>> Replica::bringBack(const Conflict &conflict)
{
    const Field *link = entity(conflict.kind).field(conflict.field);
    if (!link || !link->references) {
        return Error(Error::Code::Refused, i18nc("@info %1 describes the conflict", "This conflict is not about a link: %1", conflict.description()));
    }
    const Kind kind = *link->references;
    const Record gone = lastKnownRecord(m_store, conflict.lostValue);
    Record values{{u"id"_s, conflict.lostValue}};
    for (const Field &field : entity(kind).fields) {
        const QVariant value = gone.value(field.name);
        if (!value.isValid() || value.isNull()) {
            continue;
        }
        switch (field.type) {
        case FieldType::Reference:
            // What it pointed to may be gone too: that link stays empty.
            if (m_store.fetch(*field.references, value.toString())) {
                values.insert(field.name, value.toString());
            }
            break;
        case FieldType::Boolean:
            values.insert(field.name, value.toBool());
            break;
        case FieldType::Count:
        case FieldType::Integer:
            values.insert(field.name, value.toLongLong());
            break;
        case FieldType::Blob:
            values.insert(field.name, QByteArray::fromBase64(value.toString().toLatin1()));
            break;
        default:
            values.insert(field.name, value.toString());
            break;
        }
    }
    auto created = m_store.create(kind, values);
    if (!created) {
        return Error(created.error().code(),
                     i18nc("@info %1 names the deleted record, %2 says why", "%1 cannot be brought back: %2", conflict.linkedLabel, created.error().message()));
    }
    QList<qint64> relinked;
    for (const Conflict &other : conflicts()) {
        if (other.reason != Conflict::Reason::LinkedToDeleted || other.lostValue != conflict.lostValue || !other.recordExists) {
            continue;
        }
        // Only where the link is still empty: a record linked elsewhere since keeps that link.
        if (other.currentValue.isEmpty()) {
            if (auto done = m_store.update(other.kind, other.recordId, {{other.field, created.value()}}); !done) {
                return done.error();
            }
        }
        relinked.append(other.id);
    }
    return relinked;
}

QByteArray Replica::canonicalDump()
{
    QByteArray dump;
    for (Kind kind : allKinds()) {
        QList<Record> records = m_store.fetchAll(kind);
        std::sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
            return a.value(u"id"_s).toString() < b.value(u"id"_s).toString();
        });
        for (const Record &record : std::as_const(records)) {
            QJsonObject object;
            for (auto it = record.cbegin(); it != record.cend(); ++it) {
                const QVariant &value = it.value();
                if (value.typeId() == QMetaType::QByteArray) {
                    object.insert(it.key(), QString::fromLatin1(value.toByteArray().toBase64()));
                } else {
                    object.insert(it.key(), QJsonValue::fromVariant(value));
                }
            }
            dump += entity(kind).key.toUtf8() + ' ' + QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
    }
    // The decisions people made about conflicts, which every replica ends up with.
    Storage::Statement resolved = m_store.database().prepare(
        u"SELECT record_id, field, reason, lost_hlc, lost_replica, resolution, resolved_at FROM sync_conflicts WHERE resolved_at IS NOT NULL "
        "ORDER BY record_id, field, reason, lost_hlc, lost_replica"_s);
    while (resolved.step()) {
        QStringList columns;
        for (int i = 0; i < 7; ++i) {
            columns << resolved.text(i);
        }
        dump += "resolved conflict " + columns.join(u' ').toUtf8() + '\n';
    }
    return dump;
}

} // namespace Chorus::Sync
