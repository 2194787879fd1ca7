// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-import: a CSV export of people imported through the Chorus importer (encoding and
// delimiter detection, column mapping, organizations by name, duplicate detection, validation,
// change log, search index, one transaction) beside sqlite3's own ".import" of the same file into
// a bare table, measured in the same run.

#include "benchsupport.h"
#include "interop/csvreader.h"
#include "interop/importer.h"
#include "storage/database.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;
using Chorus::Domain::Kind;

namespace
{

constexpr double TargetRowsPerSecond = 100000;

/// Processor time this process has used (user and system), in milliseconds: on a shared machine
/// it varies less than the time on the clock.
double cpuMilliseconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/// A people export as a CRM writes it: quoted organization names with commas, a few people
/// twice (1% repeated e-mail addresses, and now and then the same name in the same organization).
QByteArray peopleCsv(qint64 rows, quint32 seed)
{
    static const char *const first[] = {"Ana",  "José", "Lucía", "Bo",   "Dana",  "Kwame",  "Mei",   "Omar",  "Priya", "Sam",   "Tomás", "Zoë",
                                        "Ines", "Raúl", "Keiko", "Femi", "Sofía", "Hannah", "Diego", "Aroha", "Lars",  "Nadia", "Yusuf", "Grace"};
    static const char *const last[] = {"Ruiz",    "Núñez",    "Chen",  "Whitfield", "Mensah", "Okafor", "Patel",   "García",
                                       "O'Brien", "Kim",      "Novak", "Haddad",    "Rossi",  "Sato",   "Silva",   "Dubois",
                                       "Nguyen",  "Kowalski", "Ali",   "Moreau",    "Jensen", "Santos", "Ivanova", "Brown"};
    static const char *const titles[] = {"Organizer", "Director", "Spokesperson", "Chair", "Volunteer", "Policy Lead"};
    QRandomGenerator random(seed);
    QByteArray csv = "First Name,Last Name,Email,Organization,Job Title,Phone,City\r\n";
    csv.reserve(rows * 110);
    for (qint64 i = 0; i < rows; ++i) {
        const qint64 who = random.bounded(100) == 0 && i > 0 ? random.bounded(i) : i;
        QRandomGenerator person(quint32(who) ^ seed);
        csv += first[person.bounded(24)];
        csv += ' ';
        csv += char('A' + person.bounded(26));
        csv += ".,";
        csv += last[person.bounded(24)];
        csv += ',';
        csv += "person" + QByteArray::number(who) + "@example.org,";
        csv += "\"Coalition Partner " + QByteArray::number(person.bounded(500)) + ", Inc.\",";
        csv += titles[person.bounded(6)];
        csv += ",+1 555 " + QByteArray::number(1000000 + who).right(7) + ",Oakland\r\n";
    }
    return csv;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"chorus-bench-import"_s);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    QLoggingCategory::setFilterRules(u"chorus.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Imports a people CSV through Chorus and through sqlite3 .import, and prints both rates."_s);
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows in the CSV file (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Folder for the files (default: a temporary one)."_s, u"DIR"_s);
    const QCommandLineOption mapOption(u"map"_s, u"Column mapping corrections, as chorus-cli import --map takes them (e.g. Organization=ignore)."_s, u"MAP"_s);
    parser.addOptions({rowsOption, dirOption, mapOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();

    QTemporaryDir temporary;
    const QString folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString csvPath = folder + u"/people.csv"_s;
    {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly)) {
            err() << "cannot write " << csvPath << Qt::endl;
            return 1;
        }
        file.write(peopleCsv(rows, 42));
    }
    out() << "chorus-bench-import: " << number(double(rows)) << " people rows, " << megabytes(csvPath) << " of CSV" << Qt::endl;

    // Chorus: read the file (decode, detect, parse), map, import with duplicates and search index.
    auto opened = Store::Store::open(folder + u"/chorus.chorus"_s);
    if (!opened) {
        err() << opened.error().message() << Qt::endl;
        return 1;
    }
    std::unique_ptr<Store::Store> store = std::move(opened).value();
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuMilliseconds();
    auto table = Interop::CsvReader::readFile(csvPath);
    if (!table) {
        err() << table.error().message() << Qt::endl;
        return 1;
    }
    const qint64 readNs = timer.nsecsElapsed();
    Interop::ImportOptions options;
    options.kind = Kind::Person;
    options.mapping = Interop::ColumnMapping::guess(Kind::Person, table.value().headers);
    if (auto mapped = options.mapping.applyOverrides(Kind::Person, table.value().headers, parser.value(mapOption)); !mapped) {
        err() << mapped.error().message() << Qt::endl;
        return 1;
    }
    options.onDuplicate = Interop::DuplicateAction::Merge;
    auto report = Interop::Importer(*store).run(table.value(), options);
    const qint64 chorusNs = timer.nsecsElapsed();
    const double chorusCpuMs = cpuMilliseconds() - cpuStart;
    if (!report) {
        err() << report.error().message() << Qt::endl;
        return 1;
    }
    const double chorusRate = double(rows) * 1e9 / double(chorusNs);
    out() << "  Chorus import:   " << number(chorusRate) << " rows/s (" << number(double(chorusNs) / 1e6) << " ms, of which reading the CSV "
          << number(double(readNs) / 1e6) << " ms); " << number(double(report.value().created)) << " people created, " << number(double(report.value().merged))
          << " duplicates merged, " << number(double(report.value().organizationsCreated)) << " organizations created; target " << number(TargetRowsPerSecond)
          << " rows/s: " << (chorusRate >= TargetRowsPerSecond ? "met" : "NOT met") << Qt::endl;
    out() << "    processor time " << number(chorusCpuMs) << " ms (" << number(double(rows) * 1e3 / chorusCpuMs) << " rows per processor second)" << Qt::endl;
    // The log of the commit is written into the file afterwards, on another thread; closing the
    // store waits for it.
    timer.restart();
    store.reset();
    out() << "    then the log written into the database file, in the background: " << number(double(timer.nsecsElapsed()) / 1e6) << " ms" << Qt::endl;

    // The floor: SQLite's own writes of what the import wrote (the people rows with their
    // indexes, their change log creates and their search index), from tables already in SQLite,
    // into a new database of the same schema: no file read, no values bound, nothing checked.
    {
        const QString floorPath = folder + u"/floor.chorus"_s;
        auto floor = Storage::Database::open(floorPath, {.create = true, .migrations = Store::Store::migrations(), .backupBeforeMigrating = false});
        if (!floor) {
            err() << floor.error().message() << Qt::endl;
            return 1;
        }
        Storage::Database &db = *floor.value();
        const bool ready = db.exec(u"PRAGMA cache_size = %1"_s.arg(-std::clamp<qint64>(rows / 2, 2000, 128 * 1024)))
            && db.exec(u"ATTACH '%1' AS imported"_s.arg(folder + u"/chorus.chorus"_s))
            && db.exec(u"INSERT INTO main.organizations SELECT * FROM imported.organizations"_s)
            && db.exec(u"CREATE TEMP TABLE people_read AS SELECT * FROM imported.people ORDER BY rid"_s)
            && db.exec(
                u"CREATE TEMP TABLE log_read AS SELECT hlc, replica, kind, record_id, op, value FROM imported.change_log WHERE kind = 'person' ORDER BY seq"_s)
            && db.exec(u"DETACH imported"_s);
        if (!ready) {
            err() << db.lastError().message() << Qt::endl;
            return 1;
        }
        // The rows' values, to hand to SQLite one row at a time as any program must: each bound
        // as it is (sqlite3_bind_value), with nothing converted.
        std::vector<sqlite3_value *> values;
        int columns = 0;
        {
            sqlite3_stmt *read = nullptr;
            sqlite3_prepare_v2(db.handle(), "SELECT * FROM temp.people_read ORDER BY rid", -1, &read, nullptr);
            columns = sqlite3_column_count(read);
            while (sqlite3_step(read) == SQLITE_ROW) {
                for (int column = 0; column < columns; ++column) {
                    values.push_back(sqlite3_value_dup(sqlite3_column_value(read, column)));
                }
            }
            sqlite3_finalize(read);
        }
        const auto freeValues = qScopeGuard([&values] {
            std::for_each(values.begin(), values.end(), sqlite3_value_free);
        });
        sqlite3_stmt *bind = nullptr;
        const QByteArray bindSql = "INSERT INTO temp.people_staged VALUES (?" + QByteArray(", ?").repeated(columns - 1) + ")";
        if (!db.exec(u"CREATE TEMP TABLE people_staged AS SELECT * FROM temp.people_read WHERE 0"_s)
            || sqlite3_prepare_v2(db.handle(), bindSql.constData(), -1, &bind, nullptr) != SQLITE_OK) {
            err() << db.lastError().message() << Qt::endl;
            return 1;
        }
        timer.restart();
        const double floorCpuStart = cpuMilliseconds();
        bool bound = db.exec(u"BEGIN"_s);
        for (size_t row = 0; bound && row + size_t(columns) <= values.size(); row += size_t(columns)) {
            for (int column = 0; column < columns; ++column) {
                sqlite3_bind_value(bind, column + 1, values[row + size_t(column)]);
            }
            bound = sqlite3_step(bind) == SQLITE_DONE && sqlite3_reset(bind) == SQLITE_OK;
        }
        sqlite3_finalize(bind);
        const qint64 boundNs = timer.nsecsElapsed();
        const bool written = bound
            && db.exec(
                u"INSERT INTO main.people SELECT * FROM temp.people_staged ORDER BY rid;"
                "INSERT INTO main.change_log (hlc, replica, kind, record_id, op, value) SELECT * FROM temp.log_read;"
                "INSERT INTO main.people_fts (rowid, name, title, bio) SELECT rid, name, title, bio FROM main.people; COMMIT;"_s);
        const qint64 floorNs = timer.nsecsElapsed();
        const double floorCpuMs = cpuMilliseconds() - floorCpuStart;
        if (!written) {
            err() << db.lastError().message() << Qt::endl;
            return 1;
        }
        const double bestNs = double(floorNs + readNs);
        out() << "  Floor, the same rows handed to SQLite and written with their log and search index, nothing checked: " << number(double(floorNs) / 1e6)
              << " ms (values bound " << number(double(boundNs) / 1e6) << " ms; processor " << number(floorCpuMs) << " ms)" << Qt::endl;
        out() << "    with reading the CSV, " << number(bestNs / 1e6) << " ms: at most " << number(double(rows) * 1e9 / bestNs)
              << " rows/s on one thread; the import takes " << number(double(chorusNs) / bestNs, 2) << "x that" << Qt::endl;
    }

    // The store alone: the same people (without organizations) through Store::create in one
    // transaction, records made beforehand; what the importer adds on top is the difference.
    {
        auto fresh = Store::Store::open(folder + u"/store-only.chorus"_s);
        if (!fresh) {
            err() << fresh.error().message() << Qt::endl;
            return 1;
        }
        QList<Domain::Record> records;
        records.reserve(table.value().rows.size());
        Interop::ImportOptions plain = options;
        if (const int organization = plain.mapping.column(u"organization"_s); organization >= 0) {
            plain.mapping.setField(organization, QString());
        }
        for (const Interop::CsvRow &row : table.value().rows) {
            Domain::Record record;
            if (!Interop::Importer::recordForRow(table.value(), row, plain, record)) {
                records.append(record);
            }
        }
        timer.restart();
        auto written = fresh.value()->transact([&]() -> Result<void> {
            for (const Domain::Record &record : std::as_const(records)) {
                if (auto created = fresh.value()->create(Kind::Person, record); !created) {
                    return created.error();
                }
            }
            return {};
        });
        const qint64 storeNs = timer.nsecsElapsed();
        if (!written) {
            err() << written.error().message() << Qt::endl;
            return 1;
        }
        out() << "  Store::create alone, same people, no organizations or duplicates: " << number(double(records.size()) * 1e9 / double(storeNs))
              << " rows/s; the importer runs at " << number(chorusRate / (double(records.size()) * 1e9 / double(storeNs)), 2) << "x that" << Qt::endl;
    }

    // Reference: sqlite3's own CSV import into a bare table (no validation, index, log or duplicates).
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (sqlite3.isEmpty()) {
        out() << "  sqlite3 .import: sqlite3 not found, no reference figure" << Qt::endl;
        return 0;
    }
    QProcess process;
    timer.restart();
    process.start(sqlite3, {folder + u"/reference.sqlite"_s, u".import --csv '%1' people"_s.arg(csvPath)});
    process.waitForFinished(-1);
    const qint64 sqliteNs = timer.nsecsElapsed();
    if (process.exitCode() != 0) {
        err() << "sqlite3 failed: " << process.readAllStandardError() << Qt::endl;
        return 1;
    }
    const double sqliteRate = double(rows) * 1e9 / double(sqliteNs);
    out() << "  sqlite3 .import: " << number(sqliteRate) << " rows/s (" << number(double(sqliteNs) / 1e6) << " ms, process start included)" << Qt::endl;
    out() << "  ratio Chorus / sqlite3 .import: " << number(chorusRate / sqliteRate, 2) << Qt::endl;
    return 0;
}
