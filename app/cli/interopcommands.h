// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "clicommand.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Chorus::InteropCommands
{

using Command = Cli::Command;

/// import, export-json, import-json, export-vcf, export-csv, find-duplicates, merge, merges, undo-merge.
QList<Command> commands();
bool handles(const QString &name);
/// Adds the command's options and arguments.
void setUp(QCommandLineParser &parser, const QString &name);
/**
 * Runs the command on the database at path; returns chorus-cli's exit code (0 done, 1 the
 * command could not do its work and changed nothing, 2 a wrong command line or no database).
 */
int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err);

} // namespace Chorus::InteropCommands
