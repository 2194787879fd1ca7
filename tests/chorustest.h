// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <KLocalizedString>

#include <QCoreApplication>
#include <QHashSeed>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>

/**
 * A deterministic main for every Chorus test: fixed hash seed, English (US) locale and messages,
 * UTC as the local time zone, the offscreen platform, and QStandardPaths in test mode so that no
 * test ever touches the user's own files.
 */
#define CHORUS_TEST_MAIN_IMPL(TestObject, AppClass)                                                                                                            \
    int main(int argc, char *argv[])                                                                                                                           \
    {                                                                                                                                                          \
        QHashSeed::setDeterministicGlobalSeed();                                                                                                               \
        qputenv("TZ", "UTC");                                                                                                                                  \
        qputenv("LANGUAGE", "en_US");                                                                                                                          \
        qputenv("LC_ALL", "en_US.UTF-8");                                                                                                                      \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {                                                                                                  \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                                                                           \
        }                                                                                                                                                      \
        QStandardPaths::setTestModeEnabled(true);                                                                                                              \
        AppClass app(argc, argv);                                                                                                                              \
        app.setApplicationName(QStringLiteral("chorus-tests"));                                                                                                \
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));                                                                                 \
        KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));                                                                                   \
        TestObject test;                                                                                                                                       \
        return QTest::qExec(&test, argc, argv);                                                                                                                \
    }

#define CHORUS_TEST_MAIN(TestObject) CHORUS_TEST_MAIN_IMPL(TestObject, QCoreApplication)
