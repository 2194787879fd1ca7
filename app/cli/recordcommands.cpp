// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordcommands.h"

#include "commandlinetool.h"
#include "domain/validation.h"
#include "filereason.h"
#include "interop/recordjson.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::RecordCommands
{

namespace
{

int usage(QTextStream &err, const QString &message)
{
    return Cli::usageError(err, message);
}

int failed(QTextStream &err, const QString &message)
{
    err << message << u'\n';
    return CommandLineTool::Failed;
}

QString listed(const QStringList &items)
{
    return items.join(i18nc("@info:shell separator between the items of a list", ", "));
}

/// The kind a script names by its key or its table: "quote", "quotes", "run-of-show-items"...
std::optional<Kind> kindNamed(const QString &text)
{
    const QString name = text.trimmed().toLower().replace(u'-', u'_');
    for (Kind kind : allKinds()) {
        if (entity(kind).key == name || entity(kind).table == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QString kindNames()
{
    QStringList names;
    for (Kind kind : allKinds()) {
        names << entity(kind).key;
    }
    return listed(names);
}

QString fieldNames(Kind kind)
{
    QStringList names;
    for (const Field &field : entity(kind).fields) {
        names << field.name;
    }
    return listed(names);
}

/// A reference given by name ("spokesperson_id=Lucía Martínez") becomes the id it names.
Result<QString> referencedId(Store::Store &store, Kind target, const QString &value)
{
    if (!QUuid::fromString(value).isNull()) {
        return value;
    }
    const QList<Record> named = store.fetchAll(target, entity(target).titleField, value.simplified(), 2 + 8);
    if (named.isEmpty()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info:shell %1 is a kind of record, %2 what the user typed",
                           "No %1 is called “%2”. Give its id, or its name exactly as Chorus shows it.",
                           kindLabel(target),
                           value));
    }
    if (named.size() > 1) {
        QStringList ids;
        for (const Record &record : named) {
            ids << record.value(u"id"_s).toString();
        }
        return Error(Error::Code::Invalid,
                     i18nc("@info:shell %1 is a kind of record, %2 what the user typed, %3 a list of ids",
                           "More than one %1 is called “%2”; give the id of the one you mean: %3.",
                           kindLabel(target),
                           value,
                           listed(ids)));
    }
    return named.first().value(u"id"_s).toString();
}

/// FIELD=VALUE arguments as a record: an empty VALUE empties the field, @FILE gives a picture.
Result<Record> assignments(Store::Store &store, Kind kind, const QStringList &arguments)
{
    Record record;
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(u'=');
        if (equals <= 0) {
            return Error(
                Error::Code::Invalid,
                i18nc("@info:shell %1 is what the user typed", "“%1” is not of the form FIELD=VALUE (for example name=\"Tech Workers United\").", argument));
        }
        const QString name = argument.left(equals).trimmed();
        const QString value = argument.mid(equals + 1);
        const Field *field = entity(kind).field(name);
        if (!field) {
            return Error(Error::Code::Invalid,
                         i18nc("@info:shell %1 is a kind of record, %2 what the user typed, %3 a list of field names",
                               "A %1 has no field “%2”. Its fields are: %3.",
                               kindLabel(kind),
                               name,
                               fieldNames(kind)));
        }
        if (record.contains(name)) {
            return Error(Error::Code::Invalid, i18nc("@info:shell %1 is a field name", "The field %1 is given twice.", name));
        }
        if (value.isEmpty()) {
            record.insert(name, QVariant());
        } else if (field->type == FieldType::Blob) {
            if (!value.startsWith(u'@')) {
                return Error(Error::Code::Invalid, i18nc("@info:shell %1 is a field name", "Give the %1 as a file to read: %1=@FILE.", name));
            }
            QFile file(value.mid(1));
            if (file.size() > MaxBlobBytes) {
                return Error(Error::Code::Invalid,
                             i18nc("@info:shell %1 is a file path, %2 a number",
                                   "%1 is too large (at most %2 MB).",
                                   QDir::toNativeSeparators(file.fileName()),
                                   MaxBlobBytes / (1024 * 1024)));
            }
            if (!file.open(QIODevice::ReadOnly)) {
                return Error(Error::Code::Invalid,
                             i18nc("@info:shell %1 is a file path, %2 the reason",
                                   "Cannot read %1: %2",
                                   QDir::toNativeSeparators(file.fileName()),
                                   FileReason::forReading(file.fileName(), file)));
            }
            record.insert(name, file.readAll());
        } else if (field->type == FieldType::Reference && field->references) {
            auto id = referencedId(store, *field->references, value);
            if (!id) {
                return id.error();
            }
            record.insert(name, id.value());
        } else {
            record.insert(name, value);
        }
    }
    return record;
}

/// Loads the record a command names, or says that there is none.
Result<Record> existing(Store::Store &store, Kind kind, const QString &id)
{
    if (std::optional<Record> record = store.fetch(kind, id.trimmed())) {
        return *record;
    }
    return Error(Error::Code::NotFound, i18nc("@info:shell %1 is a kind of record, %2 an id", "There is no %1 with the id %2.", kindLabel(kind), id));
}

/// What a list shows of a record on its line: its name (a quote's words), and its state.
QString summaryLine(Kind kind, const Record &record)
{
    QStringList columns{record.value(u"id"_s).toString()};
    const QString title = record.value(entity(kind).titleField).toString().simplified();
    columns << (title.size() > 80 ? title.left(79) + u'…' : title);
    for (const QString &state : {u"state"_s, u"status"_s, u"rsvp_status"_s}) {
        if (entity(kind).field(state)) {
            columns << record.value(state).toString();
        }
    }
    return columns.join(u'\t');
}

QString shownValue(Store::Store &store, const Field &field, const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    if (field.type == FieldType::Blob) {
        return i18ncp("@info:shell a picture kept in the database", "(a picture of %1 byte)", "(a picture of %1 bytes)", value.toByteArray().size());
    }
    if (field.type == FieldType::Boolean) {
        return value.toBool() ? u"true"_s : u"false"_s;
    }
    if (field.type == FieldType::Reference && field.references) {
        if (const std::optional<Record> target = store.fetch(*field.references, value.toString())) {
            return u"%1 (%2)"_s.arg(value.toString(), store.recordLabel(*field.references, *target));
        }
    }
    return value.toString();
}

int list(Store::Store &store, Kind kind, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    auto conditions = assignments(store, kind, parser.values(u"where"_s));
    if (!conditions) {
        return usage(err, conditions.error().message());
    }
    int limit = -1;
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1) {
            return usage(err,
                         i18nc("@info:shell %1 is what the user typed", "--limit needs a whole number greater than zero, not “%1”.", parser.value(u"limit"_s)));
        }
    }
    // One condition with a value narrows the reading; the others are checked on what it reads.
    const Record normalWhere = normalized(kind, conditions.value());
    QString first;
    for (auto it = normalWhere.cbegin(); it != normalWhere.cend() && first.isEmpty(); ++it) {
        if (!it.value().isNull()) {
            first = it.key();
        }
    }
    const bool narrowedInSql = normalWhere.size() == (first.isEmpty() ? 0 : 1);
    QList<Record> records = store.fetchAll(kind, first, normalWhere.value(first), narrowedInSql ? limit : -1);
    records.removeIf([&normalWhere](const Record &record) {
        for (auto it = normalWhere.cbegin(); it != normalWhere.cend(); ++it) {
            if (record.value(it.key()).toString() != it.value().toString() || record.value(it.key()).isNull() != it.value().isNull()) {
                return true;
            }
        }
        return false;
    });
    if (limit > 0 && records.size() > limit) {
        records.resize(limit);
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Record &record : std::as_const(records)) {
            array.append(Interop::recordToJson(kind, record));
        }
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return CommandLineTool::Success;
    }
    for (const Record &record : std::as_const(records)) {
        out << summaryLine(kind, record) << u'\n';
    }
    return CommandLineTool::Success;
}

int show(Store::Store &store, Kind kind, const QString &id, bool json, QTextStream &out, QTextStream &err)
{
    auto record = existing(store, kind, id);
    if (!record) {
        return failed(err, record.error().message());
    }
    if (json) {
        out << QString::fromUtf8(QJsonDocument(Interop::recordToJson(kind, record.value())).toJson(QJsonDocument::Indented));
        return CommandLineTool::Success;
    }
    out << store.recordLabel(kind, record.value()) << u'\n';
    qsizetype width = 2;
    for (const Field &field : entity(kind).fields) {
        width = std::max(width, field.name.size());
    }
    out << u"id"_s.leftJustified(width) << u"  "_s << record.value().value(u"id"_s).toString() << u'\n';
    for (const Field &field : entity(kind).fields) {
        const QString value = shownValue(store, field, record.value().value(field.name));
        // Paragraphs stay readable: their later lines line up under the first.
        out << field.name.leftJustified(width) << u"  "_s << QString(value).replace(u'\n', u'\n' + QString(width + 2, u' ')) << u'\n';
    }
    return CommandLineTool::Success;
}

int create(Store::Store &store, Kind kind, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    auto record = assignments(store, kind, arguments);
    if (!record) {
        return usage(err, record.error().message());
    }
    auto id = store.create(kind, record.value());
    if (!id) {
        return failed(err, id.error().message());
    }
    // The id alone, for scripts: id=$(chorus-cli create person name="Ana Ruiz").
    out << id.value() << u'\n';
    return CommandLineTool::Success;
}

int update(Store::Store &store, Kind kind, const QString &id, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    auto record = existing(store, kind, id);
    if (!record) {
        return failed(err, record.error().message());
    }
    auto changes = assignments(store, kind, arguments);
    if (!changes) {
        return usage(err, changes.error().message());
    }
    if (changes.value().isEmpty()) {
        return usage(err, i18nc("@info:shell", "Say what to change: chorus-cli update KIND ID FIELD=VALUE..."));
    }
    if (auto written = store.update(kind, record.value().value(u"id"_s).toString(), changes.value()); !written) {
        return failed(err, written.error().message());
    }
    const std::optional<Record> now = store.fetch(kind, record.value().value(u"id"_s).toString());
    out << i18nc("@info:shell %1 names the record, %2 the fields",
                 "Changed %1: %2.",
                 store.recordLabel(kind, now.value_or(record.value())),
                 listed(changes.value().keys()))
        << u'\n';
    if (kind == Kind::Quote && now && record.value().value(u"state"_s) == u"approved"_s && now->value(u"state"_s) != u"approved"_s) {
        out << i18nc("@info:shell", "Its approved words changed, so it is a draft again: it needs a new approval.") << u'\n';
    }
    return CommandLineTool::Success;
}

int remove(Store::Store &store, Kind kind, const QString &id, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (parser.isSet(u"detach"_s) && parser.isSet(u"with-dependents"_s)) {
        return usage(err, i18nc("@info:shell", "Choose one of --detach and --with-dependents."));
    }
    auto record = existing(store, kind, id);
    if (!record) {
        return failed(err, record.error().message());
    }
    const Store::DeletePolicy policy = parser.isSet(u"detach"_s) ? Store::DeletePolicy::Detach
        : parser.isSet(u"with-dependents"_s)                     ? Store::DeletePolicy::DeleteDependents
                                                                 : Store::DeletePolicy::Refuse;
    const QString label = store.recordLabel(kind, record.value());
    if (auto removed = store.remove(kind, record.value().value(u"id"_s).toString(), policy); !removed) {
        return failed(err, removed.error().message());
    }
    out << i18nc("@info:shell %1 names the record", "Deleted %1.", label) << u'\n';
    return CommandLineTool::Success;
}

/// submit, approve, withdraw and reopen: the buttons of the app's quote panel.
int quote(Store::Store &store, const QString &action, const QString &id, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    static const QStringList actions = {u"submit"_s, u"approve"_s, u"withdraw"_s, u"reopen"_s};
    if (!actions.contains(action)) {
        return usage(
            err,
            i18nc("@info:shell %1 is what the user typed", "“%1” is not something to do with a quote: use submit, approve, withdraw or reopen.", action));
    }
    if (action == u"approve" && parser.value(u"by"_s).trimmed().isEmpty()) {
        return usage(err, i18nc("@info:shell", "Say who approved the quote: chorus-cli quote approve ID --by NAME"));
    }
    auto record = existing(store, Kind::Quote, id);
    if (!record) {
        return failed(err, record.error().message());
    }
    const QString state = record.value().value(u"state"_s).toString();
    const QString label = store.recordLabel(Kind::Quote, record.value());
    const QString stateLabel = choiceLabel(u"state", state);
    Record changes;
    if (action == u"submit") {
        if (state != u"draft") {
            return failed(err, i18nc("@info:shell %1 names the quote, %2 its state", "%1 is %2: only a draft can be submitted.", label, stateLabel));
        }
        changes.insert(u"state"_s, u"submitted"_s);
    } else if (action == u"approve") {
        if (state != u"draft" && state != u"submitted") {
            return failed(
                err,
                i18nc("@info:shell %1 names the quote, %2 its state", "%1 is %2: only a draft or a submitted quote can be approved.", label, stateLabel));
        }
        changes.insert(u"state"_s, u"approved"_s);
        changes.insert(u"approved_by"_s, parser.value(u"by"_s).trimmed());
        changes.insert(u"approved_at"_s, formatInstant(QDateTime::currentDateTimeUtc()));
    } else if (action == u"withdraw") {
        if (state != u"submitted" && state != u"approved") {
            return failed(
                err,
                i18nc("@info:shell %1 names the quote, %2 its state", "%1 is %2: only a submitted or an approved quote can be withdrawn.", label, stateLabel));
        }
        changes.insert(u"state"_s, u"withdrawn"_s);
    } else {
        if (state == u"draft") {
            return failed(err, i18nc("@info:shell %1 names the quote", "%1 is already a draft.", label));
        }
        changes.insert(u"state"_s, u"draft"_s);
    }
    if (auto written = store.update(Kind::Quote, record.value().value(u"id"_s).toString(), changes); !written) {
        return failed(err, written.error().message());
    }
    out << i18nc("@info:shell %1 names the quote, %2 its new state", "%1 is now %2.", label, choiceLabel(u"state", changes.value(u"state"_s).toString()))
        << u'\n';
    return CommandLineTool::Success;
}

} // namespace

QList<Command> commands()
{
    return {
        {u"list"_s,
         u"list KIND [--where FIELD=VALUE]... [--limit N] [--json]"_s,
         i18nc("@info:shell description of a command", "List the records of a kind (id, name, state), or those whose fields have the values given")},
        {u"show"_s, u"show KIND ID [--json]"_s, i18nc("@info:shell description of a command", "Show every field of a record")},
        {u"create"_s, u"create KIND FIELD=VALUE..."_s, i18nc("@info:shell description of a command", "Create a record and print its id")},
        {u"update"_s, u"update KIND ID FIELD=VALUE..."_s, i18nc("@info:shell description of a command", "Change fields of a record (FIELD= empties one)")},
        {u"delete"_s, u"delete KIND ID [--detach|--with-dependents]"_s, i18nc("@info:shell description of a command", "Delete a record")},
        {u"quote"_s,
         u"quote submit|approve|withdraw|reopen ID [--by NAME]"_s,
         i18nc("@info:shell description of a command",
               "Move a quote through its approval: submit it, approve it (saying who), withdraw it, reopen it as a draft")},
    };
}

bool handles(const QString &name)
{
    return Cli::isOneOf(commands(), name);
}

void setUp(QCommandLineParser &parser, const QString &name)
{
    const QString kindHelp = i18nc("@info:shell %1 is a list of names", "The kind of record: %1 (or their plurals).", kindNames());
    const QString idHelp = i18nc("@info:shell", "The record's id, as list and create print it.");
    const QString fieldsHelp = i18nc("@info:shell",
                                     "Field values, such as name=\"Ana Ruiz\" or spokesperson_id=\"Lucía Martínez\" (a record named exactly, or its id). "
                                     "FIELD= empties a field; a picture is read from a file with photo=@FILE.");
    if (name == u"list") {
        parser.addPositionalArgument(u"KIND"_s, kindHelp, u"KIND"_s);
        parser.addOption(
            QCommandLineOption(u"where"_s, i18nc("@info:shell", "Only the records whose FIELD has this VALUE; may be given several times."), u"FIELD=VALUE"_s));
        parser.addOption(
            QCommandLineOption(u"limit"_s, i18nc("@info:shell", "List at most N records."), i18nc("@info:shell placeholder of an option's value", "N")));
        parser.addOption(QCommandLineOption(u"json"_s, i18nc("@info:shell", "Print the records as a JSON array, every field included.")));
    } else if (name == u"show") {
        parser.addPositionalArgument(u"KIND"_s, kindHelp, u"KIND"_s);
        parser.addPositionalArgument(u"ID"_s, idHelp, u"ID"_s);
        parser.addOption(QCommandLineOption(u"json"_s, i18nc("@info:shell", "Print the record as a JSON object.")));
    } else if (name == u"create") {
        parser.addPositionalArgument(u"KIND"_s, kindHelp, u"KIND"_s);
        parser.addPositionalArgument(u"FIELD=VALUE"_s, fieldsHelp, u"FIELD=VALUE..."_s);
    } else if (name == u"update") {
        parser.addPositionalArgument(u"KIND"_s, kindHelp, u"KIND"_s);
        parser.addPositionalArgument(u"ID"_s, idHelp, u"ID"_s);
        parser.addPositionalArgument(u"FIELD=VALUE"_s, fieldsHelp, u"FIELD=VALUE..."_s);
    } else if (name == u"delete") {
        parser.addPositionalArgument(u"KIND"_s, kindHelp, u"KIND"_s);
        parser.addPositionalArgument(u"ID"_s, idHelp, u"ID"_s);
        parser.addOption(
            QCommandLineOption(u"detach"_s,
                               i18nc("@info:shell", "Keep the records that depend on it, without their link (people stay, without organization).")));
        parser.addOption(
            QCommandLineOption(u"with-dependents"_s, i18nc("@info:shell", "Delete the records that depend on it too (a person's quotes with the person).")));
    } else if (name == u"quote") {
        parser.addPositionalArgument(u"ACTION"_s, i18nc("@info:shell", "submit, approve, withdraw or reopen."), u"submit|approve|withdraw|reopen"_s);
        parser.addPositionalArgument(u"ID"_s, i18nc("@info:shell", "The quote's id."), u"ID"_s);
        parser.addOption(QCommandLineOption(u"by"_s,
                                            i18nc("@info:shell", "For approve: who approved the words (a name, such as the spokesperson's)."),
                                            i18nc("@info:shell placeholder of an option's value", "NAME")));
    }
}

int run(const QString &name, const QCommandLineParser &parser, const QString &path, QTextStream &out, QTextStream &err)
{
    QStringList values = parser.positionalArguments();
    std::optional<Kind> kind = Kind::Quote;
    if (name != u"quote") {
        if (values.isEmpty()) {
            return usage(err,
                         i18nc("@info:shell %1 is a command, %2 a list of names", "The %1 command needs the kind of record first: %2.", name, kindNames()));
        }
        kind = kindNamed(values.first());
        if (!kind) {
            return usage(err,
                         i18nc("@info:shell %1 is what the user typed, %2 a list of names",
                               "“%1” is not a kind of record. The kinds are: %2.",
                               values.first(),
                               kindNames()));
        }
        values.removeFirst();
    }
    const bool takesId = name == u"show" || name == u"update" || name == u"delete";
    if ((takesId && values.isEmpty()) || (name == u"quote" && values.size() != 2)) {
        return usage(err, i18nc("@info:shell %1 is a command", "The %1 command needs the id of the record.", name));
    }
    if ((name == u"show" || name == u"delete") && values.size() > 1) {
        return usage(err,
                     i18nc("@info:shell %1 is a command, %2 what the user typed", "The %1 command takes one id, but was given “%2”.", name, values.join(u' ')));
    }
    if (name == u"list" && !values.isEmpty()) {
        return usage(err, i18nc("@info:shell %1 is what the user typed", "Give conditions with --where FIELD=VALUE, not “%1”.", values.join(u' ')));
    }
    if (name == u"create" && values.isEmpty()) {
        return usage(err, i18nc("@info:shell", "Give the new record's fields: chorus-cli create KIND FIELD=VALUE..."));
    }

    auto opened = Store::Store::open(path, false);
    if (!opened) {
        err << opened.error().message() << u'\n';
        return CommandLineTool::UsageOrCannotOpen;
    }
    Store::Store &store = *opened.value();
    if (name == u"list") {
        return list(store, *kind, parser, out, err);
    }
    if (name == u"show") {
        return show(store, *kind, values.first(), parser.isSet(u"json"_s), out, err);
    }
    if (name == u"create") {
        return create(store, *kind, values, out, err);
    }
    if (name == u"update") {
        return update(store, *kind, values.first(), values.mid(1), out, err);
    }
    if (name == u"delete") {
        return remove(store, *kind, values.first(), parser, out, err);
    }
    return quote(store, values.at(0), values.at(1), parser, out, err);
}

} // namespace Chorus::RecordCommands
