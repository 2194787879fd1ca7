// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"

#include <QDateTime>
#include <QStringList>

namespace Chorus::Domain
{

/**
 * Cleans a record's values before validation: trims one-line text, turns empty text into null,
 * writes instants as UTC ISO 8601 and booleans as bool. Fields not of kind are dropped.
 */
CHORUS_CORE_EXPORT Record normalized(Kind kind, const Record &record);
/// One value of field cleaned as normalized() cleans it (null for an empty one).
CHORUS_CORE_EXPORT QVariant normalizedValue(const Field &field, const QVariant &value);

/**
 * The rules every record of kind must follow, applied to the complete record (after a change is
 * merged in). Returns translated messages that start with recordLabel and name the field, e.g.
 * "Quote by Ana Ruiz: the text is empty." An empty list means the record is valid.
 *
 * References to other records are not checked here (the store knows which records exist).
 */
CHORUS_CORE_EXPORT QStringList validate(Kind kind, const Record &record, const QString &recordLabel);
/**
 * The same rules and messages as validate(), for a record given as its id and its values in the
 * order of entity(kind).fields (a bulk import's rows, without a Record each).
 */
CHORUS_CORE_EXPORT QStringList validateValues(Kind kind, const QString &id, const QList<QVariant> &values, const QString &recordLabel);

/// Parses a stored instant ("2026-05-01T20:30:00Z"); invalid QDateTime when it is not one.
CHORUS_CORE_EXPORT QDateTime parseInstant(const QString &text);
/// Formats an instant the way Chorus stores it: UTC, seconds precision, "Z" suffix.
CHORUS_CORE_EXPORT QString formatInstant(const QDateTime &instant);

/// The sections a press kit can switch on, in the order a kit shows them ("release", ...).
CHORUS_CORE_EXPORT QStringList pressKitSections();

/// True for a plausible e-mail address (one @, a dot in the domain, no spaces).
CHORUS_CORE_EXPORT bool isValidEmail(const QString &address);

} // namespace Chorus::Domain
