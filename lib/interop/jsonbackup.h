// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QByteArray>
#include <QHash>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/// What a JSON import did, per kind.
struct JsonImportSummary {
    QHash<Domain::Kind, qint64> created;
    QHash<Domain::Kind, qint64> updated;
};

/**
 * The JSON backup and hand-over format (docs/json-format.md): the whole database, or one
 * campaign with everything it needs, as one versioned JSON document.
 *
 * Export is deterministic (records ordered by id, members by name), so export -> import ->
 * export gives the same bytes. Import runs in one transaction: records whose id exists are
 * updated, others created; any error (not JSON, another format, a newer version, an unknown
 * field, a missing required value) leaves the database as it was and names the record and field.
 */
class CHORUS_CORE_EXPORT JsonBackup
{
public:
    static constexpr int FormatVersion = 1;
    static inline const QLatin1StringView FormatName{"chorus-backup"};

    /// The whole database, or with campaign (its id or exact name) only that campaign.
    [[nodiscard]] static Result<QByteArray> exportData(Store::Store &store, const QString &campaign = {});
    static Result<JsonImportSummary> importData(Store::Store &store, const QByteArray &json);
};

} // namespace Chorus::Interop
