// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "interopcommands.h"

#include "filereason.h"
#include "interop/csvreader.h"
#include "interop/csvwriter.h"
#include "interop/duplicates.h"
#include "interop/importer.h"
#include "interop/importreporttext.h"
#include "interop/jsonbackup.h"
#include "interop/vcard.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;

namespace Chorus::InteropCommands
{

namespace
{

const QString program = u"chorus-cli"_s;

enum ExitCode {
    Success = 0,
    Failed = 1,
    Usage = 2
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

std::optional<Kind> listKind(const QString &name)
{
    if (name == u"people" || name == u"person") {
        return Kind::Person;
    }
    if (name == u"organizations" || name == u"organization" || name == u"organisations") {
        return Kind::Organization;
    }
    if (name == u"quotes" || name == u"quote") {
        return Kind::Quote;
    }
    return std::nullopt;
}

class Runner
{
public:
    Runner(const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err)
        : m_parser(parser)
        , m_path(path)
        , m_out(out)
        , m_err(err)
    {
    }

    int usage(const QString &message)
    {
        m_err << program << u": "_s << message << u'\n';
        m_err << i18nc("@info:shell", "Run “%1 --help” for the commands and their options.", program) << u'\n';
        return Usage;
    }

    int failed(const QString &message)
    {
        m_err << program << u": "_s << message << u'\n';
        return Failed;
    }

    std::unique_ptr<Store::Store> open()
    {
        auto opened = Store::Store::open(m_path, false);
        if (!opened) {
            m_err << program << u": "_s << opened.error().message() << u'\n';
            return {};
        }
        return std::move(opened).value();
    }

    std::optional<QByteArray> readInput(const QString &file)
    {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            failed(i18nc("@info:shell %1 is a file path, %2 the reason", "Cannot read %1: %2", shown(file), FileReason::forReading(file, input)));
            return std::nullopt;
        }
        return input.readAll();
    }

    bool writeOutput(const QString &file, const QByteArray &data)
    {
        QSaveFile output(file);
        if (!output.open(QIODevice::WriteOnly) || output.write(data) != data.size() || !output.commit()) {
            failed(i18nc("@info:shell %1 is a file path, %2 the reason", "Cannot write %1: %2", shown(file), FileReason::forWriting(file, output)));
            return false;
        }
        return true;
    }

    std::optional<QString> oneFile(const QString &command)
    {
        const QStringList values = m_parser.positionalArguments();
        if (values.size() != 1 || values.first().isEmpty()) {
            usage(i18nc("@info:shell %1 is a command", "The %1 command needs one file to read.", command));
            return std::nullopt;
        }
        return values.first();
    }

    std::optional<QString> outFile(const QString &command)
    {
        if (!m_parser.positionalArguments().isEmpty()) {
            usage(i18nc("@info:shell %1 is a command, %2 what the user typed",
                        "The %1 command takes no arguments, but was given “%2”.",
                        command,
                        m_parser.positionalArguments().join(u' ')));
            return std::nullopt;
        }
        if (m_parser.value(u"out"_s).isEmpty()) {
            usage(i18nc("@info:shell %1 is a command", "The %1 command needs the file to write: --out FILE", command));
            return std::nullopt;
        }
        return m_parser.value(u"out"_s);
    }

    int import()
    {
        const auto file = oneFile(u"import"_s);
        if (!file) {
            return Usage;
        }
        const QString kindName = m_parser.value(u"kind"_s);
        const std::optional<Kind> kind = listKind(kindName);
        if (!kind || *kind == Kind::Quote) {
            return usage(i18nc("@info:shell %1 is what the user typed", "--kind is people or organizations, not “%1”.", kindName));
        }
        Interop::DuplicateAction onDuplicate = Interop::DuplicateAction::Merge;
        const QString duplicate = m_parser.value(u"on-duplicate"_s);
        if (duplicate == u"keep") {
            onDuplicate = Interop::DuplicateAction::KeepBoth;
        } else if (duplicate == u"skip") {
            onDuplicate = Interop::DuplicateAction::Skip;
        } else if (duplicate != u"merge") {
            return usage(i18nc("@info:shell %1 is what the user typed", "--on-duplicate is merge, keep or skip, not “%1”.", duplicate));
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        const auto data = readInput(*file);
        if (!data) {
            return Failed;
        }

        // By its name, or by its first line (in any case, after a byte order mark, in UTF-16 too).
        QString startEncoding;
        const bool vcard = file->endsWith(u".vcf"_s, Qt::CaseInsensitive) || file->endsWith(u".vcard"_s, Qt::CaseInsensitive)
            || Interop::CsvReader::decode(data->left(64), &startEncoding).trimmed().startsWith(u"BEGIN:VCARD"_s, Qt::CaseInsensitive);
        if (vcard && *kind != Kind::Person) {
            return usage(
                i18nc("@info:shell %1 is a file path", "%1 is a vCard file, which holds people: --kind organizations does not apply to it.", shown(*file)));
        }
        Interop::CsvTable table;
        if (!vcard) {
            const QString encoding = m_parser.value(u"encoding"_s);
            auto read = encoding.isEmpty() ? Interop::CsvReader::read(*data) : Interop::CsvReader::readAs(*data, encoding);
            if (!read) {
                return failed(i18nc("@info:shell %1 is a file path, %2 the reason", "%1 was not imported: %2", shown(*file), read.error().message()));
            }
            table = std::move(read).value();
        }
        Interop::ImportOptions options;
        options.kind = vcard ? Kind::Person : *kind;
        if (!vcard) {
            options.mapping = Interop::ColumnMapping::guess(*kind, table.headers);
            if (auto mapped = options.mapping.applyOverrides(*kind, table.headers, m_parser.value(u"map"_s)); !mapped) {
                return usage(mapped.error().message());
            }
        }
        options.skipBadRows = m_parser.isSet(u"skip-bad-rows"_s);
        options.onDuplicate = onDuplicate;
        options.source = QFileInfo(*file).fileName();
        auto report = vcard ? Interop::VCard::importPeople(*store, *data, options) : Interop::Importer(*store).run(table, options);
        if (!report) {
            return failed(i18nc("@info:shell %1 is a file path, %2 the reason", "%1 was not imported: %2", shown(*file), report.error().message()));
        }
        const Interop::ImportReport &r = report.value();
        if (vcard) {
            m_out << i18ncp("@info:shell %2 is a file path", "Read %2: 1 contact.", "Read %2: %1 contacts.", r.rows, shown(*file)) << u'\n';
        } else {
            m_out << i18ncp("@info:shell %2 is a file path, %3 an encoding",
                            "Read %2: 1 row (%3).",
                            "Read %2: %1 rows (%3).",
                            r.rows,
                            shown(*file),
                            table.encoding)
                  << u'\n';
            if (const int notes = table.linesAboveHeader; notes > 0) {
                m_out << u"  "_s << i18ncp("@info:shell", "1 line of notes above the header skipped", "%1 lines of notes above the header skipped", notes)
                      << u'\n';
            }
        }
        for (const QString &line : Interop::ImportReportText::added(r, *kind)) {
            m_out << u"  "_s << line << u'\n';
        }
        for (const Interop::ImportReportLine &line : Interop::ImportReportText::details(r, vcard, Interop::ImportReportText::Reader::CommandLine)) {
            m_out << (line.detail ? u"    - "_s : u"  "_s) << line.text << u'\n';
        }
        return Success;
    }

    int exportJson()
    {
        const auto file = outFile(u"export-json"_s);
        if (!file) {
            return Usage;
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        auto json = Interop::JsonBackup::exportData(*store, m_parser.value(u"campaign"_s));
        if (!json) {
            return failed(json.error().message());
        }
        if (!writeOutput(*file, json.value())) {
            return Failed;
        }
        m_out << i18nc("@info:shell %1 is a file path", "Wrote %1.", shown(*file)) << u'\n';
        return Success;
    }

    int importJson()
    {
        const auto file = oneFile(u"import-json"_s);
        if (!file) {
            return Usage;
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        const auto data = readInput(*file);
        if (!data) {
            return Failed;
        }
        auto summary = Interop::JsonBackup::importData(*store, *data);
        if (!summary) {
            return failed(i18nc("@info:shell %1 is a file path, %2 the reason", "%1 was not imported: %2", shown(*file), summary.error().message()));
        }
        qint64 created = 0;
        qint64 updated = 0;
        for (qint64 n : std::as_const(summary.value().created)) {
            created += n;
        }
        for (qint64 n : std::as_const(summary.value().updated)) {
            updated += n;
        }
        m_out << i18nc("@info:shell %1 is a file path, %2 and %3 numbers", "Imported %1: %2 records added, %3 updated.", shown(*file), created, updated)
              << u'\n';
        return Success;
    }

    int exportVcf()
    {
        const auto file = outFile(u"export-vcf"_s);
        if (!file) {
            return Usage;
        }
        const QString version = m_parser.value(u"vcard-version"_s);
        if (version != u"3.0" && version != u"4.0" && version != u"3" && version != u"4") {
            return usage(i18nc("@info:shell %1 is what the user typed", "--vcard-version is 3.0 or 4.0, not “%1”.", version));
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        const QByteArray data = Interop::VCard::exportPeople(*store, version.startsWith(u'4') ? 4 : 3);
        if (!writeOutput(*file, data)) {
            return Failed;
        }
        m_out << i18nc("@info:shell %1 is a file path", "Wrote %1.", shown(*file)) << u'\n';
        return Success;
    }

    int exportCsv()
    {
        const auto file = outFile(u"export-csv"_s);
        if (!file) {
            return Usage;
        }
        const std::optional<Kind> kind = listKind(m_parser.value(u"list"_s));
        if (!kind) {
            return usage(i18nc("@info:shell %1 is what the user typed", "--list is people, organizations or quotes, not “%1”.", m_parser.value(u"list"_s)));
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        auto csv = Interop::CsvWriter::exportList(*store, *kind);
        if (!csv) {
            return failed(csv.error().message());
        }
        if (!writeOutput(*file, csv.value())) {
            return Failed;
        }
        m_out << i18nc("@info:shell %1 is a file path", "Wrote %1.", shown(*file)) << u'\n';
        return Success;
    }

    int findDuplicates()
    {
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        const QList<Interop::DuplicateGroup> groups = Interop::Duplicates::find(*store);
        if (groups.isEmpty()) {
            m_out << i18nc("@info:shell", "No duplicates found.") << u'\n';
            return Success;
        }
        for (const Interop::DuplicateGroup &group : groups) {
            m_out << Domain::kindPluralLabel(group.kind) << u": "_s << group.reason << u'\n';
            for (const QString &id : group.ids) {
                const auto record = store->fetch(group.kind, id);
                m_out << u"  "_s << (record ? record->value(u"name"_s).toString() : QString()) << u" ["_s << id << u"]\n"_s;
            }
        }
        return Success;
    }

    int merge()
    {
        const QStringList values = m_parser.positionalArguments();
        const std::optional<Kind> kind = listKind(m_parser.value(u"kind"_s));
        if (!kind || *kind == Kind::Quote) {
            return usage(i18nc("@info:shell %1 is what the user typed", "--kind is people or organizations, not “%1”.", m_parser.value(u"kind"_s)));
        }
        if (values.size() != 2) {
            return usage(i18nc("@info:shell %1 is the program",
                               "The merge command needs two ids, the record to keep and the one to merge into it: %1 merge --kind people KEEP MERGED",
                               program));
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        auto merged = Interop::Duplicates::merge(*store, *kind, values.at(0), values.at(1));
        if (!merged) {
            return failed(merged.error().message());
        }
        m_out << i18nc("@info:shell %1 is the id of the merge", "Merged. To undo it: chorus-cli undo-merge %1", merged.value()) << u'\n';
        return Success;
    }

    int merges()
    {
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        const QList<Interop::MergeEntry> entries = Interop::Duplicates::history(*store);
        if (entries.isEmpty()) {
            m_out << i18nc("@info:shell", "No merges yet.") << u'\n';
            return Success;
        }
        for (const Interop::MergeEntry &entry : entries) {
            const auto kept = store->fetch(entry.kind, entry.keptId);
            const QString keptName = kept ? kept->value(u"name"_s).toString() : entry.keptId;
            const QString from =
                entry.source.isEmpty() ? entry.mergedName : i18nc("@info:shell %1 is a name, %2 where it came from", "%1 (%2)", entry.mergedName, entry.source);
            m_out << entry.mergedAt << u"  "_s
                  << i18nc("@info:shell %1 and %2 are names, %3 the id of the merge", "“%1” merged into “%2” [%3]", from, keptName, entry.id);
            if (entry.undone) {
                m_out << u"  "_s << i18nc("@info:shell", "(undone)");
            }
            m_out << u'\n';
            if (!entry.lostValues.isEmpty()) {
                m_out << u"    "_s
                      << i18nc("@info:shell %1 is a list of fields and values",
                               "not taken, as the kept record had its own: %1",
                               entry.lostValues.join(i18nc("@info separator between the items of a list", ", ")))
                      << u'\n';
            }
        }
        return Success;
    }

    int undoMerge()
    {
        const QStringList values = m_parser.positionalArguments();
        if (values.size() != 1) {
            return usage(i18nc("@info:shell", "The undo-merge command needs the id that merge printed."));
        }
        std::unique_ptr<Store::Store> store = open();
        if (!store) {
            return Usage;
        }
        if (auto undone = Interop::Duplicates::undoMerge(*store, values.first()); !undone) {
            return failed(undone.error().message());
        }
        m_out << i18nc("@info:shell", "The merge was undone.") << u'\n';
        return Success;
    }

private:
    const QCommandLineParser &m_parser;
    QString m_path;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace

QList<Command> commands()
{
    return {
        {u"import"_s,
         u"import FILE [options]"_s,
         i18nc("@info:shell description of a command", "Import people or organizations from a CSV file (or people from a vCard file)")},
        {u"export-json"_s,
         u"export-json [--campaign C] --out FILE"_s,
         i18nc("@info:shell description of a command", "Write the whole database, or one campaign, as a Chorus JSON backup")},
        {u"import-json"_s, u"import-json FILE"_s, i18nc("@info:shell description of a command", "Import a Chorus JSON backup")},
        {u"export-vcf"_s, u"export-vcf --out FILE"_s, i18nc("@info:shell description of a command", "Write everyone as vCards")},
        {u"export-csv"_s, u"export-csv --list LIST --out FILE"_s, i18nc("@info:shell description of a command", "Write a list as a CSV file for spreadsheets")},
        {u"find-duplicates"_s, u"find-duplicates"_s, i18nc("@info:shell description of a command", "List organizations and people that look like duplicates")},
        {u"merge"_s, u"merge --kind KIND KEEP MERGED"_s, i18nc("@info:shell description of a command", "Merge a duplicate into the record to keep (undoable)")},
        {u"merges"_s, u"merges"_s, i18nc("@info:shell description of a command", "List the merges done, with their ids (to undo one)")},
        {u"undo-merge"_s, u"undo-merge MERGE_ID"_s, i18nc("@info:shell description of a command", "Undo a merge")},
    };
}

bool handles(const QString &name)
{
    return Cli::isOneOf(commands(), name);
}

void setUp(QCommandLineParser &parser, const QString &name)
{
    const QCommandLineOption out(u"out"_s,
                                 i18nc("@info:shell", "The file to write (replaced if it exists)."),
                                 i18nc("@info:shell placeholder of an option's value", "FILE"));
    if (name == u"import") {
        parser.addPositionalArgument(u"FILE"_s, i18nc("@info:shell", "The CSV (or vCard) file to import."), u"FILE"_s);
        parser.addOption(QCommandLineOption(u"kind"_s,
                                            i18nc("@info:shell", "What the rows are: people (the default) or organizations."),
                                            i18nc("@info:shell placeholder of an option's value", "KIND"),
                                            u"people"_s));
        parser.addOption(QCommandLineOption(u"map"_s,
                                            i18nc("@info:shell", "Corrections to the columns Chorus recognised, e.g. \"Mail=email,Notes=ignore\"."),
                                            i18nc("@info:shell placeholder of an option's value", "MAPPING")));
        parser.addOption(QCommandLineOption(u"encoding"_s,
                                            i18nc("@info:shell",
                                                  "The encoding of a CSV file, when the one Chorus finds (printed after the import) is wrong: e.g. "
                                                  "windows-1250, ISO-8859-15, macintosh, UTF-16LE."),
                                            i18nc("@info:shell placeholder of an option's value", "ENCODING")));
        parser.addOption(
            QCommandLineOption(u"skip-bad-rows"_s, i18nc("@info:shell", "Import the good rows and list the bad ones, instead of importing nothing.")));
        parser.addOption(
            QCommandLineOption(u"on-duplicate"_s,
                               i18nc("@info:shell", "What to do with a row that matches an existing record: merge (the default), keep (both) or skip."),
                               i18nc("@info:shell placeholder of an option's value", "ACTION"),
                               u"merge"_s));
    } else if (name == u"export-json") {
        parser.addOption(out);
        parser.addOption(QCommandLineOption(u"campaign"_s,
                                            i18nc("@info:shell", "Only this campaign (its name or id) and what it needs."),
                                            i18nc("@info:shell placeholder of an option's value", "CAMPAIGN")));
    } else if (name == u"import-json") {
        parser.addPositionalArgument(u"FILE"_s, i18nc("@info:shell", "The JSON backup to import."), u"FILE"_s);
    } else if (name == u"export-vcf") {
        parser.addOption(out);
        parser.addOption(QCommandLineOption(u"vcard-version"_s,
                                            i18nc("@info:shell", "3.0 (the default, read everywhere) or 4.0."),
                                            i18nc("@info:shell placeholder of an option's value", "VERSION"),
                                            u"3.0"_s));
    } else if (name == u"export-csv") {
        parser.addOption(out);
        parser.addOption(QCommandLineOption(u"list"_s,
                                            i18nc("@info:shell", "people, organizations or quotes."),
                                            i18nc("@info:shell placeholder of an option's value", "LIST")));
    } else if (name == u"merge") {
        parser.addOption(QCommandLineOption(u"kind"_s,
                                            i18nc("@info:shell", "people or organizations."),
                                            i18nc("@info:shell placeholder of an option's value", "KIND"),
                                            u"people"_s));
        parser.addPositionalArgument(u"KEEP"_s, i18nc("@info:shell", "The id of the record to keep."), u"KEEP"_s);
        parser.addPositionalArgument(u"MERGED"_s, i18nc("@info:shell", "The id of the duplicate to merge into it."), u"MERGED"_s);
    } else if (name == u"undo-merge") {
        parser.addPositionalArgument(u"MERGE_ID"_s, i18nc("@info:shell", "The id that merge printed."), u"MERGE_ID"_s);
    }
}

int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err)
{
    Runner runner(parser, path, out, err);
    if (name == u"import") {
        return runner.import();
    }
    if (name == u"export-json") {
        return runner.exportJson();
    }
    if (name == u"import-json") {
        return runner.importJson();
    }
    if (name == u"export-vcf") {
        return runner.exportVcf();
    }
    if (name == u"export-csv") {
        return runner.exportCsv();
    }
    if (name == u"find-duplicates") {
        return runner.findDuplicates();
    }
    if (name == u"merge") {
        return runner.merge();
    }
    if (name == u"merges") {
        return runner.merges();
    }
    return runner.undoMerge();
}

} // namespace Chorus::InteropCommands
