// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <QTimeZone>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * The event commands of chorus-cli: "events list --campaign X" (each site at its own local time,
 * the coordinator's time and UTC), "events schedule|move" (switch the scheduling mode, move every
 * site), "export-ics --event ID [--site ID] --out FILE" and
 * "run-sheet --site ID --out FILE.pdf".
 */
class EventCommands
{
public:
    using Opener = std::function<std::unique_ptr<Store::Store>(const QString &path)>;

    EventCommands(QTextStream &out, QTextStream &err, Opener open);

    /// True for the commands this class runs.
    [[nodiscard]] static bool handles(const QString &command);
    /// Adds command's options and arguments to parser.
    static void setUpParser(QCommandLineParser &parser, const QString &command);

    /// Runs command on the database at path with the parsed command line; returns the exit code.
    [[nodiscard]] int run(const QString &command, const QCommandLineParser &parser, const QString &path);

private:
    int listEvents(Store::Store &store, const QString &campaign, const QString &zone);
    int reschedule(Store::Store &store, const QString &action, const QCommandLineParser &parser);
    void printEvent(Store::Store &store, const QVariantMap &event, const QTimeZone &coordinator);
    int exportCalendar(Store::Store &store, const QString &eventId, const QString &siteId, const QString &output);
    int runSheet(Store::Store &store, const QString &siteId, const QString &output);
    int usage(const QString &message);
    void error(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    Opener m_open;
};

} // namespace Chorus
