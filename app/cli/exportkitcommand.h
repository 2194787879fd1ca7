// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QCommandLineParser>
#include <QTextStream>

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * chorus-cli export-kit: composes a campaign's press kit, lists its guards and writes it as PDF,
 * ODT, HTML, plain text or Markdown.
 *
 * Exit code 0 when the kit was written (warnings go to standard error), 2 when the command line
 * is wrong or the kit has blocking errors (each listed, naming its record), 1 when writing failed.
 */
class ExportKitCommand
{
public:
    /// The command's options, added to the command's parser.
    static void addOptions(QCommandLineParser &parser);

    ExportKitCommand(QTextStream &out, QTextStream &err);
    /// Runs the command on store with the options already parsed by parser.
    [[nodiscard]] int run(Store::Store &store, const QCommandLineParser &parser);

private:
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Chorus
