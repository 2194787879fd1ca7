// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"
#include "result.h"

#include <KXmlGuiWindow>

#include <QPointer>

#include <memory>

class KRecentFilesAction;
class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{
class EditHistory;
}

namespace Chorus
{
class DuplicatesView;
class ImportWizard;
} // namespace Chorus

namespace Chorus::Desktop
{
class SyncView;

class CampaignDashboard;
class OverviewView;
class RecordPage;
class SearchResultsView;

/**
 * The Chorus main window over one coalition database: a sidebar of pages (Overview, Coalition,
 * People, Quotes, Events, Press kits, and what other parts of the app add with addPage()), a
 * search field that searches everything as you type, File and Edit menus with undo and redo of
 * every edit.
 */
class MainWindow : public KXmlGuiWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows store (the window keeps it; the previous database is closed) and remembers it as the last database.
    void setStore(std::unique_ptr<Store::Store> store);
    [[nodiscard]] Store::Store *store() const
    {
        return m_store.get();
    }
    /// The write path with undo that every view of this window edits through.
    [[nodiscard]] Models::EditHistory *history() const
    {
        return m_history;
    }

    /**
     * Opens the database at path in this window, creating it when create is set. On failure the
     * window keeps its database and the error says why.
     */
    Result<void> openDatabase(const QString &path, bool create);

    /**
     * Adds a page to the sidebar, after the pages already there (or at position), and returns
     * its row. id names it for showPage() and in the settings ("presskit-composer"); page is
     * reparented to the window. A page that edits records should write through history().
     */
    int addPage(const QString &id, const QIcon &icon, const QString &label, QWidget *page, int position = -1);
    /// Shows the page added under id; false when there is none.
    bool showPage(const QString &id);
    /// The id of the page shown in the sidebar.
    [[nodiscard]] QString currentPageId() const;
    /// The list-and-editor page of kind, or null when the window has none.
    [[nodiscard]] RecordPage *recordPage(Domain::Kind kind) const;
    /// Shows the record in its page (the search's Enter); false when no page shows that kind.
    bool showRecord(Domain::Kind kind, const QString &id);
    /// Shows the list of kind narrowed to records whose fields have these values (the dashboard's links).
    bool showList(Domain::Kind kind, const QList<std::pair<QString, QVariant>> &conditions);

    /**
     * Opens the import wizard on file (File ▸ Import without its file dialog). A finished import
     * shows in every view and becomes one step of Edit ▸ Undo.
     */
    ImportWizard *openImportWizard(const QString &file);

    /// How long the search waits after a key press before it runs.
    static constexpr int SearchDelayMs = 150;
    /// How many results of each kind are shown.
    static constexpr int ResultsPerKind = 50;

protected:
    bool queryClose() override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Moves the keyboard into the page shown: a list's records, or the first link of the overview.
    void focusCurrentPage();
    void setupActions();
    /// Uses Breeze's icons for a dark background when the colors are dark, and back.
    void followPaletteWithIcons();
    QWidget *createCentralWidget();
    QWidget *createOverviewPage();
    void createRecordPages();
    void newDatabase();
    void openDatabaseFromDialog();
    void openRecent(const QUrl &url);
    void backUp();
    void focusSearch();
    void updateSearchHint();
    void searchTextChanged(const QString &text);
    void runSearch();
    void saveLayout();
    void restoreLayout();
    void showOpenError(const Error &error, bool creating);
    void commitPendingEdits();
    void importFile();
    /// setStore(); keepHistory for the same database file through a new connection (after an import).
    void installStore(std::unique_ptr<Store::Store> store, bool keepHistory);
    /// Shows the sidebar page holding page, and its tab when it sits in one.
    void revealPage(QWidget *page);
    void findDuplicates();

    std::unique_ptr<Store::Store> m_store;
    Models::EditHistory *m_history = nullptr;
    QLineEdit *m_searchField = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_coalitionTabs = nullptr;
    QWidget *m_overviewPage = nullptr;
    OverviewView *m_overview = nullptr;
    CampaignDashboard *m_dashboard = nullptr;
    QLabel *m_searchHint = nullptr;
    QAction *m_findAction = nullptr;
    KRecentFilesAction *m_recent = nullptr;
    SearchResultsView *m_results = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QList<RecordPage *> m_recordPages;
    QString m_pageBeforeSearch;
    SyncView *m_syncView = nullptr;
    QList<QTabWidget *> m_tabHosts;
    QPointer<DuplicatesView> m_duplicates;
};

} // namespace Chorus::Desktop
