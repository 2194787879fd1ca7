// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "sharedfolder.h"

#include "filereason.h"
#include "store/store.h"
#include "sync_debug.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileSystemWatcher>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Chorus::Sync
{

namespace
{

struct FolderFile {
    QString name;
    QString origin;
    qint64 after = 0;
    qint64 upTo = 0;
};

QList<FolderFile> listFiles(const QString &folder)
{
    static const QRegularExpression pattern(u"^([0-9a-fA-F-]{36})-([0-9a-f]{16})-([0-9a-f]{16})\\.chorus-changes$"_s);
    QList<FolderFile> files;
    const QStringList names = QDir(folder).entryList({u"*"_s + SharedFolder::fileSuffix()}, QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch()) {
            files.append({name, match.captured(1), match.captured(2).toLongLong(nullptr, 16), match.captured(3).toLongLong(nullptr, 16)});
        }
    }
    std::sort(files.begin(), files.end(), [](const FolderFile &a, const FolderFile &b) {
        return a.origin != b.origin ? a.origin < b.origin : a.after < b.after;
    });
    return files;
}

} // namespace

SharedFolder::SharedFolder(Store::Store &store, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_replica(store)
    , m_folder(folder)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(300);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        auto round = synchronize();
        if (!round) {
            Q_EMIT failed(round.error().message());
        }
    });
}

SharedFolder::~SharedFolder() = default;

QString SharedFolder::fileSuffix()
{
    return u".chorus-changes"_s;
}

Result<void> SharedFolder::check(const QString &folder)
{
    if (const QString reason = FileReason::forFolder(folder); !reason.isEmpty()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a folder, %2 the reason",
                           "Cannot use the shared folder %1: %2.",
                           QDir::toNativeSeparators(QFileInfo(folder).absoluteFilePath()),
                           reason));
    }
    return {};
}

Result<SharedFolder::Summary> SharedFolder::synchronize()
{
    if (auto usable = check(m_folder); !usable) {
        return usable.error();
    }
    if (auto settled = m_store.settleReplicaIdentity(); !settled) {
        return settled.error();
    }
    m_running = true;
    Summary summary;
    auto written = writeChanges(summary);
    if (written) {
        importOthers(summary);
    }
    m_running = false;
    if (!written) {
        return written.error();
    }
    if (summary.filesWritten > 0 || summary.filesImported > 0 || !summary.problems.isEmpty()) {
        Q_EMIT synchronized(summary);
    }
    return summary;
}

Result<void> SharedFolder::writeChanges(Summary &summary)
{
    // What the folder holds of each computer's changes, from the first on without a gap. A file
    // that claims more of this computer's changes than it ever made is not one it wrote (a
    // renamed or made-up file): trusted, it would keep this computer from writing for good.
    const QString self = m_store.replicaId();
    const QHash<QString, qint64> have = m_replica.known();
    QHash<QString, qint64> inFolder;
    for (const FolderFile &file : listFiles(m_folder)) { // sorted by origin, then by start
        if (file.origin == self && file.upTo > have.value(self, 0)) {
            continue;
        }
        qint64 &covered = inFolder[file.origin];
        if (file.after <= covered) {
            covered = std::max(covered, file.upTo);
        }
    }
    // This computer's changes, and those of others it has and the folder lacks: a computer that
    // never uses the folder (its changes came here in a bundle) still reaches everyone in it.
    QStringList origins = have.keys();
    std::sort(origins.begin(), origins.end(), [&self](const QString &a, const QString &b) {
        return (a == self) != (b == self) ? a == self : a < b;
    });
    for (const QString &origin : std::as_const(origins)) {
        const qint64 written = inFolder.value(origin, 0);
        const qint64 upTo = have.value(origin);
        if (upTo <= written) {
            continue;
        }
        ExportOptions options;
        options.ownOnly = true;
        options.ownOrigin = origin;
        options.ownAfter = written;
        auto bundle = m_replica.makeBundle(options);
        if (!bundle) {
            return bundle.error();
        }
        const QString name = u"%1-%2-%3%4"_s.arg(origin).arg(written, 16, 16, QChar(u'0')).arg(upTo, 16, 16, QChar(u'0')).arg(fileSuffix());
        const QString path = QDir(m_folder).filePath(name);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bundle.value().serialize()) < 0 || !file.commit()) {
            // Nothing is imported either: the others' changes wait until this computer's can go too.
            return Error(Error::Code::CannotOpen,
                         i18nc("@info %1 is a folder, %2 the reason",
                               "Could not write this computer's changes to the shared folder %1: %2. Nothing was exchanged.",
                               QDir::toNativeSeparators(QFileInfo(m_folder).absoluteFilePath()),
                               FileReason::forWriting(path, file)));
        }
        ++summary.filesWritten;
        (origin == self ? summary.operationsWritten : summary.operationsPassedOn) += int(bundle.value().operations.size());
    }
    return {};
}

void SharedFolder::importOthers(Summary &summary)
{
    const QString self = m_store.replicaId();
    for (const FolderFile &file : listFiles(m_folder)) {
        // Asked again each time: an import may have moved it on.
        if (file.origin == self || file.upTo <= m_replica.known().value(file.origin, 0)) {
            continue;
        }
        auto imported = m_replica.importFile(QDir(m_folder).filePath(file.name));
        if (!imported) {
            summary.problems << i18nc("@info %1 is a file name, %2 the reason", "%1: %2", file.name, imported.error().message());
            // Reported in the summary, translated; this is for developers only.
            qCInfo(CHORUS_SYNC) << "shared folder: cannot import" << file.name << imported.error().message();
            continue;
        }
        ++summary.filesImported;
        summary.operationsApplied += imported.value().applied;
        summary.newConflicts += imported.value().newConflicts;
        if (!summary.from.contains(imported.value().fromName)) {
            summary.from << imported.value().fromName;
        }
    }
}

void SharedFolder::setWatching(bool watching)
{
    if (watching == isWatching()) {
        return;
    }
    if (!watching) {
        delete m_watcher;
        m_watcher = nullptr;
        disconnect(&m_store, &Store::Store::changed, this, nullptr);
        return;
    }
    m_watcher = new QFileSystemWatcher({m_folder}, this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &SharedFolder::scheduleRound);
    connect(&m_store, &Store::Store::changed, this, &SharedFolder::scheduleRound);
}

bool SharedFolder::isWatching() const
{
    return m_watcher != nullptr;
}

void SharedFolder::scheduleRound()
{
    // Our own imports and writes change the store and the folder: no round for those.
    if (!m_running) {
        m_delay.start();
    }
}

} // namespace Chorus::Sync
