// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QList>
#include <QString>

class QTextStream;

/// What the groups of chorus-cli commands (records, import and export, sync) share.
namespace Chorus::Cli
{

/// One command of chorus-cli, as its help lists it.
struct Command {
    QString name;
    QString syntax; ///< how it is written: command names and placeholders stay in English
    QString description;
};

/// True when one of commands is called name.
[[nodiscard]] bool isOneOf(const QList<Command> &commands, const QString &name);

/// Writes message, then where the options of a command are explained, to err; returns the exit
/// code of a wrong command line.
int usageError(QTextStream &err, const QString &message);

} // namespace Chorus::Cli
