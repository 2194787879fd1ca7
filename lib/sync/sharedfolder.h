// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"
#include "sync/replica.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class QFileSystemWatcher;

namespace Chorus::Sync
{

/**
 * Shared-folder sync: every replica appends its own changes, as small bundle files, to a folder
 * that a file-sync tool it does not know about carries between computers (Syncthing, Nextcloud,
 * a network share, a USB stick), and imports the files the others put there. It also passes on
 * the changes of other replicas it has and the folder lacks (they came in a bundle from a computer
 * that does not use the folder), in files named after the replica that made them.
 *
 * A file is named after its replica and the stamps it covers
 * ("<replica id>-<after>-<up to>.chorus-changes") and written atomically, so a replica never
 * reads half a file of its own making, and skips files it already has without opening them. A
 * damaged or truncated file (one still being copied) is reported and tried again next time.
 *
 * synchronize() does one round; with setWatching(true) a round also runs shortly after files
 * appear in the folder and after the database changes.
 */
class CHORUS_CORE_EXPORT SharedFolder : public QObject
{
    Q_OBJECT

public:
    struct Summary {
        int filesWritten = 0;
        int operationsWritten = 0; ///< made on this computer
        int operationsPassedOn = 0; ///< made elsewhere, received here by other means (a bundle)
        int filesImported = 0;
        int operationsApplied = 0;
        int newConflicts = 0;
        QStringList from; ///< names of the computers whose files were imported
        QStringList problems; ///< one translated line per file that could not be imported
    };

    SharedFolder(Store::Store &store, const QString &folder, QObject *parent = nullptr);
    ~SharedFolder() override;

    [[nodiscard]] QString folder() const
    {
        return m_folder;
    }

    /// Whether folder can be used as a shared folder at all, with the reason when not.
    static Result<void> check(const QString &folder);

    /// Writes this replica's new changes, then imports everyone else's new files.
    Result<Summary> synchronize();

    void setWatching(bool watching);
    [[nodiscard]] bool isWatching() const;

    static QString fileSuffix();

Q_SIGNALS:
    /// After every round that wrote or imported something, or met a problem.
    void synchronized(const Chorus::Sync::SharedFolder::Summary &summary);
    void failed(const QString &message);

private:
    Result<void> writeChanges(Summary &summary);
    void importOthers(Summary &summary);
    void scheduleRound();

    Store::Store &m_store;
    Replica m_replica;
    QString m_folder;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_delay;
    bool m_running = false;
};

} // namespace Chorus::Sync
