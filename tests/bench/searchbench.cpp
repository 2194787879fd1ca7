// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-search: latency of Store::search on two-word queries over a large coalition,
// beside the same FTS5 MATCH run directly through SQLite in the same process.

#include "benchsupport.h"
#include "coalitiongenerator.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;
using Chorus::Domain::Kind;
using QueryKind = Chorus::Bench::CoalitionGenerator::QueryKind;

namespace
{

constexpr double TargetMilliseconds = 20;

struct Latencies {
    QList<double> milliseconds;
    qint64 quoteHits = 0;
    qint64 allHits = 0;
};

/// Which words of a query an FTS5 expression matches as prefixes.
enum class Prefixes {
    Every, ///< what Store::search does now
    Last, ///< search as you type: only the word being typed
    None,
};

/// An FTS5 expression as Store::search builds it: every word quoted, the chosen ones as prefixes.
QString matchExpression(const QString &text, Prefixes prefixes)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool prefix = prefixes == Prefixes::Every || (prefixes == Prefixes::Last && i == words.size() - 1);
        terms << u'"' + words.at(i) + (prefix ? u"\"*"_s : u"\""_s);
    }
    return terms.join(u' ');
}

QString row(const QString &name, const Latencies &latencies, bool withAllHits)
{
    const qsizetype n = std::max<qsizetype>(latencies.milliseconds.size(), 1);
    QString hits = number(double(latencies.quoteHits) / double(n), 1);
    if (withAllHits) {
        hits += u" (%1)"_s.arg(number(double(latencies.allHits) / double(n), 1));
    }
    return u"%1 %2 %3 %4 %5"_s.arg(name, -42)
        .arg(number(percentile(latencies.milliseconds, 50), 2), 8)
        .arg(number(percentile(latencies.milliseconds, 95), 2), 8)
        .arg(number(percentile(latencies.milliseconds, 100), 2), 8)
        .arg(hits, 20);
}

/// Runs the quote query of Store::search straight through the C API.
class RawSearch
{
public:
    ~RawSearch()
    {
        sqlite3_finalize(m_statement);
        sqlite3_close(m_db);
    }

    bool open(const QString &path, int limit)
    {
        m_limit = limit;
        return sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK
            && sqlite3_prepare_v2(m_db,
                                  "SELECT q.id, substr(q.text, 1, 160), coalesce(p.name, '') FROM quotes_fts JOIN quotes q ON q.rid = quotes_fts.rowid "
                                  "LEFT JOIN people p ON p.id = q.spokesperson_id WHERE quotes_fts MATCH ? LIMIT ?",
                                  -1,
                                  &m_statement,
                                  nullptr)
            == SQLITE_OK;
    }

    [[nodiscard]] QString error() const
    {
        return QString::fromUtf8(sqlite3_errmsg(m_db));
    }

    /// The rows found, reading every column as the store does; -1 on error.
    int run(const QString &match)
    {
        const QByteArray expression = match.toUtf8();
        sqlite3_bind_text(m_statement, 1, expression.constData(), int(expression.size()), SQLITE_STATIC);
        sqlite3_bind_int(m_statement, 2, m_limit);
        int rows = 0;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(m_statement)) == SQLITE_ROW) {
            for (int column = 0; column < 3; ++column) {
                const auto *text = static_cast<const QChar *>(sqlite3_column_text16(m_statement, column));
                m_characters += QString(text, sqlite3_column_bytes16(m_statement, column) / 2).size();
            }
            ++rows;
        }
        sqlite3_reset(m_statement);
        return rc == SQLITE_DONE ? rows : -1;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_limit = 50;
    qint64 m_characters = 0; ///< keeps the conversions the store also makes from being optimized away
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"chorus-bench-search"_s);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    // The store's notes about creating each database would drown the figures.
    QLoggingCategory::setFilterRules(u"chorus.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Search latency over a large synthetic coalition (made by chorus-bench-generate)."_s);
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s,
                                      u"A database made by chorus-bench-generate (default: generate one at --scale in a temporary folder)."_s,
                                      u"FILE"_s);
    const QCommandLineOption queriesOption(u"queries"_s, u"Queries to time (default 200)."_s, u"N"_s, u"200"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Scale of the database to generate without --db (default 1.0: 1M quotes)."_s, u"S"_s, u"1.0"_s);
    const QCommandLineOption limitOption(u"limit"_s, u"Results per kind of record (default 50)."_s, u"N"_s, u"50"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Folder for the generated database (default: the system's temporary folder)."_s, u"DIR"_s);
    parser.addOptions({dbOption, queriesOption, scaleOption, limitOption, dirOption});
    parser.process(app);

    bool queriesOk = false;
    bool scaleOk = false;
    bool limitOk = false;
    const int queryCount = parser.value(queriesOption).toInt(&queriesOk);
    const double scale = parser.value(scaleOption).toDouble(&scaleOk);
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!queriesOk || queryCount <= 0 || !scaleOk || scale <= 0 || !limitOk || limit <= 0) {
        err() << "chorus-bench-search: --queries, --scale and --limit take positive numbers." << Qt::endl;
        return 2;
    }

    QTemporaryDir folder(parser.isSet(dirOption) ? parser.value(dirOption) + u"/chorus-bench-search-XXXXXX"_s : QString());
    QString path = parser.value(dbOption);
    if (path.isEmpty()) {
        if (!folder.isValid()) {
            err() << "chorus-bench-search: cannot make a temporary folder: " << folder.errorString() << Qt::endl;
            return 1;
        }
        path = folder.filePath(u"coalition.chorus"_s);
        const CoalitionGenerator generator(CoalitionGenerator::sizeFor(scale));
        err() << "Generating a coalition at scale " << scale << " (" << number(double(generator.size().quotes))
              << " quotes) in a temporary folder; chorus-bench-generate --out FILE makes one to reuse with --db." << Qt::endl;
        auto store = Store::Store::open(path);
        if (!store) {
            err() << "chorus-bench-search: " << store.error().message() << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        if (auto written = generator.writeTo(*store.value(), 20000, progressPrinter()); !written) {
            err() << "chorus-bench-search: " << written.error().message() << Qt::endl;
            return 1;
        }
        err() << "Generated " << number(double(generator.recordCount())) << " records in " << number(double(timer.elapsed()) / 1000.0, 1) << " s." << Qt::endl;
    } else if (!QFile::exists(path)) {
        err() << "chorus-bench-search: " << path << " does not exist. Make it with chorus-bench-generate --out " << path << Qt::endl;
        return 1;
    }

    auto opened = Store::Store::open(path, false);
    if (!opened) {
        err() << "chorus-bench-search: " << opened.error().message() << Qt::endl;
        return 1;
    }
    Store::Store &store = *opened.value();
    const qint64 quoteCount = store.count(Kind::Quote);
    CoalitionGenerator::Size size = CoalitionGenerator::sizeFor(scale);
    size.people = std::max<qint64>(1, store.count(Kind::Person));
    const QList<CoalitionGenerator::Query> queries = CoalitionGenerator(size).queries(queryCount);

    // The first queries read the index from disk into the caches; they are not timed.
    for (int i = 0; i < std::min<int>(12, queries.size()); ++i) {
        Q_UNUSED(store.search(queries.at(i).text, limit));
    }

    Latencies all;
    QMap<QueryKind, Latencies> byKind;
    QList<std::pair<QString, qsizetype>> examples;
    for (const CoalitionGenerator::Query &query : queries) {
        QElapsedTimer timer;
        timer.start();
        const QList<Store::SearchHit> hits = store.search(query.text, limit);
        const double milliseconds = double(timer.nsecsElapsed()) / 1e6;
        const auto quoteHits = std::count_if(hits.cbegin(), hits.cend(), [](const Store::SearchHit &hit) {
            return hit.kind == Kind::Quote;
        });
        for (Latencies *latencies : {&all, &byKind[query.kind]}) {
            latencies->milliseconds << milliseconds;
            latencies->quoteHits += quoteHits;
            latencies->allHits += hits.size();
        }
        if (examples.size() < 6) {
            examples.append({query.text, quoteHits});
        }
    }

    RawSearch raw;
    if (!raw.open(path, limit)) {
        err() << "chorus-bench-search: " << raw.error() << Qt::endl;
        return 1;
    }
    QMap<Prefixes, Latencies> rawLatencies;
    for (const Prefixes prefixes : {Prefixes::Every, Prefixes::Last, Prefixes::None}) {
        Latencies &latencies = rawLatencies[prefixes];
        for (const CoalitionGenerator::Query &query : queries) {
            const QString match = matchExpression(query.text, prefixes);
            QElapsedTimer timer;
            timer.start();
            const int rows = raw.run(match);
            latencies.milliseconds << double(timer.nsecsElapsed()) / 1e6;
            if (rows < 0) {
                err() << "chorus-bench-search: " << raw.error() << Qt::endl;
                return 1;
            }
            latencies.quoteHits += rows;
            latencies.allHits += rows;
        }
    }

    out() << "Chorus search latency over " << path << ":" << Qt::endl
          << number(double(quoteCount)) << " quotes, " << number(double(store.count(Kind::Person))) << " people, "
          << number(double(store.count(Kind::Organization))) << " organizations; " << number(queries.size()) << " two-word queries, first " << limit
          << " results of each kind," << Qt::endl
          << "each query timed once, after " << std::min<int>(12, queries.size()) << " untimed warm-up queries." << Qt::endl
          << Qt::endl;
    out() << u"%1 %2 %3 %4 %5"_s.arg(u"ms per query"_s, -42).arg(u"median"_s, 8).arg(u"p95"_s, 8).arg(u"max"_s, 8).arg(u"quotes (all) found"_s, 20) << Qt::endl;
    out() << row(u"Store::search, 6 kinds"_s, all, true) << Qt::endl;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        out() << row(u"  "_s + CoalitionGenerator::queryKindName(it.key()), it.value(), true) << Qt::endl;
    }
    out() << "The quote query alone, straight through sqlite3:" << Qt::endl;
    out() << row(u"  every word a prefix (as Store::search)"_s, rawLatencies.value(Prefixes::Every), false) << Qt::endl;
    out() << row(u"  only the last word a prefix"_s, rawLatencies.value(Prefixes::Last), false) << Qt::endl;
    out() << row(u"  whole words"_s, rawLatencies.value(Prefixes::None), false) << Qt::endl;
    out() << Qt::endl << "Examples:";
    for (const auto &[text, found] : std::as_const(examples)) {
        out() << " \"" << text << "\" " << found << " quotes;";
    }
    out() << Qt::endl << Qt::endl;

    const double median = percentile(all.milliseconds, 50);
    const double p95 = percentile(all.milliseconds, 95);
    const bool met = median < TargetMilliseconds && p95 < TargetMilliseconds;
    out() << "Target: first 50 results of a two-word query over 1M quotes in under " << TargetMilliseconds
          << " ms (median and p95): " << (met ? u"met"_s : u"NOT met"_s) << " (median " << number(median, 2) << " ms, p95 " << number(p95, 2) << " ms)";
    if (quoteCount < 1000000) {
        out() << "; this database has only " << number(double(quoteCount)) << " quotes";
    }
    out() << "." << Qt::endl;
    return 0;
}
