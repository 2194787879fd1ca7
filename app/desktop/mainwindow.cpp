// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mainwindow.h"
#include "presskitcomposer.h"

#include "campaigndashboard.h"
#include "databaseopener.h"
#include "duplicatesview.h"
#include "eventplannerview.h"
#include "importwizard.h"
#include "models/edithistory.h"
#include "models/recordlistmodel.h"
#include "overviewview.h"
#include "quotepanel.h"
#include "recordeditor.h"
#include "recordpage.h"
#include "searchresultsview.h"
#include "store/store.h"
#include "syncview.h"

#include <KAcceleratorManager>
#include <KActionCollection>
#include <KActionMenu>
#include <KColorSchemeManager>
#include <KColorSchemeMenu>
#include <KConfigGroup>
#include <KLocalizedString>
#include <KMessageBox>
#include <KRecentFilesAction>
#include <KSharedConfig>
#include <KStandardAction>
#include <KStandardActions>
#include <KTitleWidget>
#include <KToolBar>

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFocusEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

// The XMLGUI file lives in the static library's resources, which the linker keeps only when used.
static void initResources()
{
    Q_INIT_RESOURCE(chorusdesktop);
}

namespace Chorus::Desktop
{

namespace
{
const char PageIdProperty[] = "chorusPageId";

KConfigGroup layoutGroup()
{
    return KSharedConfig::openConfig()->group(u"MainWindowLayout"_s);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : KXmlGuiWindow(parent)
    , m_history(new Models::EditHistory(this))
{
    initResources();
    setObjectName(u"chorusMainWindow"_s);
    setCentralWidget(createCentralWidget());

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_history, &Models::EditHistory::failed, this, [this](const QString &message) {
        KMessageBox::error(this, message, i18nc("@title:window", "Cannot Undo or Redo"), KMessageBox::Notify | KMessageBox::PlainText);
    });
    connect(m_history, &Models::EditHistory::recordRestored, this, [this](Kind kind, const QString &id) {
        if (RecordPage *page = recordPage(kind); page && page->isVisible() && m_store && m_store->fetch(kind, id)) {
            page->showRecord(id);
        }
    });

    // The XMLGUI file is found under the component's name, which is "chorus" even in the tests.
    setComponentName(u"chorus"_s, i18nc("@title the application's name", "Chorus"));
    setupActions();
    setupGUI(QSize(1100, 720), Default, u"chorusui.rc"_s);
    // The toolbar repeats menu actions that have their shortcuts: its buttons take no Alt+letter,
    // which belong to the page (Undo's button took Alt+U from the quote's Submit for Approval).
    KAcceleratorManager::setNoAccel(toolBar());
    // Chorus has no handbook yet: F1 would open an empty help page.
    if (QAction *handbook = actionCollection()->action(KStandardActions::name(KStandardActions::HelpContents))) {
        handbook->setVisible(false);
        handbook->setEnabled(false);
    }

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(u"databasePath"_s);
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_databaseLabel, 1);

    restoreLayout();
    m_searchField->setFocus();
}

MainWindow::~MainWindow()
{
    saveLayout();
    // The views let go of the store before it closes.
    m_history->setStore(nullptr);
    for (RecordPage *page : std::as_const(m_recordPages)) {
        page->setHistory(nullptr);
    }
    m_overview->setStore(nullptr);
    m_dashboard->setStore(nullptr);
}

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

    m_mainSplitter = new QSplitter(Qt::Horizontal, central);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);
    m_sidebar = new QListWidget(m_mainSplitter);
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(i18nc("@info:whatsthis accessible name", "Pages"));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_pages = new QStackedWidget(m_mainSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_sidebar->item(row)) {
            const QString id = item->data(Qt::UserRole).toString();
            for (int i = 0; i < m_pages->count(); ++i) {
                if (m_pages->widget(i)->property(PageIdProperty).toString() == id) {
                    m_pages->setCurrentIndex(i);
                }
            }
            // (With its signals blocked, the field kept showing its clear button once empty.)
            if (!m_searchField->text().isEmpty()) {
                m_searchField->clear();
            }
        }
    });

    m_results = new SearchResultsView(m_pages);
    m_pages->addWidget(m_results);
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, SearchResultsView::IdRole).toString();
        if (!id.isEmpty()) {
            showRecord(Kind(item->data(0, SearchResultsView::KindRole).toInt()), id);
        }
    });

    addPage(u"overview"_s, QIcon::fromTheme(u"view-list-details"_s), i18nc("@item:inlistbox sidebar page", "Overview"), createOverviewPage());
    createRecordPages();

    layout->addWidget(m_searchField);
    layout->addWidget(m_mainSplitter, 1);
    // Every page's name fits, in every language ("Sincronización y conflictos"): no scroll bar.
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int sidebarWidth = m_sidebar->sizeHintForColumn(0) + 2 * (m_sidebar->frameWidth() + m_sidebar->spacing()) + 8;
    m_sidebar->setMinimumWidth(sidebarWidth);
    m_mainSplitter->setSizes({std::max(180, sidebarWidth), 900});
    m_sidebar->setCurrentRow(0);
    setTabOrder(m_searchField, m_sidebar);
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

    m_searchHint = new QLabel(m_overviewPage);
    m_searchHint->setObjectName(u"searchHint"_s);
    m_searchHint->setWordWrap(true);
    layout->addWidget(m_searchHint);

    // The campaigns first: they are what the day's work is about; the whole database's counts after.
    m_dashboard = new CampaignDashboard(m_overviewPage);
    layout->addWidget(m_dashboard);
    connect(m_dashboard, &CampaignDashboard::listRequested, this, [this](Kind kind, const CampaignDashboard::Conditions &conditions) {
        showList(kind, conditions);
    });

    auto *countsHeading = new KTitleWidget(m_overviewPage);
    countsHeading->setText(i18nc("@title", "In This Database"), KTitleWidget::PlainMessage);
    countsHeading->setLevel(3);
    layout->addWidget(countsHeading);
    m_overview = new OverviewView(m_overviewPage);
    layout->addWidget(m_overview, 0, Qt::AlignLeft);
    connect(m_overview, &OverviewView::refreshed, this, &MainWindow::updateSearchHint);
    layout->addStretch(1);

    // The overview grows with the campaigns: it scrolls rather than squeezing them.
    auto *scroll = new QScrollArea(m_pages);
    scroll->setObjectName(u"overviewScrollArea"_s);
    // Tab from the sidebar goes on to the overview's links (see eventFilter()).
    scroll->installEventFilter(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_overviewPage);
    return scroll;
}

void MainWindow::createRecordPages()
{
    const auto makePage = [this](Kind kind) {
        auto *page = new RecordPage(kind, this);
        m_recordPages.append(page);
        return page;
    };

    m_coalitionTabs = new QTabWidget(this);
    m_coalitionTabs->setObjectName(u"coalitionTabs"_s);
    m_coalitionTabs->setDocumentMode(true);
    m_tabHosts.append(m_coalitionTabs);
    for (Kind kind : {Kind::Organization, Kind::Membership, Kind::Campaign}) {
        m_coalitionTabs->addTab(makePage(kind), kindPluralLabel(kind));
    }
    addPage(u"coalition"_s,
            QIcon::fromTheme(u"group"_s, QIcon::fromTheme(u"system-users"_s)),
            i18nc("@item:inlistbox sidebar page", "Coalition"),
            m_coalitionTabs);
    addPage(u"people"_s, QIcon::fromTheme(u"im-user"_s, QIcon::fromTheme(u"user-identity"_s)), kindPluralLabel(Kind::Person), makePage(Kind::Person));

    RecordPage *quotes = makePage(Kind::Quote);
    auto *panel = new QuotePanel(quotes->editor(), quotes);
    quotes->extraLayout()->addWidget(panel);
    addPage(u"quotes"_s, QIcon::fromTheme(u"format-text-blockquote"_s, QIcon::fromTheme(u"view-pim-notes"_s)), kindPluralLabel(Kind::Quote), quotes);
    panel->setHistory(m_history);

    // Events and their logistics, press kits and what they draw on: one tab per kind of record.
    const auto makeTabs = [this, &makePage](const QString &name, std::initializer_list<Kind> kinds) {
        auto *tabs = new QTabWidget(this);
        tabs->setObjectName(name);
        tabs->setDocumentMode(true);
        for (Kind kind : kinds) {
            tabs->addTab(makePage(kind), kindPluralLabel(kind));
        }
        m_tabHosts.append(tabs);
        return tabs;
    };
    QTabWidget *eventTabs = makeTabs(u"eventTabs"_s, {Kind::Event, Kind::Site, Kind::RunOfShowItem, Kind::Task, Kind::MediaRsvp});
    // The day of action at a glance: every site on its own clock, its run of show and tasks.
    auto *planner = new EventPlannerView(eventTabs);
    planner->setObjectName(u"eventPlanner"_s);
    eventTabs->addTab(planner, i18nc("@title:tab", "Days of Action"));
    addPage(u"events"_s, QIcon::fromTheme(u"view-calendar"_s, QIcon::fromTheme(u"office-calendar"_s)), kindPluralLabel(Kind::Event), eventTabs);
    addPage(u"presskits"_s,
            QIcon::fromTheme(u"document-export"_s),
            kindPluralLabel(Kind::PressKit),
            makeTabs(u"pressKitTabs"_s, {Kind::PressKit, Kind::Fact, Kind::Petition}));

    m_syncView = new SyncView(this);
    m_syncView->setObjectName(u"syncView"_s);
    connect(m_syncView, &SyncView::resolutionFailed, this, [this](const QString &message) {
        KMessageBox::error(this, message, i18nc("@title:window", "Conflict Not Resolved"));
    });
    addPage(u"sync"_s,
            QIcon::fromTheme(u"folder-sync"_s, QIcon::fromTheme(u"view-refresh"_s)),
            i18nc("@item:inlistbox sidebar page", "Sync and Conflicts"),
            m_syncView);
}

int MainWindow::addPage(const QString &id, const QIcon &icon, const QString &label, QWidget *page, int position)
{
    page->setProperty(PageIdProperty, id);
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, label);
    item->setData(Qt::UserRole, id);
    if (position < 0 || position > m_sidebar->count()) {
        position = m_sidebar->count();
    }
    m_sidebar->insertItem(position, item);
    return position;
}

bool MainWindow::showPage(const QString &id)
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        if (m_sidebar->item(row)->data(Qt::UserRole).toString() == id) {
            m_sidebar->setCurrentRow(row);
            // Already current: the search results may be in front of it.
            for (int i = 0; i < m_pages->count(); ++i) {
                if (m_pages->widget(i)->property(PageIdProperty).toString() == id) {
                    m_pages->setCurrentIndex(i);
                }
            }
            return true;
        }
    }
    return false;
}

QString MainWindow::currentPageId() const
{
    QListWidgetItem *item = m_sidebar->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

RecordPage *MainWindow::recordPage(Kind kind) const
{
    for (RecordPage *page : m_recordPages) {
        if (page->kind() == kind) {
            return page;
        }
    }
    return nullptr;
}

void MainWindow::revealPage(QWidget *page)
{
    for (QTabWidget *tabs : std::as_const(m_tabHosts)) {
        if (tabs->indexOf(page) >= 0) {
            showPage(tabs->property(PageIdProperty).toString());
            tabs->setCurrentWidget(page);
            return;
        }
    }
    showPage(page->property(PageIdProperty).toString());
}

bool MainWindow::showList(Kind kind, const QList<std::pair<QString, QVariant>> &conditions)
{
    RecordPage *page = recordPage(kind);
    if (!page) {
        return false;
    }
    revealPage(page);
    page->showWhere(conditions);
    return true;
}

bool MainWindow::showRecord(Kind kind, const QString &id)
{
    RecordPage *page = recordPage(kind);
    if (!page) {
        return false;
    }
    revealPage(page);
    page->showRecord(id);
    if (QWidget *title = page->editor()->fieldEditor(entity(kind).titleField)) {
        title->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void MainWindow::setupActions()
{
    QAction *newAction = KStandardActions::openNew(this, &MainWindow::newDatabase, actionCollection());
    newAction->setText(i18nc("@action:inmenu", "&New Coalition Database…"));
    newAction->setIconText(i18nc("@action:intoolbar", "New"));
    newAction->setToolTip(i18nc("@info:tooltip", "Create an empty coalition database and open it"));
    QAction *openAction = KStandardActions::open(this, &MainWindow::openDatabaseFromDialog, actionCollection());
    openAction->setToolTip(i18nc("@info:tooltip", "Open another coalition database"));
    m_recent = KStandardAction::openRecent(this, &MainWindow::openRecent, actionCollection());
    m_recent->loadEntries(KSharedConfig::openConfig()->group(u"RecentDatabases"_s));

    auto *backup = new QAction(QIcon::fromTheme(u"document-save-as"_s), i18nc("@action:inmenu", "&Back Up…"), this);
    backup->setToolTip(i18nc("@info:tooltip", "Save a copy of the whole coalition database"));
    connect(backup, &QAction::triggered, this, &MainWindow::backUp);
    actionCollection()->addAction(u"file_backup"_s, backup);
    KStandardActions::quit(this, &MainWindow::close, actionCollection());

    // Settings > Colour Scheme: the schemes installed (Breeze, Breeze Dark...), remembered by the
    // manager and applied at the next start.
    KActionMenu *schemes = KColorSchemeMenu::createMenu(KColorSchemeManager::instance(), this);
    schemes->setToolTip(i18nc("@info:tooltip", "Choose the colors of the window"));
    actionCollection()->addAction(u"colorscheme_menu"_s, schemes);
    followPaletteWithIcons();

    QUndoStack *stack = m_history->undoStack();
    // A field still being edited is written first, so that undo takes back the latest edit. Taking
    // back a large import takes seconds: the cursor says so meanwhile.
    QAction *undo = KStandardActions::undo(
        this,
        [this, stack] {
            commitPendingEdits();
            QApplication::setOverrideCursor(Qt::WaitCursor);
            stack->undo();
            QApplication::restoreOverrideCursor();
        },
        actionCollection());
    QAction *redo = KStandardActions::redo(
        this,
        [this, stack] {
            commitPendingEdits();
            QApplication::setOverrideCursor(Qt::WaitCursor);
            stack->redo();
            QApplication::restoreOverrideCursor();
        },
        actionCollection());
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    // The menu says what would be undone; the toolbar button says Undo, the rest in its tooltip.
    undo->setIconText(i18nc("@action:intoolbar", "Undo"));
    redo->setIconText(i18nc("@action:intoolbar", "Redo"));
    connect(stack, &QUndoStack::undoTextChanged, undo, [undo](const QString &text) {
        undo->setText(text.isEmpty() ? i18nc("@action:inmenu", "&Undo") : i18nc("@action:inmenu %1 is what would be undone", "&Undo: %1", text));
        undo->setToolTip(KLocalizedString::removeAcceleratorMarker(undo->text()));
    });
    connect(stack, &QUndoStack::redoTextChanged, redo, [redo](const QString &text) {
        redo->setText(text.isEmpty() ? i18nc("@action:inmenu", "Re&do") : i18nc("@action:inmenu %1 is what would be redone", "Re&do: %1", text));
        redo->setToolTip(KLocalizedString::removeAcceleratorMarker(redo->text()));
    });

    QAction *find = KStandardActions::find(this, &MainWindow::focusSearch, actionCollection());
    find->setText(i18nc("@action:inmenu", "&Search…"));
    find->setToolTip(i18nc("@info:tooltip", "Search organizations, people, quotes and events"));
    KActionCollection::setDefaultShortcuts(find, {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(QKeySequence::Find)});
    m_findAction = find;

    // Alt+1… go to the sidebar's pages.
    for (int row = 0; row < m_sidebar->count() && row < 9; ++row) {
        auto *go = new QAction(m_sidebar->item(row)->text(), this);
        go->setIcon(m_sidebar->item(row)->icon());
        const QString id = m_sidebar->item(row)->data(Qt::UserRole).toString();
        connect(go, &QAction::triggered, this, [this, id] {
            showPage(id);
            focusCurrentPage();
        });
        actionCollection()->addAction(u"go_page_"_s + id, go);
        KActionCollection::setDefaultShortcut(go, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + row)));
    }

    QAction *planner = actionCollection()->addAction(u"events_planner"_s, this, [this] {
        if (auto *view = findChild<EventPlannerView *>()) {
            revealPage(view);
        }
    });
    planner->setText(i18nc("@action:inmenu", "&Days of Action…"));
    planner->setIcon(QIcon::fromTheme(u"view-calendar-day"_s));
    planner->setToolTip(i18nc("@info:tooltip", "See each event's sites at their local times, its run of show and its tasks"));

    QAction *composeKit = actionCollection()->addAction(u"compose_press_kit"_s, this, [this] {
        PressKitComposer::showForDatabase(store(), this);
    });
    composeKit->setText(i18nc("@action:inmenu", "Compose a &Press Kit…"));
    composeKit->setIcon(QIcon::fromTheme(u"document-export"_s));

    QAction *import = actionCollection()->addAction(u"file_import"_s, this, &MainWindow::importFile);
    import->setText(i18nc("@action:inmenu", "&Import People or Organizations…"));
    import->setIcon(QIcon::fromTheme(u"document-import"_s));
    import->setToolTip(i18nc("@info:tooltip", "Add people or organizations from a spreadsheet saved as CSV"));

    QAction *duplicates = actionCollection()->addAction(u"edit_find_duplicates"_s, this, &MainWindow::findDuplicates);
    duplicates->setText(i18nc("@action:inmenu", "Find &Duplicates…"));
    duplicates->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    duplicates->setToolTip(i18nc("@info:tooltip", "Find organizations and people entered twice, and merge them"));
    updateSearchHint();
}

void MainWindow::importFile()
{
    if (!m_store) {
        return;
    }
    const QString file = QFileDialog::getOpenFileName(this,
                                                      i18nc("@title:window", "Import People or Organizations"),
                                                      QDir::homePath(),
                                                      i18nc("@item:inlistbox file type", "Spreadsheets saved as CSV (*.csv *.txt);;All files (*)"));
    if (file.isEmpty()) {
        return;
    }
    openImportWizard(file);
}

ImportWizard *MainWindow::openImportWizard(const QString &file)
{
    if (!m_store) {
        return nullptr;
    }
    const QString database = m_store->database().path();
    auto *wizard = new ImportWizard(database, this);
    wizard->setObjectName(u"importWizard"_s);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowFlag(Qt::Window);
    wizard->setWindowTitle(i18nc("@title:window %1 is a file name", "Import %1", QFileInfo(file).fileName()));
    wizard->resize(1000, 700);
    // The wizard writes through its own connection: reopen the database so every view shows the new records.
    connect(wizard, &ImportWizard::imported, this, [this, database] {
        auto reopened = Store::Store::open(database, false);
        if (reopened) {
            installStore(std::move(reopened).value(), true);
        }
    });
    // Edit ▸ Undo takes the whole import back, as long as the window shows that database.
    connect(wizard, &ImportWizard::importUndoable, this, [this, database](const std::shared_ptr<Interop::ImportUndo> &undo) {
        if (m_store && m_store->database().path() == database) {
            m_history->addImport(undo);
        }
    });
    if (!wizard->setFile(file)) {
        // The wizard shows why the file cannot be read.
    }
    wizard->show();
    return wizard;
}

void MainWindow::findDuplicates()
{
    if (!m_store) {
        return;
    }
    if (!m_duplicates) {
        m_duplicates = new DuplicatesView(*m_store, this);
        m_duplicates->setObjectName(u"duplicatesView"_s);
        m_duplicates->setWindowFlag(Qt::Window);
        m_duplicates->setWindowTitle(i18nc("@title:window", "Find Duplicates"));
        m_duplicates->resize(900, 600);
    } else {
        m_duplicates->refresh();
    }
    m_duplicates->show();
    m_duplicates->raise();
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
    installStore(std::move(store), false);
}

void MainWindow::installStore(std::unique_ptr<Store::Store> store, bool keepHistory)
{
    // The views let go of the old store before it closes.
    m_overview->setStore(store.get());
    m_dashboard->setStore(store.get());
    m_history->setStore(store.get(), keepHistory ? Models::EditHistory::History::Keep : Models::EditHistory::History::Forget);
    for (RecordPage *page : std::as_const(m_recordPages)) {
        page->setHistory(m_history);
    }
    if (auto *planner = findChild<EventPlannerView *>()) {
        planner->setStore(store.get());
    }
    m_syncView->setStore(store.get());
    // The duplicates window works on one store: it closes with it.
    delete m_duplicates;
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
        const QString absolute = QFileInfo(path).absoluteFilePath();
        DatabaseOpener::rememberLastDatabase(absolute);
        m_recent->addUrl(QUrl::fromLocalFile(absolute));
        m_recent->saveEntries(KSharedConfig::openConfig()->group(u"RecentDatabases"_s));
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

void MainWindow::showOpenError(const Error &error, bool creating)
{
    KMessageBox::error(this,
                       error.message(),
                       creating ? i18nc("@title:window", "Cannot Create the Coalition Database") : i18nc("@title:window", "Cannot Open the Coalition Database"),
                       KMessageBox::Notify | KMessageBox::PlainText);
}

void MainWindow::newDatabase()
{
    DatabaseOpener opener(this);
    const QString path = opener.askForNewDatabase();
    if (path.isEmpty()) {
        return;
    }
    if (auto opened = openDatabase(path, true); !opened) {
        showOpenError(opened.error(), true);
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
        showOpenError(opened.error(), false);
    }
}

void MainWindow::openRecent(const QUrl &url)
{
    if (auto opened = openDatabase(url.toLocalFile(), false); !opened) {
        showOpenError(opened.error(), false);
    }
}

void MainWindow::backUp()
{
    if (!m_store) {
        return;
    }
    const QFileInfo current(m_store->database().path());
    const QString suggested = current.dir().filePath(i18nc("@info file name of a backup; %1 is the database name, %2 the date",
                                                           "%1 backup %2.chorus",
                                                           current.completeBaseName(),
                                                           QDate::currentDate().toString(Qt::ISODate)));
    const QString target = QFileDialog::getSaveFileName(this,
                                                        i18nc("@title:window", "Back Up the Coalition Database"),
                                                        suggested,
                                                        i18nc("@item:inlistbox file filter", "Chorus databases (*.chorus)"));
    if (target.isEmpty()) {
        return;
    }
    if (QFileInfo(target).absoluteFilePath() == current.absoluteFilePath()) {
        KMessageBox::error(this, i18nc("@info", "A backup cannot replace the database it copies. Choose another file name."));
        return;
    }
    if (QFile::exists(target)) {
        QFile::remove(target);
    }
    if (auto saved = m_store->database().backupTo(target); !saved) {
        KMessageBox::error(this, saved.error().message(), i18nc("@title:window", "Cannot Back Up"), KMessageBox::Notify | KMessageBox::PlainText);
        return;
    }
    statusBar()->showMessage(i18nc("@info:status %1 is a file path", "Backed up to %1", QDir::toNativeSeparators(target)), 5000);
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
        if (m_pages->currentWidget() == m_results) {
            showPage(m_pageBeforeSearch.isEmpty() ? u"overview"_s : m_pageBeforeSearch);
        }
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
    if (m_pages->currentWidget() != m_results) {
        m_pageBeforeSearch = currentPageId();
        m_pages->setCurrentWidget(m_results);
    }
}

void MainWindow::commitPendingEdits()
{
    for (RecordPage *page : std::as_const(m_recordPages)) {
        page->editor()->commitPendingEdits();
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        followPaletteWithIcons();
    }
    KXmlGuiWindow::changeEvent(event);
}

/// Whether widget is on screen with page, or will be once its layout shows it (the overview's
/// figures are made anew after each change, and shown a moment later).
static bool shownWith(QWidget *widget, QWidget *page)
{
    for (QWidget *w = widget; w && w != page; w = w->parentWidget()) {
        if (w->isHidden() && w->testAttribute(Qt::WA_WState_ExplicitShowHide)) {
            return false;
        }
    }
    return page->isVisible();
}

/// The widgets in page that Tab stops at, in the order of the window's focus chain.
static QList<QWidget *> tabStopsIn(QWidget *page)
{
    QList<QWidget *> stops;
    for (QWidget *widget = page->nextInFocusChain(); widget && widget != page; widget = widget->nextInFocusChain()) {
        if (page->isAncestorOf(widget) && shownWith(widget, page) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)) {
            stops.append(widget);
        }
    }
    return stops;
}

void MainWindow::focusCurrentPage()
{
    QWidget *page = m_pages->currentWidget();
    if (auto *tabs = qobject_cast<QTabWidget *>(page)) {
        page = tabs->currentWidget();
    }
    if (auto *records = qobject_cast<RecordPage *>(page)) {
        records->focusList();
        return;
    }
    // After the figures of the overview are counted again, when a change is waiting for that.
    QTimer::singleShot(0, this, [this, page = QPointer<QWidget>(page)] {
        if (!page || m_pages->currentWidget() != page) {
            return;
        }
        if (const QList<QWidget *> stops = tabStopsIn(page); !stops.isEmpty()) {
            stops.constFirst()->setFocus(Qt::ShortcutFocusReason);
        } else {
            page->setFocus(Qt::ShortcutFocusReason);
        }
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The overview's figures are made after the toolbar, so they came after it in the focus
    // chain; and the scroll area holding them took a Tab of its own, showing no focus. Tab from
    // the sidebar now goes on to the figures' links, in order, then to the toolbar.
    auto *scroll = qobject_cast<QScrollArea *>(watched);
    if (scroll && event->type() == QEvent::FocusIn) {
        const auto reason = static_cast<QFocusEvent *>(event)->reason();
        const QList<QWidget *> stops = tabStopsIn(scroll);
        if (!stops.isEmpty() && (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason)) {
            QWidget *previous = scroll;
            for (QWidget *stop : stops) {
                setTabOrder(previous, stop);
                previous = stop;
            }
            if (reason == Qt::TabFocusReason) {
                stops.constFirst()->setFocus(Qt::TabFocusReason);
            } else {
                m_sidebar->setFocus(Qt::BacktabFocusReason);
            }
        }
    }
    return KXmlGuiWindow::eventFilter(watched, event);
}

void MainWindow::followPaletteWithIcons()
{
    // Breeze's monochrome icons are drawn for a light or a dark background. Where Chorus chose
    // Breeze itself (outside Plasma, whose own theme follows its scheme), follow the palette.
    const QString theme = QIcon::themeName();
    if (theme != u"breeze" && theme != u"breeze-dark" && !theme.isEmpty() && theme != u"hicolor") {
        return;
    }
    const QString wanted = QApplication::palette().color(QPalette::Window).lightness() < 128 ? u"breeze-dark"_s : u"breeze"_s;
    if (theme != wanted) {
        QIcon::setThemeName(wanted);
    }
}

bool MainWindow::queryClose()
{
    // A field still being edited is written before the window goes.
    commitPendingEdits();
    return KXmlGuiWindow::queryClose();
}

void MainWindow::saveLayout()
{
    KConfigGroup group = layoutGroup();
    group.writeEntry("SidebarSplitter", m_mainSplitter->saveState());
    for (RecordPage *page : std::as_const(m_recordPages)) {
        group.writeEntry(QStringLiteral("Splitter_%1").arg(entity(page->kind()).key), page->splitter()->saveState());
    }
    group.writeEntry("CurrentPage", currentPageId());
    group.sync();
}

void MainWindow::restoreLayout()
{
    const KConfigGroup group = layoutGroup();
    if (const QByteArray state = group.readEntry("SidebarSplitter", QByteArray()); !state.isEmpty()) {
        m_mainSplitter->restoreState(state);
    }
    for (RecordPage *page : std::as_const(m_recordPages)) {
        if (const QByteArray state = group.readEntry(QStringLiteral("Splitter_%1").arg(entity(page->kind()).key), QByteArray()); !state.isEmpty()) {
            page->splitter()->restoreState(state);
        }
    }
    if (const QString page = group.readEntry("CurrentPage", QString()); !page.isEmpty()) {
        showPage(page);
    }
}

} // namespace Chorus::Desktop
