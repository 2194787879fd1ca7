// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorus_version.h"
#include "commandlinetool.h"
#include "domain/messagelocale.h"

#include <KAboutData>
#include <KLocalizedString>

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHashSeed>
#include <QLoggingCategory>

#include <csignal>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Run sheets and press kits are laid out with fonts, which need a QGuiApplication; chorus-cli
    // never shows a window, so it needs no display either, whatever platform the desktop asks
    // for (QT_QPA_PLATFORM=xcb over SSH would otherwise abort it).
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // A reproducible export (--fixed-date) needs the same hash order in every run: Qt's PDF
    // writer orders the fonts it embeds by hash. Set before the first hash exists.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--fixed-date") == 0 || qstrncmp(argv[i], "--fixed-date=", 13) == 0) {
            QHashSeed::setDeterministicGlobalSeed();
        }
    }
#ifdef SIGXFSZ
    // Past a file size limit (ulimit -f) the kernel would kill the process at the first write,
    // without a word. Ignored, the write fails instead: SQLite rolls the import back and says
    // why, and nothing of a half-written file is left behind.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QGuiApplication app(argc, argv);
    Chorus::allowTranslationsInTheCLocale();
    // The library's progress notes ("migrating ...") are not for a terminal; chorus-cli says what
    // matters itself. QT_LOGGING_RULES still turns them on.
    QLoggingCategory::setFilterRules(u"chorus.*.info=false"_s);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    // In the build tree the catalogs sit in build/locale, beside build/bin.
    const QString localeDir = QDir::cleanPath(QGuiApplication::applicationDirPath() + u"/../locale"_s);
    if (QFileInfo(localeDir).isDir()) {
        KLocalizedString::addDomainLocaleDir(QByteArrayLiteral("chorus"), localeDir);
    }

    // The same identity as the app, so that both find the user's database in ~/.local/share/chorus.
    KAboutData about(u"chorus"_s,
                     i18nc("@title the application's name", "Chorus"),
                     QStringLiteral(CHORUS_VERSION_STRING),
                     i18nc("@info short description of the application",
                           "The partner organizations, spokespeople, quotes and events of an advocacy coalition, in one place"),
                     KAboutLicense::GPL_V2,
                     i18nc("@info:credit", "© 2026 The Chorus developers"),
                     QString(),
                     QString(),
                     // No bug tracker yet: reports must not go to KDE's.
                     QString());
    about.addAuthor(i18nc("@info:credit", "The Chorus developers"));
    about.setLicense(KAboutLicense::GPL_V2, KAboutLicense::OrLaterVersions);
    about.setDesktopFileName(u"app.chorus.Chorus"_s);
    about.setOrganizationDomain(QByteArrayLiteral("chorus.app"));
    KAboutData::setApplicationData(about);

    Chorus::CommandLineTool tool(about);
    return tool.run(QGuiApplication::arguments());
}
