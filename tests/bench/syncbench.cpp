// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-sync: merging a bundle of field changes made on another laptop into a large
// database (the target: 100,000 changes into a 1,000,000-quote database in under a second), and
// the size of a bundle per change. The reference, measured in the same run, is writing the same
// changes locally through the store's write path.

#include "benchsupport.h"
#include "coalitiongenerator.h"
#include "storage/statement.h"
#include "store/store.h"
#include "sync/replica.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>

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
    parser.addOption({u"changes"_s, u"How many field changes the other laptop makes (default 100,000)."_s, u"N"_s, u"100000"_s});
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
    auto coordinator = openStore(coordinatorPath);
    auto volunteer = openStore(volunteerPath);
    if (!coordinator || !volunteer) {
        return 1;
    }
    const qint64 quotes = coordinator->count(Kind::Quote);
    out() << "database: " << number(double(quotes)) << " quotes, " << megabytes(coordinatorPath) << Qt::endl;

    // The volunteer changes fields of distinct quotes: half the texts, a quarter the states, a
    // quarter the expiry dates.
    QStringList ids;
    {
        Storage::Statement select = volunteer->database().prepare(u"SELECT id FROM quotes ORDER BY rid"_s);
        while (select.step()) {
            ids << select.text(0);
        }
    }
    QRandomGenerator random(20260501);
    std::shuffle(ids.begin(), ids.end(), random);
    const qint64 edited = std::min<qint64>(changes, ids.size());
    QElapsedTimer timer;
    timer.start();
    auto made = volunteer->transact([&]() -> Result<void> {
        for (qint64 i = 0; i < edited; ++i) {
            Domain::Record change;
            switch (i % 4) {
            case 0:
            case 1:
                change.insert(u"text"_s, u"Edited offline by a volunteer, version %1: housing is a right, not a luxury."_s.arg(i));
                break;
            case 2:
                change.insert(u"state"_s, u"submitted"_s);
                break;
            default:
                change.insert(u"expires_at"_s, u"2027-01-%1T12:00:00Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0')));
                break;
            }
            if (auto done = volunteer->update(Kind::Quote, ids.at(i), change); !done) {
                return done;
            }
        }
        return {};
    });
    const double localSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!made) {
        err() << made.error().message() << Qt::endl;
        return 1;
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

    out() << "changes made locally through the store (reference): " << number(double(edited)) << " updates in " << number(localSeconds, 2) << " s, "
          << number(double(edited) / localSeconds) << " changes/s" << Qt::endl;
    out() << "bundle: " << number(double(operations)) << " changes, " << number(double(bytes.size())) << " bytes, "
          << number(double(bytes.size()) / double(std::max<qint64>(operations, 1)), 1) << " bytes per change; export " << number(exportSeconds, 2) << " s"
          << Qt::endl;
    out() << "merge: " << number(double(imported.value().applied)) << " changes in " << number(importSeconds, 2) << " s (of which reading the file "
          << number(parseSeconds, 2) << " s), " << number(double(operations) / importSeconds) << " changes/s; target " << number(TargetSeconds, 1)
          << " s for 100,000 changes: " << (importSeconds <= TargetSeconds * double(operations) / 100000.0 ? "met" : "NOT met") << Qt::endl;
    out() << "merge vs local writes: " << number(localSeconds / importSeconds, 2) << "x the local rate" << Qt::endl;
    out() << "databases identical after the merge: " << (same ? "yes" : "NO") << Qt::endl;
    return same ? 0 : 1;
}
