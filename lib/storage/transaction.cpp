// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "transaction.h"

#include "database.h"

namespace Chorus::Storage
{

Transaction::Transaction(Database &database)
    : m_database(database)
    , m_active(database.begin())
{
}

Transaction::~Transaction()
{
    if (m_active) {
        m_database.rollback();
    }
}

bool Transaction::commit()
{
    if (!m_active) {
        return false;
    }
    if (!m_database.commit()) {
        return false;
    }
    m_active = false;
    return true;
}

} // namespace Chorus::Storage
