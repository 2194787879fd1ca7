// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class KAboutData;

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * chorus-cli, the headless twin of the Chorus app: reads the command line and runs one command
 * (init, check, search, backup, help) on a Chorus database.
 *
 * Results go to standard output, errors to standard error, both translated. The exit code says
 * how it went; see ExitCode.
 */
class CommandLineTool
{
public:
    enum ExitCode {
        Success = 0, ///< the command did what was asked; for check: the database is healthy
        Failed = 1, ///< check found problems, or the command could not do its work
        UsageOrCannotOpen = 2, ///< a wrong command line, or the database cannot be opened
    };

    explicit CommandLineTool(KAboutData &about);

    /// Runs the command line (program name first) and returns the exit code.
    [[nodiscard]] int run(const QStringList &arguments);

private:
    struct Target {
        QString path;
        bool isDefault = false;
    };

    int runCommand(const QString &command, const QStringList &arguments, const std::optional<QString> &globalDatabase);
    int init(const Target &target, bool demo);
    int check(const QString &path);
    int search(const QString &path, const QString &query, int limitPerKind, bool json);
    int backup(const QString &path, const QString &output);

    /// Opens an existing database; on failure reports why and returns null.
    std::unique_ptr<Store::Store> openExisting(const QString &path);
    int usageError(const QString &message);
    void error(const QString &message);

    KAboutData &m_about;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace Chorus
