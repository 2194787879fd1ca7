// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

#include <QByteArray>

namespace Chorus::Store
{

class Store;

/**
 * Loads the demo coalition (an invented coalition, shipped in resources/demo) into store through
 * the normal write path, in one transaction: all of it or nothing.
 *
 * Each record gets the same id in every database, so a database that already holds the demo is
 * refused (Error::Code::Refused) without any change.
 */
CHORUS_CORE_EXPORT Result<void> loadDemoCoalition(Store &store);

/**
 * Loads records written in the demo file format from json, the same way as the demo:
 * {"format": "chorus-demo", "version": 1, "records": {"organization": [{"key": "org-a",
 * "name": ...}, ...], ...}}. Each record has a symbolic "key"; reference fields hold keys.
 * A malformed file is refused with a message that names the record and the field.
 */
CHORUS_CORE_EXPORT Result<void> loadDemoCoalition(Store &store, const QByteArray &json);

} // namespace Chorus::Store
