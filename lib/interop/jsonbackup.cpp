// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "jsonbackup.h"

#include "interop/recordjson.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

namespace
{

/// The records of one campaign: its own, those of its events and sites, its member
/// organizations and their people, and whatever these point at.
QHash<Kind, QSet<QString>> campaignClosure(Store::Store &store, const QString &campaignId, const QHash<Kind, QList<Record>> &all)
{
    QHash<Kind, QSet<QString>> included;
    included[Kind::Campaign].insert(campaignId);
    const QList<Kind> children =
        {Kind::Membership, Kind::Petition, Kind::Event, Kind::Site, Kind::RunOfShowItem, Kind::Quote, Kind::Task, Kind::Fact, Kind::PressKit};
    bool grew = true;
    while (grew) {
        grew = false;
        for (Kind kind : children) {
            for (const Record &record : all.value(kind)) {
                const QString id = record.value(u"id"_s).toString();
                if (included[kind].contains(id)) {
                    continue;
                }
                for (const Field &field : entity(kind).fields) {
                    if (field.type != FieldType::Reference) {
                        continue;
                    }
                    const Kind target = *field.references;
                    if ((target == Kind::Campaign || target == Kind::Event || target == Kind::Site)
                        && included[target].contains(record.value(field.name).toString())) {
                        included[kind].insert(id);
                        grew = true;
                        break;
                    }
                }
            }
        }
    }
    for (const Record &membership : all.value(Kind::Membership)) {
        if (included[Kind::Membership].contains(membership.value(u"id"_s).toString())) {
            included[Kind::Organization].insert(membership.value(u"organization_id"_s).toString());
        }
    }
    for (const Record &person : all.value(Kind::Person)) {
        if (included[Kind::Organization].contains(person.value(u"organization_id"_s).toString())) {
            included[Kind::Person].insert(person.value(u"id"_s).toString());
        }
    }
    // Whatever an included record points at comes along, so that the file stands on its own.
    grew = true;
    while (grew) {
        grew = false;
        for (Kind kind : allKinds()) {
            for (const Record &record : all.value(kind)) {
                if (!included[kind].contains(record.value(u"id"_s).toString())) {
                    continue;
                }
                for (const Field &field : entity(kind).fields) {
                    const QString target = record.value(field.name).toString();
                    if (field.type == FieldType::Reference && !target.isEmpty() && !included[*field.references].contains(target)) {
                        included[*field.references].insert(target);
                        grew = true;
                    }
                }
            }
        }
    }
    Q_UNUSED(store);
    return included;
}

/// The line an offset falls on, as text: "1469", not "1,469", which reads as two numbers.
QString lineOf(const QByteArray &json, int offset)
{
    return QString::number(json.left(offset).count('\n') + 1);
}

/// What the JSON parser found wrong, translated (Qt's own strings are not).
QString parseProblem(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return i18nc("@info a JSON syntax error", "an object is not closed, or a comma or a closing brace } is missing");
    case QJsonParseError::MissingNameSeparator:
        return i18nc("@info a JSON syntax error", "a colon : is missing after a member name");
    case QJsonParseError::UnterminatedArray:
        return i18nc("@info a JSON syntax error", "a list is not closed, or a comma or a closing bracket ] is missing");
    case QJsonParseError::MissingValueSeparator:
        return i18nc("@info a JSON syntax error", "a comma is missing between two values");
    case QJsonParseError::IllegalValue:
        return i18nc("@info a JSON syntax error", "a value is not valid JSON (text must be in double quotes; no comma may follow the last value)");
    case QJsonParseError::TerminationByNumber:
        return i18nc("@info a JSON syntax error", "the file ends in the middle of a number");
    case QJsonParseError::IllegalNumber:
        return i18nc("@info a JSON syntax error", "a number is not valid");
    case QJsonParseError::IllegalEscapeSequence:
        return i18nc("@info a JSON syntax error", "a backslash \\ in a text starts no valid escape");
    case QJsonParseError::IllegalUTF8String:
        return i18nc("@info a JSON syntax error", "a text is not valid UTF-8");
    case QJsonParseError::UnterminatedString:
        return i18nc("@info a JSON syntax error", "a text is not closed (its closing quotation mark \" is missing)");
    case QJsonParseError::MissingObject:
        return i18nc("@info a JSON syntax error", "a member \"name\": value is expected (no comma may follow the last member of an object)");
    case QJsonParseError::DeepNesting:
        return i18nc("@info a JSON syntax error", "the values are nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return i18nc("@info a JSON syntax error", "the file is too large");
    case QJsonParseError::GarbageAtEnd:
        return i18nc("@info a JSON syntax error", "something follows the end of the document");
    case QJsonParseError::NoError:
        break;
    }
    return i18nc("@info a JSON syntax error", "the text is not valid JSON");
}

} // namespace

Result<QByteArray> JsonBackup::exportData(Store::Store &store, const QString &campaign)
{
    QHash<Kind, QList<Record>> all;
    for (Kind kind : allKinds()) {
        all.insert(kind, store.fetchAll(kind));
    }
    QJsonObject document;
    document.insert(u"format"_s, QString(FormatName));
    document.insert(u"version"_s, FormatVersion);
    std::optional<QHash<Kind, QSet<QString>>> only;
    if (!campaign.isEmpty()) {
        QString campaignId;
        for (const Record &record : all.value(Kind::Campaign)) {
            if (record.value(u"id"_s).toString() == campaign || record.value(u"name"_s).toString() == campaign) {
                campaignId = record.value(u"id"_s).toString();
                break;
            }
        }
        if (campaignId.isEmpty()) {
            return Error(Error::Code::NotFound,
                         i18nc("@info %1 is what the user typed", "There is no campaign “%1” (give its exact name or its id).", campaign));
        }
        document.insert(u"scope"_s, u"campaign"_s);
        document.insert(u"campaign"_s, campaignId);
        only = campaignClosure(store, campaignId, all);
    } else {
        document.insert(u"scope"_s, u"database"_s);
    }

    QJsonObject records;
    for (Kind kind : allKinds()) {
        QList<Record> list = all.value(kind);
        std::sort(list.begin(), list.end(), [](const Record &a, const Record &b) {
            return a.value(u"id"_s).toString() < b.value(u"id"_s).toString();
        });
        QJsonArray array;
        for (const Record &record : std::as_const(list)) {
            if (!only || only->value(kind).contains(record.value(u"id"_s).toString())) {
                array.append(recordToJson(kind, record));
            }
        }
        records.insert(entity(kind).table, array);
    }
    document.insert(u"records"_s, records);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

Result<JsonImportSummary> JsonBackup::importData(Store::Store &store, const QByteArray &file)
{
    // JSON is UTF-8, but a file edited by hand may have been saved in UTF-16 (Windows Notepad's
    // "Unicode") or with a byte order mark.
    QByteArray json = file;
    if (const auto bom = QStringConverter::encodingForData(file); bom) {
        QStringDecoder decoder(*bom);
        json = QString(decoder.decode(file)).toUtf8();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 is a line number, %2 the parser's reason",
                           "The file is not a Chorus JSON backup: it is not valid JSON (line %1: %2).",
                           lineOf(json, parseError.offset),
                           parseProblem(parseError.error)));
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != FormatName) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is not a Chorus JSON backup (its “format” is not “chorus-backup”)."));
    }
    const QJsonValue versionValue = root.value(u"version"_s);
    if (!versionValue.isUndefined() && !versionValue.isNull() && (!versionValue.isDouble() || versionValue.toInt(-1) < 1)) {
        return Error(Error::Code::Invalid,
                     i18nc("@info", "The file is not a Chorus JSON backup: its format “version” is not a whole number such as 1 (without quotation marks)."));
    }
    const int version = versionValue.toInt(-1);
    if (version > FormatVersion) {
        return Error(Error::Code::NewerVersion,
                     i18nc("@info %1 and %2 are version numbers",
                           "The file was written by a newer Chorus (format version %1); this Chorus reads up to version %2. Update Chorus to import it.",
                           version,
                           FormatVersion));
    }
    if (version < 1) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is not a Chorus JSON backup: its format version is missing."));
    }
    if (!root.value(u"records"_s).isObject()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is not a Chorus JSON backup: it has no “records” object holding the lists of records."));
    }
    const QJsonObject records = root.value(u"records"_s).toObject();
    for (auto it = records.constBegin(); it != records.constEnd(); ++it) {
        bool known = false;
        for (Kind kind : allKinds()) {
            known = known || entity(kind).table == it.key();
        }
        if (!known || !it.value().isArray()) {
            return Error(
                Error::Code::Invalid,
                i18nc("@info %1 is a name in the file", "The file holds “%1”, which this Chorus does not know (was it written by a newer Chorus?).", it.key()));
        }
    }

    // Read everything first: a bad record stops the import before anything is written.
    struct Item {
        Kind kind;
        QString where;
        Record record;
    };
    QList<Item> items;
    // An id names one record: twice in the file (a record copied by hand), the second would
    // silently overwrite the first.
    QHash<QString, QString> placeOfId;
    for (Kind kind : allKinds()) {
        const QJsonArray array = records.value(entity(kind).table).toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString where =
                i18nc("@info which record of a file; %1 is a number, %2 a list name", "Record %1 of %2", QString::number(i + 1), entity(kind).table);
            if (!array.at(i).isObject()) {
                return Error(Error::Code::Invalid, i18nc("@info %1 says which record", "%1: not a JSON object.", where));
            }
            auto record = recordFromJson(kind, array.at(i).toObject(), where);
            if (!record) {
                return record.error();
            }
            const QString id = record.value().value(u"id"_s).toString();
            if (const auto earlier = placeOfId.constFind(id); earlier != placeOfId.constEnd()) {
                return Error(Error::Code::Invalid,
                             i18nc("@info %1 says which record, %2 an id, %3 says which other record",
                                   "%1: the id %2 is already that of another record (%3). Every record needs an id of its own.",
                                   where,
                                   id,
                                   earlier.value()));
            }
            placeOfId.insert(id, where);
            // Each record lists all its fields; one that leaves out a required field would keep
            // the value of the record already in the database, and that is not what the file says.
            for (const Field &field : entity(kind).fields) {
                if (field.required && !array.at(i).toObject().contains(field.name)) {
                    return Error(Error::Code::Invalid,
                                 i18nc("@info %1 says which record, %2 a field name, %3 its label",
                                       "%1: the field “%2” (%3) is missing, and every record of this kind needs it.",
                                       where,
                                       field.name,
                                       fieldLabel(kind, field.name)));
                }
            }
            items.append({kind, where, record.value()});
        }
    }

    // References to records that come later (an organization's press contact, a quote's
    // original) are set in a second pass, once everything exists.
    const auto deferred = [](Kind kind, const Field &field) {
        return field.type == FieldType::Reference && allKinds().indexOf(*field.references) >= allKinds().indexOf(kind);
    };
    JsonImportSummary summary;
    auto done = store.transact([&]() -> Result<void> {
        for (const Item &item : std::as_const(items)) {
            Record first = item.record;
            for (const Field &field : entity(item.kind).fields) {
                if (deferred(item.kind, field)) {
                    first.remove(field.name);
                }
            }
            const QString id = item.record.value(u"id"_s).toString();
            if (store.fetch(item.kind, id)) {
                first.remove(u"id"_s);
                if (auto updated = store.update(item.kind, id, first); !updated) {
                    return Error(updated.error().code(), item.where + u": "_s + updated.error().message());
                }
                ++summary.updated[item.kind];
            } else {
                if (auto created = store.create(item.kind, first); !created) {
                    return Error(created.error().code(), item.where + u": "_s + created.error().message());
                }
                ++summary.created[item.kind];
            }
        }
        for (const Item &item : std::as_const(items)) {
            Record second;
            for (const Field &field : entity(item.kind).fields) {
                if (deferred(item.kind, field) && item.record.contains(field.name)) {
                    second.insert(field.name, item.record.value(field.name));
                }
            }
            if (second.isEmpty()) {
                continue;
            }
            if (auto updated = store.update(item.kind, item.record.value(u"id"_s).toString(), second); !updated) {
                return Error(updated.error().code(), item.where + u": "_s + updated.error().message());
            }
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return summary;
}

} // namespace Chorus::Interop
