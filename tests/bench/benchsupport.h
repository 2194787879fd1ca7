// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

// Small helpers the benchmarks share: printing figures and percentiles. Benchmarks print for the
// developers who run them, in English and with fixed number formatting, so they are not translated.

#include "coalitiongenerator.h"
#include "domain/entity.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QList>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace Chorus::Bench
{

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// Progress and notes, kept apart from the figures on standard output.
inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// A number with thousands separators, the same on every machine: "1,000,000".
inline QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', decimals);
}

/// The nearest-rank percentile p (0 to 100) of values; 0 when there are none.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

inline QString megabytes(const QString &path)
{
    qint64 bytes = QFileInfo(path).size();
    // The write-ahead log holds pages not yet copied into the database file.
    bytes += QFileInfo(path + QStringLiteral("-wal")).size();
    return number(double(bytes) / (1024.0 * 1024.0), 1) + QStringLiteral(" MB");
}

/// Prints a line on standard error at every tenth of each kind written, with the rate so far.
inline CoalitionGenerator::Progress progressPrinter()
{
    struct State {
        QElapsedTimer timer;
        qint64 lastTenth = -1;
    };
    auto state = std::make_shared<State>();
    state->timer.start();
    return [state](Domain::Kind kind, qint64 done, qint64 total) {
        const qint64 tenth = done * 10 / std::max<qint64>(total, 1);
        if (tenth == state->lastTenth && done < total) {
            return;
        }
        state->lastTenth = tenth;
        const double seconds = double(state->timer.nsecsElapsed()) / 1e9;
        err() << "  " << Domain::entity(kind).table << ": " << number(double(done)) << " / " << number(double(total)) << "  ("
              << number(double(done) / std::max(seconds, 1e-9)) << " records/s)" << Qt::endl;
        if (done >= total) {
            state->lastTenth = -1;
            state->timer.restart();
        }
    };
}

} // namespace Chorus::Bench
