// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"
#include "store/store.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QUndoStack;

namespace Chorus::Interop
{
class ImportUndo;
}

namespace Chorus::Models
{

/**
 * The store's write path with undo and redo: every edit the app makes goes through here, is
 * written to the store at once, and leaves a command on the undo stack whose undo is the
 * inverse change (the old field values, the deleted records and the links a delete emptied).
 *
 * A write the store refuses leaves no command. An undo or redo the store refuses (the record
 * changed meanwhile in a way that no longer allows it) is reported by failed().
 */
class CHORUS_CORE_EXPORT EditHistory : public QObject
{
    Q_OBJECT

public:
    explicit EditHistory(QObject *parent = nullptr);
    ~EditHistory() override;

    /// What setStore() does with the undo history.
    enum class History {
        Forget, ///< another database: its history means nothing here
        Keep, ///< the same database file through a new connection: the history still applies
    };
    /// Writes to store from now on; the undo history of the previous store is forgotten, unless kept.
    void setStore(Store::Store *store, History history = History::Forget);
    [[nodiscard]] Store::Store *store() const
    {
        return m_store;
    }
    [[nodiscard]] QUndoStack *undoStack() const
    {
        return m_stack;
    }

    /// Creates a record (see Store::create) as one undoable step; returns its id.
    Result<QString> create(Domain::Kind kind, const Domain::Record &record);
    /// Changes fields of a record (see Store::update) as one undoable step.
    Result<void> update(Domain::Kind kind, const QString &id, const Domain::Record &changes);
    /// Deletes a record (see Store::remove) as one undoable step that brings back all it took.
    Result<void> remove(Domain::Kind kind, const QString &id, Store::DeletePolicy policy = Store::DeletePolicy::Refuse);
    /**
     * Adds an import already written to the store (through any connection to its file) as one
     * undoable step; an import that changed nothing adds none. An undo or redo of it that is
     * refused (a record it added was changed since) leaves the step where it was, so that it can
     * be tried again once the later change is undone.
     */
    void addImport(std::shared_ptr<Interop::ImportUndo> import);

Q_SIGNALS:
    /// An undo or redo could not be applied; message says why (for an import, once its step is back in place).
    void failed(const QString &message);
    /// An undo or redo changed this record (views may show it).
    void recordRestored(Chorus::Domain::Kind kind, const QString &id);

private:
    QPointer<Store::Store> m_store;
    QUndoStack *m_stack = nullptr;
};

} // namespace Chorus::Models
