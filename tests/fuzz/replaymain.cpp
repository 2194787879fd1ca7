// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The driver of a fuzz target in builds without libFuzzer (the usual g++ build): runs the target
// on every file of the seed corpus given on the command line, and on deterministic mutations of
// each (bytes flipped, cut, repeated, spliced), so that the test suite tries malformed input
// every time. A crash or a failed check aborts the process, which fails the test.
//
// Usage: fuzz-TARGET [--mutations N] FILE_OR_FOLDER...

#include "fuzztarget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

namespace
{

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

QByteArray mutate(const QByteArray &input, const QByteArray &other, QRandomGenerator &random)
{
    QByteArray data = input;
    const int edits = 1 + int(random.bounded(8));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = data.isEmpty() ? 0 : qsizetype(random.bounded(quint32(data.size())));
        switch (random.bounded(7)) {
        case 0: // flip a bit
            if (!data.isEmpty()) {
                data[at] = char(data.at(at) ^ (1 << random.bounded(8)));
            }
            break;
        case 1: // cut the rest
            data.truncate(at);
            break;
        case 2: // repeat a piece
            data.insert(at, data.mid(at, qsizetype(random.bounded(64))));
            break;
        case 3: // a byte that matters to parsers
            data.insert(at, "\"\n\r,;\t\\{}[]:\0\xff"[random.bounded(14)]);
            break;
        case 4: // remove a piece
            data.remove(at, qsizetype(random.bounded(16)));
            break;
        case 5: // splice in a piece of another input
            if (!other.isEmpty()) {
                const qsizetype from = qsizetype(random.bounded(quint32(other.size())));
                data.insert(at, other.mid(from, qsizetype(random.bounded(128))));
            }
            break;
        default: // random bytes
            for (int i = 0; i < 4; ++i) {
                data.insert(at, char(random.bounded(256)));
            }
        }
    }
    return data;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    int mutations = 200;
    if (arguments.size() >= 2 && arguments.first() == QLatin1String("--mutations")) {
        mutations = arguments.at(1).toInt();
        arguments = arguments.mid(2);
    }
    QList<QByteArray> corpus;
    for (const QString &argument : std::as_const(arguments)) {
        QStringList files{argument};
        if (QFileInfo(argument).isDir()) {
            files.clear();
            for (const QFileInfo &info : QDir(argument).entryInfoList(QDir::Files, QDir::Name)) {
                files << info.filePath();
            }
        }
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                corpus << file.readAll();
            }
        }
    }
    if (corpus.isEmpty()) {
        QTextStream(stderr) << "no seed corpus given\n";
        return 2;
    }
    QRandomGenerator random(20261127);
    run({});
    for (const QByteArray &seed : std::as_const(corpus)) {
        run(seed);
    }
    for (int i = 0; i < mutations; ++i) {
        const QByteArray &seed = corpus.at(qsizetype(random.bounded(quint32(corpus.size()))));
        const QByteArray &other = corpus.at(qsizetype(random.bounded(quint32(corpus.size()))));
        run(mutate(seed, other, random));
    }
    QTextStream(stdout) << "ran " << corpus.size() + mutations + 1 << " inputs\n";
    return 0;
}
