// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "commandlinetool.h"
#include "interopcommands.h"
#include "recordcommands.h"

#include "chorus_version.h"
#include "domain/entity.h"
#include "eventcommands.h"
#include "exportkitcommand.h"
#include "store/democoalition.h"
#include "store/store.h"
#include "synccommands.h"

#include <KAboutData>
#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <optional>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;

namespace Chorus
{

namespace
{

const QString program = u"chorus-cli"_s;
constexpr int defaultLimit = 50;

using CommandInfo = Cli::Command;

QList<CommandInfo> commands()
{
    QList<CommandInfo> list{
        {u"init"_s, u"init [--demo]"_s, i18nc("@info:shell description of a command", "Create a new database; with --demo, fill it with the demo coalition")},
        {u"check"_s, u"check"_s, i18nc("@info:shell description of a command", "Check the database's integrity, schema and search index")},
        {u"search"_s,
         u"search QUERY [--limit N] [--json]"_s,
         i18nc("@info:shell description of a command", "Search organizations, people, quotes, campaigns, events and facts")},
        {u"backup"_s, u"backup OUT"_s, i18nc("@info:shell description of a command", "Copy the database to the new file OUT")},
        {u"export-kit"_s,
         u"export-kit --campaign NAME_OR_ID [--kit NAME_OR_ID] --format pdf|odt|html|txt|md [--lang LANG] [--paper a4|letter] --out FILE"_s,
         i18nc("@info:shell description of a command", "Export a campaign's press kit, after checking it for errors")},
        {u"events"_s,
         u"events list|schedule|move"_s,
         i18nc("@info:shell description of a command", "List events with each site at its own local time, switch their scheduling, move their sites")},
        {u"export-ics"_s,
         u"export-ics --event ID [--site ID] --out FILE"_s,
         i18nc("@info:shell description of a command", "Write an event (or one site) as an iCalendar file")},
        {u"run-sheet"_s, u"run-sheet --site ID --out FILE.pdf"_s, i18nc("@info:shell description of a command", "Write a site's printable run sheet as PDF")},
        {u"help"_s, u"help [COMMAND]"_s, i18nc("@info:shell description of a command", "Show the options of a command")},
    };
    list += RecordCommands::commands();
    list += InteropCommands::commands();
    list += SyncCommands::commands();
    return list;
}

std::optional<CommandInfo> commandInfo(const QString &name)
{
    for (const CommandInfo &info : commands()) {
        if (info.name == name) {
            return info;
        }
    }
    return std::nullopt;
}

QString commandNames()
{
    QStringList names;
    for (const CommandInfo &info : commands()) {
        names << info.name;
    }
    return i18nc("@info:shell %1 is a list of command names",
                 "The commands are: %1.",
                 names.join(i18nc("@info:shell separator between the items of a list", ", ")));
}

/// The user's own database: ~/.local/share/chorus/coalition.chorus on Linux.
QString defaultDatabase()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return folder.isEmpty() ? QString() : folder + u"/coalition.chorus"_s;
}

/// A path as messages show it: absolute, with the platform's separators.
QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QCommandLineOption databaseOption()
{
    return QCommandLineOption(u"db"_s,
                              i18nc("@info:shell %1 is a file path", "The Chorus database to work on (default: %1).", shown(defaultDatabase())),
                              i18nc("@info:shell placeholder of an option's value", "FILE"));
}

QString countPhrase(Kind kind, qint64 count)
{
    switch (kind) {
    case Kind::Organization:
        return i18ncp("@info:shell", "%1 organization", "%1 organizations", count);
    case Kind::Person:
        return i18ncp("@info:shell", "%1 person", "%1 people", count);
    case Kind::Campaign:
        return i18ncp("@info:shell", "%1 campaign", "%1 campaigns", count);
    case Kind::Membership:
        return i18ncp("@info:shell", "%1 membership", "%1 memberships", count);
    case Kind::Petition:
        return i18ncp("@info:shell", "%1 petition or open letter", "%1 petitions and open letters", count);
    case Kind::Event:
        return i18ncp("@info:shell", "%1 event", "%1 events", count);
    case Kind::Site:
        return i18ncp("@info:shell", "%1 event site", "%1 event sites", count);
    case Kind::RunOfShowItem:
        return i18ncp("@info:shell", "%1 run-of-show item", "%1 run-of-show items", count);
    case Kind::Quote:
        return i18ncp("@info:shell", "%1 quote", "%1 quotes", count);
    case Kind::Task:
        return i18ncp("@info:shell", "%1 task", "%1 tasks", count);
    case Kind::Fact:
        return i18ncp("@info:shell", "%1 fact", "%1 facts", count);
    case Kind::PressKit:
        return i18ncp("@info:shell", "%1 press kit", "%1 press kits", count);
    case Kind::MediaRsvp:
        return i18ncp("@info:shell", "%1 media RSVP", "%1 media RSVPs", count);
    }
    return {};
}

/// What a database holds, e.g. "12 organizations, 15 people, 25 quotes".
QString contents(Store::Store &store)
{
    QStringList parts;
    for (Kind kind : Domain::allKinds()) {
        if (const qint64 count = store.count(kind); count > 0) {
            parts << countPhrase(kind, count);
        }
    }
    if (parts.isEmpty()) {
        return i18nc("@info:shell what a database holds", "no records");
    }
    return parts.join(i18nc("@info:shell separator between the items of a list", ", "));
}

/// Adds a command's own options and arguments to parser: the command line reads
/// "chorus-cli [--db FILE] COMMAND [options] ARGUMENTS".
void setUpCommand(QCommandLineParser &parser, const CommandInfo &info)
{
    parser.setApplicationDescription(info.description);
    parser.addHelpOption();
    parser.addOption(databaseOption());
    if (info.name == u"init") {
        parser.addOption(
            QCommandLineOption(u"demo"_s, i18nc("@info:shell", "Fill the new database with the demo coalition, an invented coalition to try Chorus with.")));
    } else if (info.name == u"search") {
        parser.addOption(QCommandLineOption(u"limit"_s,
                                            i18nc("@info:shell", "Show at most N results of each kind (default: %1).", defaultLimit),
                                            i18nc("@info:shell placeholder of an option's value", "N"),
                                            QString::number(defaultLimit)));
        parser.addOption(QCommandLineOption(u"json"_s, i18nc("@info:shell", "Print the results as a JSON array of objects with kind, id, title and detail.")));
        parser.addPositionalArgument(
            u"QUERY"_s,
            i18nc("@info:shell", "The words to search for, in any case and with or without accents; the last one may be the start of a word."),
            u"QUERY"_s);
    } else if (info.name == u"backup") {
        parser.addPositionalArgument(u"OUT"_s, i18nc("@info:shell", "The backup file to write. It must not exist yet."), u"OUT"_s);
    } else if (info.name == u"export-kit") {
        ExportKitCommand::addOptions(parser);
    } else if (EventCommands::handles(info.name)) {
        EventCommands::setUpParser(parser, info.name);
    } else if (info.name == u"help") {
        parser.addPositionalArgument(u"COMMAND"_s, i18nc("@info:shell", "The command to explain."), u"[COMMAND]"_s);
    } else if (InteropCommands::handles(info.name)) {
        InteropCommands::setUp(parser, info.name);
    } else if (RecordCommands::handles(info.name)) {
        RecordCommands::setUp(parser, info.name);
    }
    SyncCommands::setUp(parser, info.name);
}

QString exitCodes()
{
    return i18nc("@title:shell", "Exit codes:") + u'\n' + u"  0  "_s + i18nc("@info:shell exit code 0", "success; for check: the database is healthy") + u'\n'
        + u"  1  "_s + i18nc("@info:shell exit code 1", "check found problems, or the command could not do its work") + u'\n' + u"  2  "_s
        + i18nc("@info:shell exit code 2", "a wrong command line, or the database cannot be opened") + u'\n';
}

/// Qt's help text, with the program's name instead of the path it was started by and, for a
/// command, "chorus-cli search [options] QUERY".
QString helpText(const QCommandLineParser &parser, const QString &command = {})
{
    QString text = parser.helpText();
    const QString started = QCoreApplication::arguments().value(0);
    if (const qsizetype at = text.indexOf(started + u" [options]"_s); !started.isEmpty() && at >= 0) {
        text.replace(at, started.size(), command.isEmpty() ? program : program + u' ' + command);
    }
    return text;
}

QString commandHelp(const CommandInfo &info)
{
    QCommandLineParser parser;
    setUpCommand(parser, info);
    return helpText(parser, info.name) + u'\n' + exitCodes();
}

} // namespace

CommandLineTool::CommandLineTool(KAboutData &about)
    : m_about(about)
    , m_out(stdout)
    , m_err(stderr)
{
}

int CommandLineTool::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    m_about.setupCommandLine(&parser);
    parser.setApplicationDescription(
        i18nc("@info:shell", "Chorus without a display: creates, checks, searches and backs up the database of an advocacy coalition."));
    parser.addOption(databaseOption());
    parser.addPositionalArgument(u"COMMAND"_s,
                                 i18nc("@info:shell", "The command to run, followed by its options and arguments (see Commands)."),
                                 u"COMMAND [options]"_s);
    // Everything after the command belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(arguments)) {
        return usageError(parser.errorText());
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        m_out << helpText(parser) << u'\n';
        m_out << i18nc("@title:shell", "Commands:") << u'\n';
        for (const CommandInfo &info : commands()) {
            m_out << u"  "_s << info.syntax.leftJustified(36) << u' ' << info.description << u'\n';
        }
        m_out << u'\n' << exitCodes() << u'\n' << i18nc("@info:shell", "Run “%1 COMMAND --help” for the options of a command.", program) << u'\n';
        return Success;
    }
    if (parser.isSet(u"version"_s)) {
        m_out << program << u' ' << QStringLiteral(CHORUS_VERSION_STRING) << u'\n';
        return Success;
    }
    // --author and --license: prints and ends the program.
    m_about.processCommandLine(&parser);

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return usageError(i18nc("@info:shell", "No command given.") + u' ' + commandNames());
    }
    const QString command = positional.takeFirst();
    return runCommand(command, positional, parser.isSet(u"db"_s) ? std::optional(parser.value(u"db"_s)) : std::nullopt);
}

int CommandLineTool::runCommand(const QString &command, const QStringList &arguments, const std::optional<QString> &globalDatabase)
{
    const std::optional<CommandInfo> info = commandInfo(command);
    if (!info) {
        return usageError(i18nc("@info:shell %1 is what the user typed", "“%1” is not a command of %2.", command, program) + u' ' + commandNames());
    }
    QCommandLineParser parser;
    setUpCommand(parser, *info);
    if (!parser.parse(QStringList{program} + arguments)) {
        return usageError(parser.errorText());
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        m_out << commandHelp(*info);
        return Success;
    }
    const QStringList values = parser.positionalArguments();

    if (info->name == u"help") {
        if (values.size() > 1) {
            return usageError(i18nc("@info:shell", "The help command explains one command at a time."));
        }
        if (values.isEmpty()) {
            return run({program, u"--help"_s});
        }
        const std::optional<CommandInfo> explained = commandInfo(values.first());
        if (!explained) {
            return usageError(i18nc("@info:shell %1 is what the user typed", "“%1” is not a command of %2.", values.first(), program) + u' ' + commandNames());
        }
        m_out << commandHelp(*explained);
        return Success;
    }

    if ((info->name == u"init" || info->name == u"check") && !values.isEmpty()) {
        return usageError(i18nc("@info:shell %1 is a command, %2 what the user typed",
                                "The %1 command takes no arguments, but was given “%2”.",
                                info->name,
                                values.join(u' ')));
    }
    if (info->name == u"search" && values.join(QString()).trimmed().isEmpty()) {
        return usageError(i18nc("@info:shell %1 is the program", "The search command needs the words to search for: %1 search QUERY", program));
    }
    if (info->name == u"backup") {
        if (values.isEmpty() || values.first().isEmpty()) {
            return usageError(i18nc("@info:shell %1 is the program", "The backup command needs the file to write: %1 backup OUT", program));
        }
        if (values.size() > 1) {
            return usageError(i18nc("@info:shell %1 is what the user typed", "The backup command writes one file, but was given “%1”.", values.join(u' ')));
        }
    }
    int limit = defaultLimit;
    if (info->name == u"search") {
        bool ok = false;
        limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1) {
            return usageError(
                i18nc("@info:shell %1 is what the user typed", "--limit needs a whole number greater than zero, not “%1”.", parser.value(u"limit"_s)));
        }
    }

    Target target;
    if (parser.isSet(u"db"_s)) {
        target.path = parser.value(u"db"_s);
    } else if (globalDatabase) {
        target.path = *globalDatabase;
    } else {
        target.path = defaultDatabase();
        target.isDefault = true;
        if (target.path.isEmpty()) {
            return usageError(i18nc("@info:shell", "Chorus cannot find a folder for your database. Name the database with --db FILE."));
        }
    }
    if (target.path.isEmpty()) {
        return usageError(i18nc("@info:shell", "The database file name given with --db is empty."));
    }

    if (InteropCommands::handles(info->name)) {
        return InteropCommands::run(info->name, parser, target.path, m_out, m_err);
    }
    if (RecordCommands::handles(info->name)) {
        return RecordCommands::run(info->name, parser, target.path, m_out, m_err);
    }
    if (info->name == u"init") {
        return init(target, parser.isSet(u"demo"_s));
    }
    if (info->name == u"export-kit") {
        std::unique_ptr<Store::Store> store = openExisting(target.path);
        return store ? ExportKitCommand(m_out, m_err).run(*store, parser) : int(UsageOrCannotOpen);
    }
    if (info->name == u"check") {
        return check(target.path);
    }
    if (info->name == u"search") {
        return search(target.path, values.join(u' '), limit, parser.isSet(u"json"_s));
    }
    if (EventCommands::handles(info->name)) {
        return EventCommands(m_out,
                             m_err,
                             [this](const QString &path) {
                                 return openExisting(path);
                             })
            .run(info->name, parser, target.path);
    }
    if (info->name == u"backup") {
        return backup(target.path, values.first());
    }
    return SyncCommands::run(info->name, parser, target.path, m_out, m_err);
}

int CommandLineTool::init(const Target &target, bool demo)
{
    const QFileInfo file(target.path);
    if (file.exists() && !file.isDir()) {
        error(i18nc("@info:shell %1 is a file path",
                    "%1 already exists. Chorus left it unchanged: choose another file name for a new database, or run “check” on this one.",
                    shown(target.path)));
        return Failed;
    }
    // The user's own database lives in a folder that may not exist yet; a folder the user names
    // must exist, so that a typing mistake does not create a tree of folders.
    if (target.isDefault && !QDir().mkpath(file.absolutePath())) {
        error(i18nc("@info:shell %1 is a folder", "Cannot create the folder %1 for your database.", shown(file.absolutePath())));
        return UsageOrCannotOpen;
    }
    auto opened = Store::Store::open(target.path, true);
    if (!opened) {
        error(opened.error().message());
        return UsageOrCannotOpen;
    }
    std::unique_ptr<Store::Store> store = std::move(opened).value();
    if (demo) {
        if (auto loaded = Store::loadDemoCoalition(*store); !loaded) {
            store.reset();
            // All or nothing: the file this command created goes away with the failure.
            for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
                QFile::remove(target.path + suffix);
            }
            error(i18nc("@info:shell %1 is a file path, %2 the reason",
                        "The demo coalition could not be loaded, so %1 was not created: %2",
                        shown(target.path),
                        loaded.error().message()));
            return Failed;
        }
        m_out << i18nc("@info:shell %1 is a file path, %2 a list of counts", "Created %1 with the demo coalition: %2.", shown(target.path), contents(*store))
              << u'\n';
    } else {
        m_out << i18nc("@info:shell %1 is a file path, %2 a number",
                       "Created %1, an empty Chorus database (schema version %2).",
                       shown(target.path),
                       store->database().userVersion())
              << u'\n';
    }
    return Success;
}

int CommandLineTool::check(const QString &path)
{
    std::unique_ptr<Store::Store> store = openExisting(path);
    if (!store) {
        return UsageOrCannotOpen;
    }
    const QStringList problems = store->check();
    if (problems.isEmpty()) {
        m_out << i18nc("@info:shell %1 is a file path, %2 a number",
                       "OK: %1 is a healthy Chorus database (schema version %2).",
                       shown(path),
                       store->database().userVersion())
              << u'\n';
        return Success;
    }
    m_out << i18ncp("@info:shell %2 is a file path", "Found %1 problem in %2:", "Found %1 problems in %2:", problems.size(), shown(path)) << u'\n';
    for (const QString &problem : problems) {
        m_out << u"  - "_s << problem << u'\n';
    }
    return Failed;
}

int CommandLineTool::search(const QString &path, const QString &query, int limitPerKind, bool json)
{
    std::unique_ptr<Store::Store> store = openExisting(path);
    if (!store) {
        return UsageOrCannotOpen;
    }
    const QList<Store::SearchHit> hits = store->search(query, limitPerKind);
    if (json) {
        QJsonArray array;
        for (const Store::SearchHit &hit : hits) {
            array.append(QJsonObject{
                {u"kind"_s, Domain::entity(hit.kind).key},
                {u"id"_s, hit.id},
                {u"title"_s, hit.title},
                {u"detail"_s, hit.detail},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (hits.isEmpty()) {
        m_out << i18nc("@info:shell %1 is what the user searched for", "No results for “%1”.", query) << u'\n';
        return Success;
    }
    // The store returns hits grouped by kind; a heading starts each group.
    std::optional<Kind> group;
    for (const Store::SearchHit &hit : hits) {
        if (group != hit.kind) {
            if (group) {
                m_out << u'\n';
            }
            group = hit.kind;
            m_out << Domain::kindPluralLabel(hit.kind) << u'\n';
        }
        // A quote's title is the start of its text, which may run over several lines.
        const QString title = hit.title.simplified();
        const QString detail = hit.detail.simplified();
        if (detail.isEmpty()) {
            m_out << u"  "_s << i18nc("@info:shell a search result: %1 its title, %2 its id", "%1 [%2]", title, hit.id) << u'\n';
        } else {
            m_out << u"  "_s
                  << i18nc("@info:shell a search result: %1 its title, %2 who or what it belongs to, %3 its id", "%1 — %2 [%3]", title, detail, hit.id)
                  << u'\n';
        }
    }
    return Success;
}

int CommandLineTool::backup(const QString &path, const QString &output)
{
    std::unique_ptr<Store::Store> store = openExisting(path);
    if (!store) {
        return UsageOrCannotOpen;
    }
    if (auto written = store->database().backupTo(output); !written) {
        error(written.error().message());
        return Failed;
    }
    m_out << i18nc("@info:shell %1 and %2 are file paths, %3 a list of counts", "Wrote a backup of %1 to %2: %3.", shown(path), shown(output), contents(*store))
          << u'\n';
    return Success;
}

std::unique_ptr<Store::Store> CommandLineTool::openExisting(const QString &path)
{
    // Never create a database as a side effect of reading one.
    auto opened = Store::Store::open(path, false);
    if (!opened) {
        error(opened.error().message());
        if (!QFileInfo::exists(path)) {
            m_err << i18nc("@info:shell %1 is a command line", "To create a new database, run: %1", program + u" --db "_s + path + u" init"_s) << u'\n';
        }
        return {};
    }
    std::unique_ptr<Store::Store> store = std::move(opened).value();
    if (const QString backup = store->database().lastBackupPath(); !backup.isEmpty()) {
        m_err << i18nc("@info:shell %1 and %3 are file paths, %2 a number",
                       "Chorus upgraded %1 to schema version %2, after saving a copy of the old version as %3.",
                       shown(path),
                       store->database().userVersion(),
                       shown(backup))
              << u'\n';
    }
    return store;
}

int CommandLineTool::usageError(const QString &message)
{
    error(message);
    m_err << i18nc("@info:shell", "Run “%1 --help” for the commands and their options.", program) << u'\n';
    return UsageOrCannotOpen;
}

void CommandLineTool::error(const QString &message)
{
    m_err << program << u": "_s << message << u'\n';
}

} // namespace Chorus
