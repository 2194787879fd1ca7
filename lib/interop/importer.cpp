// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "importer.h"

#include "domain/validation.h"
#include "interop/csvwriter.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

namespace
{

constexpr qint64 ProgressEvery = 512;
constexpr qsizetype WriteEvery = 4096;

QString where(const CsvTable &table, const ImportOptions &options, int line, int column)
{
    if (options.describePlace) {
        return options.describePlace(line, column);
    }
    if (column <= 0) {
        return i18nc("@info where in a file; %1 is a line number", "Line %1", QString::number(line));
    }
    return i18nc("@info where in a file; %1 is a line number, %2 a column number, %3 its header",
                 "Line %1, column %2 (%3)",
                 QString::number(line),
                 column,
                 table.headers.value(column - 1));
}

RowProblem problem(const CsvTable &table, const ImportOptions &options, int line, int column, const QString &message)
{
    return {line, column, where(table, options, line, column) + u": "_s + message};
}

QString addressLineTemplate(const QString &part)
{
    if (part == u"address") {
        return i18nc("@info a line the import adds to the notes", "Address: %1", u"%1"_s);
    }
    if (part == u"city") {
        return i18nc("@info a line the import adds to the notes", "City: %1", u"%1"_s);
    }
    if (part == u"state") {
        return i18nc("@info a line the import adds to the notes", "State or province: %1", u"%1"_s);
    }
    if (part == u"zip") {
        return i18nc("@info a line the import adds to the notes", "ZIP or postal code: %1", u"%1"_s);
    }
    return i18nc("@info a line the import adds to the notes", "Country: %1", u"%1"_s);
}

QString addressLine(const QString &part, const QString &value)
{
    // Translated once per part and language, not once per row.
    static thread_local QString language;
    static thread_local QHash<QString, QString> templates;
    if (const QString current = KLocalizedString::languages().value(0); current != language) {
        language = current;
        templates.clear();
    }
    auto it = templates.constFind(part);
    if (it == templates.constEnd()) {
        it = templates.insert(part, addressLineTemplate(part));
    }
    return it.value().arg(value);
}

/// The column of the first mapped field whose value alone breaks a rule (0: none found).
int faultyColumn(Kind kind, const Record &record, const ColumnMapping &mapping)
{
    const Record clean = normalized(kind, record);
    for (const Field &field : entity(kind).fields) {
        if (field.name == entity(kind).titleField || !clean.contains(field.name)) {
            continue;
        }
        Record alone{{entity(kind).titleField, u"x"_s}, {field.name, clean.value(field.name)}};
        if (!validate(kind, normalized(kind, alone), QString()).isEmpty()) {
            const int column = mapping.column(field.name);
            if (column >= 0) {
                return column + 1;
            }
        }
    }
    const int name = mapping.column(u"name"_s);
    return name >= 0 ? name + 1 : 0;
}

/// The values of a cell that holds several, as Google Contacts writes them: "a ::: b".
QStringList multipleValues(const QString &cell)
{
    if (!cell.contains(u":::"_s)) {
        return {cell.trimmed()};
    }
    QStringList values;
    for (const QString &part : cell.split(u":::"_s)) {
        if (const QString value = part.trimmed(); !value.isEmpty()) {
            values << value;
        }
    }
    return values;
}

/// The last row of a spreadsheet that sums up the others: "Total", "Totals:" or "Grand total"
/// where the name goes, or no name at all, and numbers only in the other columns (counts, or
/// columns not imported).
bool isTotalsRow(const CsvRow &row, const ColumnMapping &mapping)
{
    static const QStringList words = {u"total"_s, u"totals"_s, u"grandtotal"_s, u"sum"_s, u"totales"_s, u"totalgeneral"_s, u"suma"_s, u"summe"_s, u"gesamt"_s};
    static const QRegularExpression number(u"^[-+]?[0-9][0-9.,\\s\u00a0\u202f']*%?$"_s);
    QString label;
    bool numbers = false;
    for (int column = 0; column < row.fields.size(); ++column) {
        const QString field = mapping.field(column);
        const QString value = row.fields.at(column).trimmed();
        if (value.isEmpty()) {
            continue;
        }
        if (field == u"name" || field == u"first_name" || field == u"last_name") {
            if (!label.isEmpty()) {
                return false;
            }
            label = ColumnMapping::headerKey(value);
        } else if ((field.isEmpty() || field == u"people_represented") && number.match(value).hasMatch()) {
            numbers = true;
        } else {
            return false;
        }
    }
    return label.isEmpty() ? numbers : words.contains(label);
}

/// What exports and spreadsheets write for "no value": "N/A", "none", "-", Excel's "#N/A" (not
/// "NA", which is Namibia's country code).
bool isPlaceholder(const QString &value)
{
    static const QStringList placeholders = {u"n/a"_s,
                                             u"#n/a"_s,
                                             u"none"_s,
                                             u"(none)"_s,
                                             u"null"_s,
                                             u"-"_s,
                                             u"--"_s,
                                             u"\u2013"_s,
                                             u"\u2014"_s,
                                             u"[not provided]"_s,
                                             u"not provided"_s,
                                             u"(blank)"_s};
    if (value.size() > 14) {
        return false;
    }
    // Compared in place: this runs for every cell of a large import.
    const QStringView trimmed = QStringView(value).trimmed();
    return std::any_of(placeholders.cbegin(), placeholders.cend(), [trimmed](const QString &placeholder) {
        return trimmed.compare(placeholder, Qt::CaseInsensitive) == 0;
    });
}

/// A row that repeats the header, as when two exports are joined into one file.
bool isHeaderAgain(const CsvTable &table, const CsvRow &row)
{
    if (row.fields.size() < table.headers.size() || table.headers.size() < 2) {
        return false;
    }
    for (qsizetype column = 0; column < table.headers.size(); ++column) {
        if (row.fields.at(column).simplified().compare(table.headers.at(column), Qt::CaseInsensitive) != 0) {
            return false;
        }
    }
    return true;
}

/// What the import does with each column, worked out once per import instead of once per cell.
struct ColumnPlan {
    enum class Action {
        Ignore,
        Value, ///< the value of a field of the kind
        MainContact, ///< a person's e-mail or phone: one value, or several in one cell
        OtherContact, ///< a person's further e-mail addresses or phone numbers
        FirstName,
        MiddleName,
        LastName,
        AddressLine2,
        AddressPart, ///< a line of the notes: street, city, state, zip, country
        Count, ///< the people an organization represents: "12,000"
        Blob, ///< base64 text
        Organization, ///< a person's organization, by its name
        Id,
    };
    struct Column {
        Action action = Action::Ignore;
        int field = -1; ///< in entity(kind).fields: where the value goes
        bool email = false; ///< for contacts: an e-mail address rather than a phone number
        bool placeholders = true; ///< "N/A" and the like mean no value here
        QString name; ///< the field as the mapping names it
    };
    QList<Column> columns;
    int nameField = -1;
    int notesField = -1;
    int emailField = -1;
    int phoneField = -1;
};

int fieldIndex(Kind kind, QStringView name)
{
    const QList<Field> &fields = entity(kind).fields;
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == name) {
            return i;
        }
    }
    return -1;
}

ColumnPlan columnPlan(const CsvTable &table, const ImportOptions &options)
{
    using Action = ColumnPlan::Action;
    const Kind kind = options.kind;
    ColumnPlan plan;
    plan.nameField = fieldIndex(kind, u"name");
    plan.notesField = fieldIndex(kind, u"notes");
    plan.emailField = fieldIndex(kind, u"email");
    plan.phoneField = fieldIndex(kind, u"phone");
    for (int column = 0; column < table.headers.size(); ++column) {
        ColumnPlan::Column plan1;
        const QString field = options.mapping.field(column);
        plan1.name = field;
        plan1.placeholders = field != u"name" && field != u"first_name" && field != u"last_name";
        const int index = fieldIndex(kind, field);
        if (field.isEmpty()) {
            plan1.action = Action::Ignore;
        } else if (field == u"email" || field == u"phone") {
            plan1.action = Action::MainContact;
            plan1.email = field == u"email";
            plan1.field = plan1.email ? plan.emailField : plan.phoneField;
        } else if (field == u"other_email" || field == u"other_phone") {
            plan1.action = Action::OtherContact;
            plan1.email = field == u"other_email";
        } else if (field == u"first_name") {
            plan1.action = Action::FirstName;
        } else if (field == u"middle_name") {
            plan1.action = Action::MiddleName;
        } else if (field == u"last_name") {
            plan1.action = Action::LastName;
        } else if (field == u"address_line2") {
            plan1.action = Action::AddressLine2;
        } else if (field == u"address" || field == u"city" || field == u"state" || field == u"zip" || field == u"country") {
            plan1.action = Action::AddressPart;
        } else if (field == u"people_represented") {
            plan1.action = Action::Count;
            plan1.field = index;
        } else if (field == u"organization" && kind == Kind::Person) {
            plan1.action = Action::Organization;
        } else if (field == u"id") {
            plan1.action = Action::Id;
        } else if (index >= 0) {
            plan1.action = entity(kind).fields.at(index).type == FieldType::Blob ? Action::Blob : Action::Value;
            plan1.field = index;
        }
        plan.columns.append(plan1);
    }
    return plan;
}

/// A row of the file as the import reads it: the values by field, unnormalized.
struct ParsedRow {
    QString id;
    QList<QVariant> values; ///< in the order of entity(kind).fields; invalid where the row has none
    QString organization; ///< a person's organization, by its name
};

std::optional<RowProblem> parseRow(const CsvTable &table, const CsvRow &row, const ImportOptions &options, const ColumnPlan &plan, ParsedRow &parsed)
{
    using Action = ColumnPlan::Action;
    parsed.id.clear();
    parsed.organization.clear();
    parsed.values.fill(QVariant(), entity(options.kind).fields.size());
    const qsizetype width = table.headers.size();
    if (row.fields.size() != width) {
        bool extraValues = false;
        for (qsizetype i = width; i < row.fields.size(); ++i) {
            extraValues = extraValues || !row.fields.at(i).isEmpty();
        }
        if (row.fields.size() < width || extraValues) {
            // Two numbers, each with its own plural: "the row has 1 value, but the header has 2 columns."
            return problem(table,
                           options,
                           row.line,
                           0,
                           i18nc("@info %1 says how many values a row has, %2 how many columns the header has",
                                 "the row has %1, but the header has %2.",
                                 i18ncp("@info part of: the row has…", "1 value", "%1 values", row.fields.size()),
                                 i18ncp("@info part of: …but the header has", "1 column", "%1 columns", width)));
        }
    }
    QString first;
    QString middle;
    QString last;
    QStringList noteLines;
    QStringList otherEmails;
    QStringList otherPhones;
    for (int column = 0; column < width; ++column) {
        const ColumnPlan::Column &plan1 = plan.columns.at(column);
        if (plan1.action == Action::Ignore) {
            continue;
        }
        QString value = row.fields.value(column);
        if (value.isEmpty()) {
            continue;
        }
        // A spreadsheet formula escaped with an apostrophe, as Chorus's own CSV export writes it
        // ("'+1 202 555 0100", "'=Smith"): the apostrophe is no part of the value.
        if (value.size() > 1 && value.at(0) == u'\'' && CsvWriter::escapedCharacters().contains(value.at(1))) {
            value.remove(0, 1);
        } else if (plan1.placeholders && isPlaceholder(value)) {
            // "N/A" for an employer would become an organization, for an e-mail a bad row.
            continue;
        }
        switch (plan1.action) {
        case Action::Ignore:
            break;
        case Action::Value:
            parsed.values[plan1.field] = value;
            break;
        case Action::MainContact:
        case Action::OtherContact: {
            if (plan1.action == Action::MainContact && !value.contains(u":::"_s)) {
                if (plan1.field >= 0) {
                    parsed.values[plan1.field] = value;
                }
                break;
            }
            // Google Contacts writes a person's several addresses (or numbers) of one kind into
            // one cell: "ana@example.org ::: ana@home.example". The first is the main one (unless
            // a column gave one already); the others are kept in the notes.
            const QStringList values = multipleValues(value);
            qsizetype others = 0;
            if (plan1.action == Action::MainContact && plan1.field >= 0 && !values.isEmpty() && !parsed.values.at(plan1.field).isValid()) {
                parsed.values[plan1.field] = values.first();
                others = 1;
            }
            for (; others < values.size(); ++others) {
                (plan1.email ? otherEmails : otherPhones) << values.at(others);
            }
            break;
        }
        case Action::FirstName:
            first = value;
            break;
        case Action::MiddleName:
            middle = value;
            break;
        case Action::LastName:
            last = value;
            break;
        case Action::AddressLine2: {
            // Goes on the street address's line when there is one: "Address: ul. Długa 5, m. 3".
            const QString street = addressLine(u"address"_s, QString());
            if (!noteLines.isEmpty() && noteLines.constLast().startsWith(street)) {
                noteLines.last() += i18nc("@info separator between the lines of an address", ", ") + value;
            } else {
                noteLines << addressLine(u"address"_s, value);
            }
            break;
        }
        case Action::AddressPart:
            noteLines << addressLine(plan1.name, value);
            break;
        case Action::Count: {
            bool ok = false;
            const qint64 number = QString(value).remove(u',').remove(u'.').remove(u' ').toLongLong(&ok);
            if (!ok) {
                return problem(table,
                               options,
                               row.line,
                               column + 1,
                               i18nc("@info %1 is what the file holds", "“%1” is not a whole number of people.", value.left(40)));
            }
            if (plan1.field >= 0) {
                parsed.values[plan1.field] = number;
            }
            break;
        }
        case Action::Blob: {
            // Binary values (a vCard's photo) travel as base64 text.
            auto decoded = QByteArray::fromBase64Encoding(value.toLatin1());
            if (!decoded) {
                return problem(table,
                               options,
                               row.line,
                               column + 1,
                               i18nc("@info %1 is a field", "the %1 is not readable.", fieldLabel(options.kind, plan1.name)));
            }
            parsed.values[plan1.field] = decoded.decoded;
            break;
        }
        case Action::Organization:
            parsed.organization = value;
            break;
        case Action::Id:
            parsed.id = value;
            break;
        }
    }
    if (plan.nameField >= 0 && !parsed.values.at(plan.nameField).isValid() && (!first.isEmpty() || !last.isEmpty())) {
        parsed.values[plan.nameField] = QStringList{first, middle, last}.join(u' ').simplified();
    }
    // Another e-mail or phone stands in for a missing one; the rest go to the notes.
    if (!otherEmails.isEmpty() && plan.emailField >= 0 && !parsed.values.at(plan.emailField).isValid()) {
        parsed.values[plan.emailField] = otherEmails.takeFirst();
    }
    if (!otherPhones.isEmpty() && plan.phoneField >= 0 && !parsed.values.at(plan.phoneField).isValid()) {
        parsed.values[plan.phoneField] = otherPhones.takeFirst();
    }
    for (const QString &email : std::as_const(otherEmails)) {
        noteLines << Importer::otherEmailLine(email);
    }
    for (const QString &phone : std::as_const(otherPhones)) {
        noteLines << Importer::otherPhoneLine(phone);
    }
    if (!noteLines.isEmpty() && plan.notesField >= 0) {
        const QString notes = parsed.values.at(plan.notesField).toString();
        parsed.values[plan.notesField] = ((notes.isEmpty() ? QStringList() : QStringList{notes}) + noteLines).join(u'\n');
    }
    if (plan.nameField < 0 || parsed.values.at(plan.nameField).toString().trimmed().isEmpty()) {
        const int nameColumn = options.mapping.column(u"name"_s);
        return problem(table,
                       options,
                       row.line,
                       nameColumn >= 0 ? nameColumn + 1 : 0,
                       i18nc("@info", "the name is empty, and it is the one value every record needs."));
    }
    return std::nullopt;
}

/// The record a row gives, as recordForRow() returns it (a person's organization under "organization").
Record recordOf(Kind kind, const ParsedRow &parsed)
{
    Record record;
    if (!parsed.id.isEmpty()) {
        record.insert(u"id"_s, parsed.id);
    }
    const QList<Field> &fields = entity(kind).fields;
    for (int i = 0; i < fields.size(); ++i) {
        if (parsed.values.at(i).isValid()) {
            record.insert(fields.at(i).name, parsed.values.at(i));
        }
    }
    if (!parsed.organization.isEmpty()) {
        record.insert(u"organization"_s, parsed.organization);
    }
    return record;
}

/// A row made ready away from the database: what parseRow() reads, the record
/// Store::readyNew() makes of it, and the keys the duplicate look-ups need.
struct ReadyRow {
    bool headerAgain = false;
    std::optional<RowProblem> problem; ///< what parseRow() found wrong
    ParsedRow parsed;
    std::optional<Store::Store::NewRecord> ready; ///< empty when a rule is broken
    QString organization; ///< a person's organization by name, simplified
    QString organizationKey;
    QString nameKey;
    QString email; ///< trimmed and case-folded
};

/**
 * Makes the rows of an import ready on a thread of its own, a few thousand ahead of the
 * database's thread, which takes them in order: reading a row, normalizing and checking its
 * values and working out its keys touch no database, and so take no time from the writes.
 */
class RowFeed
{
public:
    RowFeed(const CsvTable &table, const ImportOptions &options, const ColumnPlan &plan, qint64 total)
        : m_table(table)
        , m_options(options)
        , m_plan(plan)
        , m_total(total)
        , m_rows(Window)
    {
        m_thread = std::thread([this] {
            prepareAll();
        });
    }
    ~RowFeed()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    RowFeed(const RowFeed &) = delete;
    RowFeed &operator=(const RowFeed &) = delete;

    /// Row i, once ready; rows are taken in order. It stays the caller's until released.
    ReadyRow &take(qint64 i)
    {
        if (m_ready.load(std::memory_order_acquire) <= i) {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] {
                return m_ready.load(std::memory_order_acquire) > i;
            });
        }
        return m_rows[size_t(i % Window)];
    }
    /// Whether the rows held back (not released) before row i keep the feed from going on.
    [[nodiscard]] bool wantsRowsBack(qint64 i) const
    {
        return i - m_taken.load(std::memory_order_acquire) >= Window / 2;
    }
    /**
     * The rows before row are done with: their places take new rows. What they hold is
     * released on the feed's thread, which allocated it; the records written from them hold
     * no more of it.
     */
    void release(qint64 row)
    {
        m_taken.store(row, std::memory_order_release);
        {
            const std::lock_guard lock(m_mutex);
        }
        m_changed.notify_all();
    }

private:
    /// Rows made ready ahead: more than the database's thread holds between two writes.
    static constexpr qint64 Window = 3 * WriteEvery;
    static constexpr qint64 Step = 256;

    void prepareAll()
    {
        for (qint64 i = 0; i < m_total; ++i) {
            if (i - m_taken.load(std::memory_order_acquire) >= Window) {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] {
                    return m_stop || i - m_taken.load(std::memory_order_acquire) < Window;
                });
                if (m_stop) {
                    return;
                }
            }
            prepare(m_table.rows.at(i), m_rows[size_t(i % Window)]);
            if ((i + 1) % Step == 0 || i + 1 == m_total) {
                m_ready.store(i + 1, std::memory_order_release);
                {
                    const std::lock_guard lock(m_mutex);
                    if (m_stop) {
                        return;
                    }
                }
                m_changed.notify_all();
            }
        }
    }

    void prepare(const CsvRow &row, ReadyRow &ready) const
    {
        const Kind kind = m_options.kind;
        ready.headerAgain = isHeaderAgain(m_table, row);
        ready.problem.reset();
        ready.ready.reset();
        ready.organization.clear();
        ready.organizationKey.clear();
        if (ready.headerAgain) {
            return;
        }
        ready.problem = parseRow(m_table, row, m_options, m_plan, ready.parsed);
        if (ready.problem) {
            return;
        }
        if (kind == Kind::Person) {
            ready.organization = ready.parsed.organization.simplified();
            if (!ready.organization.isEmpty()) {
                ready.organizationKey = Duplicates::matchKey(ready.organization);
            }
        }
        ready.nameKey = Duplicates::matchKey(ready.parsed.values.value(m_plan.nameField).toString());
        ready.email = m_plan.emailField >= 0 ? ready.parsed.values.at(m_plan.emailField).toString().trimmed().toCaseFolded() : QString();
        // The organization's id is not known yet; a link has no rule of its own to check.
        ready.ready = Store::Store::readyNew(kind, ready.parsed.id, ready.parsed.values);
    }

    const CsvTable &m_table;
    const ImportOptions &m_options;
    const ColumnPlan &m_plan;
    const qint64 m_total;
    std::vector<ReadyRow> m_rows;
    std::atomic<qint64> m_ready = 0;
    std::atomic<qint64> m_taken = 0;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace

QString Importer::otherEmailLine(const QString &address)
{
    return i18nc("@info a line in a person's notes", "Other e-mail: %1", address);
}

QString Importer::otherPhoneLine(const QString &number)
{
    return i18nc("@info a line in a person's notes", "Other phone: %1", number);
}

Importer::Importer(Store::Store &store)
    : m_store(store)
{
}

std::optional<RowProblem> Importer::recordForRow(const CsvTable &table, const CsvRow &row, const ImportOptions &options, Record &record)
{
    record.clear();
    ParsedRow parsed;
    if (auto bad = parseRow(table, row, options, columnPlan(table, options), parsed); bad) {
        return bad;
    }
    record = recordOf(options.kind, parsed);
    return std::nullopt;
}

QList<RowProblem> Importer::preview(const CsvTable &table, const ImportOptions &options, int rows)
{
    QList<RowProblem> problems;
    Record record;
    for (int i = 0; i < std::min<qsizetype>(rows, table.rows.size()); ++i) {
        const CsvRow &row = table.rows.at(i);
        // What the import leaves out is no problem.
        if (isHeaderAgain(table, row) || (i + 1 == table.rows.size() && i > 0 && isTotalsRow(row, options.mapping))) {
            continue;
        }
        if (auto bad = recordForRow(table, row, options, record); bad) {
            problems.append(*bad);
            continue;
        }
        record.remove(u"organization"_s);
        const Record clean = normalized(options.kind, record);
        const QString label = options.kind == Kind::Person ? i18nc("@info record label", "Person “%1”", clean.value(u"name"_s).toString())
                                                           : i18nc("@info record label", "Organization “%1”", clean.value(u"name"_s).toString());
        if (const QStringList messages = validate(options.kind, clean, label); !messages.isEmpty()) {
            problems.append(problem(table, options, row.line, faultyColumn(options.kind, record, options.mapping), messages.join(u' ')));
        }
    }
    return problems;
}

Result<ImportReport> Importer::run(const CsvTable &table, const ImportOptions &options)
{
    const Kind kind = options.kind;
    if (kind != Kind::Person && kind != Kind::Organization) {
        return Error(Error::Code::Invalid, i18nc("@info", "Only organizations and people can be imported from a CSV file."));
    }
    if (!options.mapping.hasName()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 is the list of columns",
                           "No column of the file gives the name. Choose the column that holds it (the columns are: %1).",
                           table.headers.join(i18nc("@info separator between the items of a list", ", "))));
    }

    ImportReport report;
    report.rows = table.rows.size();
    for (int column = 0; column < table.headers.size(); ++column) {
        if (options.mapping.field(column).isEmpty()) {
            report.unusedColumns << table.headers.at(column);
        }
    }

    // What is already there, to find duplicates and organizations by name.
    // What each key leads to; batch says which of the import's writes a record waits for
    // (-1: it was there before the import).
    struct Known {
        QString id;
        int batch = -1;
    };
    QHash<QString, Known> organizationByKey;
    QHash<QString, Known> personByEmail;
    struct Named {
        int batch = -1;
        QString id;
        QString email; ///< case-folded
    };
    QHash<QString, Named> personByName;
    {
        Storage::Statement read = m_store.database().prepare(u"SELECT id, name FROM organizations ORDER BY rid"_s);
        while (read.step()) {
            organizationByKey.insert(Duplicates::matchKey(read.text(1)), {read.text(0)});
        }
    }
    if (kind == Kind::Person) {
        // Sized once for what is there and what comes, instead of growing step by step.
        const qsizetype expected = qsizetype(m_store.count(Kind::Person)) + table.rows.size();
        personByEmail.reserve(expected);
        personByName.reserve(expected);
        Storage::Statement read = m_store.database().prepare(u"SELECT id, name, coalesce(organization_id, ''), coalesce(email, '') FROM people ORDER BY rid"_s);
        while (read.step()) {
            if (const QString email = read.text(3).toCaseFolded(); !email.isEmpty()) {
                personByEmail.insert(email, {read.text(0)});
            }
            personByName.insert(read.text(2) + u'\x1f' + Duplicates::matchKey(read.text(1)), {-1, read.text(0), read.text(3).toCaseFolded()});
        }
    }

    qint64 total = table.rows.size();
    if (total > 1 && isTotalsRow(table.rows.constLast(), options.mapping)) {
        --total;
        report.leftOut.append({table.rows.constLast().line,
                               0,
                               where(table, options, table.rows.constLast().line, 0) + u": "_s + i18nc("@info", "a row of totals, not a record: left out.")});
    }
    bool cancelled = false;
    const auto fail = [&](const RowProblem &bad) -> bool {
        if (options.skipBadRows) {
            report.skippedRows.append(bad);
            return false;
        }
        return true;
    };

    // The duplicate lookups and the search index touch pages all over their indexes: a large
    // import outgrows SQLite's default 2 MB page cache and slows down row after row. The cache
    // grows only as far as the import needs, and is set back afterwards.
    qint64 previousCacheSize = 0;
    {
        Storage::Statement read = m_store.database().prepare(u"PRAGMA cache_size"_s);
        previousCacheSize = read.step() ? read.integer(0) : -2000;
    }
    const qint64 importCacheKiB = std::clamp<qint64>(total / 2, 2000, 128 * 1024);
    m_store.database().exec(u"PRAGMA cache_size = %1"_s.arg(-importCacheKiB));
    const auto restoreCache = qScopeGuard([&] {
        m_store.database().exec(u"PRAGMA cache_size = %1"_s.arg(previousCacheSize));
    });

    auto done = m_store.transact([&]() -> Result<void> {
        // New records are made ready row by row (values by field, no map each) and written a few
        // thousand at a time, set-based: the store stages them and writes each table once.
        const ColumnPlan plan = columnPlan(table, options);
        const int organizationField = fieldIndex(kind, u"organization_id");
        QList<Store::Store::NewRecord> pending;
        QList<int> pendingLines;
        // The records made ready wait for write number batch; a duplicate of one needs it written.
        int batch = 0;
        pending.reserve(WriteEvery);
        pendingLines.reserve(WriteEvery);
        RowFeed feed(table, options, plan, total);
        // The row being worked on: the ones before it are done with once written.
        qint64 current = 0;
        // Writes the records made ready; one the store refuses is a bad row like any other.
        const auto write = [&]() -> std::optional<Error> {
            if (pending.isEmpty()) {
                return std::nullopt;
            }
            // Once the records written are gone, the rows they came from are done with.
            const auto done = qScopeGuard([&] {
                feed.release(current);
            });
            QList<Store::Store::Refused> refused;
            auto written = m_store.createMany(kind, pending, &refused);
            const QList<Store::Store::NewRecord> records = std::exchange(pending, {});
            const QList<int> lines = std::exchange(pendingLines, {});
            ++batch;
            pending.reserve(WriteEvery);
            pendingLines.reserve(WriteEvery);
            if (!written) {
                return written.error();
            }
            report.created -= refused.size();
            for (const Store::Store::Refused &one : std::as_const(refused)) {
                const RowProblem bad = problem(table,
                                               options,
                                               lines.at(one.index),
                                               faultyColumn(kind, Store::Store::toRecord(kind, records.at(one.index)), options.mapping),
                                               one.error.message());
                if (fail(bad)) {
                    return Error(Error::Code::Invalid, bad.message);
                }
            }
            return std::nullopt;
        };
        // The first bad row stops the import: a row before it that the store refuses comes first.
        const auto stop = [&](const QString &message) -> Error {
            if (auto earlier = write(); earlier) {
                return *earlier;
            }
            return Error(Error::Code::Invalid, message);
        };

        for (qint64 i = 0; i < total; ++i) {
            current = i;
            // Rows merged or left out make no write: the feed is given them back all the same.
            if (feed.wantsRowsBack(i)) {
                if (pending.isEmpty()) {
                    feed.release(i);
                } else if (auto refused = write(); refused) {
                    return *refused;
                }
            }
            if (options.progress && i % ProgressEvery == 0 && !options.progress(i, total)) {
                cancelled = true;
                return Error(Error::Code::Refused, i18nc("@info", "The import was cancelled. Nothing was imported."));
            }
            const CsvRow &row = table.rows.at(i);
            ReadyRow &ready = feed.take(i);
            // Two exports joined into one file repeat the header line: no record.
            if (ready.headerAgain) {
                report.leftOut.append(
                    {row.line, 0, where(table, options, row.line, 0) + u": "_s + i18nc("@info", "the header line again, not a record: left out.")});
                continue;
            }
            if (const std::optional<RowProblem> &bad = ready.problem; bad) {
                if (fail(*bad)) {
                    return stop(bad->message);
                }
                continue;
            }
            ParsedRow &parsed = ready.parsed;
            // The row as a record, for the rare paths that need one (a message, a duplicate).
            const auto record = [&] {
                Record made = recordOf(kind, parsed);
                made.remove(u"organization"_s);
                return made;
            };

            QString organizationId;
            if (kind == Kind::Person) {
                const QString &organization = ready.organization;
                if (!organization.isEmpty()) {
                    const QString &key = ready.organizationKey;
                    organizationId = organizationByKey.value(key).id;
                    if (organizationId.isEmpty()) {
                        // A row that will be refused adds no organization: with "skip bad rows"
                        // it would stay behind, named by no one. A row the feed made ready breaks
                        // no rule.
                        if (!ready.ready) {
                            QList<QVariant> clean = parsed.values;
                            for (int field = 0; field < clean.size(); ++field) {
                                clean[field] = normalizedValue(entity(kind).fields.at(field), clean.at(field));
                            }
                            if (!validateValues(kind, parsed.id.trimmed(), clean, QString()).isEmpty()) {
                                const QStringList problems =
                                    validateValues(kind,
                                                   parsed.id.trimmed(),
                                                   clean,
                                                   i18nc("@info record label", "Person “%1”", parsed.values.value(plan.nameField).toString().simplified()));
                                const RowProblem bad = problem(table, options, row.line, faultyColumn(kind, record(), options.mapping), problems.join(u' '));
                                if (fail(bad)) {
                                    return stop(bad.message);
                                }
                                continue;
                            }
                        }
                        auto created = m_store.create(Kind::Organization, {{u"name"_s, organization}});
                        if (!created) {
                            const RowProblem bad = problem(table, options, row.line, options.mapping.column(u"organization"_s) + 1, created.error().message());
                            if (fail(bad)) {
                                return stop(bad.message);
                            }
                            continue;
                        }
                        organizationId = created.value();
                        organizationByKey.insert(key, {organizationId});
                        ++report.organizationsCreated;
                    }
                    parsed.values[organizationField] = organizationId;
                    if (ready.ready) {
                        ready.ready->values[organizationField] = organizationId;
                    }
                }
            }

            // Is it someone or something already there?
            QString existing;
            QString reason;
            int waitsFor = -1;
            const QString &nameKey = ready.nameKey;
            const QString &email = ready.email;
            if (kind == Kind::Person) {
                if (!email.isEmpty()) {
                    const Known known = personByEmail.value(email);
                    existing = known.id;
                    waitsFor = known.batch;
                    if (!existing.isEmpty()) {
                        reason = i18nc("@info why records look alike", "same e-mail address");
                    }
                }
                if (existing.isEmpty()) {
                    const Named named = personByName.value(organizationId + u'\x1f' + nameKey);
                    existing = named.id;
                    waitsFor = named.batch;
                    // Two John Smiths with different e-mail addresses are two people.
                    if (!email.isEmpty() && !named.email.isEmpty() && named.email != email) {
                        existing.clear();
                    }
                    if (!existing.isEmpty()) {
                        reason = i18nc("@info why records look alike", "same name in the same organization");
                    }
                }
            } else {
                const Known known = organizationByKey.value(nameKey);
                existing = known.id;
                waitsFor = known.batch;
                if (!existing.isEmpty()) {
                    reason = i18nc("@info why records look alike", "same name");
                }
            }
            if (!existing.isEmpty()) {
                // The record found may be one of this file's, not written yet.
                if (waitsFor == batch) {
                    if (auto refused = write(); refused) {
                        return *refused;
                    }
                }
                const Record incoming = record();
                DuplicateAction action = options.onDuplicate;
                const std::optional<Record> current = m_store.fetch(kind, existing);
                if (options.chooseDuplicate && current) {
                    action = options.chooseDuplicate({kind, row.line, existing, current->value(u"name"_s).toString(), incoming, reason});
                }
                if (action == DuplicateAction::Skip) {
                    ++report.skippedDuplicates;
                    continue;
                }
                if (action == DuplicateAction::Merge && current) {
                    // The existing values stay; the row fills the empty ones, undoably.
                    auto merged =
                        Duplicates::mergeValues(m_store,
                                                kind,
                                                existing,
                                                incoming,
                                                options.source.isEmpty() ? QString() : where(table, options, row.line, 0) + u" — "_s + options.source);
                    if (!merged) {
                        const RowProblem bad = problem(table, options, row.line, faultyColumn(kind, incoming, options.mapping), merged.error().message());
                        if (fail(bad)) {
                            return stop(bad.message);
                        }
                        continue;
                    }
                    ++report.merged;
                    if (!merged.value().isEmpty()) {
                        report.mergeIds.append(merged.value());
                    }
                    continue;
                }
                ++report.keptBoth;
            }

            // What is wrong with a row the feed found broken is worked out here, with its name.
            auto prepared = ready.ready ? Result<Store::Store::NewRecord>(*ready.ready) : m_store.prepareNew(kind, parsed.id, parsed.values);
            if (!prepared) {
                const RowProblem bad = problem(table, options, row.line, faultyColumn(kind, record(), options.mapping), prepared.error().message());
                if (fail(bad)) {
                    return stop(bad.message);
                }
                continue;
            }
            const QString id = prepared.value().id;
            pending.append(std::move(prepared).value());
            pendingLines.append(row.line);
            ++report.created;
            if (kind == Kind::Person) {
                if (!email.isEmpty()) {
                    personByEmail.insert(email, {id, batch});
                }
                personByName.insert(organizationId + u'\x1f' + nameKey, {batch, id, email});
            } else {
                organizationByKey.insert(nameKey, {id, batch});
            }
            if (pending.size() >= WriteEvery) {
                if (auto refused = write(); refused) {
                    return *refused;
                }
            }
        }
        if (auto refused = write(); refused) {
            return *refused;
        }
        if (options.progress && !options.progress(total, total)) {
            cancelled = true;
            return Error(Error::Code::Refused, i18nc("@info", "The import was cancelled. Nothing was imported."));
        }
        return {};
    });
    // The rows the store refused were found after the rows read after them.
    std::stable_sort(report.skippedRows.begin(), report.skippedRows.end(), [](const RowProblem &a, const RowProblem &b) {
        return a.line < b.line;
    });
    if (!done) {
        if (!cancelled && !options.skipBadRows && done.error().code() == Error::Code::Invalid) {
            return Error(Error::Code::Invalid, done.error().message() + u'\n' + i18nc("@info", "Nothing was imported: the database is as it was."));
        }
        return done.error();
    }
    return report;
}

} // namespace Chorus::Interop
