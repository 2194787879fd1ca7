// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QJsonObject>

namespace Chorus::Interop
{

/// A record as a JSON object: every field of its kind (empty ones as null), "id" included,
/// binary values in base64. Used by the JSON backup and the merge audit.
CHORUS_CORE_EXPORT QJsonObject recordToJson(Domain::Kind kind, const Domain::Record &record);

/**
 * The record a JSON object describes. Unknown members are an error (they come from a newer
 * Chorus), as are values of the wrong type; errors start with where, e.g. "Record 3 of people".
 */
CHORUS_CORE_EXPORT Result<Domain::Record> recordFromJson(Domain::Kind kind, const QJsonObject &object, const QString &where);

} // namespace Chorus::Interop
