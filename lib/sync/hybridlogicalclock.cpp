// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "hybridlogicalclock.h"

#include <QDateTime>

#include <algorithm>

namespace Chorus::Sync
{

HybridLogicalClock::HybridLogicalClock(qint64 last, WallClock wallClock)
    : m_last(last)
    , m_wallClock(wallClock ? std::move(wallClock) : WallClock([] {
        return QDateTime::currentMSecsSinceEpoch();
    }))
{
}

qint64 HybridLogicalClock::now()
{
    const qint64 physical = m_wallClock() << 16;
    m_last = std::max(physical, m_last + 1);
    return m_last;
}

void HybridLogicalClock::observe(qint64 remote)
{
    m_last = std::max(m_last, remote);
}

} // namespace Chorus::Sync
