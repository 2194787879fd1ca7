// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

namespace Chorus::Storage
{

class Database;

/**
 * RAII transaction: begins on construction, rolls back on destruction unless commit() succeeded.
 * Nested transactions become savepoints, so a failing inner step undoes only itself.
 */
class CHORUS_CORE_EXPORT Transaction
{
public:
    explicit Transaction(Database &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when the transaction could not begin (e.g. the database is locked).
    [[nodiscard]] bool isActive() const
    {
        return m_active;
    }
    /// Makes the changes permanent (or releases the savepoint). Returns success.
    bool commit();

private:
    Database &m_database;
    bool m_active = false;
};

} // namespace Chorus::Storage
