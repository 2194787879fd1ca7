// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorus_version.h"
#include "databaseopener.h"
#include "mainwindow.h"
#include "store/store.h"

#include <KAboutData>
#include <KCrash>
#include <KLocalizedString>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Chorus;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("chorus"));
    // Run from the build tree, the catalogs are built next to bin/.
    const QString buildLocale = QCoreApplication::applicationDirPath() + u"/../locale"_s;
    if (QDir(buildLocale).exists()) {
        KLocalizedString::addDomainLocaleDir(QByteArrayLiteral("chorus"), QDir::cleanPath(buildLocale));
    }

    KAboutData about(u"chorus"_s,
                     i18nc("@title the application's name", "Chorus"),
                     QStringLiteral(CHORUS_VERSION_STRING),
                     i18nc("@info short description of the application",
                           "The partner organizations, spokespeople, quotes and events of an advocacy coalition, in one place"),
                     KAboutLicense::GPL_V2,
                     i18nc("@info:credit", "© 2026 The Chorus developers"),
                     QString(),
                     QString(),
                     // No bug tracker yet: an empty address hides "Report Bug" rather than sending reports to KDE.
                     QString());
    about.setLicense(KAboutLicense::GPL_V2, KAboutLicense::OrLaterVersions);
    about.setDesktopFileName(u"app.chorus.Chorus"_s);
    about.setOrganizationDomain(QByteArrayLiteral("chorus.app"));
    KAboutData::setApplicationData(about);
    KCrash::initialize();

    // Where the desktop's icon theme lacks an icon (or there is none, as outside Plasma), use Breeze.
    QIcon::setFallbackThemeName(u"breeze"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(u"office-address-book"_s, QIcon::fromTheme(u"x-office-address-book"_s)));

    QCommandLineParser parser;
    about.setupCommandLine(&parser);
    parser.addPositionalArgument(u"DATABASE"_s,
                                 i18nc("@info:shell", "The coalition database to open (a .chorus file; created when it does not exist)"),
                                 u"[DATABASE]"_s);
    parser.process(app);
    about.processCommandLine(&parser);

    Desktop::DatabaseOpener opener;
    std::unique_ptr<Store::Store> store = opener.openAtStartup(Desktop::DatabaseOpener::startupPath(parser.positionalArguments().value(0)));
    if (!store) {
        return 1;
    }

    auto *window = new Desktop::MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setStore(std::move(store));
    window->show();

    if (opener.createdNewDatabase()) {
        // Asked over the window, so the overview fills in behind the question when the demo loads.
        QTimer::singleShot(0, window, [window, path = opener.openedPath()] {
            if (window->store()) {
                Desktop::DatabaseOpener(window).offerDemoCoalition(*window->store(), path);
            }
        });
    }
    return app.exec();
}
