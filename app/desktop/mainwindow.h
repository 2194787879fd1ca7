// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "result.h"

#include <KXmlGuiWindow>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTimer;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

class OverviewView;
class SearchResultsView;

/**
 * The Chorus main window over one coalition database: a search field that searches everything
 * as you type, with the results grouped by kind, and an overview of the database while the
 * field is empty. File ▸ New and File ▸ Open switch to another database.
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

    /**
     * Opens the database at path in this window, creating it when create is set. On failure the
     * window keeps its database and the error says why.
     */
    Result<void> openDatabase(const QString &path, bool create);

    /// How long the search waits after a key press before it runs.
    static constexpr int SearchDelayMs = 150;
    /// How many results of each kind are shown.
    static constexpr int ResultsPerKind = 50;

private:
    void setupActions();
    QWidget *createCentralWidget();
    QWidget *createOverviewPage();
    void newDatabase();
    void openDatabaseFromDialog();
    void focusSearch();
    void updateSearchHint();
    void searchTextChanged(const QString &text);
    void runSearch();

    std::unique_ptr<Store::Store> m_store;
    QLineEdit *m_searchField = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_overviewPage = nullptr;
    OverviewView *m_overview = nullptr;
    QLabel *m_searchHint = nullptr;
    QAction *m_findAction = nullptr;
    SearchResultsView *m_results = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
};

} // namespace Chorus::Desktop
