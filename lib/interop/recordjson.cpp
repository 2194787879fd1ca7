// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordjson.h"

#include <KLocalizedString>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

QJsonObject recordToJson(Kind kind, const Record &record)
{
    QJsonObject object;
    object.insert(u"id"_s, record.value(u"id"_s).toString());
    for (const Field &field : entity(kind).fields) {
        const QVariant value = record.value(field.name);
        if (!value.isValid() || value.isNull()) {
            object.insert(field.name, QJsonValue::Null);
            continue;
        }
        switch (field.type) {
        case FieldType::Boolean:
            object.insert(field.name, value.toBool());
            break;
        case FieldType::Count:
        case FieldType::Integer:
            object.insert(field.name, value.toLongLong());
            break;
        case FieldType::Blob:
            object.insert(field.name, QString::fromLatin1(value.toByteArray().toBase64()));
            break;
        default:
            object.insert(field.name, value.toString());
        }
    }
    return object;
}

Result<Record> recordFromJson(Kind kind, const QJsonObject &object, const QString &where)
{
    const EntityInfo &info = entity(kind);
    Record record;
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || id.toString().isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info %1 says which record", "%1: the id is missing.", where));
    }
    record.insert(u"id"_s, id.toString());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == u"id") {
            continue;
        }
        const Field *field = info.field(it.key());
        if (!field) {
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 says which record, %2 a field name",
                               "%1: Chorus does not know the field “%2” (was the file written by a newer Chorus?).",
                               where,
                               it.key()));
        }
        const QJsonValue value = it.value();
        if (value.isNull() || value.isUndefined()) {
            record.insert(field->name, QVariant());
            continue;
        }
        bool ok = true;
        switch (field->type) {
        case FieldType::Boolean:
            ok = value.isBool();
            record.insert(field->name, value.toBool());
            break;
        case FieldType::Count:
        case FieldType::Integer:
            // Whole, and within the numbers a double holds exactly (a cast of a larger one is undefined).
            ok = value.isDouble() && std::trunc(value.toDouble()) == value.toDouble() && std::abs(value.toDouble()) <= 9007199254740992.0;
            record.insert(field->name, ok ? qint64(value.toDouble()) : qint64(0));
            break;
        case FieldType::Blob: {
            ok = value.isString();
            auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            ok = ok && bool(decoded);
            record.insert(field->name, decoded.decoded);
            break;
        }
        default:
            ok = value.isString();
            record.insert(field->name, value.toString());
        }
        if (!ok) {
            QString expected;
            switch (field->type) {
            case FieldType::Boolean:
                expected = i18nc("@info what a JSON value should be", "true or false");
                break;
            case FieldType::Count:
            case FieldType::Integer:
                expected = i18nc("@info what a JSON value should be", "a whole number (without quotation marks)");
                break;
            case FieldType::Blob:
                expected = i18nc("@info what a JSON value should be", "base64 text (in quotation marks)");
                break;
            default:
                expected = i18nc("@info what a JSON value should be", "text (in quotation marks)");
            }
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 says which record, %2 a field, %3 the field's name in the file, %4 what the value should be",
                               "%1: the value of the %2 (“%3”) has the wrong type: %4 is expected.",
                               where,
                               fieldLabel(kind, field->name),
                               field->name,
                               expected));
        }
    }
    return record;
}

} // namespace Chorus::Interop
