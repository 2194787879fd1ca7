// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "sync/replica.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Sync
{
class SharedFolder;
}

namespace Chorus::Desktop
{

/**
 * Sync at a glance and the conflicts to resolve: the other computers with when changes last came
 * from them and how many of this computer's changes they have not received; then the versions
 * that lost to a concurrent change, each shown beside the current one, with "Keep mine",
 * "Keep theirs" and "Use merged text". Follows the store's changes by itself.
 *
 * Above them, this computer's name and the shared folder: when shared-folder sync is on (a
 * setting remembered per database file), the view writes this computer's changes there and
 * imports the others' when the database is opened, on "Sync Now", and whenever files appear.
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
    /// Runs a shared-folder round now (when shared-folder sync is on).
    void synchronizeNow();
    [[nodiscard]] Sync::SharedFolder *sharedFolder() const
    {
        return m_sharedFolder;
    }

Q_SIGNALS:
    /// A conflict could not be resolved; message is translated and names the record.
    void resolutionFailed(const QString &message);

private:
    void showSelectedConflict();
    void applySharedFolderSettings();
    void saveSharedFolderSettings();
    void showRound(const QString &text);
    void chooseFolder();
    void rename();
    void resolve(Sync::Replica::Resolution resolution);

    QPointer<Store::Store> m_store;
    std::unique_ptr<Sync::Replica> m_replica;
    QList<Sync::Conflict> m_conflicts;
    QLabel *m_status = nullptr;
    QLineEdit *m_computerName = nullptr;
    QCheckBox *m_folderEnabled = nullptr;
    QLineEdit *m_folderPath = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QPushButton *m_syncNow = nullptr;
    QLabel *m_folderStatus = nullptr;
    Sync::SharedFolder *m_sharedFolder = nullptr;
    bool m_loadingSettings = false;
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
