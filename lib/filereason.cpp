// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "filereason.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QStorageInfo>

namespace Chorus::FileReason
{

namespace
{

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

QString forReading(const QString &path, const QFileDevice &file)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return i18nc("@info reason a file cannot be read", "there is no such file");
    }
    if (info.isDir()) {
        return i18nc("@info reason a file cannot be read", "it is a folder, not a file");
    }
    if (!info.isReadable()) {
        return i18nc("@info reason a file cannot be read", "you are not allowed to read it");
    }
    return file.errorString();
}

QString forWriting(const QString &path, const QFileDevice &file)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists()) {
        return i18nc("@info reason a file cannot be written; %1 is a folder", "the folder %1 does not exist", shown(folder.absoluteFilePath()));
    }
    if (!folder.isDir()) {
        return i18nc("@info reason a file cannot be written; %1 is a path", "%1 is a file, not a folder", shown(folder.absoluteFilePath()));
    }
    if (info.isDir()) {
        return i18nc("@info reason a file cannot be written", "it is a folder, not a file");
    }
    if (!folder.isWritable()) {
        return i18nc("@info reason a file cannot be written; %1 is a folder",
                     "you are not allowed to write in the folder %1",
                     shown(folder.absoluteFilePath()));
    }
    if (info.exists() && !info.isWritable()) {
        return i18nc("@info reason a file cannot be written", "you are not allowed to replace it");
    }
    if (file.error() == QFileDevice::WriteError || file.error() == QFileDevice::ResizeError) {
        const QStorageInfo storage(folder.absoluteFilePath());
        // The file is written whole or not at all: a full disk is the usual reason.
        if (storage.isValid() && storage.bytesAvailable() < 1024 * 1024) {
            return i18nc("@info reason a file cannot be written", "the disk is full");
        }
    }
    return file.errorString();
}

QString forFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.exists()) {
        return i18nc("@info reason a shared folder cannot be used", "it does not exist");
    }
    if (!info.isDir()) {
        return i18nc("@info reason a shared folder cannot be used", "it is a file, not a folder");
    }
    if (!info.isReadable() || !info.isExecutable()) {
        return i18nc("@info reason a shared folder cannot be used", "you are not allowed to open it");
    }
    return {};
}

} // namespace Chorus::FileReason
