// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "validation.h"

#include <KLocalizedString>

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Chorus::Domain
{

namespace
{

/// The text of a value; a string value's own, without a conversion (run for every field of every row of an import).
QString textOf(const QVariant &value)
{
    return value.typeId() == QMetaType::QString ? *static_cast<const QString *>(value.constData()) : value.toString();
}

/// Whether simplified() would leave text as it is.
bool isSimplified(QStringView text)
{
    if (text.isEmpty()) {
        return true;
    }
    if (text.front().isSpace() || text.back().isSpace()) {
        return false;
    }
    bool space = false;
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (space || c != u' ') {
                return false;
            }
            space = true;
        } else {
            space = false;
        }
    }
    return true;
}

bool isEmpty(const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        return true;
    }
    if (value.typeId() == QMetaType::QString) {
        return QStringView(*static_cast<const QString *>(value.constData())).trimmed().isEmpty();
    }
    if (value.typeId() == QMetaType::QByteArray) {
        return value.toByteArray().isEmpty();
    }
    return false;
}

bool isWholeNumber(const QVariant &value, qint64 *number)
{
    bool ok = false;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        *number = value.toLongLong(&ok);
        return ok;
    case QMetaType::Double: {
        const double d = value.toDouble();
        *number = qint64(d);
        return double(*number) == d;
    }
    default:
        *number = value.toString().trimmed().toLongLong(&ok);
        return ok;
    }
}

QString quoted(const QString &value)
{
    return i18nc("@info quoting a value the user typed", "“%1”", value.left(80));
}

} // namespace

QDateTime parseInstant(const QString &text)
{
    QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!instant.isValid()) {
        return {};
    }
    // A bare local time has no meaning across time zones: Chorus only keeps instants.
    if (instant.timeSpec() == Qt::LocalTime) {
        return {};
    }
    return instant.toUTC();
}

QString formatInstant(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODate);
}

QStringList pressKitSections()
{
    return {u"release"_s, u"media_advisory"_s, u"fact_sheet"_s, u"roster"_s, u"bios"_s, u"boilerplates"_s, u"contacts"_s};
}

bool isValidEmail(const QString &address)
{
    static const QRegularExpression pattern(u"^[^@\\s<>(),;:\"]+@[^@\\s<>(),;:\"]+\\.[^@\\s<>(),;:\".]{2,}$"_s);
    return pattern.match(address).hasMatch() && !address.contains(u".."_s);
}

QVariant normalizedValue(const Field &field, const QVariant &input)
{
    QVariant value = input;
    if (!value.isValid() || value.isNull()) {
        return {};
    }
    switch (field.type) {
    case FieldType::LongText: {
        // Paragraphs keep their inner layout; surrounding blank space is never meant.
        const QString text = value.toString().trimmed();
        value = text.isEmpty() ? QVariant() : QVariant(text);
        break;
    }
    case FieldType::Blob:
        break;
    case FieldType::Boolean:
        if (value.typeId() == QMetaType::QString) {
            const QString text = value.toString().trimmed().toLower();
            value = text == u"1" || text == u"true" || text == u"yes";
        } else {
            value = value.toBool();
        }
        break;
    case FieldType::Count:
    case FieldType::Integer: {
        qint64 number = 0;
        if (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty()) {
            value = QVariant();
        } else if (isWholeNumber(value, &number)) {
            value = number;
        }
        break;
    }
    case FieldType::DateTime: {
        const QString text = value.typeId() == QMetaType::QDateTime ? formatInstant(value.toDateTime()) : value.toString().trimmed();
        const QDateTime instant = parseInstant(text);
        value = text.isEmpty() ? QVariant() : QVariant(instant.isValid() ? formatInstant(instant) : text);
        break;
    }
    case FieldType::Date: {
        const QString text = value.typeId() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate) : value.toString().trimmed();
        value = text.isEmpty() ? QVariant() : QVariant(text);
        break;
    }
    default: {
        const QString text = textOf(value);
        if (text.isEmpty()) {
            value = QVariant();
        } else if (!isSimplified(text)) {
            const QString simple = text.simplified();
            value = simple.isEmpty() ? QVariant() : QVariant(simple);
        } else if (value.typeId() != QMetaType::QString) {
            value = text;
        }
        break;
    }
    }
    return value;
}

Record normalized(Kind kind, const Record &record)
{
    const EntityInfo &info = entity(kind);
    Record result;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        if (it.key() == u"id") {
            result.insert(it.key(), it.value().toString().trimmed());
            continue;
        }
        const Field *field = info.field(it.key());
        if (!field) {
            continue;
        }
        result.insert(it.key(), normalizedValue(*field, it.value()));
    }
    return result;
}

namespace
{

/// The rules of one field's value (normalized) alone; a message per problem found.
void checkField(Kind kind, const Field &field, const QVariant &value, const QString &label, QStringList &problems)
{
    // Labels are translated only for a message: most records are valid.
    const auto name = [kind, &field] {
        return fieldLabel(kind, field.name);
    };
    if (isEmpty(value)) {
        if (field.required) {
            problems << i18nc("@info validation; %1 names the record, %2 the field", "%1: the %2 is empty.", label, name());
        }
        return;
    }
    const QString text = textOf(value);
    switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText: {
        const int limit = field.type == FieldType::Text ? MaxShortText : MaxLongText;
        if (text.size() > limit) {
            problems << i18nc("@info validation",
                              "%1: the %2 is too long (%3 characters; at most %4).",
                              label,
                              name(),
                              QLocale().toString(text.size()),
                              QLocale().toString(limit));
        }
        break;
    }
    case FieldType::Count:
    case FieldType::Integer: {
        qint64 number = 0;
        if (!isWholeNumber(value, &number)) {
            problems << i18nc("@info validation", "%1: the %2 must be a whole number, not %3.", label, name(), quoted(text));
        } else if (field.type == FieldType::Count && number < 0) {
            problems << i18nc("@info validation", "%1: the %2 cannot be negative.", label, name());
        }
        break;
    }
    case FieldType::Date:
        if (!QDate::fromString(text, Qt::ISODate).isValid()) {
            problems
                << i18nc("@info validation", "%1: the %2 %3 is not a valid date. Write it as year-month-day, e.g. 2026-05-01.", label, name(), quoted(text));
        }
        break;
    case FieldType::DateTime:
        if (!parseInstant(text).isValid()) {
            problems << i18nc("@info validation", "%1: the %2 %3 is not a valid date and time with a time zone.", label, name(), quoted(text));
        }
        break;
    case FieldType::TimeZone:
        if (!QTimeZone::isTimeZoneIdAvailable(text.toUtf8())) {
            problems << i18nc("@info validation",
                              "%1: %2 is not a known time zone. Use a name such as America/Los_Angeles or Europe/Madrid.",
                              label,
                              quoted(text));
        }
        break;
    case FieldType::Email:
        if (!isValidEmail(text)) {
            problems << i18nc("@info validation", "%1: %2 is not a valid e-mail address.", label, quoted(text));
        }
        break;
    case FieldType::Url: {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()) {
            problems << i18nc("@info validation", "%1: the %2 %3 is not a web address (it should start with https://).", label, name(), quoted(text));
        }
        break;
    }
    case FieldType::Language: {
        static const QRegularExpression code(u"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"_s);
        if (!code.match(text).hasMatch()) {
            problems << i18nc("@info validation", "%1: %2 is not a language code (such as en or es).", label, quoted(text));
        }
        break;
    }
    case FieldType::Choice:
        if (!field.choices.contains(text)) {
            problems << i18nc("@info validation", "%1: %2 is not a valid %3.", label, quoted(text), name());
        }
        break;
    case FieldType::Blob:
        if (value.toByteArray().size() > MaxBlobBytes) {
            problems << i18nc("@info validation", "%1: the %2 is too large (at most %3 MB).", label, name(), MaxBlobBytes / (1024 * 1024));
        }
        break;
    case FieldType::Json: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            problems << i18nc("@info validation", "%1: the %2 are damaged (%3).", label, name(), error.errorString());
        } else if (field.references) {
            bool allIds = document.isArray();
            QSet<QString> seen;
            for (const QJsonValue &id : document.array()) {
                allIds = allIds && id.isString() && !id.toString().isEmpty();
                if (allIds && seen.contains(id.toString())) {
                    problems << i18nc("@info validation; %2 is a list such as the quotes of a press kit",
                                      "%1: the %2 list the same %3 twice.",
                                      label,
                                      name(),
                                      kindLabel(*field.references));
                    break;
                }
                seen.insert(id.toString());
            }
            if (!allIds) {
                problems << i18nc("@info validation", "%1: the %2 are not a list of records.", label, name());
            }
        }
        break;
    }
    case FieldType::Boolean:
    case FieldType::Reference:
        break;
    }
}

/// Whether records of kind have rules that involve several fields.
bool hasRecordRules(Kind kind)
{
    switch (kind) {
    case Kind::Site:
    case Kind::RunOfShowItem:
    case Kind::Task:
    case Kind::Campaign:
    case Kind::Quote:
    case Kind::PressKit:
        return true;
    default:
        return false;
    }
}

/// The rules that involve several fields, for a record whose fields are each valid.
QStringList recordProblems(Kind kind, const Record &record, const QString &label)
{
    QStringList problems;
    switch (kind) {
    case Kind::Site: {
        const QDateTime start = parseInstant(record.value(u"starts_at"_s).toString());
        const QDateTime end = parseInstant(record.value(u"ends_at"_s).toString());
        if (start.isValid() && end.isValid() && end <= start) {
            problems << i18nc("@info validation", "%1: the end must be after the start.", label);
        }
        break;
    }
    case Kind::RunOfShowItem: {
        const QString clock = record.value(u"clock_time"_s).toString();
        if (!clock.isEmpty() && (clock.size() != 5 || !QTime::fromString(clock, u"HH:mm"_s).isValid())) {
            problems << i18nc("@info validation",
                              "%1: the clock start %2 is not a time of day. Write it as hours and minutes, e.g. 13:30.",
                              label,
                              quoted(clock));
        }
        break;
    }
    case Kind::Task:
        if (!isEmpty(record.value(u"due_time_zone"_s)) && isEmpty(record.value(u"due_at"_s))) {
            problems << i18nc("@info validation", "%1: a time zone is set but the due date is empty.", label);
        }
        break;
    case Kind::Campaign: {
        const QDate start = QDate::fromString(record.value(u"starts_on"_s).toString(), Qt::ISODate);
        const QDate end = QDate::fromString(record.value(u"ends_on"_s).toString(), Qt::ISODate);
        if (start.isValid() && end.isValid() && end < start) {
            problems << i18nc("@info validation", "%1: the end date is before the start date.", label);
        }
        break;
    }
    case Kind::Quote:
        if (record.value(u"state"_s).toString() == u"approved" && isEmpty(record.value(u"approved_by"_s))) {
            problems << i18nc("@info validation", "%1: an approved quote needs the name of who approved it.", label);
        }
        if (!isEmpty(record.value(u"translation_of"_s)) && record.value(u"translation_of"_s) == record.value(u"id"_s)) {
            problems << i18nc("@info validation", "%1: a quote cannot be a translation of itself.", label);
        }
        break;
    case Kind::PressKit:
        if (!isEmpty(record.value(u"embargo_until"_s)) && isEmpty(record.value(u"embargo_time_zone"_s))) {
            problems << i18nc("@info validation", "%1: the embargo needs a time zone.", label);
        }
        if (!isEmpty(record.value(u"settings"_s))) {
            const QJsonObject settings = QJsonDocument::fromJson(record.value(u"settings"_s).toString().toUtf8()).object();
            static const QStringList sections = pressKitSections();
            const QJsonValue chosen = settings.value(u"sections");
            if (!chosen.isUndefined() && !chosen.isArray()) {
                problems << i18nc("@info validation", "%1: the sections of the kit are not a list.", label);
            }
            for (const QJsonValue &section : chosen.toArray()) {
                if (!sections.contains(section.toString())) {
                    problems << i18nc("@info validation", "%1: there is no press kit section called %2.", label, quoted(section.toString()));
                }
            }
            const QString paper = settings.value(u"paper").toString();
            if (!paper.isEmpty() && paper != u"a4" && paper != u"letter") {
                problems << i18nc("@info validation", "%1: the paper size %2 is neither a4 nor letter.", label, quoted(paper));
            }
        }
        break;
    default:
        break;
    }
    return problems;
}

} // namespace

QStringList validate(Kind kind, const Record &record, const QString &label)
{
    QStringList problems;
    for (const Field &field : entity(kind).fields) {
        checkField(kind, field, record.value(field.name), label, problems);
    }
    if (!problems.isEmpty()) {
        return problems;
    }
    return recordProblems(kind, record, label);
}

QStringList validateValues(Kind kind, const QString &id, const QList<QVariant> &values, const QString &label)
{
    const EntityInfo &info = entity(kind);
    QStringList problems;
    for (qsizetype i = 0; i < info.fields.size(); ++i) {
        checkField(kind, info.fields.at(i), values.value(i), label, problems);
    }
    if (!problems.isEmpty() || !hasRecordRules(kind)) {
        return problems;
    }
    Record record{{u"id"_s, id}};
    for (qsizetype i = 0; i < info.fields.size(); ++i) {
        record.insert(info.fields.at(i).name, values.value(i));
    }
    return recordProblems(kind, record, label);
}

} // namespace Chorus::Domain
