// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"

namespace Chorus::Store
{

class Store;

/**
 * Loads the demo coalition (an invented coalition, shipped in resources/demo) into store through
 * the normal write path, in one transaction: all of it or nothing.
 */
CHORUS_CORE_EXPORT Result<void> loadDemoCoalition(Store &store);

} // namespace Chorus::Store
