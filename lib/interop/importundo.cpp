// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "importundo.h"

#include "interop/duplicates.h"
#include "interop/recordjson.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

namespace
{

/// All of a record's values in one number: a later change to any of them changes it.
size_t fingerprint(Kind kind, const Record &record)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    for (const Field &field : entity(kind).fields) {
        out << record.value(field.name);
    }
    return qHashBits(bytes.constData(), size_t(bytes.size()));
}

QString label(Store::Store &store, Kind kind, const QString &name)
{
    return store.recordLabel(kind, {{entity(kind).titleField, name}});
}

} // namespace

Result<ImportUndo> ImportUndo::import(Store::Store &store, const CsvTable &table, const ImportOptions &options)
{
    // The store names every record a write touched in one signal at the end of the import's
    // transaction: the records added are those it created, in the order it wrote them.
    QList<Store::Change> written;
    QObject guard;
    QObject::connect(&store, &Store::Store::changed, &guard, [&written](const QList<Store::Change> &changes) {
        written += changes;
    });
    auto report = Importer(store).run(table, options);
    QObject::disconnect(&store, nullptr, &guard, nullptr);
    if (!report) {
        return report.error();
    }

    ImportUndo undo;
    undo.m_report = std::move(report).value();
    undo.m_kind = options.kind;
    undo.m_source = options.source;
    QSet<QString> added;
    for (const Store::Change &change : std::as_const(written)) {
        if (change.operation == Store::Change::Operation::Created && !added.contains(change.id)) {
            added.insert(change.id);
            undo.m_added.append({change.kind, change.id, {}, 0});
        }
    }
    for (const QString &auditId : std::as_const(undo.m_report.mergeIds)) {
        Storage::Statement read = store.database().prepare(u"SELECT kind, kept_id, coalesce(source, ''), merged_record FROM merge_audit WHERE id = ?"_s);
        read.bind(1, auditId);
        if (!read.step()) {
            continue;
        }
        Merge merge;
        merge.auditId = auditId;
        merge.kind = kindFromKey(read.text(0)).value_or(options.kind);
        merge.keptId = read.text(1);
        merge.source = read.text(2);
        // The audit keeps the row without an id: it was no record.
        QJsonObject row = QJsonDocument::fromJson(read.text(3).toUtf8()).object();
        row.insert(u"id"_s, QUuid().toString(QUuid::WithoutBraces));
        if (auto incoming = recordFromJson(merge.kind, row, kindLabel(merge.kind)); incoming) {
            merge.incoming = std::move(incoming).value();
            merge.incoming.remove(u"id"_s);
        }
        undo.m_merges.append(std::move(merge));
    }
    undo.remember(store);
    return undo;
}

void ImportUndo::remember(Store::Store &store)
{
    for (Added &added : m_added) {
        if (const std::optional<Record> record = store.fetch(added.kind, added.id)) {
            added.name = record->value(entity(added.kind).titleField).toString();
            added.fingerprint = fingerprint(added.kind, *record);
        }
    }
    for (Merge &merge : m_merges) {
        merge.filled.clear();
        if (merge.auditId.isEmpty()) {
            continue;
        }
        Storage::Statement read = store.database().prepare(u"SELECT kept_before FROM merge_audit WHERE id = ?"_s);
        read.bind(1, merge.auditId);
        const QJsonObject before = read.step() ? QJsonDocument::fromJson(read.text(0).toUtf8()).object() : QJsonObject();
        read.reset();
        const std::optional<Record> kept = store.fetch(merge.kind, merge.keptId);
        for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
            merge.filled.insert(it.key(), kept ? kept->value(it.key()) : QVariant());
        }
    }
}

bool ImportUndo::isEmpty() const
{
    return m_added.isEmpty() && m_merges.isEmpty();
}

QString ImportUndo::text() const
{
    qint64 people = 0;
    qint64 organizations = 0;
    for (const Added &added : m_added) {
        (added.kind == Kind::Person ? people : organizations) += 1;
    }
    QStringList parts;
    if (people > 0) {
        parts << i18ncp("@info part of an undo step's name", "%1 person added", "%1 people added", people);
    }
    if (organizations > 0) {
        parts << i18ncp("@info part of an undo step's name", "%1 organization added", "%1 organizations added", organizations);
    }
    if (!m_merges.isEmpty()) {
        parts << i18ncp("@info part of an undo step's name", "%1 row merged", "%1 rows merged", m_merges.size());
    }
    const QString source = m_source.isEmpty() ? i18nc("@info an import's file when it has no name", "a file") : m_source;
    if (parts.isEmpty()) {
        return i18nc("@action undo step; %1 is a file name", "Import of %1", source);
    }
    return i18nc("@action undo step; %1 is a file name, %2 what the import did", "Import of %1 (%2)", source, parts.join(i18nc("@info list separator", ", ")));
}

Error ImportUndo::refusal(const QString &why) const
{
    const QString source = m_source.isEmpty() ? i18nc("@info an import's file when it has no name", "a file") : m_source;
    return Error(Error::Code::Refused, i18nc("@info %1 is a file name, %2 why not", "The import of %1 cannot be undone: %2", source, why));
}

std::optional<Error> ImportUndo::laterChange(Store::Store &store) const
{
    QMap<Kind, QJsonArray> addedIds;
    QSet<QString> added;
    for (const Added &one : m_added) {
        const std::optional<Record> record = store.fetch(one.kind, one.id);
        if (!record) {
            return refusal(i18nc("@info %1 names a record",
                                 "%1, which it added, has been deleted since. Undo that delete first, or keep the import.",
                                 label(store, one.kind, one.name)));
        }
        if (fingerprint(one.kind, *record) != one.fingerprint) {
            return refusal(i18nc("@info %1 names a record",
                                 "%1, which it added, has been changed since. Undo that change first, or keep the import.",
                                 store.recordLabel(one.kind, *record)));
        }
        addedIds[one.kind].append(one.id);
        added.insert(one.id);
    }
    for (const Merge &merge : m_merges) {
        if (merge.filled.isEmpty()) {
            continue;
        }
        const std::optional<Record> kept = store.fetch(merge.kind, merge.keptId);
        if (!kept) {
            return refusal(i18nc("@info %1 names a record",
                                 "a row was merged into %1, which has been deleted since. Undo that delete first, or keep the import.",
                                 label(store, merge.kind, merge.incoming.value(entity(merge.kind).titleField).toString())));
        }
        for (auto it = merge.filled.constBegin(); it != merge.filled.constEnd(); ++it) {
            if (kept->value(it.key()) != it.value()) {
                return refusal(i18nc("@info %1 names a record, %2 a field",
                                     "it filled in the %2 of %1, which has been changed since. Undo that change first, or keep the import.",
                                     store.recordLabel(merge.kind, *kept),
                                     fieldLabel(merge.kind, it.key())));
            }
        }
    }
    // A record made or changed since that refers to one the import added would lose its link.
    for (auto target = addedIds.constBegin(); target != addedIds.constEnd(); ++target) {
        const QString ids = QString::fromUtf8(QJsonDocument(target.value()).toJson(QJsonDocument::Compact));
        for (Kind kind : allKinds()) {
            const EntityInfo &info = entity(kind);
            for (const Field &field : info.fields) {
                if (field.references != target.key() || (field.type != FieldType::Reference && field.type != FieldType::Json)) {
                    continue;
                }
                // SQLite chooses: the field's index for each id, or one pass over a small table.
                const QString sql = field.type == FieldType::Reference
                    ? u"SELECT t.id, t.%1 FROM %2 t WHERE t.%1 IN (SELECT value FROM json_each(?1))"_s.arg(field.name, info.table)
                    // A list of ids (a press kit's contacts): few records have one.
                    : u"SELECT t.id, l.value FROM %2 t, json_each(t.%1) l WHERE json_valid(t.%1) AND l.value IN (SELECT value FROM json_each(?1))"_s.arg(
                        field.name,
                        info.table);
                Storage::Statement find = store.database().prepare(sql);
                find.bind(1, ids);
                while (find.step()) {
                    const QString dependent = find.text(0);
                    if (added.contains(dependent)) {
                        continue;
                    }
                    const QString targetId = find.text(1);
                    const std::optional<Record> from = store.fetch(kind, dependent);
                    const std::optional<Record> to = store.fetch(target.key(), targetId);
                    if (!from || !to) {
                        continue;
                    }
                    return refusal(i18nc("@info %1 and %2 name records",
                                         "%1 refers to %2, which it added. Remove that link first, or keep the import.",
                                         store.recordLabel(kind, *from),
                                         store.recordLabel(target.key(), *to)));
                }
            }
        }
    }
    return std::nullopt;
}

Result<void> ImportUndo::undo(Store::Store &store)
{
    if (m_undone) {
        return {};
    }
    if (std::optional<Error> later = laterChange(store)) {
        return *later;
    }
    QList<Store::Store::NewRecord> removed;
    removed.reserve(m_added.size());
    auto done = store.transact([&]() -> Result<void> {
        for (auto merge = m_merges.crbegin(); merge != m_merges.crend(); ++merge) {
            if (merge->auditId.isEmpty()) {
                continue;
            }
            if (auto undone = Duplicates::undoMerge(store, merge->auditId); !undone) {
                return undone;
            }
        }
        // As they were written, before the rows merged into them: redo writes them so again.
        for (const Added &added : std::as_const(m_added)) {
            std::optional<Record> record = store.fetch(added.kind, added.id);
            if (!record) {
                return Error(Error::Code::NotFound,
                             i18nc("@info %1 names a record",
                                   "%1, which it added, has been deleted since. Undo that delete first, or keep the import.",
                                   label(store, added.kind, added.name)));
            }
            Store::Store::NewRecord kept{added.id, {}, true};
            const QList<Domain::Field> &fields = Domain::entity(added.kind).fields;
            kept.values.reserve(fields.size());
            for (const Domain::Field &field : fields) {
                kept.values.append(record->value(field.name));
            }
            removed.append(std::move(kept));
        }
        // A run of one kind at a time, the last written first: people before the organizations
        // the import added for them.
        for (qsizetype last = m_added.size() - 1; last >= 0;) {
            const Kind kind = m_added.at(last).kind;
            QStringList ids;
            for (; last >= 0 && m_added.at(last).kind == kind; --last) {
                ids.append(m_added.at(last).id);
            }
            if (auto gone = store.removeUnreferenced(kind, ids); !gone) {
                return gone;
            }
        }
        return {};
    });
    if (!done) {
        return refusal(done.error().message());
    }
    m_removed = std::move(removed);
    m_undone = true;
    return {};
}

Result<void> ImportUndo::redo(Store::Store &store)
{
    if (!m_undone) {
        return {};
    }
    QStringList auditIds;
    auto done = store.transact([&]() -> Result<void> {
        // In the order they were written, a run of one kind at a time: an organization the import
        // added comes before the people who belong to it.
        for (qsizetype first = 0; first < m_added.size();) {
            const Kind kind = m_added.at(first).kind;
            QList<Store::Store::NewRecord> run;
            qsizetype next = first;
            for (; next < m_added.size() && m_added.at(next).kind == kind; ++next) {
                const Store::Store::NewRecord &removed = m_removed.at(next);
                auto prepared = store.prepareNew(kind, removed.id, removed.values);
                if (!prepared) {
                    return prepared.error();
                }
                run.append(std::move(prepared).value());
            }
            if (auto written = store.createMany(kind, run, nullptr, true); !written) {
                return written;
            }
            first = next;
        }
        for (const Merge &merge : std::as_const(m_merges)) {
            if (merge.auditId.isEmpty()) {
                auditIds.append(QString());
                continue;
            }
            auto merged = Duplicates::mergeValues(store, merge.kind, merge.keptId, merge.incoming, merge.source);
            if (!merged) {
                return merged.error();
            }
            auditIds.append(merged.value());
        }
        return {};
    });
    if (!done) {
        const QString source = m_source.isEmpty() ? i18nc("@info an import's file when it has no name", "a file") : m_source;
        return Error(done.error().code(),
                     i18nc("@info %1 is a file name, %2 why not", "The import of %1 cannot be made again: %2", source, done.error().message()));
    }
    for (qsizetype i = 0; i < m_merges.size(); ++i) {
        m_merges[i].auditId = auditIds.at(i);
    }
    m_removed.clear();
    m_undone = false;
    remember(store);
    return {};
}

} // namespace Chorus::Interop
