// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "democoalition.h"

#include "store.h"

namespace Chorus::Store
{

Result<void> loadDemoCoalition(Store &store)
{
    Q_UNUSED(store);
    return Error(Error::Code::Storage, QStringLiteral("demo coalition not written yet"));
}

} // namespace Chorus::Store
