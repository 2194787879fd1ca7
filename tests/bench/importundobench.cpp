// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-import-undo: what making an import undoable costs (the import with and without
// keeping what undoes it, on two copies of the same database), and how fast the whole import is
// undone and redone.

#include "benchsupport.h"
#include "interop/csvreader.h"
#include "interop/importer.h"
#include "interop/importundo.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;
using Chorus::Domain::Kind;

namespace
{

/// People of a few hundred organizations; one row in fifty repeats an earlier person (a merge).
QByteArray peopleCsv(qint64 rows)
{
    QRandomGenerator random(7);
    QByteArray csv = "Name,Email,Organization,Job Title,Phone\n";
    for (qint64 i = 0; i < rows; ++i) {
        const bool again = i > 0 && random.bounded(50) == 0;
        const qint64 who = again ? random.bounded(i) : i;
        csv += "Person " + QByteArray::number(who) + ",person" + QByteArray::number(who) + "@example.org,";
        csv += "\"Partner " + QByteArray::number(who % 400) + ", Inc.\",";
        // The repeated row brings a phone number the first one did not have.
        csv += again ? QByteArray(",+1 555 ") + QByteArray::number(1000000 + who).right(7) : QByteArray("Organizer,");
        csv += '\n';
    }
    return csv;
}

std::unique_ptr<Store::Store> openCopy(const QString &from, const QString &to)
{
    if (!from.isEmpty() && !QFile::copy(from, to)) {
        err() << "cannot copy " << from << " to " << to << Qt::endl;
        return nullptr;
    }
    auto opened = Store::Store::open(to);
    if (!opened) {
        err() << opened.error().message() << Qt::endl;
        return nullptr;
    }
    return std::move(opened).value();
}

/// This process's resident memory now, in megabytes.
double residentMegabytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> pages = statm.readAll().split(' ');
    return pages.size() > 1 ? double(pages.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / 1e6 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times an import with and without what undoes it, then its undo and redo."_s);
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows in the CSV file of people (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Import into copies of this database (it is not changed); default: new ones."_s, u"FILE"_s);
    parser.addOption(rowsOption);
    parser.addOption(dbOption);
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();

    QTemporaryDir dir;
    auto table = Interop::CsvReader::read(peopleCsv(rows));
    if (!table) {
        err() << table.error().message() << Qt::endl;
        return 1;
    }
    Interop::ImportOptions options;
    options.kind = Kind::Person;
    options.mapping = Interop::ColumnMapping::guess(Kind::Person, table.value().headers);
    options.source = u"people.csv"_s;
    out() << "chorus-bench-import-undo: " << number(double(rows)) << " people rows" << Qt::endl;

    // The reference: the importer alone.
    qint64 plainNs = 0;
    {
        auto store = openCopy(parser.value(dbOption), dir.filePath(u"plain.chorus"_s));
        if (!store) {
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        auto report = Interop::Importer(*store).run(table.value(), options);
        plainNs = timer.nsecsElapsed();
        if (!report) {
            err() << report.error().message() << Qt::endl;
            return 1;
        }
    }
    auto store = openCopy(parser.value(dbOption), dir.filePath(u"undoable.chorus"_s));
    if (!store) {
        return 1;
    }
    const qint64 peopleBefore = store->count(Kind::Person);
    QElapsedTimer timer;
    timer.start();
    auto imported = Interop::ImportUndo::import(*store, table.value(), options);
    const qint64 undoableNs = timer.nsecsElapsed();
    if (!imported) {
        err() << imported.error().message() << Qt::endl;
        return 1;
    }
    Interop::ImportUndo &step = imported.value();
    const qint64 written = step.report().created + step.report().organizationsCreated;
    out() << "  " << step.text() << Qt::endl;
    out() << "  import alone:           " << number(double(plainNs) / 1e6) << " ms (" << number(double(rows) * 1e9 / double(plainNs)) << " rows/s)" << Qt::endl;
    out() << "  import, kept undoable:  " << number(double(undoableNs) / 1e6) << " ms (" << number(double(rows) * 1e9 / double(undoableNs)) << " rows/s), "
          << number(double(undoableNs) / double(plainNs), 2) << "x the import alone" << Qt::endl;

    const double residentBefore = residentMegabytes();
    timer.restart();
    auto undone = step.undo(*store);
    const qint64 undoNs = timer.nsecsElapsed();
    if (!undone) {
        err() << undone.error().message() << Qt::endl;
        return 1;
    }
    out() << "  undo:                   " << number(double(undoNs) / 1e6) << " ms (" << number(double(written) * 1e9 / double(undoNs))
          << " records/s); people: " << number(double(store->count(Kind::Person))) << ", as before: " << number(double(peopleBefore)) << Qt::endl;
    const double residentAfter = residentMegabytes();
    out() << "  resident memory:        " << number(residentBefore) << " MB before the undo, " << number(residentAfter)
          << " MB after it, the undone records kept for the redo: " << number(residentAfter - residentBefore) << " MB more" << Qt::endl;

    timer.restart();
    auto redone = step.redo(*store);
    const qint64 redoNs = timer.nsecsElapsed();
    if (!redone) {
        err() << redone.error().message() << Qt::endl;
        return 1;
    }
    out() << "  redo:                   " << number(double(redoNs) / 1e6) << " ms (" << number(double(written) * 1e9 / double(redoNs)) << " records/s)"
          << Qt::endl;
    return 0;
}
