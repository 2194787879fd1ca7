// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// chorus-bench-generate: writes a large synthetic coalition through the store's one write path
// and prints how fast each kind of record went in. The file it makes is the "1M-quote database"
// the search benchmark and the app are tried on.

#include "benchsupport.h"
#include "coalitiongenerator.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"chorus-bench-generate"_s);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    // The store's notes about creating each database would drown the figures.
    QLoggingCategory::setFilterRules(u"chorus.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes a synthetic coalition (scale 1.0: 1M quotes, 100k people, 20k organizations) through the Chorus store."_s);
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"The database file to create."_s, u"FILE"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Scale factor; 1.0 is 1,000,000 quotes (default 0.1)."_s, u"S"_s, u"0.1"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"Records per transaction (default 20000)."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption forceOption(u"force"_s, u"Replace FILE when it exists."_s);
    parser.addOptions({outOption, scaleOption, batchOption, forceOption});
    parser.process(app);

    const QString path = parser.value(outOption);
    bool scaleOk = false;
    bool batchOk = false;
    const double scale = parser.value(scaleOption).toDouble(&scaleOk);
    const int batch = parser.value(batchOption).toInt(&batchOk);
    if (path.isEmpty() || !scaleOk || scale <= 0 || !batchOk || batch <= 0) {
        err() << "chorus-bench-generate: give --out FILE, a positive --scale and a positive --batch." << Qt::endl;
        return 2;
    }
    if (QFile::exists(path)) {
        if (!parser.isSet(forceOption)) {
            err() << "chorus-bench-generate: " << path << " exists; use --force to replace it." << Qt::endl;
            return 2;
        }
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            QFile::remove(path + suffix);
        }
    }

    auto opened = Store::Store::open(path);
    if (!opened) {
        err() << "chorus-bench-generate: " << opened.error().message() << Qt::endl;
        return 1;
    }
    std::unique_ptr<Store::Store> store = std::move(opened).value();

    const CoalitionGenerator generator(CoalitionGenerator::sizeFor(scale));
    out() << "Chorus synthetic coalition, scale " << scale << ", through Store::create in Store::transact (" << number(batch) << " records per transaction)"
          << Qt::endl;
    out() << "Making each record (text, ids) is part of the time." << Qt::endl << Qt::endl;

    struct Figure {
        QString table;
        qint64 records;
        qint64 nanoseconds;
    };
    QList<Figure> figures;
    const auto progress = progressPrinter();
    QElapsedTimer total;
    total.start();
    for (const auto &[kind, count] : generator.writeOrder()) {
        QElapsedTimer timer;
        timer.start();
        if (auto written = generator.writeKind(*store, kind, 0, count, batch, progress); !written) {
            err() << "chorus-bench-generate: " << written.error().message() << Qt::endl;
            return 1;
        }
        figures.append({Domain::entity(kind).table, count, timer.nsecsElapsed()});
    }
    const qint64 totalNanoseconds = total.nsecsElapsed();

    out() << u"%1 %2 %3 %4"_s.arg(u"records"_s, -14).arg(u"count"_s, 12).arg(u"seconds"_s, 9).arg(u"records/s"_s, 12) << Qt::endl;
    qint64 records = 0;
    for (const Figure &figure : std::as_const(figures)) {
        const double seconds = double(figure.nanoseconds) / 1e9;
        out() << u"%1 %2 %3 %4"_s.arg(figure.table, -14)
                     .arg(number(double(figure.records)), 12)
                     .arg(number(seconds, 2), 9)
                     .arg(number(double(figure.records) / seconds), 12)
              << Qt::endl;
        records += figure.records;
    }
    const double seconds = double(totalNanoseconds) / 1e9;
    out() << u"%1 %2 %3 %4"_s.arg(u"all"_s, -14).arg(number(double(records)), 12).arg(number(seconds, 2), 9).arg(number(double(records) / seconds), 12)
          << Qt::endl
          << Qt::endl;

    store.reset();
    out() << "Wrote " << path << " (" << megabytes(path) << ")." << Qt::endl;
    return 0;
}
