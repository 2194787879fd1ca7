// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-write: bulk write of quotes through the store (validation, change log, search
// index) beside the same rows inserted with the raw SQLite C API, measured in the same run.

#include "benchsupport.h"
#include "coalitiongenerator.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QUuid>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace
{

constexpr double TargetQuotesPerSecond = 100000;

/// A quote as UTF-8 columns, ready to bind: what a program using only the C API would hold.
struct RawQuote {
    QByteArray id;
    QByteArray text;
    QByteArray language;
    QByteArray spokesperson;
    QByteArray campaign;
    QByteArray state;
    QByteArray approvedBy;
    QByteArray approvedAt;
    QByteArray expiresAt;
    QByteArray logValue; ///< the change log's JSON of the created record
};

RawQuote rawQuote(const Record &record)
{
    const auto column = [&record](const QString &name) {
        return record.value(name).toString().toUtf8();
    };
    QJsonObject logged;
    for (const Domain::Field &field : Domain::entity(Kind::Quote).fields) {
        const QVariant value = record.value(field.name);
        logged.insert(field.name, value.isNull() ? QJsonValue() : QJsonValue(value.toString()));
    }
    return {column(u"id"_s),
            column(u"text"_s),
            column(u"language"_s),
            column(u"spokesperson_id"_s),
            column(u"campaign_id"_s),
            column(u"state"_s),
            column(u"approved_by"_s),
            column(u"approved_at"_s),
            column(u"expires_at"_s),
            QJsonDocument(logged).toJson(QJsonDocument::Compact)};
}

/// What a raw C API run writes besides the quotes table (with its indexes and foreign keys).
enum class RawMode {
    TableOnly, ///< the quotes table alone (its indexes and foreign keys), no search index
    WithLog, ///< plus one change log row per quote, as the store writes
    /// Plus the FTS5 index kept row by row by a trigger, as Chorus did up to schema version 2.
    WithLogAndIndexTrigger,
    /// Plus the FTS5 index, filled by one INSERT ... SELECT per transaction: the SQL work the store does.
    WithLogAndBatchedIndex,
};

struct Run {
    QString name;
    qint64 rows = 0;
    qint64 nanoseconds = 0;
    QString error;

    [[nodiscard]] double perSecond() const
    {
        return nanoseconds > 0 ? double(rows) * 1e9 / double(nanoseconds) : 0;
    }
};

class WriteRuns
{
public:
    WriteRuns(const CoalitionGenerator &generator, QString folder, int batch)
        : m_generator(generator)
        , m_folder(std::move(folder))
        , m_batch(batch)
    {
    }

    /// A fresh database with the current schema and the people and campaigns the quotes name.
    QString prepare(const QString &name, QString *error) const
    {
        const QString path = m_folder + u'/' + name + u".chorus"_s;
        auto store = Store::Store::open(path);
        if (!store) {
            *error = store.error().message();
            return {};
        }
        const CoalitionGenerator::Size &size = m_generator.size();
        const std::pair<Kind, qint64> kinds[] = {{Kind::Organization, size.organizations}, {Kind::Campaign, size.campaigns}, {Kind::Person, size.people}};
        for (const auto &[kind, count] : kinds) {
            if (auto written = m_generator.writeKind(*store.value(), kind, 0, count, m_batch); !written) {
                *error = written.error().message();
                return {};
            }
        }
        return path;
    }

    Run raw(RawMode mode) const
    {
        static const QStringList names = {u"raw C API: quotes table, no search index"_s,
                                          u"raw C API: + change log row"_s,
                                          u"raw C API: + FTS5 by row trigger (schema v2)"_s,
                                          u"raw C API: + FTS5 per batch (as the store)"_s};
        Run run{names.at(int(mode)), 0, 0, {}};
        const QString path = prepare(u"raw-%1"_s.arg(int(mode)), &run.error);
        if (path.isEmpty()) {
            return run;
        }
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            run.error = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_close(db);
            return run;
        }
        sqlite3_stmt *insert = nullptr;
        sqlite3_stmt *log = nullptr;
        sqlite3_stmt *index = nullptr;
        const auto fail = [&]() {
            run.error = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_finalize(insert);
            sqlite3_finalize(log);
            sqlite3_finalize(index);
            sqlite3_close(db);
            return run;
        };
        // The connection settings of Storage::Database.
        sqlite3_busy_timeout(db, 5000);
        const bool withLog = mode != RawMode::TableOnly;
        const char *setup = mode == RawMode::WithLogAndIndexTrigger
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
              "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN INSERT INTO quotes_fts(rowid, text) VALUES (new.rid, new.text); END;"
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
        if (sqlite3_exec(db, setup, nullptr, nullptr, nullptr) != SQLITE_OK) {
            return fail();
        }
        if (sqlite3_prepare_v2(db,
                               "INSERT INTO quotes (id, text, language, spokesperson_id, campaign_id, event_id, state, approved_by, approved_at, expires_at, "
                               "translation_of) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL)",
                               -1,
                               &insert,
                               nullptr)
                != SQLITE_OK
            || sqlite3_prepare_v2(db,
                                  "INSERT INTO change_log (hlc, replica, kind, record_id, op, field, value) VALUES (?, ?, 'quote', ?, 'create', NULL, ?)",
                                  -1,
                                  &log,
                                  nullptr)
                != SQLITE_OK
            || sqlite3_prepare_v2(db, "INSERT INTO quotes_fts (rowid, text) SELECT rid, text FROM quotes WHERE rid > ?", -1, &index, nullptr) != SQLITE_OK) {
            return fail();
        }
        const QByteArray replica = QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
        const auto bind = [](sqlite3_stmt *statement, int index, const QByteArray &value) {
            if (value.isEmpty()) {
                sqlite3_bind_null(statement, index);
            } else {
                sqlite3_bind_text(statement, index, value.constData(), int(value.size()), SQLITE_STATIC);
            }
        };
        qint64 hlc = 1;
        const qint64 quotes = m_generator.size().quotes;
        for (qint64 start = 0; start < quotes; start += m_batch) {
            const qint64 end = std::min(quotes, start + m_batch);
            QList<RawQuote> rows;
            rows.reserve(end - start);
            for (qint64 i = start; i < end; ++i) {
                rows.append(rawQuote(m_generator.quote(i)));
            }
            QElapsedTimer timer;
            timer.start();
            if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
                return fail();
            }
            const sqlite3_int64 lastRowBefore = sqlite3_last_insert_rowid(db);
            for (const RawQuote &row : std::as_const(rows)) {
                bind(insert, 1, row.id);
                bind(insert, 2, row.text);
                bind(insert, 3, row.language);
                bind(insert, 4, row.spokesperson);
                bind(insert, 5, row.campaign);
                bind(insert, 6, row.state);
                bind(insert, 7, row.approvedBy);
                bind(insert, 8, row.approvedAt);
                bind(insert, 9, row.expiresAt);
                if (sqlite3_step(insert) != SQLITE_DONE) {
                    return fail();
                }
                sqlite3_reset(insert);
                if (withLog) {
                    sqlite3_bind_int64(log, 1, hlc++);
                    bind(log, 2, replica);
                    bind(log, 3, row.id);
                    bind(log, 4, row.logValue);
                    if (sqlite3_step(log) != SQLITE_DONE) {
                        return fail();
                    }
                    sqlite3_reset(log);
                }
            }
            if (mode == RawMode::WithLogAndBatchedIndex) {
                sqlite3_bind_int64(index, 1, lastRowBefore);
                if (sqlite3_step(index) != SQLITE_DONE) {
                    return fail();
                }
                sqlite3_reset(index);
            }
            if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
                return fail();
            }
            run.nanoseconds += timer.nsecsElapsed();
            run.rows += end - start;
        }
        sqlite3_finalize(insert);
        sqlite3_finalize(log);
        sqlite3_finalize(index);
        sqlite3_close(db);
        return run;
    }

    Run store() const
    {
        Run run{u"Store::create in Store::transact"_s, 0, 0, {}};
        const QString path = prepare(u"store"_s, &run.error);
        if (path.isEmpty()) {
            return run;
        }
        auto opened = Store::Store::open(path);
        if (!opened) {
            run.error = opened.error().message();
            return run;
        }
        Store::Store &store = *opened.value();
        const qint64 quotes = m_generator.size().quotes;
        for (qint64 start = 0; start < quotes; start += m_batch) {
            const qint64 end = std::min(quotes, start + m_batch);
            QList<Record> records;
            records.reserve(end - start);
            for (qint64 i = start; i < end; ++i) {
                records.append(m_generator.quote(i));
            }
            QElapsedTimer timer;
            timer.start();
            auto written = store.transact([&]() -> Result<void> {
                for (const Record &record : std::as_const(records)) {
                    if (auto id = store.create(Kind::Quote, record); !id) {
                        return id.error();
                    }
                }
                return {};
            });
            run.nanoseconds += timer.nsecsElapsed();
            if (!written) {
                run.error = written.error().message();
                return run;
            }
            run.rows += end - start;
        }
        return run;
    }

private:
    const CoalitionGenerator &m_generator;
    QString m_folder;
    int m_batch;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"chorus-bench-write"_s);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    // The store's notes about creating each database would drown the figures.
    QLoggingCategory::setFilterRules(u"chorus.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Bulk write of quotes through the Chorus store beside the raw SQLite C API, in one run."_s);
    parser.addHelpOption();
    const QCommandLineOption quotesOption(u"quotes"_s, u"Quotes to write in each run (default 200000)."_s, u"N"_s, u"200000"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"Quotes per transaction (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Folder for the temporary databases (default: the system's)."_s, u"DIR"_s);
    const QCommandLineOption storeOnlyOption(u"store-only"_s, u"Run only the store (for profiling)."_s);
    parser.addOptions({quotesOption, batchOption, dirOption, storeOnlyOption});
    parser.process(app);

    bool quotesOk = false;
    bool batchOk = false;
    const qint64 quotes = parser.value(quotesOption).toLongLong(&quotesOk);
    const int batch = parser.value(batchOption).toInt(&batchOk);
    if (!quotesOk || quotes <= 0 || !batchOk || batch <= 0) {
        err() << "chorus-bench-write: --quotes and --batch take positive whole numbers." << Qt::endl;
        return 2;
    }
    QTemporaryDir folder(parser.isSet(dirOption) ? parser.value(dirOption) + u"/chorus-bench-write-XXXXXX"_s : QString());
    if (!folder.isValid()) {
        err() << "chorus-bench-write: cannot make a temporary folder: " << folder.errorString() << Qt::endl;
        return 1;
    }

    // A thousand spokespeople in a hundred organizations and ten campaigns, as in a big coalition.
    const CoalitionGenerator generator(CoalitionGenerator::Size{100, 1000, 10, quotes});
    WriteRuns bench(generator, folder.path(), batch);

    out() << "Chorus bulk write: " << number(double(quotes)) << " quotes of 20-60 words (the same rows in every run), " << number(batch) << " per transaction,"
          << Qt::endl
          << "WAL and synchronous=NORMAL as Chorus opens its databases. Making the rows is not timed." << Qt::endl
          << Qt::endl;

    QList<Run> runs;
    if (!parser.isSet(storeOnlyOption)) {
        for (RawMode mode : {RawMode::TableOnly, RawMode::WithLog, RawMode::WithLogAndIndexTrigger, RawMode::WithLogAndBatchedIndex}) {
            runs.append(bench.raw(mode));
            err() << "  done: " << runs.constLast().name << Qt::endl;
        }
    }
    runs.append(bench.store());
    for (const Run &run : std::as_const(runs)) {
        if (!run.error.isEmpty()) {
            err() << "chorus-bench-write: " << run.name << ": " << run.error << Qt::endl;
            return 1;
        }
    }

    const Run &store = runs.constLast();
    out() << u"%1 %2 %3 %4"_s.arg(u"how"_s, -44).arg(u"quotes/s"_s, 10).arg(u"seconds"_s, 8).arg(u"store is"_s, 12) << Qt::endl;
    for (const Run &run : std::as_const(runs)) {
        const QString ratio = &run == &store ? QString() : number(store.perSecond() / run.perSecond(), 2) + u"x this"_s;
        out() << u"%1 %2 %3 %4"_s.arg(run.name, -44).arg(number(run.perSecond()), 10).arg(number(double(run.nanoseconds) / 1e9, 2), 8).arg(ratio, 12)
              << Qt::endl;
    }
    out() << Qt::endl
          << "The last raw run does the SQL work of the store (row, indexes, change log, search index per batch);" << Qt::endl
          << "the store adds validation, references, the change log's JSON and a savepoint per record." << Qt::endl
          << "Target: at least " << number(TargetQuotesPerSecond)
          << " quotes/s through the store, with change log and search index: " << (store.perSecond() >= TargetQuotesPerSecond ? u"met"_s : u"NOT met"_s) << " ("
          << number(store.perSecond()) << " quotes/s)." << Qt::endl;
    return 0;
}
