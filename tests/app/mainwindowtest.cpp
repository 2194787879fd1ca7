// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "mainwindow.h"
#include "searchresultsview.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

namespace
{

/// The top-level row of tree whose first column starts with label; null when there is none.
QTreeWidgetItem *rowStartingWith(QTreeWidget *tree, const QString &label)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0).startsWith(label)) {
            return tree->topLevelItem(i);
        }
    }
    return nullptr;
}

/// The figure the overview shows next to label ("Organizations"); empty when there is no such row.
QString overviewCount(QTreeWidget *overview, const QString &label)
{
    for (int i = 0; i < overview->topLevelItemCount(); ++i) {
        if (overview->topLevelItem(i)->text(0) == label) {
            return overview->topLevelItem(i)->text(1);
        }
    }
    return {};
}

QStringList childTitles(QTreeWidgetItem *group)
{
    QStringList titles;
    for (int i = 0; group && i < group->childCount(); ++i) {
        titles << group->child(i)->text(0);
    }
    return titles;
}

/// Saves what the window looks like when CHORUS_SCREENSHOT_DIR names a folder (for people, not for the test).
void saveScreenshot(QWidget *window, const QString &name)
{
    const QString folder = qEnvironmentVariable("CHORUS_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QVERIFY(QDir().mkpath(folder));
        // Let pending layout requests settle, as they would before the next paint.
        QTest::qWait(100);
        QVERIFY(window->grab().save(folder + u'/' + name));
    }
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    Store::Store *m_store = nullptr;
    std::unique_ptr<Desktop::MainWindow> m_window;

    QLineEdit *searchField() const
    {
        return m_window->findChild<QLineEdit *>(u"searchField"_s);
    }
    QTreeWidget *results() const
    {
        return m_window->findChild<QTreeWidget *>(u"searchResults"_s);
    }
    QTreeWidget *overview() const
    {
        return m_window->findChild<QTreeWidget *>(u"overview"_s);
    }
    bool showsResults() const
    {
        return results()->isVisible() && !overview()->isVisible();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Screenshots show the icons the app shows (main() sets the same fallback).
        // (The offscreen platform knows no icon folders: they are added from the data folders.)
        if (!qEnvironmentVariableIsEmpty("CHORUS_SCREENSHOT_DIR")) {
            QIcon::setThemeSearchPaths(QIcon::themeSearchPaths()
                                       + QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, u"icons"_s, QStandardPaths::LocateDirectory));
            QIcon::setFallbackThemeName(u"breeze"_s);
        }
    }

    void init()
    {
        // GIVEN a coalition database with an organization, a person in it and her quote
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"river-coalition.chorus"_s);
        auto opened = Store::Store::open(m_path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        std::unique_ptr<Store::Store> store = std::move(opened).value();
        const auto organization = store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}});
        QVERIFY(organization);
        const auto person =
            store->create(Kind::Person,
                          {{u"name"_s, u"Lucía Martínez"_s}, {u"title"_s, u"Executive Director"_s}, {u"organization_id"_s, organization.value()}});
        QVERIFY(person);
        QVERIFY(store->create(Kind::Quote, {{u"text"_s, u"Our river is not for sale, and neither is our data."_s}, {u"spokesperson_id"_s, person.value()}}));

        // AND the window showing it
        m_store = store.get();
        m_window = std::make_unique<Desktop::MainWindow>();
        m_window->setStore(std::move(store));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(searchField());
        QVERIFY(results());
        QVERIFY(overview());
    }

    void cleanup()
    {
        m_store = nullptr;
        m_window.reset();
        m_dir.reset();
    }

    void shouldFindPeopleAsYouType()
    {
        // WHEN the user types a name without its accents
        QTest::keyClicks(searchField(), u"martinez"_s);
        // THEN the search waits until the typing pauses
        QVERIFY(!showsResults());
        // AND then shows her under "People", with her title and organization
        QTRY_VERIFY(showsResults());
        QTreeWidgetItem *people = rowStartingWith(results(), u"People"_s);
        QVERIFY(people);
        QCOMPARE(people->text(0), u"People (1)"_s);
        QCOMPARE(childTitles(people), QStringList{u"Lucía Martínez"_s});
        QCOMPARE(people->child(0)->text(1), u"Executive Director, Río Verde Alliance"_s);
        QCOMPARE(people->child(0)->data(0, Desktop::SearchResultsView::KindRole).toInt(), int(Kind::Person));
        QVERIFY(!rowStartingWith(results(), u"Organizations"_s));
        saveScreenshot(m_window.get(), u"chorus-mainwindow-search.png"_s);
    }

    void shouldSayWhenOnlyTheFirstResultsAreShown()
    {
        // GIVEN more matching organizations than the window lists
        QVERIFY(m_store->transact([this]() -> Result<void> {
            for (int i = 1; i <= Desktop::MainWindow::ResultsPerKind + 5; ++i) {
                if (auto created = m_store->create(Kind::Organization, {{u"name"_s, u"Neighbors United %1"_s.arg(i)}}); !created) {
                    return created.error();
                }
            }
            return {};
        }));
        QTest::keyClicks(searchField(), u"neighbors"_s);
        QTRY_VERIFY(showsResults());
        QTreeWidgetItem *organizations = rowStartingWith(results(), u"Organizations"_s);
        QVERIFY(organizations);
        QCOMPARE(organizations->text(0), u"Organizations (first 50)"_s);
        QCOMPARE(organizations->childCount(), Desktop::MainWindow::ResultsPerKind);
    }

    void shouldShowWhoSaidAQuote()
    {
        QTest::keyClicks(searchField(), u"river sale"_s);
        QTRY_VERIFY(showsResults());
        QTreeWidgetItem *quotes = rowStartingWith(results(), u"Quotes"_s);
        QVERIFY(quotes);
        QCOMPARE(childTitles(quotes), QStringList{u"Our river is not for sale, and neither is our data."_s});
        QCOMPARE(quotes->child(0)->text(1), u"Lucía Martínez"_s);
    }

    void shouldShowTheOverviewAgainWhenTheSearchIsCleared()
    {
        QTest::keyClicks(searchField(), u"verde"_s);
        QTRY_VERIFY(showsResults());
        QCOMPARE(childTitles(rowStartingWith(results(), u"Organizations"_s)), QStringList{u"Río Verde Alliance"_s});
        // WHEN the user clears the field
        searchField()->clear();
        // THEN the overview is back at once
        QVERIFY(overview()->isVisible());
        QVERIFY(!results()->isVisible());
    }

    void shouldSayWhenNothingMatches()
    {
        QTest::keyClicks(searchField(), u"zebra"_s);
        QTRY_VERIFY(showsResults());
        QCOMPARE(results()->topLevelItemCount(), 1);
        QCOMPARE(results()->topLevelItem(0)->text(0), u"Nothing matches “zebra”."_s);
    }

    void shouldFollowRecordsCreatedWhileSearching()
    {
        QTest::keyClicks(searchField(), u"mart"_s);
        QTRY_COMPARE(childTitles(rowStartingWith(results(), u"People"_s)), QStringList{u"Lucía Martínez"_s});
        // WHEN another person whose name matches is created
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Marta Ortiz"_s}}));
        // THEN the results show her too, without typing again
        QTRY_COMPARE(childTitles(rowStartingWith(results(), u"People"_s)).size(), 2);
        QVERIFY(childTitles(rowStartingWith(results(), u"People"_s)).contains(u"Marta Ortiz"_s));
        QCOMPARE(rowStartingWith(results(), u"People"_s)->text(0), u"People (2)"_s);
    }

    void shouldShowTheDatabaseNameInTheTitle()
    {
        QVERIFY2(m_window->windowTitle().contains(u"river-coalition.chorus"_s), qPrintable(m_window->windowTitle()));
    }

    void shouldCountWhatTheStoreHolds()
    {
        // THEN the overview counts the records by kind, and quotes by state
        QCOMPARE(overviewCount(overview(), u"Organizations"_s), u"1"_s);
        QCOMPARE(overviewCount(overview(), u"People"_s), u"1"_s);
        QCOMPARE(overviewCount(overview(), u"Quotes"_s), u"1"_s);
        QCOMPARE(overviewCount(overview(), u"Events"_s), u"0"_s);
        QTreeWidgetItem *quotes = rowStartingWith(overview(), u"Quotes"_s);
        QVERIFY(quotes);
        QCOMPARE(quotes->childCount(), 4);
        QCOMPARE(quotes->child(0)->text(0), u"Draft"_s);
        QCOMPARE(quotes->child(0)->text(1), u"1"_s);
        QCOMPARE(quotes->child(2)->text(0), u"Approved"_s);
        QCOMPARE(quotes->child(2)->text(1), u"0"_s);

        // WHEN records are created through the store
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}}));
        QVERIFY(m_store->create(Kind::Event, {{u"title"_s, u"Petition delivery"_s}}));
        // THEN the overview follows
        QTRY_COMPARE(overviewCount(overview(), u"Organizations"_s), u"2"_s);
        QCOMPARE(overviewCount(overview(), u"Events"_s), u"1"_s);
    }

    void shouldOpenAnotherDatabase()
    {
        auto *hint = m_window->findChild<QLabel *>(u"searchHint"_s);
        QVERIFY(hint);
        QVERIFY(hint->text().contains(u"Ctrl+K"_s));
        const QString other = m_dir->filePath(u"second.chorus"_s);
        QVERIFY(m_window->openDatabase(other, true));
        QVERIFY(m_window->windowTitle().contains(u"second.chorus"_s));
        QCOMPARE(overviewCount(overview(), u"Organizations"_s), u"0"_s);
        // An empty database says so.
        QVERIFY2(hint->text().startsWith(u"This coalition database is empty"_s), qPrintable(hint->text()));
        QTest::keyClicks(searchField(), u"martinez"_s);
        QTRY_VERIFY(showsResults());
        QCOMPARE(results()->topLevelItem(0)->text(0), u"Nothing matches “martinez”."_s);
    }

    void shouldKeepItsDatabaseWhenAnotherFileCannotBeOpened()
    {
        // GIVEN a file that is not a Chorus database
        const QString notes = m_dir->filePath(u"notes.chorus"_s);
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray content = "Call Lucía about the rally.\n"_ba.repeated(200);
        file.write(content);
        file.close();
        // WHEN the window is asked to open it
        const Result<void> opened = m_window->openDatabase(notes, false);
        // THEN it refuses, says why, and leaves the file as it was
        QVERIFY(!opened);
        QCOMPARE(opened.error().code(), Error::Code::NotDatabase);
        QVERIFY(opened.error().message().contains(u"notes.chorus"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        // AND the window still shows its database
        QVERIFY(m_window->windowTitle().contains(u"river-coalition.chorus"_s));
        QCOMPARE(overviewCount(overview(), u"People"_s), u"1"_s);
    }

    void shouldFocusTheSearchWithCtrlK()
    {
        overview()->setFocus();
        QTest::keyClicks(searchField(), u"rio"_s);
        m_window->activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
        results()->setFocus();
        QVERIFY(!searchField()->hasFocus());
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(searchField()->hasFocus());
        // The text is selected, so typing replaces it.
        QCOMPARE(searchField()->selectedText(), u"rio"_s);
    }

    void shouldMoveToTheFirstResultOnEnter()
    {
        QTest::keyClicks(searchField(), u"lucia"_s);
        QTest::keyClick(searchField(), Qt::Key_Return);
        QVERIFY(showsResults());
        QVERIFY(results()->currentItem());
        QCOMPARE(results()->currentItem()->text(0), u"Lucía Martínez"_s);
    }

    void shouldOverviewTheDemoCoalition()
    {
        // GIVEN the demo coalition in a new database
        const QString demoPath = m_dir->filePath(u"demo.chorus"_s);
        QVERIFY(m_window->openDatabase(demoPath, true));
        const auto loaded = Store::loadDemoCoalition(*m_window->store());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message()));
        // THEN the overview shows its figures
        const QString organizations = QLocale().toString(m_window->store()->count(Kind::Organization));
        QVERIFY(m_window->store()->count(Kind::Organization) > 0);
        QTRY_COMPARE(overviewCount(overview(), u"Organizations"_s), organizations);
        QCOMPARE(overviewCount(overview(), u"Quotes"_s), QLocale().toString(m_window->store()->count(Kind::Quote)));
        saveScreenshot(m_window.get(), u"chorus-mainwindow-overview.png"_s);
        QTest::keyClicks(searchField(), u"a"_s);
        QTRY_VERIFY(showsResults());
        saveScreenshot(m_window.get(), u"chorus-mainwindow-demo-search.png"_s);
    }
};

CHORUS_TEST_MAIN_IMPL(MainWindowTest, QApplication)

#include "mainwindowtest.moc"
