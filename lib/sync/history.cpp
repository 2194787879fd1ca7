// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "history.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Chorus::Sync::History
{

QString selectSql()
{
    return u"SELECT seq, hlc, replica, kind, op, field, base_hlc, base_replica, witness_hlc, witness_replica FROM change_log WHERE record_id = ? ORDER BY seq"_s;
}

QString valueSql()
{
    return u"SELECT value FROM change_log WHERE seq = ?"_s;
}

QSet<QString> localReplicas(Storage::Database &database, const QString &replicaId)
{
    QSet<QString> ids{replicaId};
    Storage::Statement read = database.prepare(u"SELECT value FROM meta WHERE key = 'former_replica_ids'"_s);
    if (read.step()) {
        for (const QString &id : read.text(0).split(u' ', Qt::SkipEmptyParts)) {
            ids.insert(id);
        }
    }
    return ids;
}

QList<LoggedOperation> read(Storage::Statement &select, const QString &recordId, const QSet<QString> &localReplicas)
{
    QList<LoggedOperation> log;
    select.reset();
    select.bind(1, recordId);
    while (select.step()) {
        LoggedOperation row;
        row.seq = select.integer(0);
        Operation &op = row.operation;
        op.stamp = {select.integer(1), select.text(2)};
        op.kind = select.text(3);
        op.recordId = recordId;
        const QString type = select.text(4);
        op.type = type == u"create" ? Operation::Type::Create : type == u"delete" ? Operation::Type::Delete : Operation::Type::Update;
        op.field = select.text(5);
        if (!select.isNull(6)) {
            op.base = {select.integer(6), select.text(7)};
        }
        if (!select.isNull(8)) {
            op.witness = {select.integer(8), select.text(9)};
        }
        log.append(std::move(row));
    }
    select.reset();

    // Work out the bases of the operations made here, from what this replica had before each.
    QHash<QString, Stamp> newestOfField;
    Stamp created;
    Stamp newestOfRecord;
    const auto newest = [&](const QString &field) {
        const auto it = newestOfField.constFind(field);
        return it == newestOfField.cend() ? created : *it;
    };
    for (int i = 0; i < log.size(); ++i) {
        Operation &op = log[i].operation;
        const bool local = localReplicas.contains(op.stamp.replica) && op.base.isNull() && op.witness.isNull();
        if (local && op.type == Operation::Type::Update) {
            op.base = newest(op.field);
            if (op.kind == u"quote" && op.field == u"state") {
                // The text it was given for, including a text changed in the same write.
                Stamp text = newest(u"text"_s);
                for (const LoggedOperation &other : std::as_const(log)) {
                    if (other.operation.stamp == op.stamp && History::touches(other.operation, u"text"_s) && other.operation.stamp > text) {
                        text = other.operation.stamp;
                    }
                }
                op.witness = text;
            }
        } else if (local && op.type == Operation::Type::Delete) {
            op.base = newestOfRecord;
        }
        if (op.type == Operation::Type::Update) {
            if (op.stamp > newest(op.field)) {
                newestOfField.insert(op.field, op.stamp);
            }
        } else if (op.type == Operation::Type::Create) {
            // A create sets every field: it is the base of each until an update replaces it. A
            // record made again with its id starts again from its create.
            created = op.stamp;
            newestOfField.clear();
        }
        if (op.stamp > newestOfRecord) {
            newestOfRecord = op.stamp;
        }
    }
    return log;
}

QString value(Storage::Statement &select, qint64 seq)
{
    select.reset();
    select.bind(1, seq);
    const QString text = select.step() && !select.isNull(0) ? select.text(0) : QString();
    select.reset();
    return text;
}

} // namespace Chorus::Sync::History
