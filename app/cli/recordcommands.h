// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "clicommand.h"

#include <QList>
#include <QString>

class QCommandLineParser;
class QTextStream;

/**
 * The record commands of chorus-cli, for scripts: list, show, create, update and delete any
 * kind of record, and move a quote through its approval workflow, all through the store's one
 * write path (validated, logged for sync, undoable in the app like any other change).
 */
namespace Chorus::RecordCommands
{

using Command = Cli::Command;

/// list, show, create, update, delete and quote.
QList<Command> commands();
/// True for the commands of this file.
bool handles(const QString &name);
/// Adds the options and arguments of the record command name to parser.
void setUp(QCommandLineParser &parser, const QString &name);
/// Runs the record command name on the database at path; returns chorus-cli's exit code.
int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err);

} // namespace Chorus::RecordCommands
