// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mainwindow.h"

#include "databaseopener.h"
#include "eventplannerview.h"
#include "overviewview.h"
#include "searchresultsview.h"
#include "store/store.h"

#include <KActionCollection>
#include <KLocalizedString>
#include <KMessageBox>
#include <KStandardActions>
#include <KTitleWidget>

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// The XMLGUI file lives in the static library's resources, which the linker keeps only when used.
static void initResources()
{
    Q_INIT_RESOURCE(chorusdesktop);
}

namespace Chorus::Desktop
{

MainWindow::MainWindow(QWidget *parent)
    : KXmlGuiWindow(parent)
{
    initResources();
    setObjectName(u"chorusMainWindow"_s);
    setCentralWidget(createCentralWidget());

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);

    // The XMLGUI file is found under the component's name, which is "chorus" even in the tests.
    setComponentName(u"chorus"_s, i18nc("@title the application's name", "Chorus"));
    setupActions();
    setupGUI(QSize(960, 640), Default, u"chorusui.rc"_s);
    // Chorus has no handbook yet: F1 would open an empty help page.
    if (QAction *handbook = actionCollection()->action(KStandardActions::name(KStandardActions::HelpContents))) {
        handbook->setVisible(false);
        handbook->setEnabled(false);
    }

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(u"databasePath"_s);
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_databaseLabel, 1);

    m_searchField->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_searchField = new QLineEdit(central);
    m_searchField->setObjectName(u"searchField"_s);
    m_searchField->setPlaceholderText(i18nc("@info:placeholder", "Search organizations, people, quotes, events…"));
    m_searchField->setAccessibleName(i18nc("@info:whatsthis accessible name", "Search"));
    m_searchField->setAccessibleDescription(i18nc("@info:whatsthis", "Searches the whole coalition database as you type"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(QIcon::fromTheme(u"search"_s, QIcon::fromTheme(u"edit-find"_s)), QLineEdit::LeadingPosition);
    connect(m_searchField, &QLineEdit::textChanged, this, &MainWindow::searchTextChanged);
    // Enter searches at once and moves to the first result.
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        if (m_searchField->text().trimmed().isEmpty()) {
            return;
        }
        m_searchTimer->stop();
        runSearch();
        m_results->focusFirstResult();
    });

    m_pages = new QStackedWidget(central);
    m_pages->addWidget(createOverviewPage());
    m_results = new SearchResultsView(m_pages);
    m_pages->addWidget(m_results);

    layout->addWidget(m_searchField);
    layout->addWidget(m_pages, 1);
    return central;
}

QWidget *MainWindow::createOverviewPage()
{
    m_overviewPage = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(m_overviewPage);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *heading = new KTitleWidget(m_overviewPage);
    heading->setText(i18nc("@title", "Coalition Overview"), KTitleWidget::PlainMessage);
    heading->setLevel(2);
    layout->addWidget(heading);

    m_overview = new OverviewView(m_overviewPage);
    layout->addWidget(m_overview, 0, Qt::AlignLeft);

    m_searchHint = new QLabel(m_overviewPage);
    m_searchHint->setObjectName(u"searchHint"_s);
    m_searchHint->setWordWrap(true);
    layout->addWidget(m_searchHint);
    connect(m_overview, &OverviewView::refreshed, this, &MainWindow::updateSearchHint);
    layout->addStretch(1);
    return m_overviewPage;
}

void MainWindow::setupActions()
{
    QAction *newAction = KStandardActions::openNew(this, &MainWindow::newDatabase, actionCollection());
    newAction->setText(i18nc("@action:inmenu", "&New Coalition Database…"));
    newAction->setIconText(i18nc("@action:intoolbar", "New"));
    newAction->setToolTip(i18nc("@info:tooltip", "Create an empty coalition database and open it"));
    QAction *openAction = KStandardActions::open(this, &MainWindow::openDatabaseFromDialog, actionCollection());
    openAction->setToolTip(i18nc("@info:tooltip", "Open another coalition database"));
    KStandardActions::quit(this, &MainWindow::close, actionCollection());

    QAction *find = KStandardActions::find(this, &MainWindow::focusSearch, actionCollection());
    find->setText(i18nc("@action:inmenu", "&Search…"));
    find->setToolTip(i18nc("@info:tooltip", "Search organizations, people, quotes and events"));
    KActionCollection::setDefaultShortcuts(find, {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(QKeySequence::Find)});
    m_findAction = find;

    QAction *planner = actionCollection()->addAction(u"events_planner"_s, this, [this] {
        auto *view = findChild<EventPlannerView *>();
        if (!view) {
            view = new EventPlannerView(this);
            view->setWindowFlag(Qt::Window);
            view->setWindowTitle(i18nc("@title:window", "Days of Action"));
            view->resize(1100, 800);
        }
        view->setStore(m_store.get());
        view->show();
        view->raise();
    });
    planner->setText(i18nc("@action:inmenu", "&Days of Action…"));
    planner->setIcon(QIcon::fromTheme(u"view-calendar-day"_s));
    planner->setToolTip(i18nc("@info:tooltip", "See each event's sites at their local times, its run of show and its tasks"));
    updateSearchHint();
}

void MainWindow::updateSearchHint()
{
    if (m_overview->isDatabaseEmpty()) {
        m_searchHint->setText(i18nc("@info", "This coalition database is empty: it holds no organizations, people, quotes, campaigns or events yet."));
        return;
    }
    m_searchHint->setText(i18nc("@info %1 is a keyboard shortcut",
                                "Type in the search field to find organizations, people, quotes, campaigns, events and facts. "
                                "%1 takes you to the search field from anywhere.",
                                m_findAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::setStore(std::unique_ptr<Store::Store> store)
{
    // The views let go of the old store before it closes.
    m_overview->setStore(store.get());
    if (auto *planner = findChild<EventPlannerView *>()) {
        planner->setStore(store.get());
    }
    m_store = std::move(store);
    if (!m_store) {
        setCaption(QString());
        m_databaseLabel->clear();
        return;
    }
    connect(m_store.get(), &Store::Store::changed, this, [this] {
        if (!m_searchField->text().trimmed().isEmpty()) {
            m_searchTimer->start();
        }
    });
    const QString path = m_store->database().path();
    setCaption(QFileInfo(path).fileName());
    m_databaseLabel->setText(i18nc("@info:status %1 is a file path", "Database: %1", QDir::toNativeSeparators(path)));
    if (QFileInfo::exists(path)) {
        DatabaseOpener::rememberLastDatabase(QFileInfo(path).absoluteFilePath());
    }
    searchTextChanged(m_searchField->text());
}

Result<void> MainWindow::openDatabase(const QString &path, bool create)
{
    auto opened = Store::Store::open(path, create);
    if (!opened) {
        return opened.error();
    }
    setStore(std::move(opened).value());
    return {};
}

void MainWindow::newDatabase()
{
    DatabaseOpener opener(this);
    const QString path = opener.askForNewDatabase();
    if (path.isEmpty()) {
        return;
    }
    if (auto opened = openDatabase(path, true); !opened) {
        KMessageBox::error(this,
                           opened.error().message(),
                           i18nc("@title:window", "Cannot Create the Coalition Database"),
                           KMessageBox::Notify | KMessageBox::PlainText);
    }
}

void MainWindow::openDatabaseFromDialog()
{
    DatabaseOpener opener(this);
    const QString path = opener.askForExistingDatabase();
    if (path.isEmpty()) {
        return;
    }
    if (auto opened = openDatabase(path, false); !opened) {
        KMessageBox::error(this,
                           opened.error().message(),
                           i18nc("@title:window", "Cannot Open the Coalition Database"),
                           KMessageBox::Notify | KMessageBox::PlainText);
    }
}

void MainWindow::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void MainWindow::searchTextChanged(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_searchTimer->stop();
        m_results->clear();
        m_pages->setCurrentWidget(m_overviewPage);
        return;
    }
    m_searchTimer->start();
}

void MainWindow::runSearch()
{
    const QString text = m_searchField->text().trimmed();
    if (text.isEmpty() || !m_store) {
        return;
    }
    // One more than is shown, so a heading can tell when there are more.
    m_results->showResults(text, m_store->search(text, ResultsPerKind + 1), ResultsPerKind);
    m_pages->setCurrentWidget(m_results);
}

} // namespace Chorus::Desktop
