// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Chorus
{

/**
 * What went wrong, in words a campaign director understands (translated), plus a code that
 * callers and tests can branch on.
 */
class Error
{
public:
    enum class Code {
        Invalid, ///< a validation rule refused the change
        NotFound, ///< the record does not exist
        Refused, ///< the change is valid but would harm other records (e.g. delete with dependents)
        NewerVersion, ///< the database was written by a newer Chorus
        NotChorus, ///< an SQLite database that is not a Chorus database
        NotDatabase, ///< not an SQLite file at all
        ReadOnly, ///< the file or its folder cannot be written
        CannotOpen, ///< missing folder, permissions, ...
        Corrupt, ///< integrity check failed
        DiskFull, ///< no space left
        Busy, ///< another program holds a lock
        Storage, ///< any other SQLite failure
    };

    Error() = default;
    Error(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    {
    }

    [[nodiscard]] Code code() const
    {
        return m_code;
    }
    /// The translated, user-facing message.
    [[nodiscard]] QString message() const
    {
        return m_message;
    }

private:
    Code m_code = Code::Storage;
    QString m_message;
};

/**
 * A value or an Error: the return type of every operation that can fail with a message for the
 * user. Use hasValue()/operator bool, then value() or error().
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    [[nodiscard]] bool hasValue() const
    {
        return m_data.index() == 0;
    }
    explicit operator bool() const
    {
        return hasValue();
    }
    [[nodiscard]] const T &value() const &
    {
        return std::get<0>(m_data);
    }
    [[nodiscard]] T &value() &
    {
        return std::get<0>(m_data);
    }
    [[nodiscard]] T &&value() &&
    {
        return std::get<0>(std::move(m_data));
    }
    [[nodiscard]] const Error &error() const
    {
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that returns nothing on success.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    [[nodiscard]] bool hasValue() const
    {
        return !m_error.has_value();
    }
    explicit operator bool() const
    {
        return hasValue();
    }
    [[nodiscard]] const Error &error() const
    {
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

} // namespace Chorus
