// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "democoalition.h"

#include "store.h"
#include "store_debug.h"

#include <KLocalizedString>

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QUuid>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Store
{

namespace
{

// Ids are derived from the keys within this fixed namespace, so the demo's records have the same
// ids in every database: a second load is recognized, and two demo databases can be merged.
constexpr QUuid idNamespace(0x2e8f86f6, 0x1fb8, 0x4edd, 0x97, 0x2d, 0xed, 0xb3, 0xe8, 0xe3, 0xc1, 0xce);

/// One record of the file: plain values as they will be stored, reference fields still as keys.
struct Entry {
    Kind kind = Kind::Organization;
    QString key;
    QString id;
    Record values;
    QStringList referenceFields;
    QList<std::pair<QString, QString>> listedKeys; ///< field, key: the records a list field names
};

QString idFor(const QString &key)
{
    return QUuid::createUuidV5(idNamespace, key).toString(QUuid::WithoutBraces);
}

Error unreadable(const QString &reason)
{
    return Error(Error::Code::Invalid, i18nc("@info %1 is the reason", "The demo coalition could not be read: %1.", reason));
}

/// The JSON value of a non-reference field as a record value; nothing when its type is wrong.
std::optional<QVariant> fieldValue(const Field &field, const QJsonValue &value)
{
    if (value.isNull()) {
        return QVariant();
    }
    switch (field.type) {
    case FieldType::Boolean:
        if (value.isBool()) {
            return QVariant(value.toBool());
        }
        return std::nullopt;
    case FieldType::Count:
    case FieldType::Integer: {
        const double number = value.toDouble(0.5);
        if (!value.isDouble() || std::trunc(number) != number || std::abs(number) > 1e15) {
            return std::nullopt;
        }
        return QVariant(qint64(number));
    }
    case FieldType::Json:
        // Settings are easier to read as a nested object; they are stored as a JSON text.
        if (value.isObject()) {
            return QVariant(QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
        }
        if (value.isArray()) {
            return QVariant(QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
        }
        break;
    case FieldType::Blob:
        if (value.isString()) {
            return QVariant(QByteArray::fromBase64(value.toString().toLatin1()));
        }
        return std::nullopt;
    default:
        break;
    }
    if (value.isString()) {
        return QVariant(value.toString());
    }
    return std::nullopt;
}

Result<QList<Entry>> parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return unreadable(
            i18nc("@info reason a file cannot be read; %1 is the JSON parser's message", "%1 at character %2", parseError.errorString(), parseError.offset));
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format").toString() != u"chorus-demo" || root.value(u"version").toInt() != 1
        || !root.value(u"records").isObject()) {
        return unreadable(i18nc("@info reason a file cannot be read", "it is not a Chorus demo file of version 1"));
    }
    const QJsonObject records = root.value(u"records").toObject();
    for (auto it = records.constBegin(); it != records.constEnd(); ++it) {
        if (!kindFromKey(it.key())) {
            return unreadable(i18nc("@info reason a file cannot be read", "there is no kind of record called “%1”", it.key()));
        }
    }

    QList<Entry> entries;
    QHash<QString, qsizetype> indexOfKey;
    // Kinds in the order of allKinds(): records are created after those they refer to, except
    // for the few references that point forward (an organization's press contact).
    for (Kind kind : allKinds()) {
        const EntityInfo &info = entity(kind);
        const QJsonValue list = records.value(info.key);
        if (list.isUndefined()) {
            continue;
        }
        if (!list.isArray()) {
            return unreadable(i18nc("@info reason a file cannot be read; %1 is a kind of record", "the %1 records are not a list", info.key));
        }
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject object = array.at(i).toObject();
            const QString key = object.value(u"key").toString().trimmed();
            if (key.isEmpty()) {
                return unreadable(i18nc("@info reason a file cannot be read; %1 is a kind of record, %2 a position in its list",
                                        "entry %2 of the %1 list is not a record with a key",
                                        info.key,
                                        i + 1));
            }
            if (indexOfKey.contains(key)) {
                return unreadable(i18nc("@info reason a file cannot be read", "the key “%1” is used twice", key));
            }
            Entry entry{kind, key, idFor(key), {}, {}, {}};
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (it.key() == u"key") {
                    continue;
                }
                const Field *field = info.field(it.key());
                if (!field) {
                    return unreadable(i18nc("@info reason a file cannot be read", "the record “%1” has no field called “%2”", key, it.key()));
                }
                std::optional<QVariant> value;
                if (field->type == FieldType::Json && field->references && it.value().isArray()) {
                    // A list of records (a press kit's quotes): keys in the file, ids in the store.
                    QJsonArray ids;
                    for (const QJsonValue &target : it.value().toArray()) {
                        entry.listedKeys.append({field->name, target.toString()});
                        ids.append(idFor(target.toString()));
                    }
                    value = QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
                } else if (field->type == FieldType::Reference) {
                    if (it.value().isString()) {
                        value = it.value().toString();
                        entry.referenceFields << field->name;
                    } else if (it.value().isNull()) {
                        value = QVariant();
                    }
                } else {
                    value = fieldValue(*field, it.value());
                }
                if (!value) {
                    return unreadable(i18nc("@info reason a file cannot be read; %2 is a field",
                                            "the %2 of the record “%1” has a value of the wrong type",
                                            key,
                                            fieldLabel(kind, field->name)));
                }
                entry.values.insert(field->name, *value);
            }
            indexOfKey.insert(key, entries.size());
            entries.append(entry);
        }
    }

    for (const Entry &entry : std::as_const(entries)) {
        QList<std::pair<QString, QString>> targets = entry.listedKeys;
        for (const QString &name : entry.referenceFields) {
            targets.append({name, entry.values.value(name).toString()});
        }
        for (const auto &[name, target] : std::as_const(targets)) {
            const Kind expected = *entity(entry.kind).field(name)->references;
            const auto found = indexOfKey.constFind(target);
            if (found == indexOfKey.constEnd() || entries.at(*found).kind != expected) {
                return unreadable(i18nc("@info reason a file cannot be read; %2 is a field, %4 a kind of record",
                                        "the %2 of the record “%1” is “%3”, which is not the key of any %4 in the file",
                                        entry.key,
                                        fieldLabel(entry.kind, name),
                                        target,
                                        kindLabel(expected)));
            }
        }
    }
    return entries;
}

/**
 * A simple emblem for a demo organization: white shapes on a rounded square of its colour,
 * drawn here so that the demo needs no image files. Shapes only: no font is needed to draw it.
 */
QByteArray demoLogo(const QString &key)
{
    static const QHash<QString, std::pair<int, QRgb>> emblems = {
        {u"org-rio-verde"_s, {0, qRgb(0x1f, 0x7a, 0x4d)}},
        {u"org-cloud-workers"_s, {1, qRgb(0x1d, 0x5f, 0xa8)}},
        {u"org-digital-liberty"_s, {2, qRgb(0x5b, 0x3c, 0x88)}},
        {u"org-lantern-legal"_s, {3, qRgb(0xc2, 0x6a, 0x0e)}},
        {u"org-northstar"_s, {4, qRgb(0x14, 0x21, 0x3d)}},
    };
    const auto emblem = emblems.constFind(key);
    if (emblem == emblems.constEnd()) {
        return {};
    }
    const qreal size = 240;
    QImage image(int(size), int(size), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(emblem->second));
    painter.drawRoundedRect(QRectF(0, 0, size, size), 36, 36);
    painter.setBrush(Qt::white);
    switch (emblem->first) {
    case 0: { // a river: three waves
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 16, Qt::SolidLine, Qt::RoundCap));
        for (int i = 0; i < 3; ++i) {
            QPainterPath wave;
            const qreal y = 78 + i * 42;
            wave.moveTo(44, y);
            wave.cubicTo(84, y - 30, 110, y + 30, 150, y);
            wave.cubicTo(170, y - 15, 185, y - 15, 196, y);
            painter.drawPath(wave);
        }
        break;
    }
    case 1: // a cloud
        painter.drawEllipse(QPointF(92, 132), 42, 42);
        painter.drawEllipse(QPointF(140, 112), 54, 54);
        painter.drawEllipse(QPointF(176, 142), 32, 32);
        painter.drawRoundedRect(QRectF(50, 134, 158, 40), 20, 20);
        break;
    case 2: { // a shield
        QPainterPath shield;
        shield.moveTo(120, 40);
        shield.lineTo(188, 66);
        shield.cubicTo(188, 140, 160, 180, 120, 204);
        shield.cubicTo(80, 180, 52, 140, 52, 66);
        shield.closeSubpath();
        painter.drawPath(shield);
        painter.setBrush(QColor(emblem->second));
        painter.drawRect(QRectF(112, 70, 16, 100));
        break;
    }
    case 3: // a lantern
        painter.drawRoundedRect(QRectF(96, 36, 48, 20), 6, 6);
        painter.drawEllipse(QRectF(70, 62, 100, 120));
        painter.drawRoundedRect(QRectF(90, 182, 60, 20), 6, 6);
        painter.setBrush(QColor(emblem->second));
        painter.drawEllipse(QRectF(104, 96, 32, 52));
        break;
    default: { // a star
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const qreal radius = i % 2 == 0 ? 88 : 36;
            const qreal angle = -M_PI / 2 + i * M_PI / 5;
            star << QPointF(120 + radius * std::cos(angle), 126 + radius * std::sin(angle));
        }
        painter.drawPolygon(star);
        break;
    }
    }
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

/// Creates the records in file order; references to records not created yet are set afterwards.
Result<void> createAll(Store &store, const QList<Entry> &entries)
{
    QSet<QString> created;
    QList<std::pair<const Entry *, Record>> later;
    for (const Entry &entry : entries) {
        Record record{{u"id"_s, entry.id}};
        if (entry.kind == Kind::Organization && !entry.values.contains(u"logo"_s)) {
            if (const QByteArray logo = demoLogo(entry.key); !logo.isEmpty()) {
                record.insert(u"logo"_s, logo);
            }
        }
        Record forward;
        for (auto it = entry.values.constBegin(); it != entry.values.constEnd(); ++it) {
            if (!entry.referenceFields.contains(it.key())) {
                record.insert(it.key(), it.value());
                continue;
            }
            const QString target = idFor(it.value().toString());
            if (created.contains(target)) {
                record.insert(it.key(), target);
            } else {
                forward.insert(it.key(), target);
            }
        }
        if (auto done = store.create(entry.kind, record); !done) {
            return done.error();
        }
        created.insert(entry.id);
        if (!forward.isEmpty()) {
            later.append({&entry, forward});
        }
    }
    for (const auto &[entry, forward] : std::as_const(later)) {
        if (auto done = store.update(entry->kind, entry->id, forward); !done) {
            return done;
        }
    }
    return {};
}

} // namespace

Result<void> loadDemoCoalition(Store &store)
{
    QFile file(u":/chorus/demo/demo-coalition.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(CHORUS_STORE) << "demo coalition resource missing:" << file.fileName();
        return unreadable(i18nc("@info reason a file cannot be read", "it is missing from this build of Chorus"));
    }
    return loadDemoCoalition(store, file.readAll());
}

Result<void> loadDemoCoalition(Store &store, const QByteArray &json)
{
    auto parsed = parse(json);
    if (!parsed) {
        return parsed.error();
    }
    const QList<Entry> &entries = parsed.value();

    // The ids are fixed, so any of them already present means the demo (or part of it) is there.
    for (const Entry &entry : entries) {
        if (const std::optional<Record> existing = store.fetch(entry.kind, entry.id)) {
            return Error(Error::Code::Refused,
                         i18nc("@info %1 names a record",
                               "The demo coalition is already in this database (%1 is one of its records). Load it into a new database instead.",
                               store.recordLabel(entry.kind, *existing)));
        }
    }

    auto loaded = store.transact([&store, &entries]() {
        return createAll(store, entries);
    });
    if (!loaded) {
        return Error(loaded.error().code(),
                     i18nc("@info %1 is the reason, a sentence", "The demo coalition was not loaded, and nothing was changed. %1", loaded.error().message()));
    }
    qCDebug(CHORUS_STORE) << "demo coalition loaded:" << entries.size() << "records";
    return {};
}

} // namespace Chorus::Store
