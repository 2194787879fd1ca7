// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "edithistory.h"

#include "interop/importundo.h"
#include "models_debug.h"

#include <KLocalizedString>

#include <QSet>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Models
{

namespace
{

/// A command whose first redo() is the write that was already made when it was pushed.
class StoreCommand : public QUndoCommand
{
public:
    StoreCommand(EditHistory *history, Kind kind, QString id, const QString &text)
        : QUndoCommand(text)
        , m_history(history)
        , m_kind(kind)
        , m_id(std::move(id))
    {
    }

    void redo() override
    {
        if (std::exchange(m_firstRedo, false)) {
            return;
        }
        report(apply());
    }
    void undo() override
    {
        report(revert());
    }

protected:
    virtual Result<void> apply() = 0;
    virtual Result<void> revert() = 0;
    Store::Store &store() const
    {
        return *m_history->store();
    }

    EditHistory *m_history;
    Kind m_kind;
    QString m_id;

private:
    void report(const Result<void> &result)
    {
        if (!result) {
            Q_EMIT m_history->failed(result.error().message());
            return;
        }
        Q_EMIT m_history->recordRestored(m_kind, m_id);
    }
    bool m_firstRedo = true;
};

class UpdateCommand : public StoreCommand
{
public:
    UpdateCommand(EditHistory *history, Kind kind, const QString &id, Record before, Record after, const QString &text)
        : StoreCommand(history, kind, id, text)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Result<void> apply() override
    {
        return store().update(m_kind, m_id, m_after);
    }
    Result<void> revert() override
    {
        return store().update(m_kind, m_id, m_before);
    }

private:
    Record m_before;
    Record m_after;
};

class CreateCommand : public StoreCommand
{
public:
    CreateCommand(EditHistory *history, Kind kind, Record record, const QString &text)
        : StoreCommand(history, kind, record.value(u"id"_s).toString(), text)
        , m_record(std::move(record))
    {
    }

protected:
    Result<void> apply() override
    {
        auto created = store().create(m_kind, m_record);
        if (!created) {
            return created.error();
        }
        return {};
    }
    Result<void> revert() override
    {
        return store().remove(m_kind, m_id, Store::DeletePolicy::Refuse);
    }

private:
    Record m_record;
};

/// What a delete takes: the records it deletes (parents first) and the links it empties.
struct Snapshot {
    struct Link {
        Kind kind;
        QString id;
        QString field;
        QVariant value;
    };
    QList<std::pair<Kind, Record>> deleted;
    QList<Link> detached;
};

bool isGuardedLink(Kind deleted, Kind dependent)
{
    return (deleted == Kind::Organization && dependent == Kind::Person) || (deleted == Kind::Person && dependent == Kind::Quote);
}

// Mirrors what Store::remove() does to dependents, so that undo can bring all of it back.
void collect(Store::Store &store, Kind kind, const Record &record, Store::DeletePolicy policy, Snapshot &snapshot, QSet<QString> &seen)
{
    const QString id = record.value(u"id"_s).toString();
    seen.insert(id);
    snapshot.deleted.append({kind, record});
    for (Kind other : allKinds()) {
        for (const Field &field : entity(other).fields) {
            if (field.type != FieldType::Reference || field.references != kind) {
                continue;
            }
            const bool cascade = field.required || (isGuardedLink(kind, other) && policy == Store::DeletePolicy::DeleteDependents);
            for (const Record &dependent : store.fetchAll(other, field.name, id)) {
                const QString dependentId = dependent.value(u"id"_s).toString();
                if (dependentId == id || seen.contains(dependentId)) {
                    continue;
                }
                if (cascade) {
                    collect(store, other, dependent, policy, snapshot, seen);
                } else {
                    snapshot.detached.append({other, dependentId, field.name, id});
                }
            }
        }
    }
}

class DeleteCommand : public StoreCommand
{
public:
    DeleteCommand(EditHistory *history, Kind kind, const QString &id, Store::DeletePolicy policy, Snapshot snapshot, const QString &text)
        : StoreCommand(history, kind, id, text)
        , m_policy(policy)
        , m_snapshot(std::move(snapshot))
    {
    }

protected:
    Result<void> apply() override
    {
        return store().remove(m_kind, m_id, m_policy);
    }
    Result<void> revert() override
    {
        QSet<QString> deletedIds;
        for (const auto &[kind, record] : std::as_const(m_snapshot.deleted)) {
            deletedIds.insert(record.value(u"id"_s).toString());
        }
        return store().transact([&]() -> Result<void> {
            // Optional links between the restored records wait until all of them exist again.
            QList<Snapshot::Link> later = m_snapshot.detached;
            for (const auto &[kind, original] : std::as_const(m_snapshot.deleted)) {
                Record record = original;
                for (const Field &field : entity(kind).fields) {
                    const QString target = record.value(field.name).toString();
                    if (field.type == FieldType::Reference && !field.required && deletedIds.contains(target)) {
                        later.prepend({kind, record.value(u"id"_s).toString(), field.name, target});
                        record.insert(field.name, QVariant());
                    }
                }
                if (auto created = store().create(kind, record); !created) {
                    return created.error();
                }
            }
            for (const Snapshot::Link &link : std::as_const(later)) {
                if (auto relinked = store().update(link.kind, link.id, {{link.field, link.value}}); !relinked) {
                    return relinked;
                }
            }
            return {};
        });
    }

private:
    Store::DeletePolicy m_policy;
    Snapshot m_snapshot;
};

/// A whole import: its first redo is the import the wizard already wrote.
class ImportCommand : public QUndoCommand
{
public:
    ImportCommand(EditHistory *history, std::shared_ptr<Interop::ImportUndo> import)
        : QUndoCommand(import->text())
        , m_history(history)
        , m_import(std::move(import))
    {
    }

    void redo() override
    {
        // The first redo, and the one that puts the step back after a refused undo, find it done.
        if (!m_import->isUndone()) {
            return;
        }
        report(m_import->redo(*m_history->store()));
    }
    void undo() override
    {
        if (m_import->isUndone()) {
            return;
        }
        report(m_import->undo(*m_history->store()));
    }

private:
    void report(const Result<void> &result)
    {
        if (result) {
            return;
        }
        // The stack has moved past this step, but the database has not: the step goes back to
        // where it was once the stack is done moving, to be tried again; then the user is told
        // (a message box's event loop must not run before the stack is back).
        EditHistory *history = m_history;
        QUndoStack *stack = history->undoStack();
        const int index = stack->index();
        const bool wasUndo = !m_import->isUndone();
        const QString message = result.error().message();
        QTimer::singleShot(0, stack, [history, stack, index, wasUndo, message] {
            if (stack->index() == (wasUndo ? index - 1 : index + 1)) {
                stack->setIndex(index);
            }
            Q_EMIT history->failed(message);
        });
    }

    EditHistory *m_history;
    std::shared_ptr<Interop::ImportUndo> m_import;
};

Error noStore()
{
    return Error(Error::Code::Invalid, i18nc("@info", "No coalition database is open."));
}

} // namespace

EditHistory::EditHistory(QObject *parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this))
{
}

EditHistory::~EditHistory() = default;

void EditHistory::setStore(Store::Store *store, History history)
{
    if (history == History::Forget || !store) {
        m_stack->clear();
    }
    m_store = store;
}

void EditHistory::addImport(std::shared_ptr<Interop::ImportUndo> import)
{
    if (!m_store || !import || import->isEmpty()) {
        return;
    }
    m_stack->push(new ImportCommand(this, std::move(import)));
}

Result<QString> EditHistory::create(Kind kind, const Record &record)
{
    if (!m_store) {
        return noStore();
    }
    auto created = m_store->create(kind, record);
    if (!created) {
        return created.error();
    }
    const std::optional<Record> stored = m_store->fetch(kind, created.value());
    if (stored) {
        m_stack->push(
            new CreateCommand(this, kind, *stored, i18nc("@action undo step; %1 names the record", "Create %1", m_store->recordLabel(kind, *stored))));
    }
    return created;
}

Result<void> EditHistory::update(Kind kind, const QString &id, const Record &changes)
{
    if (!m_store) {
        return noStore();
    }
    const std::optional<Record> before = m_store->fetch(kind, id);
    if (auto updated = m_store->update(kind, id, changes); !updated) {
        return updated;
    }
    const std::optional<Record> after = m_store->fetch(kind, id);
    if (!before || !after) {
        return {};
    }
    // The inverse covers what the store changed by itself too (an approval cleared by new words).
    Record oldValues;
    Record newValues;
    for (auto it = after->constBegin(); it != after->constEnd(); ++it) {
        if (before->value(it.key()) != it.value()) {
            oldValues.insert(it.key(), before->value(it.key()));
            newValues.insert(it.key(), it.value());
        }
    }
    if (newValues.isEmpty()) {
        return {};
    }
    QStringList fields;
    for (auto it = newValues.constBegin(); it != newValues.constEnd(); ++it) {
        fields << fieldLabel(kind, it.key());
    }
    m_stack->push(new UpdateCommand(this,
                                    kind,
                                    id,
                                    oldValues,
                                    newValues,
                                    i18nc("@action undo step; %1 is the changed fields, %2 names the record",
                                          "Change %1 of %2",
                                          fields.join(i18nc("@info list separator", ", ")),
                                          m_store->recordLabel(kind, *after))));
    return {};
}

Result<void> EditHistory::remove(Kind kind, const QString &id, Store::DeletePolicy policy)
{
    if (!m_store) {
        return noStore();
    }
    const std::optional<Record> record = m_store->fetch(kind, id);
    if (!record) {
        return m_store->remove(kind, id, policy);
    }
    Snapshot snapshot;
    QSet<QString> seen;
    collect(*m_store, kind, *record, policy, snapshot, seen);
    const QString label = m_store->recordLabel(kind, *record);
    if (auto removed = m_store->remove(kind, id, policy); !removed) {
        return removed;
    }
    m_stack->push(new DeleteCommand(this, kind, id, policy, std::move(snapshot), i18nc("@action undo step; %1 names the record", "Delete %1", label)));
    return {};
}

} // namespace Chorus::Models
