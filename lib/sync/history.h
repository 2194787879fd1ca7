// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "sync/operation.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Chorus::Storage
{
class Database;
class Statement;
} // namespace Chorus::Storage

namespace Chorus::Sync
{

/// One row of the change log of a record, its value left unread (see History::value()).
struct LoggedOperation {
    qint64 seq = 0;
    Operation operation;
};

/**
 * The change log of one record, as sync reads it: every operation made here or received, in the
 * order this replica applied them, each with what it was based on.
 *
 * Operations received from other replicas carry their base and witness stamps; for the ones made
 * here, they are worked out from the log's order: the base of an update is the newest stamp of
 * the field before it, the base of a delete the newest stamp of the record, and the witness of a
 * quote's state the newest stamp of its text at that moment. A value depends only on the log
 * before the operation, so it never changes once an operation is written.
 */
namespace History
{

/// The SQL that read() expects its statement to be prepared with (one bound value: record id).
CHORUS_CORE_EXPORT QString selectSql();
/// The SQL that value() expects (one bound value: seq).
CHORUS_CORE_EXPORT QString valueSql();

/// The ids whose operations were made in this database: its replica id, and the ones it had
/// before it was found to be a copy of another database file (see Store::open()).
CHORUS_CORE_EXPORT QSet<QString> localReplicas(Storage::Database &database, const QString &replicaId);

/// Reads the log of recordId with select (prepared from selectSql()); localReplicas come from localReplicas().
CHORUS_CORE_EXPORT QList<LoggedOperation> read(Storage::Statement &select, const QString &recordId, const QSet<QString> &localReplicas);
/// The JSON value of the log row seq, read with select (prepared from valueSql()).
CHORUS_CORE_EXPORT QString value(Storage::Statement &select, qint64 seq);

/// Whether operation sets field (an update of it, or the create that set every field).
[[nodiscard]] inline bool touches(const Operation &operation, const QString &field)
{
    return operation.type == Operation::Type::Create || (operation.type == Operation::Type::Update && operation.field == field);
}

} // namespace History

} // namespace Chorus::Sync
