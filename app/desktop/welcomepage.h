// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QDialog>
#include <QString>

#include <memory>

class QPushButton;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

/**
 * The first-run welcome, shown when there is no coalition database yet: create an empty
 * database, open an existing one, or explore the demo coalition. It is accepted once a
 * database is open (takeStore() hands it over); Escape or Quit rejects it.
 */
class WelcomePage : public QDialog
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    /// Where "Explore the demo coalition" keeps its database: demo.chorus in the application's data folder.
    [[nodiscard]] static QString demoPath();

    /// Creates (or opens, when it exists) the database at path, empty; accepts the page on success.
    bool createEmpty(const QString &path);
    /// Opens the existing database at path, never creating one; accepts the page on success.
    bool openExisting(const QString &path);
    /// Opens the database at path and fills it with the demo coalition when it holds nothing yet; accepts on success.
    bool exploreDemo(const QString &path);

    /// The database chosen, once the page is accepted; null before.
    [[nodiscard]] std::unique_ptr<Store::Store> takeStore();
    /// The path of the database chosen.
    [[nodiscard]] QString chosenPath() const
    {
        return m_chosenPath;
    }

private:
    void chooseLocation();
    void askForExisting();
    bool finish(std::unique_ptr<Store::Store> store, const QString &path);

    std::unique_ptr<Store::Store> m_store;
    QString m_chosenPath;
};

} // namespace Chorus::Desktop
