// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "result.h"
#include "storage/statement.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

struct sqlite3;

namespace Chorus::Storage
{

/// One step of a schema upgrade: run in its own transaction, then user_version becomes version.
struct MigrationStep {
    int version = 0;
    /// What the step does, for the log and the backup's name.
    QString description;
    /// Applies the step; returns false on failure (the transaction is rolled back).
    std::function<bool(class Database &)> apply;
};

/**
 * One SQLite connection to a Chorus database file (RAII: closed when destroyed).
 *
 * open() refuses, with a clear translated error and without writing anything, a missing folder,
 * a file that is not SQLite, an SQLite file of another application, a database written by a
 * newer Chorus, and a file that cannot be written. It then turns on WAL, foreign keys and a busy
 * timeout, and brings the schema up to date in steps, backing the file up first.
 */
class CHORUS_CORE_EXPORT Database
{
public:
    /// "CHRS": the application_id stored in every Chorus database header.
    static constexpr int ApplicationId = 0x43485253;

    struct Options {
        /// Create the file when it does not exist (its folder must exist).
        bool create = true;
        /// The schema steps, in ascending version order; the last one is the current version.
        QList<MigrationStep> migrations;
        /// Back the file up before upgrading an existing database (next to it).
        bool backupBeforeMigrating = true;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (or creates) the database at path; ":memory:" gives a private in-memory database.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);

    [[nodiscard]] QString path() const
    {
        return m_path;
    }
    [[nodiscard]] sqlite3 *handle() const
    {
        return m_db;
    }

    /// Prepares one statement. An invalid Statement is returned (and logged) on a syntax error.
    [[nodiscard]] Statement prepare(const QString &sql);
    /// Runs one or more statements without bound values (schema, pragmas). Returns success.
    bool exec(const QString &sql);

    /// The schema version stored in the file (PRAGMA user_version).
    [[nodiscard]] int userVersion();
    /// The path of the backup made before the last migration, if one was made.
    [[nodiscard]] QString lastBackupPath() const
    {
        return m_lastBackupPath;
    }

    /// Copies the whole database to target with SQLite's online backup API.
    Result<void> backupTo(const QString &target);
    /// Runs SQLite's integrity and foreign key checks; returns the problems found (none: empty).
    [[nodiscard]] QStringList integrityProblems();

    /// The last SQLite error of this connection, as a user-facing Error.
    [[nodiscard]] Error lastError() const;
    /// Turns an SQLite result code into a user-facing Error about this database.
    [[nodiscard]] Error errorFor(int sqliteCode, const QString &detail = {}) const;

    /// Called by Statement on failure, so lastError() knows the code.
    void noteError(int sqliteCode)
    {
        m_lastErrorCode = sqliteCode;
    }

    /**
     * Work to do inside every outermost transaction just before it commits (the store indexes the
     * records written in it for search). When it returns false the commit fails and the
     * transaction stays open, to be rolled back.
     */
    void setBeforeCommit(std::function<bool()> work)
    {
        m_beforeCommit = std::move(work);
    }

    // Used by Transaction.
    bool begin();
    bool commit();
    void rollback();
    [[nodiscard]] int transactionDepth() const
    {
        return m_depth;
    }

    /// Pages in the write-ahead log after a commit from which it is written into the file.
    static constexpr int CheckpointPages = 1000;

private:
    Database(QString path, sqlite3 *db);
    /**
     * After each commit (sqlite3_wal_hook): once the write-ahead log holds CheckpointPages,
     * it is written into the database file on a thread of its own, by a connection of its own,
     * rather than by the commit, as SQLite would. A large import ends when its records are
     * committed, not a few hundred milliseconds later; a commit on the window's thread does not
     * wait for it either.
     */
    static int walCommitted(void *database, sqlite3 *db, const char *name, int pages);
    void checkpointInBackground();
    Result<void> configure();
    Result<void> migrate(const Options &options);

    QString m_path;
    sqlite3 *m_db = nullptr;
    int m_depth = 0;
    int m_lastErrorCode = 0;
    std::function<bool()> m_beforeCommit;
    QString m_lastBackupPath;

    enum class ControlStatement {
        Begin,
        Commit,
        Rollback,
        Savepoint,
        Release,
        RollbackTo,
        Count
    };
    bool runControl(ControlStatement which);
    Statement m_control[int(ControlStatement::Count)];
    std::thread m_checkpointer;
    std::atomic<bool> m_checkpointing = false;
};

} // namespace Chorus::Storage
