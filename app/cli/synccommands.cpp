// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "synccommands.h"

#include "commandlinetool.h"
#include "filereason.h"
#include "store/store.h"
#include "sync/replica.h"
#include "sync/sharedfolder.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <optional>

using namespace Qt::StringLiterals;

namespace Chorus::SyncCommands
{

namespace
{

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

int usage(QTextStream &err, const QString &message)
{
    return Cli::usageError(err, message);
}

void printSummary(QTextStream &out, const Sync::ImportSummary &summary)
{
    out << i18ncp("@info:shell %2 is a computer's name",
                  "Imported 1 new change from “%2”.",
                  "Imported %1 new changes from “%2”.",
                  summary.applied,
                  summary.fromName);
    if (summary.received > summary.applied) {
        out << u' ' << i18ncp("@info:shell", "1 change was already here.", "%1 changes were already here.", summary.received - summary.applied);
    }
    out << u'\n';
    if (summary.newConflicts > 0) {
        out << i18ncp("@info:shell",
                      "1 new conflict to resolve: see “chorus-cli conflicts list”.",
                      "%1 new conflicts to resolve: see “chorus-cli conflicts list”.",
                      summary.newConflicts)
            << u'\n';
    }
}

int bundle(const QCommandLineParser &parser, Store::Store &store, const std::optional<Sync::Bundle> &incoming, QTextStream &out, QTextStream &err)
{
    const QStringList values = parser.positionalArguments();
    Sync::Replica replica(store);
    if (values.value(0) == u"export") {
        if (values.size() != 1) {
            return usage(err, i18nc("@info:shell", "bundle export takes no arguments; name the file with --out FILE."));
        }
        const QString output = parser.value(u"out"_s);
        if (output.isEmpty()) {
            return usage(err, i18nc("@info:shell", "bundle export needs the file to write: chorus-cli bundle export --out FILE"));
        }
        Sync::ExportOptions options;
        options.sincePeer = parser.value(u"since-peer"_s);
        auto written = replica.exportTo(output, options);
        if (!written) {
            err << written.error().message() << u'\n';
            return CommandLineTool::Failed;
        }
        out << i18ncp("@info:shell %2 is a file path", "Wrote 1 change to %2.", "Wrote %1 changes to %2.", written.value().operations.size(), shown(output))
            << u'\n';
        return CommandLineTool::Success;
    }
    if (values.value(0) == u"import") {
        if (values.size() != 2 || values.at(1).isEmpty()) {
            return usage(err, i18nc("@info:shell", "bundle import needs one file to read: chorus-cli bundle import FILE"));
        }
        auto imported = incoming ? replica.importBundle(*incoming) : replica.importFile(values.at(1));
        if (!imported) {
            err << imported.error().message() << u'\n';
            return CommandLineTool::Failed;
        }
        printSummary(out, imported.value());
        return CommandLineTool::Success;
    }
    return usage(err, i18nc("@info:shell", "The bundle command is “bundle export” or “bundle import”."));
}

int sync(const QCommandLineParser &parser, Store::Store &store, QTextStream &out, QTextStream &err)
{
    const QString folder = parser.value(u"folder"_s);
    if (folder.isEmpty() || !parser.positionalArguments().isEmpty()) {
        return usage(err, i18nc("@info:shell", "sync needs the shared folder: chorus-cli sync --folder DIR"));
    }
    Sync::SharedFolder shared(store, folder);
    auto round = shared.synchronize();
    if (!round) {
        err << round.error().message() << u'\n';
        return CommandLineTool::Failed;
    }
    const Sync::SharedFolder::Summary &summary = round.value();
    if (summary.operationsWritten > 0) {
        out << i18ncp("@info:shell %2 is a folder",
                      "Wrote 1 change of this computer to %2.",
                      "Wrote %1 changes of this computer to %2.",
                      summary.operationsWritten,
                      shown(folder))
            << u'\n';
    }
    if (summary.operationsPassedOn > 0) {
        out << i18ncp("@info:shell %2 is a folder",
                      "Passed on 1 change made on other computers to %2.",
                      "Passed on %1 changes made on other computers to %2.",
                      summary.operationsPassedOn,
                      shown(folder))
            << u'\n';
    }
    if (summary.filesImported > 0) {
        out << i18ncp("@info:shell %2 is a list of computer names",
                      "Imported 1 new change from %2.",
                      "Imported %1 new changes from %2.",
                      summary.operationsApplied,
                      summary.from.join(i18nc("@info:shell separator between the items of a list", ", ")))
            << u'\n';
    }
    if (summary.filesWritten == 0 && summary.filesImported == 0 && summary.problems.isEmpty()) {
        out << i18nc("@info:shell", "Already up to date: nothing new here or in the shared folder.") << u'\n';
    }
    if (summary.newConflicts > 0) {
        out << i18ncp("@info:shell",
                      "1 new conflict to resolve: see “chorus-cli conflicts list”.",
                      "%1 new conflicts to resolve: see “chorus-cli conflicts list”.",
                      summary.newConflicts)
            << u'\n';
    }
    for (const QString &problem : summary.problems) {
        err << problem << u'\n';
    }
    return summary.problems.isEmpty() ? CommandLineTool::Success : CommandLineTool::Failed;
}

/// conflicts resolve ID --keep mine|theirs, or --merged TEXT / --merged-file FILE.
int resolve(const QCommandLineParser &parser, Store::Store &store, QTextStream &out, QTextStream &err)
{
    const QStringList values = parser.positionalArguments();
    bool isNumber = false;
    const qint64 id = QString(values.value(1)).remove(u'#').toLongLong(&isNumber);
    if (values.size() != 2 || !isNumber) {
        return usage(
            err,
            i18nc("@info:shell", "conflicts resolve needs the number of a conflict, as “conflicts list” shows it: chorus-cli conflicts resolve 3 --keep mine"));
    }
    const QString keep = parser.value(u"keep"_s);
    const bool merged = parser.isSet(u"merged"_s) || parser.isSet(u"merged-file"_s);
    if (int(!keep.isEmpty()) + int(parser.isSet(u"merged"_s)) + int(parser.isSet(u"merged-file"_s)) != 1
        || (!keep.isEmpty() && keep != u"mine" && keep != u"theirs")) {
        return usage(err, i18nc("@info:shell", "Say how to resolve it: --keep mine, --keep theirs, --merged TEXT or --merged-file FILE."));
    }
    QString text = parser.value(u"merged"_s);
    if (parser.isSet(u"merged-file"_s)) {
        QFile file(parser.value(u"merged-file"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            err << i18nc("@info:shell %1 is a file path, %2 the reason",
                         "Cannot read %1: %2",
                         shown(file.fileName()),
                         FileReason::forReading(file.fileName(), file))
                << u'\n';
            return CommandLineTool::Failed;
        }
        text = QString::fromUtf8(file.readAll());
    }
    Sync::Replica replica(store);
    const QList<Sync::Conflict> open = replica.conflicts();
    const auto conflict = std::find_if(open.cbegin(), open.cend(), [id](const Sync::Conflict &c) {
        return c.id == id;
    });
    if (conflict == open.cend()) {
        err << i18nc("@info:shell %1 is a number", "There is no conflict #%1 to resolve: see “chorus-cli conflicts list”.", id) << u'\n';
        return CommandLineTool::Failed;
    }
    const Sync::Replica::Resolution resolution = merged ? Sync::Replica::Resolution::Merged
        : keep == u"mine"                               ? Sync::Replica::Resolution::KeepMine
                                                        : Sync::Replica::Resolution::KeepTheirs;
    if (auto done = replica.resolve(id, resolution, text); !done) {
        err << done.error().message() << u'\n';
        return CommandLineTool::Failed;
    }
    out << i18nc("@info:shell %1 is a number, %2 what the conflict was about", "Resolved conflict #%1: %2", id, conflict->description()) << u'\n';
    return CommandLineTool::Success;
}

QString reasonName(Sync::Conflict::Reason reason)
{
    switch (reason) {
    case Sync::Conflict::Reason::EditedWhileDeleted:
        return u"edited_while_deleted"_s;
    case Sync::Conflict::Reason::EditedWhileApproved:
        return u"edited_while_approved"_s;
    case Sync::Conflict::Reason::LinkedToDeleted:
        return u"linked_to_deleted"_s;
    case Sync::Conflict::Reason::ConcurrentEdit:
        break;
    }
    return u"concurrent_edit"_s;
}

int conflicts(const QCommandLineParser &parser, Store::Store &store, QTextStream &out, QTextStream &err)
{
    const QStringList values = parser.positionalArguments();
    if (values.value(0) == u"resolve") {
        return resolve(parser, store, out, err);
    }
    if (values != QStringList{u"list"_s}) {
        return usage(err, i18nc("@info:shell", "The conflicts command is “conflicts list” or “conflicts resolve ID”."));
    }
    Sync::Replica replica(store);
    const QList<Sync::Conflict> list = replica.conflicts();
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Sync::Conflict &conflict : list) {
            array.append(QJsonObject{
                {u"id"_s, conflict.id},
                {u"kind"_s, Domain::entity(conflict.kind).key},
                {u"record"_s, conflict.recordId},
                {u"field"_s, conflict.field},
                {u"reason"_s, reasonName(conflict.reason)},
                {u"current"_s, conflict.currentValue},
                {u"other"_s, conflict.lostValue},
                {u"otherBy"_s, conflict.lostBy},
                {u"otherAt"_s, conflict.lostAt.toString(Qt::ISODate)},
            });
            if (conflict.reason == Sync::Conflict::Reason::LinkedToDeleted) {
                // The deleted record the link pointed to ("other" is its id), by name, and its deletion.
                QJsonObject described = array.last().toObject();
                described.insert(u"otherName"_s, conflict.linkedLabel);
                described.insert(u"deletedBy"_s, conflict.deletedBy);
                described.insert(u"deletedAt"_s, conflict.deletedAt.toString(Qt::ISODate));
                array.replace(array.size() - 1, described);
            }
        }
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return CommandLineTool::Success;
    }
    if (list.isEmpty()) {
        out << i18nc("@info:shell", "No conflicts: every change from other computers merged cleanly.") << u'\n';
        return CommandLineTool::Success;
    }
    out << i18ncp("@info:shell", "1 conflict to resolve:", "%1 conflicts to resolve:", list.size()) << u'\n';
    for (const Sync::Conflict &conflict : list) {
        out << u"\n#"_s << conflict.id << u' ' << conflict.description() << u'\n';
        if (conflict.reason == Sync::Conflict::Reason::EditedWhileApproved) {
            out << u"  "_s << i18nc("@info:shell", "“--keep theirs” approves the current text again, in the approver's name; “--keep mine” leaves it a draft.")
                << u'\n';
            continue;
        }
        if (conflict.reason == Sync::Conflict::Reason::LinkedToDeleted) {
            if (conflict.recordExists) {
                out << u"  "_s
                    << i18nc("@info:shell %1 names a deleted record",
                             "“--keep mine” accepts the deletion and leaves the link empty; “--keep theirs” makes %1 again, as it was last known, and "
                             "links to it every record that lost its link to it.",
                             conflict.linkedLabel)
                    << u'\n';
            } else {
                out << u"  "_s << i18nc("@info:shell", "“--keep mine” accepts the deletion.") << u'\n';
            }
            continue;
        }
        if (conflict.reason == Sync::Conflict::Reason::ConcurrentEdit) {
            out << u"  "_s << i18nc("@info:shell the value the record has now", "Now:") << u' ' << conflict.currentValue << u'\n';
        }
        out << u"  "_s << i18nc("@info:shell the version that was not kept; %1 is a computer", "From %1:", conflict.lostBy) << u' ' << conflict.lostValue
            << u'\n';
    }
    return CommandLineTool::Success;
}

} // namespace

QList<Command> commands()
{
    return {
        {u"sync"_s,
         u"sync --folder DIR [--name NAME]"_s,
         i18nc("@info:shell description of a command", "Exchange changes with the other computers through a shared folder")},
        {u"bundle"_s,
         u"bundle export [--since-peer NAME] --out FILE | import FILE"_s,
         i18nc("@info:shell description of a command", "Write this computer's changes to a file for another, or import such a file")},
        {u"conflicts"_s,
         u"conflicts list [--json] | resolve ID --keep mine|theirs | --merged TEXT | --merged-file FILE"_s,
         i18nc("@info:shell description of a command", "List the versions that lost to a concurrent change, or resolve one")},
    };
}

void setUp(QCommandLineParser &parser, const QString &name)
{
    if (name == u"sync" || name == u"bundle") {
        parser.addOption(QCommandLineOption(u"name"_s,
                                            i18nc("@info:shell", "Set this computer's name, which the others see (for example “Ana's laptop”), first."),
                                            i18nc("@info:shell placeholder of an option's value", "NAME")));
    }
    if (name == u"sync") {
        parser.addOption(QCommandLineOption(u"folder"_s,
                                            i18nc("@info:shell", "The folder shared with the other computers (by Syncthing, Nextcloud, a network share...)."),
                                            i18nc("@info:shell placeholder of an option's value", "DIR")));
    } else if (name == u"bundle") {
        parser.addPositionalArgument(u"ACTION"_s, i18nc("@info:shell", "export or import."), u"export|import"_s);
        parser.addPositionalArgument(u"FILE"_s, i18nc("@info:shell", "For import: the changes file to read."), u"[FILE]"_s);
        parser.addOption(QCommandLineOption(u"out"_s,
                                            i18nc("@info:shell", "For export: the changes file to write."),
                                            i18nc("@info:shell placeholder of an option's value", "FILE")));
        parser.addOption(QCommandLineOption(u"since-peer"_s,
                                            i18nc("@info:shell", "For export: only the changes that computer NAME has not received yet (default: all)."),
                                            i18nc("@info:shell placeholder of an option's value", "NAME")));
    } else if (name == u"conflicts") {
        parser.addPositionalArgument(u"ACTION"_s, i18nc("@info:shell", "list, or resolve with the conflict's number."), u"list|resolve ID"_s);
        parser.addOption(QCommandLineOption(u"json"_s, i18nc("@info:shell", "Print the conflicts as a JSON array.")));
        parser.addOption(QCommandLineOption(u"keep"_s,
                                            i18nc("@info:shell", "For resolve: keep this computer's current version (mine) or the other one (theirs)."),
                                            u"mine|theirs"_s));
        parser.addOption(QCommandLineOption(u"merged"_s,
                                            i18nc("@info:shell", "For resolve: write this text, merged by hand from both versions."),
                                            i18nc("@info:shell placeholder of an option's value", "TEXT")));
        parser.addOption(QCommandLineOption(u"merged-file"_s,
                                            i18nc("@info:shell", "For resolve: write the merged text read from FILE (UTF-8)."),
                                            i18nc("@info:shell placeholder of an option's value", "FILE")));
    }
}

int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err)
{
    // What is refused for itself (a damaged changes file, a missing shared folder) is refused
    // before the database is opened: the database file stays as it was, byte for byte, even
    // when this is the first time it is opened since it was copied (which gives it a replica id
    // of its own).
    std::optional<Sync::Bundle> incoming;
    const QStringList values = parser.positionalArguments();
    if (name == u"bundle" && values.size() == 2 && values.at(0) == u"import" && !values.at(1).isEmpty()) {
        auto read = Sync::Replica::readFile(values.at(1));
        if (!read) {
            err << read.error().message() << u'\n';
            return CommandLineTool::Failed;
        }
        incoming = std::move(read).value();
    }
    if (name == u"sync" && !parser.value(u"folder"_s).isEmpty()) {
        if (auto usable = Sync::SharedFolder::check(parser.value(u"folder"_s)); !usable) {
            err << usable.error().message() << u'\n';
            return CommandLineTool::Failed;
        }
    }
    auto opened = Store::Store::open(path, false);
    if (!opened) {
        err << opened.error().message() << u'\n';
        return CommandLineTool::UsageOrCannotOpen;
    }
    Store::Store &store = *opened.value();
    if ((name == u"sync" || name == u"bundle") && parser.isSet(u"name"_s)) {
        if (auto named = store.setReplicaName(parser.value(u"name"_s)); !named) {
            err << named.error().message() << u'\n';
            return CommandLineTool::Failed;
        }
    }
    if (name == u"sync") {
        return sync(parser, store, out, err);
    }
    if (name == u"bundle") {
        return bundle(parser, store, incoming, out, err);
    }
    return conflicts(parser, store, out, err);
}

} // namespace Chorus::SyncCommands
