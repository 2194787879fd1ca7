// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "clicommand.h"

#include "commandlinetool.h"

#include <KLocalizedString>

#include <QTextStream>

#include <algorithm>

namespace Chorus::Cli
{

bool isOneOf(const QList<Command> &commands, const QString &name)
{
    return std::any_of(commands.cbegin(), commands.cend(), [&name](const Command &command) {
        return command.name == name;
    });
}

int usageError(QTextStream &err, const QString &message)
{
    err << message << u'\n' << i18nc("@info:shell", "Run “chorus-cli help COMMAND” for the options of a command.") << u'\n';
    return CommandLineTool::UsageOrCannotOpen;
}

} // namespace Chorus::Cli
