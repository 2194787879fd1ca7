// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "sync/replica.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

/**
 * Sync at a glance and the conflicts to resolve: the other computers with when changes last came
 * from them and how many of this computer's changes they have not received; then the versions
 * that lost to a concurrent change, each shown beside the current one, with "Keep mine",
 * "Keep theirs" and "Use merged text". Follows the store's changes by itself.
 */
class SyncView : public QWidget
{
    Q_OBJECT

public:
    explicit SyncView(QWidget *parent = nullptr);
    ~SyncView() override;

    /// Shows store's peers and conflicts (nothing when null).
    void setStore(Store::Store *store);
    /// Reads peers and conflicts again, now.
    void refresh();

Q_SIGNALS:
    /// A conflict could not be resolved; message is translated and names the record.
    void resolutionFailed(const QString &message);

private:
    void showSelectedConflict();
    void resolve(Sync::Replica::Resolution resolution);

    QPointer<Store::Store> m_store;
    std::unique_ptr<Sync::Replica> m_replica;
    QList<Sync::Conflict> m_conflicts;
    QLabel *m_status = nullptr;
    QTreeWidget *m_peers = nullptr;
    QListWidget *m_conflictList = nullptr;
    QLabel *m_conflictDescription = nullptr;
    QPlainTextEdit *m_current = nullptr;
    QPlainTextEdit *m_other = nullptr;
    QPlainTextEdit *m_merged = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_keepTheirs = nullptr;
    QPushButton *m_useMerged = nullptr;
    bool m_refreshPending = false;
};

} // namespace Chorus::Desktop
