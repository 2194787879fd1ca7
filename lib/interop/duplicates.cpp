// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "duplicates.h"

#include "domain/validation.h"
#include "interop/recordjson.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

namespace
{

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool isEmptyValue(const QVariant &value)
{
    return !value.isValid() || value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
}

Error storageError(Store::Store &store)
{
    return store.database().lastError();
}

} // namespace

QString Duplicates::matchKey(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (space && !key.isEmpty()) {
                key.append(u' ');
            }
            // Letters whose diacritic Unicode does not split off: "Łódź" is typed "Lodz", "Bjørn" "Bjorn".
            switch (c.toCaseFolded().unicode()) {
            case u'ł':
                key.append(u'l');
                break;
            case u'ø':
                key.append(u'o');
                break;
            case u'đ':
            case u'ð':
                key.append(u'd');
                break;
            case u'ħ':
                key.append(u'h');
                break;
            case u'ı':
                key.append(u'i');
                break;
            case u'æ':
                key.append(u"ae"_s);
                break;
            case u'œ':
                key.append(u"oe"_s);
                break;
            case u'þ':
                key.append(u"th"_s);
                break;
            default:
                key.append(c.toCaseFolded());
            }
            space = false;
        } else if (c.category() != QChar::Mark_NonSpacing && c != u'\'' && c != u'’' && c != u'.') {
            // Apostrophes and dots join ("O'Brien" = "OBrien", "U.S." = "US"); other marks separate.
            space = true;
        }
    }
    if (key.startsWith(u"the "_s)) {
        key.remove(0, 4);
    }
    return key;
}

QList<DuplicateGroup> Duplicates::find(Store::Store &store)
{
    QList<DuplicateGroup> groups;
    QSet<QStringList> seen;
    const auto addGroups = [&](Kind kind, const QHash<QString, QStringList> &byKey, const auto &reason) {
        QStringList keys = byKey.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            const QStringList &ids = byKey.value(key);
            if (ids.size() > 1 && !seen.contains(ids)) {
                seen.insert(ids);
                groups.append({kind, ids, reason(key)});
            }
        }
    };

    QHash<QString, QStringList> organizations;
    QHash<QString, QString> organizationNames;
    Storage::Statement readOrganizations = store.database().prepare(u"SELECT id, name FROM organizations ORDER BY rid"_s);
    while (readOrganizations.step()) {
        const QString key = matchKey(readOrganizations.text(1));
        organizations[key].append(readOrganizations.text(0));
        organizationNames.insert(key, readOrganizations.text(1));
    }
    addGroups(Kind::Organization, organizations, [&](const QString &key) {
        return i18nc("@info why records look alike; %1 is a name", "same name “%1”", organizationNames.value(key));
    });

    QHash<QString, QStringList> byEmail;
    QHash<QString, QStringList> byName;
    QHash<QString, QSet<QString>> emailsByName;
    QHash<QString, QString> personNames;
    Storage::Statement readPeople = store.database().prepare(u"SELECT id, name, coalesce(organization_id, ''), coalesce(email, '') FROM people ORDER BY rid"_s);
    while (readPeople.step()) {
        const QString id = readPeople.text(0);
        if (const QString email = readPeople.text(3).trimmed().toCaseFolded(); !email.isEmpty()) {
            byEmail[email].append(id);
        }
        const QString key = readPeople.text(2) + u'\x1f' + matchKey(readPeople.text(1));
        byName[key].append(id);
        if (const QString email = readPeople.text(3).trimmed().toCaseFolded(); !email.isEmpty()) {
            emailsByName[key].insert(email);
        }
        personNames.insert(key, readPeople.text(1));
    }
    addGroups(Kind::Person, byEmail, [](const QString &email) {
        return i18nc("@info why records look alike; %1 is an e-mail address", "same e-mail address %1", email);
    });
    // Namesakes with different e-mail addresses are different people.
    for (auto it = emailsByName.constBegin(); it != emailsByName.constEnd(); ++it) {
        if (it.value().size() > 1) {
            byName.remove(it.key());
        }
    }
    addGroups(Kind::Person, byName, [&](const QString &key) {
        return i18nc("@info why records look alike; %1 is a name", "same name “%1” in the same organization", personNames.value(key));
    });
    return groups;
}

Result<QString> Duplicates::merge(Store::Store &store, Kind kind, const QString &keptId, const QString &mergedId)
{
    if (keptId == mergedId) {
        return Error(Error::Code::Invalid, i18nc("@info", "A record cannot be merged into itself."));
    }
    const std::optional<Record> kept = store.fetch(kind, keptId);
    const std::optional<Record> merged = store.fetch(kind, mergedId);
    if (!kept || !merged) {
        return Error(Error::Code::NotFound, i18nc("@info %1 is a kind of record", "The %1 to merge does not exist any more.", kindLabel(kind)));
    }
    const QString mergeId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    auto done = store.transact([&]() -> Result<void> {
        // The kept record's values win; its empty fields take the merged record's values.
        Record changes;
        QJsonObject keptBefore;
        for (const Field &field : entity(kind).fields) {
            if (isEmptyValue(kept->value(field.name)) && !isEmptyValue(merged->value(field.name))) {
                changes.insert(field.name, merged->value(field.name));
                keptBefore.insert(field.name, QJsonValue::Null);
            }
        }

        QJsonArray repointed;
        QJsonArray removed;
        for (Kind other : allKinds()) {
            const EntityInfo &info = entity(other);
            for (const Field &field : info.fields) {
                if (field.type != FieldType::Reference || field.references != kind) {
                    continue;
                }
                QStringList dependents;
                Storage::Statement find = store.database().prepare(u"SELECT id FROM %1 WHERE %2 = ? ORDER BY rid"_s.arg(info.table, field.name));
                find.bind(1, mergedId);
                while (find.step()) {
                    dependents << find.text(0);
                }
                if (!find.ok()) {
                    return storageError(store);
                }
                for (const QString &dependent : std::as_const(dependents)) {
                    // A campaign lists an organization once: the merged one's membership goes
                    // when the kept one is already a member.
                    if (other == Kind::Membership) {
                        const std::optional<Record> membership = store.fetch(other, dependent);
                        Storage::Statement twin = store.database().prepare(u"SELECT 1 FROM memberships WHERE campaign_id = ? AND organization_id = ?"_s);
                        twin.bind(1, membership->value(u"campaign_id"_s).toString());
                        twin.bind(2, keptId);
                        if (twin.step()) {
                            removed.append(QJsonObject{{u"kind"_s, info.key}, {u"record"_s, recordToJson(other, *membership)}});
                            if (auto gone = store.remove(other, dependent); !gone) {
                                return gone;
                            }
                            continue;
                        }
                    }
                    if (auto moved = store.update(other, dependent, {{field.name, keptId}}); !moved) {
                        return moved;
                    }
                    repointed.append(QJsonObject{{u"kind"_s, info.key}, {u"id"_s, dependent}, {u"field"_s, field.name}});
                }
            }
        }

        if (!changes.isEmpty()) {
            if (auto updated = store.update(kind, keptId, changes); !updated) {
                return updated;
            }
        }
        if (auto gone = store.remove(kind, mergedId); !gone) {
            return gone;
        }

        Storage::Statement audit = store.database().prepare(
            u"INSERT INTO merge_audit (id, kind, kept_id, merged_id, merged_at, kept_before, merged_record, repointed, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        audit.bind(1, mergeId);
        audit.bind(2, entity(kind).key);
        audit.bind(3, keptId);
        audit.bind(4, mergedId);
        audit.bind(5, formatInstant(QDateTime::currentDateTimeUtc()));
        audit.bind(6, compactJson(keptBefore));
        audit.bind(7, compactJson(recordToJson(kind, *merged)));
        audit.bind(8, compactJson(repointed));
        audit.bind(9, compactJson(removed));
        if (!audit.exec()) {
            return storageError(store);
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return mergeId;
}

Result<QString> Duplicates::mergeValues(Store::Store &store, Kind kind, const QString &keptId, const Record &incoming, const QString &source)
{
    const std::optional<Record> kept = store.fetch(kind, keptId);
    if (!kept) {
        return Error(Error::Code::NotFound, i18nc("@info %1 is a kind of record", "The %1 to merge does not exist any more.", kindLabel(kind)));
    }
    Record changes;
    QJsonObject keptBefore;
    bool lost = false; // a value of the row differs from the kept record's own
    for (const Field &field : entity(kind).fields) {
        const QVariant value = incoming.value(field.name);
        if (isEmptyValue(value)) {
            continue;
        }
        if (isEmptyValue(kept->value(field.name))) {
            changes.insert(field.name, value);
            keptBefore.insert(field.name, QJsonValue::Null);
        } else if (field.name != entity(kind).titleField && field.type != FieldType::Blob
                   && kept->value(field.name).toString().trimmed().compare(value.toString().trimmed(), Qt::CaseInsensitive) != 0) {
            lost = true;
        }
    }
    // A row that brings nothing new and nothing else (the same file imported again) leaves no trace.
    if (changes.isEmpty() && !lost) {
        return QString();
    }
    const QString mergeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto done = store.transact([&]() -> Result<void> {
        // With nothing to fill, the audit still keeps the row: all its values lost.
        if (!changes.isEmpty()) {
            if (auto updated = store.update(kind, keptId, changes); !updated) {
                return updated;
            }
        }
        // What the store made of the values (trimmed, normalized) is what undo compares with.
        Record stored = incoming;
        if (const std::optional<Record> after = store.fetch(kind, keptId)) {
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
                stored.insert(it.key(), after->value(it.key()));
            }
        }
        stored.insert(u"id"_s, QString());
        Storage::Statement audit = store.database().prepare(
            u"INSERT INTO merge_audit (id, kind, kept_id, merged_id, source, merged_at, kept_before, merged_record, repointed, removed) VALUES (?, ?, ?, '', ?, ?, ?, ?, '[]', '[]')"_s);
        audit.bind(1, mergeId);
        audit.bind(2, entity(kind).key);
        audit.bind(3, keptId);
        audit.bind(4, source);
        audit.bind(5, formatInstant(QDateTime::currentDateTimeUtc()));
        audit.bind(6, compactJson(keptBefore));
        audit.bind(7, compactJson(recordToJson(kind, stored)));
        if (!audit.exec()) {
            return storageError(store);
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return mergeId;
}

Result<void> Duplicates::undoMerge(Store::Store &store, const QString &mergeId)
{
    Storage::Statement read =
        store.database().prepare(u"SELECT kind, kept_id, merged_id, kept_before, merged_record, repointed, removed, undone_at FROM merge_audit WHERE id = ?"_s);
    read.bind(1, mergeId);
    if (!read.step()) {
        return Error(Error::Code::NotFound, i18nc("@info", "There is no such merge to undo."));
    }
    if (!read.isNull(7)) {
        return Error(Error::Code::Refused, i18nc("@info", "This merge was already undone."));
    }
    const std::optional<Kind> kind = kindFromKey(read.text(0));
    const QString keptId = read.text(1);
    const QString mergedId = read.text(2);
    const QJsonObject keptBefore = QJsonDocument::fromJson(read.text(3).toUtf8()).object();
    const QJsonObject mergedJson = QJsonDocument::fromJson(read.text(4).toUtf8()).object();
    const QJsonArray repointed = QJsonDocument::fromJson(read.text(5).toUtf8()).array();
    const QJsonArray removed = QJsonDocument::fromJson(read.text(6).toUtf8()).array();
    read.reset();
    if (!kind) {
        return Error(Error::Code::Corrupt, i18nc("@info", "The record of this merge is damaged; it cannot be undone."));
    }
    // Values merged in from a file have no id: there is no record to bring back.
    QJsonObject readable = mergedJson;
    if (mergedId.isEmpty()) {
        readable.insert(u"id"_s, QUuid().toString(QUuid::WithoutBraces));
    }
    auto mergedRecord = recordFromJson(*kind, readable, kindLabel(*kind));
    if (!mergedRecord) {
        return mergedRecord.error();
    }
    if (!mergedId.isEmpty() && store.fetch(*kind, mergedId)) {
        return Error(Error::Code::Refused, i18nc("@info", "The merged record exists again, so this merge cannot be undone."));
    }

    return store.transact([&]() -> Result<void> {
        if (!mergedId.isEmpty()) {
            if (auto back = store.create(*kind, mergedRecord.value()); !back) {
                return back.error();
            }
        }
        for (const QJsonValue &entry : removed) {
            const QJsonObject object = entry.toObject();
            const std::optional<Kind> removedKind = kindFromKey(object.value(u"kind"_s).toString());
            if (!removedKind) {
                continue;
            }
            auto record = recordFromJson(*removedKind, object.value(u"record"_s).toObject(), kindLabel(*removedKind));
            if (!record) {
                return record.error();
            }
            if (auto back = store.create(*removedKind, record.value()); !back) {
                return back.error();
            }
        }
        for (const QJsonValue &entry : repointed) {
            const QJsonObject object = entry.toObject();
            const std::optional<Kind> dependentKind = kindFromKey(object.value(u"kind"_s).toString());
            const QString field = object.value(u"field"_s).toString();
            if (!dependentKind) {
                continue;
            }
            const std::optional<Record> dependent = store.fetch(*dependentKind, object.value(u"id"_s).toString());
            // Links changed since the merge were changed by someone on purpose: they stay.
            if (!dependent || dependent->value(field).toString() != keptId) {
                continue;
            }
            if (auto moved = store.update(*dependentKind, dependent->value(u"id"_s).toString(), {{field, mergedId}}); !moved) {
                return moved;
            }
        }
        if (const std::optional<Record> kept = store.fetch(*kind, keptId); kept) {
            Record restore;
            for (auto it = keptBefore.constBegin(); it != keptBefore.constEnd(); ++it) {
                // Only values still as the merge left them go back.
                if (kept->value(it.key()) == mergedRecord.value().value(it.key())) {
                    restore.insert(it.key(), QVariant());
                }
            }
            if (!restore.isEmpty()) {
                if (auto updated = store.update(*kind, keptId, restore); !updated) {
                    return updated;
                }
            }
        }
        Storage::Statement mark = store.database().prepare(u"UPDATE merge_audit SET undone_at = ? WHERE id = ?"_s);
        mark.bind(1, formatInstant(QDateTime::currentDateTimeUtc()));
        mark.bind(2, mergeId);
        if (!mark.exec()) {
            return storageError(store);
        }
        return {};
    });
}

QList<MergeEntry> Duplicates::history(Store::Store &store)
{
    QList<MergeEntry> entries;
    Storage::Statement read = store.database().prepare(
        u"SELECT id, kind, kept_id, merged_id, json_extract(merged_record, '$.name'), merged_at, undone_at IS NOT NULL, coalesce(source, ''), kept_before, merged_record FROM merge_audit ORDER BY merged_at DESC, id"_s);
    while (read.step()) {
        MergeEntry entry;
        entry.id = read.text(0);
        entry.kind = kindFromKey(read.text(1)).value_or(Kind::Person);
        entry.keptId = read.text(2);
        entry.mergedId = read.text(3);
        entry.mergedName = read.text(4);
        entry.mergedAt = read.text(5);
        entry.undone = read.integer(6) != 0;
        entry.source = read.text(7);
        // The merged values that the kept record did not take: it had values of its own there.
        const QJsonObject filled = QJsonDocument::fromJson(read.text(8).toUtf8()).object();
        const QJsonObject merged = QJsonDocument::fromJson(read.text(9).toUtf8()).object();
        const std::optional<Record> kept = store.fetch(entry.kind, entry.keptId);
        for (const Field &field : entity(entry.kind).fields) {
            const QJsonValue value = merged.value(field.name);
            if (filled.contains(field.name) || field.type == FieldType::Blob || !value.isString() || value.toString().isEmpty()) {
                continue;
            }
            QString shown = value.toString();
            if (kept && kept->value(field.name).toString().compare(shown, Qt::CaseInsensitive) == 0) {
                continue;
            }
            if (field.type == FieldType::Reference) {
                const std::optional<Record> target = store.fetch(*field.references, shown);
                shown = target ? target->value(entity(*field.references).titleField).toString() : shown;
            }
            if (field.name != entity(entry.kind).titleField) {
                entry.lostValues << i18nc("@info a value that lost in a merge; %1 is a field, %2 its value",
                                          "%1 “%2”",
                                          fieldLabel(entry.kind, field.name),
                                          shown);
            }
        }
        entries.append(entry);
    }
    return entries;
}

} // namespace Chorus::Interop
