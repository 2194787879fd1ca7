// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "storage/database.h"
#include "storage/transaction.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Storage;

namespace
{

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Database::Options chorusOptions()
{
    Database::Options options;
    options.migrations = Store::Store::migrations();
    return options;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void makeSqliteFile(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

/**
 * Opens path as the unprivileged user "nobody" in a child process and returns the error code
 * and message (code -1: it opened). Root may write any file, so a read-only file only stays
 * read-only for a normal user.
 */
std::pair<int, QString> openAsNobody(const QString &path)
{
    int channel[2];
    if (pipe(channel) != 0) {
        return {-2, u"pipe failed"_s};
    }
    const pid_t child = fork();
    if (child == 0) {
        close(channel[0]);
        if (setgid(65534) != 0 || setuid(65534) != 0) {
            _exit(3);
        }
        auto store = Store::Store::open(path);
        const QByteArray message = store ? QByteArray() : store.error().message().toUtf8();
        const int code = store ? -1 : int(store.error().code());
        if (write(channel[1], &code, sizeof code) != sizeof code || write(channel[1], message.constData(), size_t(message.size())) < 0) {
            _exit(4);
        }
        _exit(0);
    }
    close(channel[1]);
    int code = -2;
    QByteArray message;
    if (read(channel[0], &code, sizeof code) == sizeof code) {
        char buffer[4096];
        ssize_t n;
        while ((n = read(channel[0], buffer, sizeof buffer)) > 0) {
            message.append(buffer, n);
        }
    }
    close(channel[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return {code, QString::fromUtf8(message)};
}

} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCreateANewDatabaseWithWalForeignKeysAndApplicationId()
    {
        // GIVEN a folder without a database
        QTemporaryDir dir;
        const QString path = dir.filePath(u"new.chorus"_s);

        // WHEN it is opened
        auto database = Database::open(path, chorusOptions());

        // THEN the file exists, in WAL mode, with foreign keys on and the current schema
        QVERIFY2(database, database ? "" : qPrintable(database.error().message()));
        Database &db = *database.value();
        QVERIFY(QFile::exists(path));
        QCOMPARE(db.userVersion(), Store::Store::schemaVersion());
        Statement mode = db.prepare(u"PRAGMA journal_mode"_s);
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), u"wal"_s);
        Statement keys = db.prepare(u"PRAGMA foreign_keys"_s);
        QVERIFY(keys.step());
        QCOMPARE(keys.integer(0), 1);
        Statement app = db.prepare(u"PRAGMA application_id"_s);
        QVERIFY(app.step());
        QCOMPARE(app.integer(0), Database::ApplicationId);
        QVERIFY(db.integrityProblems().isEmpty());
    }

    void shouldRefuseBadFilesWithAClearErrorAndLeaveThemUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("text file") << u"text"_s << int(Error::Code::NotDatabase) << u"not an SQLite database"_s;
        QTest::newRow("empty file") << u"empty"_s << int(Error::Code::NotDatabase) << u"not an SQLite database"_s;
        QTest::newRow("damaged header") << u"damaged"_s << int(Error::Code::NotDatabase) << u"not a Chorus database"_s;
        QTest::newRow("another program's SQLite") << u"foreign"_s << int(Error::Code::NotChorus) << u"another program"_s;
        QTest::newRow("newer Chorus") << u"newer"_s << int(Error::Code::NewerVersion) << u"newer version of Chorus"_s;
        QTest::newRow("read-only file") << u"readonly"_s << int(Error::Code::ReadOnly) << u"read-only"_s;
        QTest::newRow("a folder") << u"folder"_s << int(Error::Code::CannotOpen) << u"is a folder"_s;
    }

    void shouldRefuseBadFilesWithAClearErrorAndLeaveThemUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(int, expectedCode);
        QFETCH(QString, messagePart);

        // GIVEN a file that Chorus must not open
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.chorus"_s);
        if (kind == u"text") {
            writeFile(path, "name,email\nAna,ana@example.org\n");
        } else if (kind == u"empty") {
            writeFile(path, "");
        } else if (kind == u"damaged") {
            QByteArray bytes("SQLite format 3");
            bytes.append('\0');
            bytes.append(QByteArray(4096, 'x'));
            writeFile(path, bytes);
        } else if (kind == u"foreign") {
            makeSqliteFile(path, "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('x');");
        } else if (kind == u"newer") {
            const QByteArray sql =
                "PRAGMA application_id=" + QByteArray::number(Database::ApplicationId) + "; PRAGMA user_version=999; CREATE TABLE future(x);";
            makeSqliteFile(path, sql.constData());
        } else if (kind == u"readonly") {
            QVERIFY(Store::Store::open(path));
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        } else if (kind == u"folder") {
            QVERIFY(QDir(dir.path()).mkdir(u"bad.chorus"_s));
        }
        const QByteArray before = fileHash(path);
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);

        // WHEN Chorus opens it (as a normal user: root may write even a read-only file)
        int code = -1;
        QString message;
        if (kind == u"readonly" && geteuid() == 0) {
            QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFileDevice::ExeOther | QFileDevice::ReadOther);
            std::tie(code, message) = openAsNobody(path);
        } else {
            auto store = Store::Store::open(path);
            code = store ? -1 : int(store.error().code());
            message = store ? QString() : store.error().message();
        }

        // THEN it refuses with a message naming the file, and nothing on disk changed
        QCOMPARE(code, expectedCode);
        QVERIFY2(message.contains(messagePart), qPrintable(message));
        QVERIFY2(message.contains(u"bad.chorus"_s), qPrintable(message));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot), filesBefore);
    }

    void shouldKeepTheLocksOfAConnectionWhenTheFileIsOpenedAgain()
    {
        const QString sqlite = QStandardPaths::findExecutable(u"sqlite3"_s);
        if (sqlite.isEmpty()) {
            QSKIP("needs the sqlite3 program, as another program that opens the database");
        }
        const auto countSeenByAnotherProgram = [&sqlite](const QString &path) {
            QProcess reader;
            reader.start(sqlite, {path, u"SELECT count(*) FROM t"_s});
            return reader.waitForFinished() ? reader.readAllStandardOutput().trimmed() : QByteArray();
        };
        // GIVEN a database open in this process, with a row in its write-ahead log
        QTemporaryDir dir;
        const QString path = dir.filePath(u"coalition.chorus"_s);
        auto first = Database::open(path, chorusOptions());
        QVERIFY(first);
        QVERIFY(first.value()->exec(u"CREATE TABLE t(x); INSERT INTO t VALUES (1)"_s));
        // WHEN the same file is opened and closed again in this process (as the import does on its
        // own connection), and another program then reads it
        QVERIFY(Database::open(path, chorusOptions()));
        QCOMPARE(countSeenByAnotherProgram(path), QByteArray("1"));
        // THEN what the first connection writes next still reaches the file: the other program did
        // not take the log from under it, as the last one to close the database
        QVERIFY(first.value()->exec(u"INSERT INTO t VALUES (2)"_s));
        QCOMPARE(countSeenByAnotherProgram(path), QByteArray("2"));
    }

    void shouldRefuseAMissingFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"no/such/folder/x.chorus"_s);
        auto store = Store::Store::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().code(), Error::Code::CannotOpen);
        QVERIFY2(store.error().message().contains(u"does not exist"_s), qPrintable(store.error().message()));
        QVERIFY(!QDir(dir.filePath(u"no"_s)).exists());
    }

    void shouldRefuseToCreateWhenAskedToOpenOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing.chorus"_s);
        auto store = Store::Store::open(path, false);
        QVERIFY(!store);
        QVERIFY(!QFile::exists(path));
    }

    void shouldUpgradeAVersion1DatabaseAfterBackingItUp()
    {
        // GIVEN a copy of a database written by Chorus with schema version 1
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.chorus"_s);
        QVERIFY(QFile::copy(QStringLiteral(CHORUS_TEST_DATA "/chorus-v1.chorus"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // WHEN it is opened
        auto opened = Store::Store::open(path);

        // THEN it is at the current version, its records are kept and searchable, and the backup
        // made first holds the version-1 database with its records
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        Store::Store &store = *opened.value();
        QCOMPARE(store.database().userVersion(), Store::Store::schemaVersion());
        QCOMPARE(store.count(Domain::Kind::Organization), 2);
        QCOMPARE(store.count(Domain::Kind::Quote), 1);
        const auto hits = store.search(u"Martinez"_s);
        QVERIFY(!hits.isEmpty());
        QVERIFY(store.check().isEmpty());
        const QString backup = store.database().lastBackupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY(fileHash(backup) != fileHash(path));
        auto old = Database::open(backup, {false, {Store::Store::migrations().at(0)}, false});
        QVERIFY(old);
        QCOMPARE(old.value()->userVersion(), 1);
        Statement organizations = old.value()->prepare(u"SELECT count(*) FROM organizations"_s);
        QVERIFY(organizations.step());
        QCOMPARE(organizations.integer(0), 2);
    }

    void shouldLeaveTheDatabaseAsItWasWhenAMigrationStepFails()
    {
        // GIVEN a version-1 database and a broken step 2
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.chorus"_s);
        QVERIFY(QFile::copy(QStringLiteral(CHORUS_TEST_DATA "/chorus-v1.chorus"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        Database::Options options = chorusOptions();
        options.migrations = {options.migrations.at(0), {2, u"broken"_s, [](Database &db) {
                                                             return db.exec(u"CREATE TABLE half_done(x); THIS IS NOT SQL"_s);
                                                         }}};

        // WHEN it is opened
        auto database = Database::open(path, options);

        // THEN the error says the upgrade failed and the file is still at version 1, without the half step
        QVERIFY(!database);
        QVERIFY2(database.error().message().contains(u"left as it was"_s), qPrintable(database.error().message()));
        auto reopened = Database::open(path, {false, {options.migrations.at(0)}, false});
        QVERIFY(reopened);
        QCOMPARE(reopened.value()->userVersion(), 1);
        Statement table = reopened.value()->prepare(u"SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"_s);
        QVERIFY(table.step());
        QCOMPARE(table.integer(0), 0);
    }

    void shouldWriteALongLogIntoTheFileAfterTheCommitAndLeaveNoLogWhenClosed()
    {
        // GIVEN a database and one commit that leaves far more than CheckpointPages in the log
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long-log.chorus"_s);
        auto opened = Database::open(path, chorusOptions());
        QVERIFY(opened);
        Database &db = *opened.value();
        QVERIFY(db.exec(u"CREATE TABLE bulk (value BLOB)"_s));
        const qint64 before = QFileInfo(path).size();
        {
            Transaction transaction(db);
            Statement insert = db.prepare(u"INSERT INTO bulk (value) VALUES (randomblob(8000))"_s);
            for (int i = 0; i < 2 * Database::CheckpointPages; ++i) {
                QVERIFY(insert.exec());
                insert.reset();
            }
            QVERIFY(transaction.commit());
        }
        // WHEN a moment passes: the log is written into the file, and nothing is lost meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + qint64(Database::CheckpointPages) * 4096, 10000);
        Statement count = db.prepare(u"SELECT count(*) FROM bulk"_s);
        QVERIFY(count.step());
        QCOMPARE(count.integer(0), 2 * Database::CheckpointPages);
        count = Statement();
        // THEN closing leaves the file whole on its own, as SQLite's own checkpoint would
        opened.value().reset();
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        sqlite3 *reader = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *rows = nullptr;
        QCOMPARE(sqlite3_prepare_v2(reader, "SELECT count(*) FROM bulk", -1, &rows, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(rows), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(rows, 0), 2 * Database::CheckpointPages);
        sqlite3_finalize(rows);
        sqlite3_close(reader);
    }

    void shouldBackUpToASelfContainedFile()
    {
        QTemporaryDir dir;
        auto opened = Store::Store::open(dir.filePath(u"a.chorus"_s));
        QVERIFY(opened);
        QVERIFY(opened.value()->create(Domain::Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}}));
        const QString target = dir.filePath(u"copy.chorus"_s);
        QVERIFY(opened.value()->database().backupTo(target));
        // A second backup to the same name is refused instead of overwriting it.
        QVERIFY(!opened.value()->database().backupTo(target));
        auto copy = Store::Store::open(target, false);
        QVERIFY(copy);
        QCOMPARE(copy.value()->count(Domain::Kind::Organization), 1);
    }
};

CHORUS_TEST_MAIN(DatabaseTest)

#include "databasetest.moc"
