// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "statement.h"

#include "database.h"
#include "storage_debug.h"

#include <sqlite3.h>

#include <utility>

namespace Chorus::Storage
{

Statement::Statement(Database *database, sqlite3_stmt *statement)
    : m_database(database)
    , m_statement(statement)
{
}

Statement::~Statement()
{
    release();
}

Statement::Statement(Statement &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_ok(other.m_ok)
    , m_errorCode(other.m_errorCode)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_database = std::exchange(other.m_database, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_ok = other.m_ok;
        m_errorCode = other.m_errorCode;
    }
    return *this;
}

void Statement::release()
{
    if (m_statement) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

void Statement::bind(int index, const QString &value)
{
    bind(index, QStringView(value));
}

void Statement::bind(int index, QStringView value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    // SQLite copies the UTF-16 text, so the view need not outlive the statement.
    sqlite3_bind_text16(m_statement, index, value.utf16(), int(value.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull()) {
        bindNull(index);
        return;
    }
    sqlite3_bind_blob64(m_statement, index, blob.constData(), sqlite3_uint64(blob.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
        bind(index, value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        bind(index, value.toDouble());
        break;
    case QMetaType::QByteArray:
        bind(index, value.toByteArray());
        break;
    case QMetaType::QString:
        // The text in place, without a converted copy (bulk writes bind millions of values).
        bind(index, QStringView(*static_cast<const QString *>(value.constData())));
        break;
    default:
        bind(index, value.toString());
        break;
    }
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

bool Statement::step()
{
    if (!m_statement) {
        m_ok = false;
        return false;
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        m_ok = true;
        return false;
    }
    m_ok = false;
    m_errorCode = sqlite3_extended_errcode(sqlite3_db_handle(m_statement));
    qCWarning(CHORUS_STORAGE) << "statement failed:" << sqlite3_errmsg(sqlite3_db_handle(m_statement)) << "in" << sqlite3_sql(m_statement);
    if (m_database) {
        m_database->noteError(m_errorCode);
    }
    return false;
}

bool Statement::exec()
{
    while (step()) { }
    const bool ok = m_ok;
    reset();
    m_ok = ok;
    return ok;
}

void Statement::reset()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    m_ok = true;
    m_errorCode = 0;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    if (!data) {
        return {};
    }
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return QString::fromUtf16(data, bytes / qsizetype(sizeof(char16_t)));
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    const int bytes = sqlite3_column_bytes(m_statement, column);
    return data ? QByteArray(static_cast<const char *>(data), bytes) : QByteArray();
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return integer(column);
    case SQLITE_FLOAT:
        return real(column);
    case SQLITE_BLOB:
        return blob(column);
    case SQLITE_TEXT:
        return text(column);
    default:
        return {};
    }
}

} // namespace Chorus::Storage
