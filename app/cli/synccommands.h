// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "clicommand.h"

#include <QList>
#include <QString>

class QCommandLineParser;
class QTextStream;

namespace Chorus::SyncCommands
{

using Command = Cli::Command;

/// sync, bundle and conflicts.
QList<Command> commands();
/// Adds the options and arguments of the sync command name to parser.
void setUp(QCommandLineParser &parser, const QString &name);
/// Runs the sync command name on the database at path; returns chorus-cli's exit code.
int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err);

} // namespace Chorus::SyncCommands
