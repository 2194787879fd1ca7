// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "bundle.h"

#include <KLocalizedString>

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Chorus::Sync
{

namespace
{

constexpr QByteArrayView Magic = "CHORUSSB";
constexpr qsizetype HeaderSize = 8 + 4 + 8;
constexpr qsizetype ChecksumSize = 32;
/// Format versions grow by one per release that changes the format: a larger one is damage.
constexpr quint32 MaxPlausibleVersion = 1000;

enum OperationColumn {
    Hlc,
    ReplicaIndex,
    Kind,
    RecordId,
    Type,
    Field,
    Value,
    BaseHlc,
    BaseReplica,
    WitnessHlc,
    WitnessReplica,
    ColumnCount
};

Error damaged()
{
    return Error(Error::Code::Corrupt,
                 i18nc("@info", "The changes file is damaged: its contents do not match its checksum. Nothing was imported. Ask for the file again."));
}

/// The checksum is right, but what it covers is not what Chorus writes.
Error unreadable()
{
    return Error(Error::Code::Corrupt,
                 i18nc("@info", "The changes file is damaged: its contents cannot be read. Nothing was imported. Ask for the file again."));
}

} // namespace

QByteArray Bundle::serialize() const
{
    // Replica ids are written once and referred to by index: most of a bundle is operations.
    QStringList replicas;
    QHash<QString, qint64> indexOf;
    const auto index = [&](const QString &replica) -> qint64 {
        if (replica.isEmpty()) {
            return -1;
        }
        auto it = indexOf.constFind(replica);
        if (it == indexOf.cend()) {
            it = indexOf.insert(replica, replicas.size());
            replicas << replica;
        }
        return *it;
    };

    QCborArray operationArray;
    for (const Operation &op : operations) {
        QCborArray row;
        row.append(op.stamp.hlc);
        row.append(index(op.stamp.replica));
        row.append(op.kind);
        row.append(op.recordId);
        row.append(int(op.type));
        row.append(op.type == Operation::Type::Update ? QCborValue(op.field) : QCborValue(QCborValue::Null));
        row.append(op.value.isNull() ? QCborValue(QCborValue::Null) : QCborValue(op.value));
        row.append(op.base.hlc);
        row.append(index(op.base.replica));
        row.append(op.witness.hlc);
        row.append(index(op.witness.replica));
        operationArray.append(row);
    }
    QCborMap names;
    for (auto it = replicaNames.cbegin(); it != replicaNames.cend(); ++it) {
        names.insert(it.key(), it.value());
    }
    QCborMap knownMap;
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        knownMap.insert(it.key(), it.value());
    }
    QCborArray rangeArray;
    for (const Range &range : ranges) {
        rangeArray.append(QCborArray{range.origin, range.after, range.upTo});
    }
    QCborMap payload;
    payload.insert(u"coalition"_s, coalitionId);
    payload.insert(u"replica"_s, replicaId);
    payload.insert(u"replicaName"_s, replicaName);
    payload.insert(u"createdAt"_s, createdAt);
    payload.insert(u"names"_s, names);
    payload.insert(u"known"_s, knownMap);
    payload.insert(u"ranges"_s, rangeArray);
    payload.insert(u"replicas"_s, QCborArray::fromStringList(replicas));
    payload.insert(u"operations"_s, operationArray);
    const QByteArray compressed = qCompress(payload.toCborValue().toCbor(), 6);

    QByteArray bytes;
    bytes.reserve(HeaderSize + compressed.size() + ChecksumSize);
    bytes.append(Magic.data(), Magic.size());
    char number[8];
    qToBigEndian<quint32>(FormatVersion, number);
    bytes.append(number, 4);
    qToBigEndian<quint64>(quint64(compressed.size()), number);
    bytes.append(number, 8);
    bytes.append(compressed);
    bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    return bytes;
}

Result<Bundle> Bundle::parse(const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        return Error(
            Error::Code::Corrupt,
            i18nc("@info", "The changes file is empty: it may still be being copied, or it was cut short. Nothing was imported. Ask for the file again."));
    }
    if (bytes.size() < qsizetype(Magic.size()) || QByteArrayView(bytes).first(Magic.size()) != Magic) {
        return Error(Error::Code::NotChorus, i18nc("@info", "This file is not a Chorus changes file. Nothing was imported."));
    }
    if (bytes.size() < HeaderSize) {
        return Error(Error::Code::Corrupt, i18nc("@info", "The changes file is incomplete (it was cut short). Nothing was imported. Ask for the file again."));
    }
    const quint32 version = qFromBigEndian<quint32>(bytes.constData() + 8);
    const quint64 length = qFromBigEndian<quint64>(bytes.constData() + 12);
    const bool whole = quint64(bytes.size()) >= quint64(HeaderSize + ChecksumSize) && quint64(bytes.size() - HeaderSize - ChecksumSize) == length;
    const bool intact = whole
        && QCryptographicHash::hash(QByteArrayView(bytes).first(HeaderSize + qsizetype(length)), QCryptographicHash::Sha256)
            == QByteArrayView(bytes).last(ChecksumSize);
    if (version > FormatVersion) {
        // A newer Chorus that frames its files as this one does signs them too; one that frames
        // them otherwise is told by a version number that makes sense. A damaged version number
        // (a flipped byte, random bytes after the magic) is damage, not a reason to update.
        if (intact || (!whole && version <= MaxPlausibleVersion)) {
            return Error(Error::Code::NewerVersion,
                         i18nc("@info", "The changes file was written by a newer version of Chorus. Nothing was imported. Update Chorus to import it."));
        }
        return damaged();
    }
    if (quint64(bytes.size()) < quint64(HeaderSize + ChecksumSize) || quint64(bytes.size() - HeaderSize - ChecksumSize) < length) {
        return Error(Error::Code::Corrupt, i18nc("@info", "The changes file is incomplete (it was cut short). Nothing was imported. Ask for the file again."));
    }
    if (!intact) {
        return damaged();
    }
    const QByteArray cbor = qUncompress(bytes.sliced(HeaderSize, qsizetype(length)));
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(cbor, &parseError);
    if (cbor.isEmpty() || parseError.error != QCborError::NoError || !root.isMap()) {
        return unreadable();
    }
    const QCborMap payload = root.toMap();
    Bundle bundle;
    bundle.coalitionId = payload.value(u"coalition"_s).toString();
    bundle.replicaId = payload.value(u"replica"_s).toString();
    bundle.replicaName = payload.value(u"replicaName"_s).toString();
    bundle.createdAt = payload.value(u"createdAt"_s).toInteger();
    if (bundle.coalitionId.isEmpty() || bundle.replicaId.isEmpty()) {
        return unreadable();
    }
    const QCborMap names = payload.value(u"names"_s).toMap();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        bundle.replicaNames.insert(it.key().toString(), it.value().toString());
    }
    const QCborMap knownMap = payload.value(u"known"_s).toMap();
    for (auto it = knownMap.cbegin(); it != knownMap.cend(); ++it) {
        bundle.known.insert(it.key().toString(), it.value().toInteger());
    }
    for (const QCborValue &value : payload.value(u"ranges"_s).toArray()) {
        const QCborArray range = value.toArray();
        if (range.size() != 3) {
            return unreadable();
        }
        bundle.ranges.append({range.at(0).toString(), range.at(1).toInteger(), range.at(2).toInteger()});
    }
    const QCborArray replicaArray = payload.value(u"replicas"_s).toArray();
    QStringList replicas;
    for (const QCborValue &value : replicaArray) {
        replicas << value.toString();
    }
    const auto replica = [&](const QCborValue &value, bool &ok) -> QString {
        const qint64 i = value.toInteger(-2);
        if (i == -1) {
            return {};
        }
        if (i < 0 || i >= replicas.size()) {
            ok = false;
            return {};
        }
        return replicas.at(i);
    };
    const QCborArray operationArray = payload.value(u"operations"_s).toArray();
    bundle.operations.reserve(operationArray.size());
    for (const QCborValue &value : operationArray) {
        const QCborArray row = value.toArray();
        if (row.size() != ColumnCount) {
            return unreadable();
        }
        bool ok = true;
        Operation op;
        op.stamp = {row.at(Hlc).toInteger(), replica(row.at(ReplicaIndex), ok)};
        op.kind = row.at(Kind).toString();
        op.recordId = row.at(RecordId).toString();
        const qint64 type = row.at(Type).toInteger(-1);
        if (type < 0 || type > int(Operation::Type::Delete)) {
            return unreadable();
        }
        op.type = Operation::Type(type);
        op.field = row.at(Field).toString();
        if (row.at(Value).isString()) {
            op.value = row.at(Value).toString();
        }
        op.base = {row.at(BaseHlc).toInteger(), replica(row.at(BaseReplica), ok)};
        op.witness = {row.at(WitnessHlc).toInteger(), replica(row.at(WitnessReplica), ok)};
        if (!ok) {
            return unreadable();
        }
        bundle.operations.append(std::move(op));
    }
    return bundle;
}

} // namespace Chorus::Sync
