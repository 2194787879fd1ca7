// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-sync: merging a bundle of field changes made on another laptop into a large
// database (the target: 100,000 changes into a 1,000,000-quote database in under a second), and
// the size of a bundle per change. The reference, measured in the same run, is writing the same
// changes locally through the store's write path.

#include "benchsupport.h"
#include "coalitiongenerator.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "store/store.h"
#include "sync/replica.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>

#include <map>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;
using Chorus::Domain::Kind;

namespace
{

constexpr double TargetSeconds = 1.0;

std::unique_ptr<Store::Store> openStore(const QString &path)
{
    auto store = Store::Store::open(path, false);
    if (!store) {
        err() << store.error().message() << Qt::endl;
        return {};
    }
    return std::move(store).value();
}

/// A copy of the database file that is a replica of its own (a new replica id).
bool copyAsReplica(const QString &from, const QString &to)
{
    auto source = openStore(from);
    if (!source || !source->database().backupTo(to)) {
        return false;
    }
    source.reset();
    auto copy = Storage::Database::open(to, {.create = false, .migrations = Store::Store::migrations(), .backupBeforeMigrating = false});
    return copy && copy.value()->exec(u"DELETE FROM meta WHERE key IN ('replica_id', 'replica_name', 'replica_file')"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    KLocalizedString::setApplicationDomain("chorus");
    QLoggingCategory::setFilterRules(u"chorus.storage.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Merge a bundle of field changes from another replica into a large Chorus database."_s);
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"An existing synthetic coalition (chorus-bench-generate) to merge into; it is copied, not changed."_s, u"FILE"_s});
    parser.addOption({u"scale"_s, u"Without --db: generate a coalition of this scale first (1.0 = 1,000,000 quotes; default 0.1)."_s, u"S"_s, u"0.1"_s});
    parser.addOption({u"changes"_s,
                      u"How many field changes the other laptop makes, each an edit of one field of a distinct quote (default 100,000)."_s,
                      u"N"_s,
                      u"100000"_s});
    parser.addOption({u"keep"_s,
                      u"Also write the coordinator's database as it was before the merge (coordinator.chorus) and the bundle (changes.chorus-changes) "
                      "into this folder, to repeat or profile the merge alone with chorus-cli bundle import."_s,
                      u"DIR"_s});
    parser.process(app);

    QTemporaryDir work;
    const QString base = work.filePath(u"base.chorus"_s);
    QString source = parser.value(u"db"_s);
    if (source.isEmpty()) {
        const CoalitionGenerator generator(CoalitionGenerator::sizeFor(parser.value(u"scale"_s).toDouble()));
        auto store = Store::Store::open(base);
        if (!store || !generator.writeTo(*store.value(), 20000)) {
            err() << "cannot generate the coalition" << Qt::endl;
            return 1;
        }
        source = base;
    }
    const qint64 changes = parser.value(u"changes"_s).toLongLong();

    // The coordinator's database, and a volunteer's laptop that started from the same records.
    const QString coordinatorPath = work.filePath(u"coordinator.chorus"_s);
    const QString volunteerPath = work.filePath(u"volunteer.chorus"_s);
    if (!copyAsReplica(source, coordinatorPath) || !copyAsReplica(source, volunteerPath)) {
        err() << "cannot copy the database" << Qt::endl;
        return 1;
    }
    // The floor: the same final values written by bare statements into a copy of its own.
    const QString floorPath = work.filePath(u"floor.chorus"_s);
    if (!copyAsReplica(source, floorPath)) {
        err() << "cannot copy the database" << Qt::endl;
        return 1;
    }
    auto coordinator = openStore(coordinatorPath);
    auto volunteer = openStore(volunteerPath);
    if (!coordinator || !volunteer) {
        return 1;
    }
    const qint64 quotes = coordinator->count(Kind::Quote);
    out() << "database: " << number(double(quotes)) << " quotes, " << megabytes(coordinatorPath) << Qt::endl;

    // The volunteer changes fields of distinct quotes: half the texts, a quarter the states, a
    // quarter the expiry dates. Each edit is one change: texts of quotes that are not approved
    // (editing approved words also makes the quote a draft and clears its approval), states of
    // drafts (which become submitted), expiry dates of any quote, always a date it did not have.
    QStringList ids;
    QSet<QString> approved;
    QSet<QString> drafts;
    {
        Storage::Statement select = volunteer->database().prepare(u"SELECT id, state FROM quotes ORDER BY rid"_s);
        while (select.step()) {
            ids << select.text(0);
            if (select.text(1) == u"approved") {
                approved.insert(select.text(0));
            } else if (select.text(1) == u"draft") {
                drafts.insert(select.text(0));
            }
        }
    }
    QRandomGenerator random(20260501);
    std::shuffle(ids.begin(), ids.end(), random);
    Storage::Statement lastChange = volunteer->database().prepare(u"SELECT seq FROM change_log ORDER BY seq DESC LIMIT 1"_s);
    const auto changeCount = [&] {
        lastChange.reset();
        return lastChange.step() ? lastChange.integer(0) : 0;
    };
    const qint64 firstChange = changeCount();
    qint64 edited = 0;
    qint64 made = 0;
    QElapsedTimer timer;
    timer.start();
    auto done = volunteer->transact([&]() -> Result<void> {
        qsizetype next = 0;
        for (qint64 i = 0; made < changes && next < ids.size(); ++i) {
            // The next quote that can take this kind of edit as one change.
            const int what = int(i % 4);
            const auto fits = [&](const QString &id) {
                return what < 2 ? !approved.contains(id) : what == 2 ? drafts.contains(id) : true;
            };
            qsizetype at = next;
            while (at < ids.size() && !fits(ids.at(at))) {
                ++at;
            }
            if (at == ids.size()) {
                continue; // none left for this kind; the others go on
            }
            ids.swapItemsAt(next, at);
            const QString id = ids.at(next++);
            Domain::Record change;
            if (what < 2) {
                change.insert(u"text"_s, u"Edited offline by a volunteer, version %1: housing is a right, not a luxury."_s.arg(i));
            } else if (what == 2) {
                change.insert(u"state"_s, u"submitted"_s);
            } else {
                change.insert(u"expires_at"_s, u"2031-01-%1T12:%2:00Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0')).arg(i % 60, 2, 10, QChar(u'0')));
            }
            if (auto updated = volunteer->update(Kind::Quote, id, change); !updated) {
                return updated;
            }
            ++edited;
            made = changeCount() - firstChange;
        }
        return {};
    });
    const double localSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!done) {
        err() << done.error().message() << Qt::endl;
        return 1;
    }
    if (made != changes) {
        err() << "the database has room for " << made << " changes of distinct quotes, not " << changes << Qt::endl;
    }

    Sync::Replica volunteerSync(*volunteer);
    timer.restart();
    Sync::ExportOptions own;
    own.ownOnly = true;
    auto bundle = volunteerSync.makeBundle(own);
    if (!bundle) {
        err() << bundle.error().message() << Qt::endl;
        return 1;
    }
    const QByteArray bytes = bundle.value().serialize();
    const double exportSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 operations = bundle.value().operations.size();

    if (const QString keep = parser.value(u"keep"_s); !keep.isEmpty()) {
        QFile saved(QDir(keep).filePath(u"changes.chorus-changes"_s));
        if (!coordinator->database().backupTo(QDir(keep).filePath(u"coordinator.chorus"_s)) || !saved.open(QIODevice::WriteOnly)
            || saved.write(bytes) != bytes.size()) {
            err() << "cannot keep the databases in " << keep << Qt::endl;
            return 1;
        }
    }

    Sync::Replica coordinatorSync(*coordinator);
    timer.restart();
    auto parsed = Sync::Bundle::parse(bytes);
    const double parseSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    auto imported = coordinatorSync.importBundle(bytes);
    const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!parsed || !imported) {
        err() << (imported ? parsed.error().message() : imported.error().message()) << Qt::endl;
        return 1;
    }
    const bool same = coordinatorSync.canonicalDump() == volunteerSync.canonicalDump();
    coordinator.reset();

    // What SQLite itself needs to write those values: the newest value of each field the bundle
    // changes, by id, with prepared UPDATE statements in one transaction, committed; no change
    // log, no decisions; the schema's indexes and search index triggers as they are.
    struct FinalValue {
        Sync::Stamp stamp;
        QString kind;
        QString id;
        QString field;
        QString json;
    };
    QHash<QString, FinalValue> finalValues;
    for (const Sync::Operation &operation : bundle.value().operations) {
        if (operation.type != Sync::Operation::Type::Update) {
            continue;
        }
        const QString key = operation.recordId + u'|' + operation.field;
        const auto it = finalValues.constFind(key);
        if (it == finalValues.cend() || it->stamp < operation.stamp) {
            finalValues.insert(key, {operation.stamp, operation.kind, operation.recordId, operation.field, operation.value});
        }
    }
    struct Write {
        QString table;
        QString field;
        QString id;
        QString json; ///< the value as the bundle has it
        qint64 rid = 0; ///< where the record lies in its table's file
    };
    QList<Write> writes;
    for (const FinalValue &value : std::as_const(finalValues)) {
        writes.append({Domain::entity(*Domain::kindFromKey(value.kind)).table, value.field, value.id, value.json});
    }
    double floorSeconds = 0;
    double floorStatementSeconds = 0;
    int floorStatements = 0;
    {
        auto floor = openStore(floorPath);
        if (!floor) {
            return 1;
        }
        // One statement per field, given every id and value of that field at once: FTS5 writes
        // what a statement changed as a segment of its own when the statement ends, so one
        // statement a row costs the search index far more than the writes themselves. The rows
        // come in the order of the table's file, which is the cheapest for SQLite and for the
        // search index (by rowid). Finding that order and writing the values out is not timed;
        // the page cache is the merge's.
        for (Write &write : writes) {
            Storage::Statement find = floor->database().prepare(u"SELECT rid FROM %1 WHERE id = ?"_s.arg(write.table));
            find.bind(1, write.id);
            write.rid = find.step() ? find.integer(0) : 0;
        }
        std::sort(writes.begin(), writes.end(), [](const Write &a, const Write &b) {
            return std::tie(a.table, a.field, a.rid) < std::tie(b.table, b.field, b.rid);
        });
        QList<std::pair<QString, QString>> statements; // the SQL, its bound array of [id, value]
        for (const Write &write : std::as_const(writes)) {
            const QString sql = u"UPDATE %1 SET %2 = j.value ->> 1 FROM json_each(?1) AS j WHERE %1.id = j.value ->> 0"_s.arg(write.table, write.field);
            if (statements.isEmpty() || statements.constLast().first != sql) {
                statements.append({sql, u"["_s});
            } else {
                statements.last().second += u',';
            }
            statements.last().second += u"[\""_s + write.id + u"\","_s + write.json + u']';
        }
        for (auto &[sql, values] : statements) {
            values += u']';
        }
        if (const qint64 cache = std::min<qint64>(qint64(operations) * 4, 1024 * 1024); cache > 32 * 1024) {
            floor->database().exec(u"PRAGMA cache_size = %1"_s.arg(-cache));
        }
        std::vector<Storage::Statement> prepared;
        for (const auto &[sql, values] : std::as_const(statements)) {
            prepared.push_back(floor->database().prepare(sql));
            prepared.back().bind(1, values);
        }
        floorStatements = int(prepared.size());
        timer.restart();
        Storage::Transaction transaction(floor->database());
        qint64 rowsWritten = 0;
        for (Storage::Statement &update : prepared) {
            if (!update.exec()) {
                err() << floor->database().lastError().message() << Qt::endl;
                return 1;
            }
            rowsWritten += sqlite3_changes(floor->database().handle());
        }
        if (rowsWritten != writes.size()) {
            err() << "the floor wrote " << rowsWritten << " values, not " << writes.size() << Qt::endl;
            return 1;
        }
        floorStatementSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!transaction.commit()) {
            err() << floor->database().lastError().message() << Qt::endl;
            return 1;
        }
        floorSeconds = double(timer.nsecsElapsed()) / 1e9;
    }

    out() << "changes made locally through the store (reference): " << number(double(edited)) << " updates in " << number(localSeconds, 2) << " s, "
          << number(double(edited) / localSeconds) << " changes/s" << Qt::endl;
    out() << "bundle: " << number(double(operations)) << " changes, " << number(double(bytes.size())) << " bytes, "
          << number(double(bytes.size()) / double(std::max<qint64>(operations, 1)), 1) << " bytes per change; export " << number(exportSeconds, 2) << " s"
          << Qt::endl;
    out() << "merge: " << number(double(imported.value().applied)) << " changes in " << number(importSeconds, 2) << " s (of which reading the file "
          << number(parseSeconds, 2) << " s), " << number(double(operations) / importSeconds) << " changes/s; target " << number(TargetSeconds, 1)
          << " s for 100,000 changes: " << (importSeconds <= TargetSeconds * double(operations) / 100000.0 ? "met" : "NOT met") << Qt::endl;
    out() << "floor, the same " << number(double(writes.size())) << " final values by " << floorStatements
          << " bare UPDATE statements by id (one a field) in one transaction, commit included: " << number(floorSeconds, 2) << " s, "
          << number(double(writes.size()) / floorSeconds) << " changes/s (the statements " << number(floorStatementSeconds, 2) << " s, the commit "
          << number(floorSeconds - floorStatementSeconds, 2) << " s)" << Qt::endl;
    out() << "merge " << number(importSeconds, 2) << " s, floor " << number(floorSeconds, 2) << " s, target "
          << number(TargetSeconds * double(operations) / 100000.0, 2) << " s: the merge takes " << number(importSeconds / floorSeconds, 2)
          << "x the floor; the floor is " << number(floorSeconds / (TargetSeconds * double(operations) / 100000.0), 2) << "x the target" << Qt::endl;
    out() << "merge vs local writes: " << number(localSeconds / importSeconds, 2) << "x the local rate" << Qt::endl;
    out() << "databases identical after the merge: " << (same ? "yes" : "NO") << Qt::endl;
    return same ? 0 : 1;
}
