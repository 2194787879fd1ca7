// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;

namespace Chorus::Storage
{

class Database;

/**
 * A prepared SQLite statement (RAII: finalized when destroyed). Bind values by 1-based index,
 * then call step() until it returns false; check ok() afterwards.
 *
 * Hot statements are prepared once and reused: reset() clears the previous run and bindings.
 */
class CHORUS_CORE_EXPORT Statement
{
public:
    Statement() = default;
    Statement(Database *database, sqlite3_stmt *statement);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    [[nodiscard]] bool isValid() const
    {
        return m_statement != nullptr;
    }

    void bind(int index, const QString &value);
    void bind(int index, QStringView value);
    void bind(int index, qint64 value);
    void bind(int index, int value)
    {
        bind(index, qint64(value));
    }
    void bind(int index, bool value)
    {
        bind(index, qint64(value ? 1 : 0));
    }
    void bind(int index, double value);
    void bind(int index, const QByteArray &blob);
    /// Binds a QVariant by its type; a null or invalid QVariant binds SQL NULL.
    void bind(int index, const QVariant &value);
    void bindNull(int index);

    /// Runs one step: true while a row is available. On error returns false and ok() is false.
    bool step();
    /// Runs the statement to completion, ignoring rows. Returns ok().
    bool exec();
    /// Clears the previous run and all bindings, for reuse.
    void reset();

    [[nodiscard]] bool ok() const
    {
        return m_ok;
    }
    /// SQLite's extended result code of the last failure.
    [[nodiscard]] int errorCode() const
    {
        return m_errorCode;
    }

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    /// The column as a QVariant of its storage class (NULL -> invalid QVariant).
    [[nodiscard]] QVariant value(int column) const;

private:
    void release();

    Database *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_ok = true;
    int m_errorCode = 0;
};

} // namespace Chorus::Storage
