// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QString>

class QFileDevice;

namespace Chorus
{

/**
 * Why a file (a press kit, a changes file, the shared folder) could not be read or written,
 * translated: Qt's own
 * reasons ("No such file or directory") are in English whatever the language, and say nothing
 * of what to do. What Chorus cannot tell apart falls back to the system's words.
 */
namespace FileReason
{
/// Why path could not be opened for reading with file.
[[nodiscard]] CHORUS_CORE_EXPORT QString forReading(const QString &path, const QFileDevice &file);
/// Why path could not be written with file (opened, written or committed).
[[nodiscard]] CHORUS_CORE_EXPORT QString forWriting(const QString &path, const QFileDevice &file);
/// Why folder cannot be used as a shared folder, or an empty string when it can be read.
[[nodiscard]] CHORUS_CORE_EXPORT QString forFolder(const QString &folder);
} // namespace FileReason

} // namespace Chorus
