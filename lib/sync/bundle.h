// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"
#include "sync/operation.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Chorus::Sync
{

/**
 * A file of changes that one replica gives the others: its operations plus who made it, for
 * which coalition, and what it covers.
 *
 * On disk: the 8 bytes "CHORUSSB", the format version (4 bytes, big-endian), the length of the
 * payload (8 bytes, big-endian), the payload (CBOR, zlib-compressed) and the SHA-256 of all that
 * comes before it. parse() refuses, with a translated message and without a partial result, a
 * file that is not a bundle, one written by a newer Chorus, a truncated one and a damaged one.
 */
struct CHORUS_CORE_EXPORT Bundle {
    static constexpr quint32 FormatVersion = 1;

    /// Every operation of origin with a stamp in (after, upTo] is in the bundle.
    struct Range {
        QString origin;
        qint64 after = 0;
        qint64 upTo = 0;
    };

    QString coalitionId;
    QString replicaId; ///< the replica that wrote the bundle
    QString replicaName;
    qint64 createdAt = 0; ///< milliseconds since the epoch, UTC
    QHash<QString, QString> replicaNames; ///< names of the replicas the operations come from
    QHash<QString, qint64> known; ///< what the writer had received of each origin (see Range)
    QList<Range> ranges;
    QList<Operation> operations;

    [[nodiscard]] QByteArray serialize() const;
    static Result<Bundle> parse(const QByteArray &bytes);
};

} // namespace Chorus::Sync
