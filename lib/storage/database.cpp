// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "database.h"

#include "storage_debug.h"
#include "transaction.h"

#include <KLocalizedString>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>

#include <sqlite3.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace Chorus::Storage
{

namespace
{

struct Connection {
    sqlite3 *db = nullptr;
    ~Connection()
    {
        if (db) {
            sqlite3_close_v2(db);
        }
    }
    sqlite3 *release()
    {
        return std::exchange(db, nullptr);
    }
};

int pragmaInt(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *stmt = nullptr;
    *rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    int value = 0;
    if (*rc == SQLITE_OK) {
        *rc = sqlite3_step(stmt);
        if (*rc == SQLITE_ROW) {
            value = sqlite3_column_int(stmt, 0);
            *rc = SQLITE_OK;
        } else if (*rc == SQLITE_DONE) {
            *rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    return value;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/**
 * The first 16 bytes of a file, read through SQLite rather than a file descriptor of our own:
 * closing a descriptor drops every POSIX lock this process holds on the file, those of its other
 * open connections included, and another program closing the database would then think itself
 * the last one and delete the write-ahead log from under them. SQLite keeps such descriptors
 * open until its connections let go. Empty when the file cannot be read.
 */
std::optional<QByteArray> fileHeader(const QString &path)
{
    Connection reader;
    if (sqlite3_open_v2(path.toUtf8().constData(), &reader.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        return std::nullopt;
    }
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(reader.db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods) {
        return std::nullopt;
    }
    QByteArray header(16, '\0');
    // A shorter file reads as zeros after its end.
    const int rc = file->pMethods->xRead(file, header.data(), int(header.size()), 0);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
        return std::nullopt;
    }
    return header;
}

} // namespace

Database::Database(QString path, sqlite3 *db)
    : m_path(std::move(path))
    , m_db(db)
{
}

Database::~Database()
{
    // Closed as before: the last connection to close writes the log into the file and removes it.
    if (m_checkpointer.joinable()) {
        m_checkpointer.join();
    }
    for (Statement &statement : m_control) {
        statement = Statement();
    }
    if (m_db) {
        sqlite3_close_v2(m_db);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    const bool inMemory = path == u":memory:";
    const QFileInfo info(path);
    const QString shown = nativePath(info.absoluteFilePath());
    const int currentVersion = options.migrations.isEmpty() ? 0 : options.migrations.constLast().version;

    if (!inMemory) {
        if (!info.absoluteDir().exists()) {
            return Error(Error::Code::CannotOpen,
                         i18nc("@info", "Cannot open the database %1: the folder %2 does not exist.", shown, nativePath(info.absolutePath())));
        }
        if (info.exists() && info.isDir()) {
            return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot open %1: it is a folder, not a database file.", shown));
        }
        if (!info.exists() && !options.create) {
            return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot open the database %1: the file does not exist.", shown));
        }
        if (info.exists()) {
            const std::optional<QByteArray> header = fileHeader(path);
            if (!header) {
                QString reason = QString::fromUtf8(sqlite3_errstr(SQLITE_CANTOPEN));
                if (!info.isReadable()) {
                    // Opened only to say why it cannot be (permissions): no descriptor to close.
                    QFile file(path);
                    if (!file.open(QIODevice::ReadOnly)) {
                        reason = file.errorString();
                    }
                }
                return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot open the database %1: the file cannot be read (%2).", shown, reason));
            }
            if (*header != QByteArrayView("SQLite format 3\0", 16)) {
                return Error(Error::Code::NotDatabase, i18nc("@info", "%1 is not a Chorus database: it is not an SQLite database file at all.", shown));
            }
            if (!info.isWritable()) {
                return Error(
                    Error::Code::ReadOnly,
                    i18nc("@info",
                          "Cannot open the database %1 for editing: the file is read-only. Check its permissions, or copy it to a folder you can write to.",
                          shown));
            }
        } else if (!QFileInfo(info.absolutePath()).isWritable()) {
            return Error(Error::Code::ReadOnly,
                         i18nc("@info", "Cannot create the database %1: the folder %2 is read-only.", shown, nativePath(info.absolutePath())));
        }
    }

    // Inspect an existing file read-only first, so that a file we refuse is never written to.
    if (!inMemory && info.exists()) {
        Connection probe;
        int rc = sqlite3_open_v2(path.toUtf8().constData(), &probe.db, SQLITE_OPEN_READONLY, nullptr);
        int applicationId = 0;
        int version = 0;
        int tables = 0;
        if (rc == SQLITE_OK) {
            applicationId = pragmaInt(probe.db, "PRAGMA application_id", &rc);
        }
        if (rc == SQLITE_OK) {
            version = pragmaInt(probe.db, "PRAGMA user_version", &rc);
        }
        if (rc == SQLITE_OK) {
            tables = pragmaInt(probe.db, "SELECT count(*) FROM sqlite_schema", &rc);
        }
        if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
            return Error(Error::Code::NotDatabase, i18nc("@info", "%1 is not a Chorus database: the file is damaged or not an SQLite database.", shown));
        }
        if (rc != SQLITE_OK) {
            return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot open the database %1: %2", shown, QString::fromUtf8(sqlite3_errstr(rc))));
        }
        if (applicationId != ApplicationId && (applicationId != 0 || tables > 0)) {
            return Error(Error::Code::NotChorus,
                         i18nc("@info", "%1 is an SQLite database of another program, not a Chorus database. Chorus leaves it untouched.", shown));
        }
        if (version > currentVersion) {
            return Error(Error::Code::NewerVersion,
                         i18nc("@info",
                               "The database %1 was saved by a newer version of Chorus (database version %2; this Chorus reads up to version %3). "
                               "Update Chorus to open it. The file was not changed.",
                               shown,
                               version,
                               currentVersion));
        }
    }

    Connection connection;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &connection.db, flags, nullptr);
    if (rc != SQLITE_OK) {
        return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot open the database %1: %2", shown, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    sqlite3_extended_result_codes(connection.db, 1);

    std::unique_ptr<Database> database(new Database(inMemory ? path : info.absoluteFilePath(), connection.release()));
    if (auto configured = database->configure(); !configured) {
        return configured.error();
    }
    if (auto migrated = database->migrate(options); !migrated) {
        return migrated.error();
    }
    return database;
}

Result<void> Database::configure()
{
    sqlite3_busy_timeout(m_db, 5000);
    // WAL with synchronous=NORMAL survives a killed process without corruption and writes fast.
    // A 32 MB page cache (SQLite's default is 2 MB) holds the upper levels of the id and search
    // indexes of a large coalition, where keys are random UUIDs.
    if (!exec(u"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;"_s)) {
        return lastError();
    }
    if (m_path != u":memory:") {
        // Replaces SQLite's own checkpoint after commits (wal_autocheckpoint).
        sqlite3_wal_hook(m_db, &Database::walCommitted, this);
    }
    return {};
}

int Database::walCommitted(void *database, sqlite3 *, const char *name, int pages)
{
    if (pages >= CheckpointPages && std::strcmp(name, "main") == 0) {
        static_cast<Database *>(database)->checkpointInBackground();
    }
    return SQLITE_OK;
}

void Database::checkpointInBackground()
{
    // One at a time; the next commit tries again if the log is still long.
    if (m_checkpointing.exchange(true)) {
        return;
    }
    if (m_checkpointer.joinable()) {
        m_checkpointer.join();
    }
    const QByteArray file = sqlite3_db_filename(m_db, "main");
    m_checkpointer = std::thread([this, file] {
        sqlite3 *db = nullptr;
        // A connection reads the file's header, and so finds its log, only when first used.
        if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
            && sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) == SQLITE_OK) {
            // PASSIVE: whatever readers and writers do meanwhile, they are neither waited for nor
            // kept waiting; what cannot be written now is written by a later checkpoint.
            const int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
                qCWarning(CHORUS_STORAGE) << "writing the log into" << file << "failed:" << sqlite3_errstr(rc);
            }
        }
        sqlite3_close(db);
        m_checkpointing = false;
    });
}

Result<void> Database::migrate(const Options &options)
{
    int version = userVersion();
    if (options.migrations.isEmpty() || version >= options.migrations.constLast().version) {
        return {};
    }

    if (version > 0 && options.backupBeforeMigrating && m_path != u":memory:") {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
        const QString backup = u"%1.v%2-backup-%3"_s.arg(m_path).arg(version).arg(stamp);
        qCInfo(CHORUS_STORAGE) << "backing up" << m_path << "to" << backup << "before migrating from version" << version;
        if (auto done = backupTo(backup); !done) {
            return Error(done.error().code(),
                         i18nc("@info", "Chorus did not upgrade the database %1, because it could not back it up first: %2", m_path, done.error().message()));
        }
        m_lastBackupPath = backup;
    }

    for (const MigrationStep &step : options.migrations) {
        if (step.version <= version) {
            continue;
        }
        qCInfo(CHORUS_STORAGE) << "migrating" << m_path << "to version" << step.version << step.description;
        Transaction transaction(*this);
        if (!transaction.isActive()) {
            return lastError();
        }
        if (version == 0 && !exec(u"PRAGMA application_id=%1"_s.arg(ApplicationId))) {
            return lastError();
        }
        if (!step.apply(*this) || !exec(u"PRAGMA user_version=%1"_s.arg(step.version))) {
            const Error failure = lastError();
            return Error(
                failure.code(),
                i18nc("@info", "Upgrading the database %1 to version %2 failed, and it was left as it was: %3", m_path, step.version, failure.message()));
        }
        if (!transaction.commit()) {
            return lastError();
        }
        version = step.version;
    }
    return {};
}

Statement Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare16_v3(m_db, sql.utf16(), int(sql.size() * sizeof(char16_t)), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_lastErrorCode = sqlite3_extended_errcode(m_db);
        qCWarning(CHORUS_STORAGE) << "cannot prepare" << sql << ":" << sqlite3_errmsg(m_db);
        return {};
    }
    return Statement(this, stmt);
}

bool Database::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        m_lastErrorCode = sqlite3_extended_errcode(m_db);
        qCWarning(CHORUS_STORAGE) << "failed:" << sql.left(200) << ":" << message;
        sqlite3_free(message);
        return false;
    }
    return true;
}

int Database::userVersion()
{
    int rc = SQLITE_OK;
    return pragmaInt(m_db, "PRAGMA user_version", &rc);
}

Result<void> Database::backupTo(const QString &target)
{
    const QFileInfo info(target);
    if (!info.absoluteDir().exists()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info", "Cannot write the backup %1: the folder %2 does not exist.", nativePath(target), nativePath(info.absolutePath())));
    }
    if (info.exists()) {
        return Error(Error::Code::Refused, i18nc("@info", "Cannot write the backup %1: a file of that name already exists.", nativePath(target)));
    }
    // Write next to the target, then rename: a failed backup never leaves a half file behind.
    const QString partial = target + u".part"_s;
    QFile::remove(partial);
    Connection out;
    int rc = sqlite3_open_v2(partial.toUtf8().constData(), &out.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(out.db, "main", m_db, "main");
        if (!backup) {
            rc = sqlite3_errcode(out.db);
        } else {
            do {
                rc = sqlite3_backup_step(backup, 1024);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            const int finish = sqlite3_backup_finish(backup);
            rc = rc == SQLITE_DONE ? finish : rc;
        }
    }
    if (rc == SQLITE_OK) {
        // A backup is one self-contained file, whatever the source's journal mode.
        char *message = nullptr;
        rc = sqlite3_exec(out.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &message);
        sqlite3_free(message);
    }
    sqlite3_close_v2(out.release());
    if (rc != SQLITE_OK) {
        QFile::remove(partial);
        return errorFor(rc, nativePath(target));
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return Error(Error::Code::CannotOpen, i18nc("@info", "Cannot write the backup %1.", nativePath(target)));
    }
    return {};
}

QStringList Database::integrityProblems()
{
    QStringList problems;
    Statement check = prepare(u"PRAGMA integrity_check"_s);
    while (check.step()) {
        const QString line = check.text(0);
        if (line != u"ok") {
            problems << line;
        }
    }
    if (!check.ok()) {
        problems << lastError().message();
    }
    Statement foreignKeys = prepare(u"PRAGMA foreign_key_check"_s);
    while (foreignKeys.step()) {
        problems << i18nc("@info", "A record in %1 points to a missing record in %2.", foreignKeys.text(0), foreignKeys.text(2));
    }
    return problems;
}

Error Database::lastError() const
{
    return errorFor(m_lastErrorCode ? m_lastErrorCode : sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Error Database::errorFor(int sqliteCode, const QString &detail) const
{
    const QString shown = nativePath(m_path);
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return Error(Error::Code::DiskFull,
                     i18nc("@info", "The disk is full: Chorus could not save to %1. Nothing was changed; free some space and try again.", shown));
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return Error(Error::Code::ReadOnly, i18nc("@info", "Chorus cannot write to %1: the file is read-only.", shown));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error(Error::Code::Busy, i18nc("@info", "The database %1 is busy: another program is writing to it. Try again in a moment.", shown));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error(Error::Code::Corrupt, i18nc("@info", "The database %1 is damaged. Restore it from a backup.", shown));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        return Error(Error::Code::CannotOpen, i18nc("@info", "Chorus could not read or write %1 (%2).", shown, detail));
    default:
        return Error(Error::Code::Storage,
                     i18nc("@info", "The database %1 reported an error: %2", shown, detail.isEmpty() ? QString::fromUtf8(sqlite3_errstr(sqliteCode)) : detail));
    }
}

bool Database::runControl(ControlStatement which)
{
    static constexpr const char *sql[] = {"BEGIN IMMEDIATE", "COMMIT", "ROLLBACK", "SAVEPOINT nested", "RELEASE nested", "ROLLBACK TO nested"};
    // Prepared once: a store writes a savepoint around every record, even in bulk.
    Statement &statement = m_control[int(which)];
    if (!statement.isValid()) {
        statement = prepare(QString::fromLatin1(sql[int(which)]));
    }
    return statement.exec();
}

bool Database::begin()
{
    const bool ok = runControl(m_depth == 0 ? ControlStatement::Begin : ControlStatement::Savepoint);
    if (ok) {
        ++m_depth;
    }
    return ok;
}

bool Database::commit()
{
    // SQLite itself rolls the whole transaction back after some errors (a full disk, for one).
    if (sqlite3_get_autocommit(m_db)) {
        return false;
    }
    if (m_depth == 1 && m_beforeCommit && !m_beforeCommit()) {
        return false;
    }
    const bool ok = runControl(m_depth == 1 ? ControlStatement::Commit : ControlStatement::Release);
    if (ok) {
        --m_depth;
    }
    return ok;
}

void Database::rollback()
{
    if (sqlite3_get_autocommit(m_db)) {
        // Already rolled back by SQLite.
    } else if (m_depth == 1) {
        runControl(ControlStatement::Rollback);
    } else {
        // Undo the savepoint's changes, then leave it.
        runControl(ControlStatement::RollbackTo);
        runControl(ControlStatement::Release);
    }
    --m_depth;
}

} // namespace Chorus::Storage
