// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorus_version.h"
#include "databaseopener.h"
#include "domain/messagelocale.h"
#include "mainwindow.h"
#include "store/store.h"
#include "welcomepage.h"

#include <KAboutData>
#include <KCrash>
#include <KLocalizedString>

#include "campaigndashboard.h"
#include "models/recordlistmodel.h"
#include "recordpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Chorus;

namespace
{

/// The resident memory of this process in MB (Linux), or -1 where it cannot be read.
double residentMegabytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

/// Waits for the window's first paint, then prints the startup figures and quits.
class StartupBenchmark : public QObject
{
public:
    StartupBenchmark(const QElapsedTimer &clock, Desktop::MainWindow *window)
        : QObject(window)
        , m_clock(clock)
        , m_window(window)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // After this paint is done: the window is on screen.
            QTimer::singleShot(0, this, &StartupBenchmark::report);
        }
        return false;
    }

private:
    void report()
    {
        const qint64 firstPaint = m_clock.elapsed();
        const double rssAtPaint = residentMegabytes();
        // Then what a user does first with a large database: open the quotes, filter them.
        QElapsedTimer step;
        step.start();
        // The campaign figures are counted just after the first paint.
        if (auto *dashboard = m_window->findChild<Desktop::CampaignDashboard *>()) {
            dashboard->refresh();
        }
        const qint64 dashboardCounted = step.restart();
        m_window->showPage(u"quotes"_s);
        Desktop::RecordPage *quotes = m_window->recordPage(Domain::Kind::Quote);
        QCoreApplication::processEvents();
        const qint64 quotesShown = step.restart();
        quotes->model()->setFilterText(u"contract"_s);
        const qint64 filtered = step.restart();
        const int rows = quotes->model()->rowCount();
        quotes->model()->setFilterText(QString());
        const qint64 cleared = step.restart();
        // Scrolling down the list: 50 more pages, the last ones as fast as the first.
        constexpr int Pages = 50;
        for (int page = 0; page < Pages && quotes->model()->canFetchMore({}); ++page) {
            quotes->model()->fetchMore({});
        }
        const qint64 scrolled = step.restart();
        const int scrolledRows = quotes->model()->rowCount();
        // Sorted by each column, both ways: the first page, then ten more; then the same with the
        // quotes matching a word (a sixth of them) sorted.
        QStringList sorts;
        Models::RecordListModel *model = quotes->model();
        for (const QString &filter : {QString(), QStringLiteral("contract")}) {
            model->sort(-1);
            model->setFilterText(filter);
            for (int column = 0; column < model->columnCount(); ++column) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    step.restart();
                    model->sort(column, order);
                    const qint64 sorted = step.restart();
                    for (int page = 0; page < 10 && model->canFetchMore({}); ++page) {
                        model->fetchMore({});
                    }
                    const qint64 paged = step.restart();
                    sorts << QStringLiteral("quotes%1 sorted by %2, %3: %4 ms (target: < 100 ms), 10 more pages: %5 ms")
                                 .arg(filter.isEmpty() ? QString() : QStringLiteral(" matching \"%1\"").arg(filter),
                                      model->headerData(column, Qt::Horizontal).toString(),
                                      order == Qt::AscendingOrder ? QStringLiteral("A-Z") : QStringLiteral("Z-A"))
                                 .arg(sorted)
                                 .arg(paged);
                }
            }
        }
        model->sort(-1);
        model->setFilterText(QString());
        const qint64 total = m_window->store() ? m_window->store()->count(Domain::Kind::Quote) : 0;
        std::printf("database: %s (%lld quotes)\n",
                    qPrintable(m_window->store() ? m_window->store()->database().path() : QString()),
                    static_cast<long long>(total));
        std::printf("launch to first paint: %lld ms (target: usable within 1000 ms)\n", static_cast<long long>(firstPaint));
        std::printf("RSS at first paint: %.1f MB\n", rssAtPaint);
        std::printf("campaign figures counted (just after): %lld ms\n", static_cast<long long>(dashboardCounted));
        std::printf("quotes page shown: %lld ms\n", static_cast<long long>(quotesShown));
        std::printf("quote filter \"contract\": %lld ms, %d rows loaded (target: < 100 ms)\n", static_cast<long long>(filtered), rows);
        std::printf("filter cleared: %lld ms\n", static_cast<long long>(cleared));
        std::printf("scrolled to row %d: %.1f ms per page of %d rows\n", scrolledRows, double(scrolled) / Pages, Models::RecordListModel::PageSize);
        for (const QString &line : std::as_const(sorts)) {
            std::printf("%s\n", qPrintable(line));
        }
        std::printf("RSS at the end: %.1f MB (target: < 300 MB)\n", residentMegabytes());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    QElapsedTimer m_clock;
    Desktop::MainWindow *m_window;
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer launch;
    launch.start();
    QApplication app(argc, argv);
    Chorus::allowTranslationsInTheCLocale();
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
    const QCommandLineOption benchmarkOption(u"benchmark-startup"_s,
                                             i18nc("@info:shell", "Print the time from launch to the window's first paint and the memory used, then quit"));
    parser.addOption(benchmarkOption);
    parser.process(app);
    about.processCommandLine(&parser);

    const QString argument = parser.positionalArguments().value(0);
    std::unique_ptr<Store::Store> store;
    if (Desktop::DatabaseOpener::isFirstRun(argument)) {
        // No database yet: create an empty one, open one, or explore the demo coalition.
        Desktop::WelcomePage welcome;
        if (welcome.exec() != QDialog::Accepted) {
            return 0;
        }
        store = welcome.takeStore();
    } else {
        Desktop::DatabaseOpener opener;
        store = opener.openAtStartup(Desktop::DatabaseOpener::startupPath(argument));
    }
    if (!store) {
        return 1;
    }

    auto *window = new Desktop::MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setStore(std::move(store));
    if (parser.isSet(benchmarkOption)) {
        new StartupBenchmark(launch, window);
    }
    window->show();

    return app.exec();
}
