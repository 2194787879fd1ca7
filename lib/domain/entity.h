// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Chorus::Domain
{

/// Every kind of record Chorus keeps.
enum class Kind {
    Organization,
    Person,
    Campaign,
    Membership,
    Petition,
    Event,
    Site,
    RunOfShowItem,
    Quote,
    Task,
    Fact,
    PressKit,
    MediaRsvp, ///< a journalist invited to an event, and whether they come
};

/// How a field's value is stored and checked.
enum class FieldType {
    Text, ///< one line, at most MaxShortText characters
    LongText, ///< paragraphs (quote text, bio, boilerplate), at most MaxLongText characters
    Count, ///< a whole number, never negative
    Integer, ///< a whole number that may be negative (offsets, positions)
    Boolean,
    Date, ///< "YYYY-MM-DD"
    DateTime, ///< UTC instant, ISO 8601 ("2026-05-01T20:30:00Z")
    TimeZone, ///< IANA id ("America/Los_Angeles")
    Email,
    Url,
    Language, ///< BCP 47 / ISO 639 code ("en", "es")
    Reference, ///< the id of another record
    Choice, ///< one of Field::choices
    Blob, ///< binary (a logo)
    Json, ///< structured settings, a JSON document
};

inline constexpr int MaxShortText = 2000;
inline constexpr int MaxLongText = 200000;
inline constexpr int MaxBlobBytes = 5 * 1024 * 1024;

struct Field {
    QString name; ///< the column name, also the key in a Record
    FieldType type = FieldType::Text;
    bool required = false;
    std::optional<Kind> references; ///< for FieldType::Reference; for FieldType::Json: a JSON array of ids of this kind
    QStringList choices; ///< for FieldType::Choice
};

/// What Chorus knows about one kind of record: its table and fields.
struct EntityInfo {
    Kind kind;
    QString key; ///< stable English identifier ("quote"), used in the change log and files
    QString table;
    QList<Field> fields; ///< without "id"
    QString titleField; ///< the field that names a record in lists and messages

    [[nodiscard]] CHORUS_CORE_EXPORT const Field *field(QStringView name) const;
};

/**
 * A record as field name -> value, "id" included. Text is QString, numbers qint64, booleans
 * bool, blobs QByteArray; a missing or null value means empty.
 */
using Record = QVariantMap;

CHORUS_CORE_EXPORT const EntityInfo &entity(Kind kind);
CHORUS_CORE_EXPORT const QList<Kind> &allKinds();
CHORUS_CORE_EXPORT std::optional<Kind> kindFromKey(QStringView key);

/// The translated name of a kind for messages, e.g. "organization".
CHORUS_CORE_EXPORT QString kindLabel(Kind kind);
/// The translated plural for headings, e.g. "Organizations".
CHORUS_CORE_EXPORT QString kindPluralLabel(Kind kind);
/// The translated name of a field for messages, e.g. "e-mail address".
CHORUS_CORE_EXPORT QString fieldLabel(Kind kind, QStringView field);
/// The translated label of a choice value, e.g. "signed on" for status "signed_on".
CHORUS_CORE_EXPORT QString choiceLabel(QStringView field, QStringView value);

} // namespace Chorus::Domain
