// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QList>
#include <QString>

#include <compare>

namespace Chorus::Sync
{

/**
 * When and where an operation was made: a hybrid logical clock timestamp and the replica id.
 * Stamps are totally ordered (by time, then by replica id), which is how last-writer-wins picks
 * the same winner on every replica. A null stamp (hlc 0) means "nothing".
 */
struct Stamp {
    qint64 hlc = 0;
    QString replica;

    [[nodiscard]] bool isNull() const
    {
        return hlc == 0;
    }
    friend bool operator==(const Stamp &a, const Stamp &b)
    {
        return a.hlc == b.hlc && a.replica == b.replica;
    }
    friend bool operator<(const Stamp &a, const Stamp &b)
    {
        return a.hlc != b.hlc ? a.hlc < b.hlc : a.replica < b.replica;
    }
    friend bool operator>(const Stamp &a, const Stamp &b)
    {
        return b < a;
    }
};

/**
 * One change to one record, as the change log keeps it and bundles carry it: a create (all
 * fields, value is a JSON object), an update of one field (value is the JSON value) or a
 * delete (a tombstone, no value).
 */
struct Operation {
    enum class Type {
        Create,
        Update,
        Delete
    };

    Stamp stamp;
    QString kind; ///< the entity key ("quote")
    QString recordId;
    Type type = Type::Update;
    QString field; ///< for an update
    QString value; ///< JSON text; null for a delete
    /// The stamp of the value this one replaced where it was made (for a delete: the record's
    /// newest stamp there); null for a create.
    Stamp base;
    /// For a quote's state: the stamp of the text it was given for (what an approval approved).
    Stamp witness;

    /// The field of an update that records how a person resolved a conflict of the record (its
    /// value: a JSON object naming the conflict and the choice), so that it travels like a change.
    [[nodiscard]] static QString resolutionField()
    {
        return QStringLiteral("@resolution");
    }

    [[nodiscard]] static QString typeName(Type type)
    {
        switch (type) {
        case Type::Create:
            return QStringLiteral("create");
        case Type::Delete:
            return QStringLiteral("delete");
        case Type::Update:
            break;
        }
        return QStringLiteral("update");
    }
};

} // namespace Chorus::Sync
