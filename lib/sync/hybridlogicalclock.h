// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QtGlobal>

#include <functional>

namespace Chorus::Sync
{

/**
 * A hybrid logical clock: timestamps that follow the wall clock but never go backwards and
 * always order causally related changes, even when laptops' clocks disagree.
 *
 * A timestamp is (milliseconds since the epoch << 16) | counter, so it sorts as an integer.
 */
class CHORUS_CORE_EXPORT HybridLogicalClock
{
public:
    using WallClock = std::function<qint64()>; ///< milliseconds since the epoch

    explicit HybridLogicalClock(qint64 last = 0, WallClock wallClock = {});

    /// A new timestamp, greater than every one given or observed before.
    qint64 now();
    /// Takes a timestamp seen from another replica into account.
    void observe(qint64 remote);
    [[nodiscard]] qint64 last() const
    {
        return m_last;
    }

    [[nodiscard]] static qint64 milliseconds(qint64 timestamp)
    {
        return timestamp >> 16;
    }

private:
    qint64 m_last;
    WallClock m_wallClock;
};

} // namespace Chorus::Sync
