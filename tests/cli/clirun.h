// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Chorus::Test
{

/// What one run of chorus-cli did.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    /// For failure messages: everything the run printed.
    [[nodiscard]] QByteArray describe() const
    {
        return QStringLiteral("exit code %1\n--- stdout:\n%2\n--- stderr:\n%3").arg(exitCode).arg(out, err).toUtf8();
    }
};

/**
 * Runs chorus-cli (the CHORUS_CLI of the test target) in folder, as a script would: English
 * messages, the C.UTF-8 locale, and a private home, data and config folder inside folder, so
 * that no test touches the user's own files. environment overrides variables; an empty value
 * removes one.
 */
inline CliRun runCli(const QString &folder, const QStringList &arguments, const QHash<QString, QString> &environment = {})
{
    const QDir dir(folder);
    QProcessEnvironment processEnvironment = QProcessEnvironment::systemEnvironment();
    processEnvironment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    processEnvironment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    processEnvironment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    processEnvironment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg-data")));
    processEnvironment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("xdg-config")));
    for (auto it = environment.constBegin(); it != environment.constEnd(); ++it) {
        if (it.value().isEmpty()) {
            processEnvironment.remove(it.key());
        } else {
            processEnvironment.insert(it.key(), it.value());
        }
    }
    QProcess process;
    process.setProcessEnvironment(processEnvironment);
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral(CHORUS_CLI), arguments);
    CliRun run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("chorus-cli did not finish normally: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// The SHA-256 of a file's bytes (empty when it cannot be read): proof that a file was left alone.
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace Chorus::Test
