// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "importwizard.h"
#include "mainwindow.h"
#include "models/edithistory.h"
#include "models/recordlistmodel.h"
#include "recordeditor.h"
#include "recordpage.h"
#include "searchresultsview.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <KActionCollection>
#include <KConfigGroup>
#include <KSharedConfig>
#include <KToolBar>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Desktop::RecordPage;

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
    QString m_personId;
    QString m_quoteId;

    QAction *action(const QString &name) const
    {
        return m_window->actionCollection()->action(name);
    }
    template<typename T>
    T *field(Kind kind, const QString &name) const
    {
        return m_window->recordPage(kind)->editor()->findChild<T *>(u"field_"_s + name);
    }
    void activate()
    {
        m_window->activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
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
        // Each test starts on the overview, whatever page the previous one left the window on.
        KSharedConfig::openConfig()->deleteGroup(u"MainWindowLayout"_s);
        // GIVEN a coalition database with an organization, a person in it and her quote
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"river-coalition.chorus"_s);
        // The copy of this test that is killed mid-edit works on the database its parent reads.
        if (const QString killed = qEnvironmentVariable("CHORUS_TEST_KILLED_DATABASE"); !killed.isEmpty()) {
            m_path = killed;
        }
        auto opened = Store::Store::open(m_path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        std::unique_ptr<Store::Store> store = std::move(opened).value();
        const auto organization = store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}});
        QVERIFY(organization);
        const auto person =
            store->create(Kind::Person,
                          {{u"name"_s, u"Lucía Martínez"_s}, {u"title"_s, u"Executive Director"_s}, {u"organization_id"_s, organization.value()}});
        QVERIFY(person);
        const auto quote =
            store->create(Kind::Quote, {{u"text"_s, u"Our river is not for sale, and neither is our data."_s}, {u"spokesperson_id"_s, person.value()}});
        QVERIFY(quote);
        m_personId = person.value();
        m_quoteId = quote.value();

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

    void shouldShowTheFirstRecordOfThePageInADatabaseOpened()
    {
        // GIVEN another database with one person, and the People page showing Lucía
        const QString other = m_dir->filePath(u"second.chorus"_s);
        {
            auto opened = Store::Store::open(other);
            QVERIFY(opened);
            QVERIFY(opened.value()->create(Kind::Person, {{u"name"_s, u"Sam Reyes"_s}}));
        }
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        // WHEN the other database is opened
        QVERIFY(m_window->openDatabase(other, false));
        // THEN the page shows its first person, as a page opened first does (it showed none)
        RecordPage *people = m_window->recordPage(Kind::Person);
        QTRY_COMPARE(people->editor()->record().value(u"name"_s).toString(), u"Sam Reyes"_s);
        QCOMPARE(field<QLineEdit>(Kind::Person, u"name"_s)->text(), u"Sam Reyes"_s);
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

    void shouldOfferEveryPageInTheSidebar()
    {
        auto *sidebar = m_window->findChild<QListWidget *>(u"sidebar"_s);
        QVERIFY(sidebar);
        QStringList labels;
        for (int row = 0; row < sidebar->count(); ++row) {
            labels << sidebar->item(row)->text();
        }
        QCOMPARE(labels, (QStringList{u"Overview"_s, u"Coalition"_s, u"People"_s, u"Quotes"_s, u"Events"_s, u"Press Kits"_s, u"Sync and Conflicts"_s}));
        // AND another part of the app can add its own page
        auto *page = new QLabel(u"Conflicts"_s);
        m_window->addPage(u"conflicts"_s, QIcon(), u"Conflicts"_s, page);
        QVERIFY(m_window->showPage(u"conflicts"_s));
        QVERIFY(page->isVisible());
        QCOMPARE(m_window->currentPageId(), u"conflicts"_s);
    }

    void shouldShowSyncAndFindDuplicatesFromTheMenus()
    {
        // GIVEN the window on a database with two entries for the same organization
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"The Río Verde Alliance"_s}}));
        // WHEN the user opens the sync page
        QVERIFY(action(u"go_page_sync"_s));
        action(u"go_page_sync"_s)->trigger();
        QCOMPARE(m_window->currentPageId(), u"sync"_s);
        QVERIFY(m_window->findChild<QWidget *>(u"syncView"_s)->isVisible());
        // AND asks to find duplicates
        QVERIFY(action(u"file_import"_s));
        QVERIFY(action(u"edit_find_duplicates"_s));
        action(u"edit_find_duplicates"_s)->trigger();
        // THEN the duplicates window lists the pair
        auto *duplicates = m_window->findChild<QWidget *>(u"duplicatesView"_s);
        QVERIFY(duplicates);
        QVERIFY(QTest::qWaitForWindowExposed(duplicates));
        auto *tree = duplicates->findChild<QTreeWidget *>();
        QVERIFY(tree);
        QVERIFY(tree->topLevelItemCount() >= 1);
    }

    void shouldShowUpcomingSitesOnTheirOwnClock()
    {
        // GIVEN a campaign's press conference in San José at 20:30 UTC on a May day
        const QString campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the Contract"_s}}).value();
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Petition delivery"_s}, {u"campaign_id"_s, campaign}}).value();
        QVERIFY(m_store->create(Kind::Site,
                                {{u"event_id"_s, event},
                                 {u"venue"_s, u"Founders Plaza"_s},
                                 {u"time_zone"_s, u"America/Los_Angeles"_s},
                                 {u"starts_at"_s, u"2099-05-20T20:30:00Z"_s},
                                 {u"ends_at"_s, u"2099-05-20T21:30:00Z"_s}}));
        // THEN the overview gives the site's local time with its zone, as a person reads it
        auto *dashboard = m_window->findChild<QWidget *>(u"campaignDashboard"_s);
        QVERIFY(dashboard);
        QTRY_VERIFY(dashboard->findChild<QWidget *>(u"campaign_"_s + campaign));
        auto *figures = dashboard->findChild<QWidget *>(u"campaign_"_s + campaign)->findChild<QLabel *>(u"figures"_s);
        QVERIFY(figures);
        QVERIFY2(figures->text().contains(u"May 20, 2099, 1:30 p.m. PDT"_s), qPrintable(figures->text()));
    }

    void shouldOpenASiteInTheEventsTabs()
    {
        // GIVEN an event with one site
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}}).value();
        const auto site = m_store->create(Kind::Site,
                                          {{u"event_id"_s, event},
                                           {u"venue"_s, u"Founders Plaza"_s},
                                           {u"time_zone"_s, u"America/Los_Angeles"_s},
                                           {u"starts_at"_s, u"2027-05-20T20:30:00Z"_s},
                                           {u"ends_at"_s, u"2027-05-20T21:30:00Z"_s}});
        QVERIFY2(site, site ? "" : qPrintable(site.error().message()));
        // WHEN another part of the app asks to show the site
        QVERIFY(m_window->showRecord(Kind::Site, site.value()));
        // THEN the Events page shows its Sites tab, with the site in the editor
        QCOMPARE(m_window->currentPageId(), u"events"_s);
        auto *tabs = m_window->findChild<QTabWidget *>(u"eventTabs"_s);
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), m_window->recordPage(Kind::Site));
        QVERIFY(tabs->currentWidget()->isVisible());
        QCOMPARE(field<QLineEdit>(Kind::Site, u"venue"_s)->text(), u"Founders Plaza"_s);
    }

    void shouldSaveAFieldWhenItIsLeft()
    {
        // GIVEN the person shown in the People page
        activate();
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        auto *title = field<QLineEdit>(Kind::Person, u"title"_s);
        QVERIFY(title);
        QCOMPARE(title->text(), u"Executive Director"_s);
        // WHEN the user changes her title and leaves the field with Tab
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"Co-Director"_s);
        QTest::keyClick(title, Qt::Key_Tab);
        // THEN it is in the database at once, with no Save button
        QCOMPARE(m_store->fetch(Kind::Person, m_personId)->value(u"title"_s).toString(), u"Co-Director"_s);
        // AND the list shows it
        const int row = m_window->recordPage(Kind::Person)->model()->rowOf(m_personId);
        QCOMPARE(m_window->recordPage(Kind::Person)->model()->index(row, 1).data().toString(), u"Co-Director"_s);
        saveScreenshot(m_window.get(), u"chorus-mainwindow-people.png"_s);
    }

    void shouldShowWhyAValueIsRefused()
    {
        activate();
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        auto *email = field<QLineEdit>(Kind::Person, u"email"_s);
        email->setFocus();
        QTest::keyClicks(email, u"lucia at river"_s);
        QTest::keyClick(email, Qt::Key_Return);
        auto *message = m_window->recordPage(Kind::Person)->editor()->findChild<QWidget *>(u"editorMessage"_s);
        QVERIFY(message);
        QTRY_VERIFY(message->isVisible());
        QVERIFY(m_store->fetch(Kind::Person, m_personId)->value(u"email"_s).isNull());
        // The typed value stays, so it can be corrected.
        QCOMPARE(email->text(), u"lucia at river"_s);
    }

    void shouldUndoAndRedoAnEditFromTheEditMenu()
    {
        activate();
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        auto *title = field<QLineEdit>(Kind::Person, u"title"_s);
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"Spokesperson"_s);
        QTest::keyClick(title, Qt::Key_Return);
        QVERIFY(action(u"edit_undo"_s)->isEnabled());
        QVERIFY(action(u"edit_undo"_s)->text().contains(u"title"_s));
        // WHEN Edit > Undo
        action(u"edit_undo"_s)->trigger();
        // THEN the old title is back, in the database and in the field
        QCOMPARE(m_store->fetch(Kind::Person, m_personId)->value(u"title"_s).toString(), u"Executive Director"_s);
        QCOMPARE(title->text(), u"Executive Director"_s);
        action(u"edit_redo"_s)->trigger();
        QCOMPARE(title->text(), u"Spokesperson"_s);
    }

    void shouldCreateAnOrganizationAndNameIt()
    {
        activate();
        QVERIFY(m_window->showPage(u"coalition"_s));
        RecordPage *page = m_window->recordPage(Kind::Organization);
        QVERIFY(page->isVisible());
        QTest::mouseClick(page->findChild<QPushButton *>(u"addButton"_s), Qt::LeftButton);
        QCOMPARE(m_store->count(Kind::Organization), 2);
        // The new name is selected: typing replaces it
        auto *name = field<QLineEdit>(Kind::Organization, u"name"_s);
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, u"Tech Workers United"_s);
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(m_store->fetchAll(Kind::Organization).constLast().value(u"name"_s).toString(), u"Tech Workers United"_s);
        QCOMPARE(page->model()->index(1, 0).data().toString(), u"Tech Workers United"_s);
    }

    void shouldAddASpokespersonAndHerQuoteFromTheKeyboard()
    {
        activate();
        // WHEN, on the People page, Insert is pressed in the list
        QVERIFY(m_window->showPage(u"people"_s));
        RecordPage *people = m_window->recordPage(Kind::Person);
        auto *peopleList = people->findChild<QTreeView *>(u"list"_s);
        peopleList->setFocus();
        QTest::keyClick(peopleList, Qt::Key_Insert);
        // THEN a person is added, her name field ready to be typed over
        QCOMPARE(m_store->count(Kind::Person), 2);
        auto *name = field<QLineEdit>(Kind::Person, u"name"_s);
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, u"Amara Okafor"_s);
        QTest::keyClick(name, Qt::Key_Tab);
        // AND the start of her organization's name, typed and left, links her to it
        auto *organization = field<QLineEdit>(Kind::Person, u"organization_id"_s);
        organization->setFocus();
        QTest::keyClicks(organization, u"rio verde"_s);
        QTest::keyClick(organization, Qt::Key_Tab);
        const QString amara = people->editor()->recordId();
        const Record person = *m_store->fetch(Kind::Person, amara);
        QCOMPARE(person.value(u"name"_s).toString(), u"Amara Okafor"_s);
        QCOMPARE(person.value(u"organization_id"_s), m_store->fetch(Kind::Person, m_personId)->value(u"organization_id"_s));

        // WHEN a quote is added on the Quotes page and she is typed in as its spokesperson
        QVERIFY(m_window->showPage(u"quotes"_s));
        RecordPage *quotes = m_window->recordPage(Kind::Quote);
        auto *quoteList = quotes->findChild<QTreeView *>(u"list"_s);
        quoteList->setFocus();
        QTest::keyClick(quoteList, Qt::Key_Insert);
        QCOMPARE(m_store->count(Kind::Quote), 2);
        auto *text = field<QPlainTextEdit>(Kind::Quote, u"text"_s);
        QTRY_VERIFY(text->hasFocus());
        QTest::keyClicks(text, u"We will not build the tools of our neighbors' deportation."_s);
        QTest::keyClick(text, Qt::Key_Tab);
        auto *spokesperson = field<QLineEdit>(Kind::Quote, u"spokesperson_id"_s);
        spokesperson->setFocus();
        spokesperson->selectAll();
        QTest::keyClicks(spokesperson, u"amara"_s);
        QTest::keyClick(spokesperson, Qt::Key_Tab);
        // THEN the quote is hers, with its words
        const QString quoteId = quotes->editor()->recordId();
        QCOMPARE(m_store->fetch(Kind::Quote, quoteId)->value(u"spokesperson_id"_s).toString(), amara);
        QCOMPARE(m_store->fetch(Kind::Quote, quoteId)->value(u"text"_s).toString(), u"We will not build the tools of our neighbors' deportation."_s);

        // WHEN it is submitted and approved with the keyboard
        auto *submit = quotes->findChild<QPushButton *>(u"submitButton"_s);
        submit->setFocus();
        QTest::keyClick(submit, Qt::Key_Space);
        auto *approver = quotes->findChild<QLineEdit *>(u"approverField"_s);
        approver->setFocus();
        QTest::keyClicks(approver, u"Rosa Diaz"_s);
        auto *approve = quotes->findChild<QPushButton *>(u"approveButton"_s);
        approve->setFocus();
        QTest::keyClick(approve, Qt::Key_Space);
        // THEN it is approved by her
        QCOMPARE(m_store->fetch(Kind::Quote, quoteId)->value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(m_store->fetch(Kind::Quote, quoteId)->value(u"approved_by"_s).toString(), u"Rosa Diaz"_s);

        // WHEN Delete is pressed on it in the list, then Ctrl+Z
        quoteList->setFocus();
        quoteList->setCurrentIndex(quotes->model()->index(quotes->model()->rowOf(quoteId), 0));
        QCOMPARE(quotes->editor()->recordId(), quoteId);
        QTest::keyClick(quoteList, Qt::Key_Delete);
        QVERIFY(!m_store->fetch(Kind::Quote, quoteId));
        QTest::keyClick(quoteList, Qt::Key_Z, Qt::ControlModifier);
        // THEN it is back, still approved
        QVERIFY(m_store->fetch(Kind::Quote, quoteId));
        QCOMPARE(m_store->fetch(Kind::Quote, quoteId)->value(u"state"_s).toString(), u"approved"_s);
        // AND Delete typed in a field deletes a character, not the record
        name->setFocus();
        QVERIFY(m_window->showRecord(Kind::Person, amara));
        name->setFocus();
        name->end(false);
        QTest::keyClick(name, Qt::Key_Backspace);
        name->home(false);
        QTest::keyClick(name, Qt::Key_Delete);
        QCOMPARE(name->text(), u"mara Okafo"_s);
        QVERIFY(m_store->fetch(Kind::Person, amara));
    }

    void shouldLinkAPersonToTheOrganizationChosenFromTheCandidates()
    {
        // GIVEN two organizations whose names start alike, and the person's form
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Río Verde Tenants"_s}}));
        activate();
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        auto *organization = field<QLineEdit>(Kind::Person, u"organization_id"_s);
        organization->setFocus();
        organization->selectAll();
        // WHEN the user types the start of the name and chooses the second candidate with the keyboard
        QTest::keyClicks(organization, u"rio verde"_s);
        QCompleter *completer = organization->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QTRY_COMPARE(completer->completionModel()->rowCount(), 2);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        const QString chosen = completer->popup()->currentIndex().data().toString();
        QCOMPARE(chosen, u"Río Verde Tenants"_s);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        // AND leaves the field
        QTRY_VERIFY(!completer->popup()->isVisible());
        QTest::keyClick(organization, Qt::Key_Tab);
        // THEN she is linked to the organization chosen, and the field shows it
        const QString tenants = m_store->fetchAll(Kind::Organization, u"name"_s, u"Río Verde Tenants"_s).constFirst().value(u"id"_s).toString();
        QCOMPARE(m_store->fetch(Kind::Person, m_personId)->value(u"organization_id"_s).toString(), tenants);
        QCOMPARE(organization->text(), u"Río Verde Tenants"_s);
    }

    void shouldLeaveTheKeysOfThePageToThePage()
    {
        // GIVEN an edit that can be undone
        activate();
        QVERIFY(m_window->showRecord(Kind::Quote, m_quoteId));
        auto *language = field<QLineEdit>(Kind::Quote, u"language"_s);
        language->setFocus();
        language->selectAll();
        QTest::keyClicks(language, u"es"_s);
        QTest::keyClick(language, Qt::Key_Tab);
        QCOMPARE(m_store->fetch(Kind::Quote, m_quoteId)->value(u"language"_s).toString(), u"es"_s);
        QTest::qWait(50);
        // THEN the toolbar's buttons say Undo and Redo (what they would undo is in the tooltip)
        // and take no Alt+letter: "Undo: Change language of Quote by Lucía Martínez" took Alt+U
        // from the quote's "Submit for Approval", and Alt+U undid the edit instead of submitting
        QStringList mnemonics;
        for (QToolButton *button : m_window->toolBar()->findChildren<QToolButton *>()) {
            if (button->text().contains(u'&')) {
                mnemonics << button->text();
            }
        }
        QVERIFY2(mnemonics.isEmpty(), qPrintable(mnemonics.join(u", "_s)));
        QCOMPARE(action(u"edit_undo"_s)->iconText(), u"Undo"_s);
        QVERIFY2(action(u"edit_undo"_s)->toolTip().contains(u"Change language"_s), qPrintable(action(u"edit_undo"_s)->toolTip()));
    }

    void shouldKeepEditingARecordThatLeavesTheFilteredList()
    {
        activate();
        // GIVEN the people list filtered to two Lucías, the first one in the editor
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Lucía Pérez"_s}}));
        QVERIFY(m_window->showPage(u"people"_s));
        RecordPage *people = m_window->recordPage(Kind::Person);
        auto *filter = people->findChild<QLineEdit *>(u"filter"_s);
        filter->setFocus();
        QTest::keyClicks(filter, u"lucia"_s);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(people->model()->rowCount(), 2);
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        // WHEN her name is changed so that the filter no longer matches it
        auto *name = field<QLineEdit>(Kind::Person, u"name"_s);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, u"Ana Martinez"_s);
        QTest::keyClick(name, Qt::Key_Tab);
        // THEN she leaves the list, but the editor stays on her, not on the other Lucía
        QCOMPARE(people->model()->rowCount(), 1);
        QCOMPARE(people->editor()->recordId(), m_personId);
        QCOMPARE(name->text(), u"Ana Martinez"_s);
        QCOMPARE(m_store->fetch(Kind::Person, m_personId)->value(u"name"_s).toString(), u"Ana Martinez"_s);
    }

    void shouldKeepEveryFieldLeftWhenKilledMidEdit()
    {
        if (!qEnvironmentVariableIsEmpty("CHORUS_TEST_KILLED_DATABASE")) {
            // The copy of this test that its parent kills: it changes a title and leaves the
            // field, starts typing an e-mail address, and waits.
            activate();
            QVERIFY(m_window->showRecord(Kind::Person, m_personId));
            auto *title = field<QLineEdit>(Kind::Person, u"title"_s);
            title->setFocus();
            title->selectAll();
            QTest::keyClicks(title, u"Co-Director"_s);
            QTest::keyClick(title, Qt::Key_Tab);
            auto *email = field<QLineEdit>(Kind::Person, u"email"_s);
            email->setFocus();
            QTest::keyClicks(email, u"lucia@rioverde"_s);
            std::puts("CHORUS-EDITED");
            std::fflush(stdout);
            for (;;) {
                QTest::qWait(1000);
            }
        }
        // GIVEN the real window, in another process, editing a database
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"killed.chorus"_s);
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"CHORUS_TEST_KILLED_DATABASE"_s, path);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"shouldKeepEveryFieldLeftWhenKilledMidEdit"_s});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).contains("CHORUS-EDITED") || child.state() == QProcess::NotRunning, 60000);
        QVERIFY2(output.contains("CHORUS-EDITED"), output.constData());
        // WHEN it is killed mid-edit
        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // THEN the database opens, whole, with the title that was left
        auto reopened = Store::Store::open(path);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message()));
        const QList<Record> people = reopened.value()->fetchAll(Kind::Person);
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.constFirst().value(u"title"_s).toString(), u"Co-Director"_s);
        QCOMPARE(reopened.value()->count(Kind::Quote), 1);
        // (the e-mail address was still being typed: a field is saved when it is left)
        QVERIFY(people.constFirst().value(u"email"_s).isNull());
    }

    void shouldDeleteAQuoteAndBringItBack()
    {
        activate();
        QVERIFY(m_window->showRecord(Kind::Quote, m_quoteId));
        RecordPage *page = m_window->recordPage(Kind::Quote);
        QCOMPARE(page->model()->rowCount(), 1);
        QTest::mouseClick(page->findChild<QPushButton *>(u"deleteButton"_s), Qt::LeftButton);
        QCOMPARE(m_store->count(Kind::Quote), 0);
        QCOMPARE(page->model()->rowCount(), 0);
        action(u"edit_undo"_s)->trigger();
        QCOMPARE(m_store->count(Kind::Quote), 1);
        QCOMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->editor()->recordId(), m_quoteId);
    }

    void shouldApproveAQuoteAndLockItsWordsUntilReopened()
    {
        activate();
        QVERIFY(m_window->showRecord(Kind::Quote, m_quoteId));
        RecordPage *page = m_window->recordPage(Kind::Quote);
        auto *text = field<QPlainTextEdit>(Kind::Quote, u"text"_s);
        QVERIFY(!text->isReadOnly());
        // WHEN it is submitted, then approved by the director
        QTest::mouseClick(page->findChild<QPushButton *>(u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(m_store->fetch(Kind::Quote, m_quoteId)->value(u"state"_s).toString(), u"submitted"_s);
        page->findChild<QLineEdit *>(u"approverField"_s)->setText(u"Rosa Díaz"_s);
        QTest::mouseClick(page->findChild<QPushButton *>(u"approveButton"_s), Qt::LeftButton);
        // THEN it is approved, says by whom, and its words are locked
        const Record approved = *m_store->fetch(Kind::Quote, m_quoteId);
        QCOMPARE(approved.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(approved.value(u"approved_by"_s).toString(), u"Rosa Díaz"_s);
        QVERIFY(!approved.value(u"approved_at"_s).toString().isEmpty());
        QVERIFY(page->findChild<QLabel *>(u"stateLabel"_s)->text().contains(u"Rosa Díaz"_s));
        QVERIFY(text->isReadOnly());
        saveScreenshot(m_window.get(), u"chorus-mainwindow-quotes.png"_s);
        // WHEN it is reopened
        QTest::mouseClick(page->findChild<QPushButton *>(u"reopenButton"_s), Qt::LeftButton);
        // THEN it is a draft again, without approval, and its words can change
        const Record reopened = *m_store->fetch(Kind::Quote, m_quoteId);
        QCOMPARE(reopened.value(u"state"_s).toString(), u"draft"_s);
        QVERIFY(reopened.value(u"approved_by"_s).isNull());
        QVERIFY(!text->isReadOnly());
    }

    void shouldLintTheQuoteAsItIsTyped()
    {
        activate();
        QVERIFY(m_window->showRecord(Kind::Quote, m_quoteId));
        RecordPage *page = m_window->recordPage(Kind::Quote);
        auto *lint = page->findChild<QListWidget *>(u"lintList"_s);
        QCOMPARE(lint->count(), 1);
        QCOMPARE(lint->item(0)->text(), u"No problems found."_s);
        auto *text = field<QPlainTextEdit>(Kind::Quote, u"text"_s);
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClicks(text, u" They they said"_s);
        // (QTest types ASCII only.)
        text->insertPlainText(u" “no."_s);
        QStringList findings;
        for (int row = 0; row < lint->count(); ++row) {
            findings << lint->item(row)->text();
        }
        QCOMPARE(findings.size(), 2);
        QVERIFY(findings.contains(u"The word “They” is repeated."_s));
    }

    void shouldJumpFromASearchResultToTheRecord()
    {
        activate();
        QTest::keyClicks(searchField(), u"martinez"_s);
        QTest::keyClick(searchField(), Qt::Key_Return);
        QVERIFY(results()->hasFocus());
        // WHEN Enter is pressed on the result
        QTest::keyClick(results(), Qt::Key_Return);
        // THEN the People page shows her
        QCOMPARE(m_window->currentPageId(), u"people"_s);
        QVERIFY(m_window->recordPage(Kind::Person)->isVisible());
        QCOMPARE(m_window->recordPage(Kind::Person)->editor()->recordId(), m_personId);
        QCOMPARE(field<QLineEdit>(Kind::Person, u"name"_s)->text(), u"Lucía Martínez"_s);
    }

    void shouldFilterTheListAsTheUserTypes()
    {
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}}));
        QVERIFY(m_window->showPage(u"coalition"_s));
        RecordPage *page = m_window->recordPage(Kind::Organization);
        QCOMPARE(page->model()->rowCount(), 2);
        QTest::keyClicks(page->findChild<QLineEdit *>(u"filter"_s), u"tech"_s);
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->model()->index(0, 0).data().toString(), u"Tech Workers United"_s);
    }

    void shouldLinkEachCampaignFigureToItsList()
    {
        // GIVEN a campaign the alliance signed on to, and another organization only invited
        const auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        QVERIFY(campaign);
        const QString alliance = m_store->fetchAll(Kind::Organization).constFirst().value(u"id"_s).toString();
        QVERIFY(m_store->update(Kind::Organization, alliance, {{u"people_represented"_s, 12000}, {u"people_represented_as_of"_s, u"2026-03-01"_s}}));
        QVERIFY(m_store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, alliance}, {u"status"_s, u"signed_on"_s}}));
        const auto other = m_store->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}});
        QVERIFY(m_store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, other.value()}}));
        // THEN the overview shows the campaign's figures, each a number over what it counts,
        // said as one phrase to screen readers
        QWidget *card = nullptr;
        QTRY_VERIFY((card = m_window->findChild<QWidget *>(u"campaign_"_s + campaign.value())));
        QStringList spoken;
        QLabel *signedOnTile = nullptr;
        for (QLabel *tile : card->findChildren<QLabel *>(u"tile"_s)) {
            spoken << tile->accessibleName();
            if (tile->accessibleName() == u"1 signed on"_s) {
                signedOnTile = tile;
            }
        }
        QVERIFY2(spoken.contains(u"1 signed on"_s), qPrintable(spoken.join(u" | "_s)));
        QVERIFY(spoken.contains(u"1 invited"_s));
        QVERIFY(spoken.contains(u"Together they represent 12,000 people"_s));
        QVERIFY(signedOnTile);
        QVERIFY2(signedOnTile->text().contains(u">1</span>"_s), qPrintable(signedOnTile->text()));
        // WHEN the "signed on" figure is clicked
        const QRegularExpression signedOn(u"href=\"([^\"]*status=signed_on[^\"]*)\""_s);
        const auto match = signedOn.match(signedOnTile->text());
        QVERIFY(match.hasMatch());
        Q_EMIT signedOnTile->linkActivated(match.captured(1).replace(u"&amp;"_s, u"&"_s));
        // THEN the memberships list shows just that organization
        QCOMPARE(m_window->currentPageId(), u"coalition"_s);
        RecordPage *memberships = m_window->recordPage(Kind::Membership);
        QVERIFY(memberships->isVisible());
        QCOMPARE(memberships->model()->rowCount(), 1);
        QCOMPARE(memberships->model()->index(0, 0).data().toString(), u"Río Verde Alliance"_s);
    }

    void shouldCountTheQuotesOfACampaignInGoodEnglish()
    {
        // GIVEN a campaign with two draft quotes and one submitted
        const auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        QVERIFY(campaign);
        QVERIFY(m_store->update(Kind::Quote, m_quoteId, {{u"campaign_id"_s, campaign.value()}}));
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Not for sale."_s}, {u"spokesperson_id"_s, m_personId}, {u"campaign_id"_s, campaign.value()}}));
        const auto third = m_store->create(Kind::Quote, {{u"text"_s, u"Never."_s}, {u"spokesperson_id"_s, m_personId}, {u"campaign_id"_s, campaign.value()}});
        QVERIFY(m_store->update(Kind::Quote, third.value(), {{u"state"_s, u"submitted"_s}}));
        // THEN the overview counts them with their plurals ("2 draft" before)
        QWidget *card = nullptr;
        QTRY_VERIFY((card = m_window->findChild<QWidget *>(u"campaign_"_s + campaign.value())));
        QStringList tiles;
        for (QLabel *tile : card->findChildren<QLabel *>(u"tile"_s)) {
            tiles << tile->text();
        }
        const QString all = tiles.join(u'\n');
        QVERIFY2(all.contains(u">2 drafts</a>"_s), qPrintable(all));
        QVERIFY2(all.contains(u">1 submitted</a>"_s), qPrintable(all));
    }

    void shouldAskOnceBeforeDeletingAPersonWithHerQuotes()
    {
        // GIVEN the person who said the quote, in the list
        activate();
        QVERIFY(m_window->showRecord(Kind::Person, m_personId));
        auto *list = m_window->recordPage(Kind::Person)->findChild<QTreeView *>(u"list"_s);
        list->setFocus();
        // WHEN Delete is pressed, THEN the question offers to delete her quotes too, or Cancel, once
        QStringList buttons;
        QTimer answer;
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&buttons, &answer] {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog || !dialog->isVisible()) {
                return;
            }
            answer.stop();
            for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
                buttons << button->text().remove(u'&');
            }
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        answer.start();
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY2(buttons.count(u"Cancel"_s) == 1, qPrintable(buttons.join(u", "_s)));
        QVERIFY2(buttons.contains(u"Delete Them Too"_s), qPrintable(buttons.join(u", "_s)));
        // AND Cancel (Escape) keeps her
        QVERIFY(m_store->fetch(Kind::Person, m_personId));
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

    void shouldTakeTheKeyboardToThePageItGoesTo()
    {
        // GIVEN the window with a campaign on its overview, the keyboard in the search field
        const auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        QVERIFY(campaign);
        const QString alliance = m_store->fetchAll(Kind::Organization).constFirst().value(u"id"_s).toString();
        QVERIFY(m_store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, alliance}, {u"status"_s, u"signed_on"_s}}));
        QTRY_VERIFY(m_window->findChild<QWidget *>(u"campaign_"_s + campaign.value()));
        activate();
        searchField()->setFocus();
        const int organizations = m_store->count(Kind::Organization);
        // WHEN the user goes to the coalition with Alt+2 and presses Insert
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
        QCOMPARE(m_window->currentPageId(), u"coalition"_s);
        // THEN the keyboard is in the organizations list (it stayed in the search field, where
        // Insert did nothing)
        RecordPage *page = m_window->recordPage(Kind::Organization);
        QCOMPARE(QApplication::focusWidget(), page->findChild<QTreeView *>(u"list"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Insert);
        QCOMPARE(m_store->count(Kind::Organization), organizations + 1);
        // AND Tab goes from the list's buttons straight to the first field
        m_window->recordPage(Kind::Organization)->findChild<QPushButton *>(u"deleteButton"_s)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>(Kind::Organization, u"name"_s));
        // AND Alt+1 takes it to the first figure of the overview, and Tab from the sidebar too
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"tile"_s);
        QWidget *firstFigure = QApplication::focusWidget();
        m_window->findChild<QWidget *>(u"sidebar"_s)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), firstFigure);
        // AND Return there opens the list behind the figure, from Alt+1 too (it did nothing: no link had the focus)
        QTRY_VERIFY(qobject_cast<QLabel *>(firstFigure)->hasSelectedText());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(m_window->currentPageId(), u"coalition"_s);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), firstFigure);
        QTRY_VERIFY(qobject_cast<QLabel *>(firstFigure)->hasSelectedText());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(m_window->currentPageId(), u"coalition"_s);
    }

    void shouldShowWholeFiguresInTheLists()
    {
        // GIVEN an organization that represents over a million people
        const QString alliance = m_store->fetchAll(Kind::Organization).constFirst().value(u"id"_s).toString();
        QVERIFY(m_store->update(Kind::Organization, alliance, {{u"people_represented"_s, 1200000}}));
        // AND a large font
        RecordPage *page = m_window->recordPage(Kind::Organization);
        auto *list = page->findChild<QTreeView *>(u"list"_s);
        QFont large = list->font();
        large.setPointSizeF(large.pointSizeF() * 1.6);
        list->setFont(large);
        // WHEN the coalition page opens for the first time
        QVERIFY(m_window->showPage(u"coalition"_s));
        QTRY_COMPARE(page->model()->rowCount(), 1);
        const QModelIndex figure = page->model()->index(0, 2);
        QCOMPARE(figure.data().toString(), u"1,200,000"_s);
        // THEN the figure is shown whole ("1,200,0…" before)
        QTest::qWait(50);
        // (an item view leaves a margin of the focus frame's width and one pixel on each side of a text)
        const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
        const int needed = list->fontMetrics().horizontalAdvance(figure.data().toString()) + 2 * margin;
        QVERIFY2(list->columnWidth(2) >= needed, qPrintable(u"%1 <= %2"_s.arg(list->columnWidth(2)).arg(needed)));
        QVERIFY(list->visualRect(figure).right() <= list->viewport()->width());
    }

    void shouldUndoAWholeImportFromTheEditMenu()
    {
        // GIVEN an edit made before the import
        QVERIFY(m_window->history()->update(Kind::Person, m_personId, {{u"title"_s, u"Spokesperson"_s}}));
        // AND a file with Lucía again, now with an e-mail address, and two people of a new organization
        const QString file = m_dir->filePath(u"people.csv"_s);
        {
            QFile csv(file);
            QVERIFY(csv.open(QIODevice::WriteOnly));
            csv.write(
                "Name,Organization,Email\n"
                "Lucía Martínez,Río Verde Alliance,lucia@rioverde.example\n"
                "Bo Chen,Harbor Tenants,bo@harbor.example\n"
                "Cy Diaz,Harbor Tenants,\n");
        }
        // WHEN it is imported with the wizard
        ImportWizard *wizard = m_window->openImportWizard(file);
        QVERIFY(wizard);
        QSignalSpy imported(wizard, &ImportWizard::imported);
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_COMPARE(imported.count(), 1);
        Store::Store *store = m_window->store();
        QCOMPARE(store->count(Kind::Person), 3);
        QVERIFY(m_window->showPage(u"people"_s));
        RecordPage *people = m_window->recordPage(Kind::Person);
        QTRY_COMPARE(people->model()->rowCount(), 3);
        // THEN Edit ▸ Undo names the import and what it did
        QVERIFY(action(u"edit_undo"_s)->isEnabled());
        QCOMPARE(action(u"edit_undo"_s)->text(), u"&Undo: Import of people.csv (2 people added, 1 organization added, 1 row merged)"_s);
        // WHEN the user undoes it
        action(u"edit_undo"_s)->trigger();
        // THEN all of it is gone, from the database and from the list
        QCOMPARE(store->count(Kind::Person), 1);
        QCOMPARE(store->count(Kind::Organization), 1);
        QVERIFY(store->fetch(Kind::Person, m_personId)->value(u"email"_s).isNull());
        QTRY_COMPARE(people->model()->rowCount(), 1);
        {
            // (written for good: another connection reads it)
            auto reader = Store::Store::open(m_path, false);
            QVERIFY(reader);
            QCOMPARE(reader.value()->count(Kind::Person), 1);
            QCOMPARE(reader.value()->count(Kind::Organization), 1);
        }
        // AND the edit made before the import is the next step to undo
        QVERIFY2(action(u"edit_undo"_s)->text().contains(u"Change title"_s), qPrintable(action(u"edit_undo"_s)->text()));
        // WHEN redone THEN the import is back
        QVERIFY(action(u"edit_redo"_s)->text().contains(u"Import of people.csv"_s));
        action(u"edit_redo"_s)->trigger();
        QCOMPARE(store->count(Kind::Person), 3);
        QCOMPARE(store->fetch(Kind::Person, m_personId)->value(u"email"_s).toString(), u"lucia@rioverde.example"_s);
        QTRY_COMPARE(people->model()->rowCount(), 3);
    }

    void shouldAddNoUndoStepForAFailedImport()
    {
        const QString file = m_dir->filePath(u"bad.csv"_s);
        {
            QFile csv(file);
            QVERIFY(csv.open(QIODevice::WriteOnly));
            csv.write("Name,Email\nBo Chen,bo@harbor.example\nCy Diaz,not an address\n");
        }
        ImportWizard *wizard = m_window->openImportWizard(file);
        QVERIFY(wizard);
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!wizard->isImporting());
        QTRY_VERIFY(wizard->findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"Nothing was imported"_s));
        QVERIFY(!action(u"edit_undo"_s)->isEnabled());
        QCOMPARE(m_window->store()->count(Kind::Person), 1);
    }
};

CHORUS_TEST_MAIN_IMPL(MainWindowTest, QApplication)

#include "mainwindowtest.moc"
