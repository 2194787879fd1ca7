// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

/**
 * Finds and opens the coalition database, with the dialogs that go with it: the file dialogs
 * of File ▸ New and File ▸ Open, and what to do when a file cannot be opened (the first-run
 * choices are WelcomePage's). It never replaces or deletes a file that fails
 * to open.
 */
class DatabaseOpener
{
public:
    explicit DatabaseOpener(QWidget *parent = nullptr);

    /// Where a first start creates the database: coalition.chorus in the application's data folder.
    [[nodiscard]] static QString defaultPath();
    /// The database opened last (settings, General/LastDatabase); empty when none.
    [[nodiscard]] static QString lastDatabase();
    static void rememberLastDatabase(const QString &path);
    /**
     * The database to open at startup: argument (made absolute) when given, else the last
     * database if it still exists, else the default one.
     */
    [[nodiscard]] static QString startupPath(const QString &argument);
    /**
     * Whether this is a first run, to be welcomed by WelcomePage: no database given on the
     * command line, no last database that still exists, and no default database yet.
     */
    [[nodiscard]] static bool isFirstRun(const QString &argument);

    /**
     * Opens path at startup, creating it when it does not exist (and the default location's
     * folder). While opening fails it shows why and offers to open another database or to quit;
     * returns null when the user quits.
     */
    std::unique_ptr<Store::Store> openAtStartup(const QString &path);
    /// Whether the database that openAtStartup() returned was created by it.
    [[nodiscard]] bool createdNewDatabase() const
    {
        return m_created;
    }
    /// The path of the database that openAtStartup() returned.
    [[nodiscard]] QString openedPath() const
    {
        return m_openedPath;
    }

    /// Asks for an existing database to open; empty when cancelled.
    [[nodiscard]] QString askForExistingDatabase();
    /// Asks where to create a new database; empty when cancelled or the file already exists.
    [[nodiscard]] QString askForNewDatabase();

private:
    QPointer<QWidget> m_parent;
    bool m_created = false;
    QString m_openedPath;
};

} // namespace Chorus::Desktop
