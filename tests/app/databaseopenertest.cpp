// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "databaseopener.h"
#include "store/store.h"
#include "welcomepage.h"

#include <KConfigGroup>
#include <KLocalizedString>
#include <KSharedConfig>

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

namespace
{

/// Everything the dialog says, its labels joined by newlines.
QString dialogText(QDialog *dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->text().isEmpty()) {
            texts << label->text();
        }
    }
    return texts.join(u'\n');
}

/// Clicks the button of dialog labelled text (accelerator marks ignored); rejects the dialog when there is none.
void clickButton(QDialog *dialog, const QString &text)
{
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (KLocalizedString::removeAcceleratorMarker(button->text()) == text) {
            button->click();
            return;
        }
    }
    qWarning() << "no button" << text << "in" << dialog->windowTitle();
    dialog->reject();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class DatabaseOpenerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QTimer *> m_watchers;
    QStringList m_dialogTitles;

    /// Runs act on the next modal dialog, as soon as it appears.
    void whenDialogAppears(std::function<void(QDialog *)> act)
    {
        auto *watcher = new QTimer(this);
        watcher->setInterval(10);
        connect(watcher, &QTimer::timeout, this, [this, watcher, act] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            watcher->stop();
            m_watchers.removeOne(watcher);
            watcher->deleteLater();
            m_dialogTitles << dialog->windowTitle();
            act(dialog);
        });
        m_watchers << watcher;
        watcher->start();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_dialogTitles.clear();
        KSharedConfig::openConfig()->group(u"General"_s).deleteEntry(u"LastDatabase"_s);
        // The default database lives in the test-mode data folder: start without one.
        QFile::remove(Desktop::DatabaseOpener::defaultPath());
    }

    void cleanup()
    {
        qDeleteAll(m_watchers);
        m_watchers.clear();
        m_dir.reset();
    }

    void shouldKeepTheDefaultDatabaseInTheApplicationDataFolder()
    {
        QCOMPARE(Desktop::DatabaseOpener::defaultPath(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/coalition.chorus"_s);
        QCOMPARE(Desktop::DatabaseOpener::startupPath(QString()), Desktop::DatabaseOpener::defaultPath());
    }

    void shouldOpenTheDatabaseGivenOnTheCommandLine()
    {
        const QString given = m_dir->filePath(u"given.chorus"_s);
        Desktop::DatabaseOpener::rememberLastDatabase(Desktop::DatabaseOpener::defaultPath());
        QCOMPARE(Desktop::DatabaseOpener::startupPath(given), given);
        // A relative path is taken from the current folder.
        QCOMPARE(Desktop::DatabaseOpener::startupPath(u"relative.chorus"_s), QDir::current().absoluteFilePath(u"relative.chorus"_s));
    }

    void shouldReopenTheLastDatabase()
    {
        const QString last = m_dir->filePath(u"last.chorus"_s);
        QVERIFY(Store::Store::open(last));
        Desktop::DatabaseOpener::rememberLastDatabase(last);
        QCOMPARE(Desktop::DatabaseOpener::startupPath(QString()), last);
    }

    void shouldFallBackToTheDefaultWhenTheLastDatabaseIsGone()
    {
        Desktop::DatabaseOpener::rememberLastDatabase(m_dir->filePath(u"moved-away.chorus"_s));
        QCOMPARE(Desktop::DatabaseOpener::startupPath(QString()), Desktop::DatabaseOpener::defaultPath());
    }

    void shouldCreateTheDefaultDatabaseOnFirstStart()
    {
        // GIVEN no database and no data folder yet
        const QString path = Desktop::DatabaseOpener::defaultPath();
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
        // WHEN Chorus starts
        Desktop::DatabaseOpener opener;
        std::unique_ptr<Store::Store> store = opener.openAtStartup(Desktop::DatabaseOpener::startupPath(QString()));
        // THEN the database exists, empty, and the opener knows it is new
        QVERIFY(store);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(opener.createdNewDatabase());
        QCOMPARE(opener.openedPath(), path);
        QCOMPARE(store->count(Kind::Organization), 0);
        QVERIFY(m_dialogTitles.isEmpty());

        // AND the next start opens it again, not as a new one
        store.reset();
        Desktop::DatabaseOpener again;
        QVERIFY(again.openAtStartup(path));
        QVERIFY(!again.createdNewDatabase());
    }

    void shouldLeaveAFileThatIsNotAChorusDatabaseUntouched()
    {
        // GIVEN a file that is not a database
        const QString path = m_dir->filePath(u"minutes.chorus"_s);
        const QByteArray content = "Minutes of the coalition call, 3 March.\n"_ba.repeated(100);
        writeFile(path, content);
        // WHEN Chorus is started on it and the user quits at the error
        QString shown;
        whenDialogAppears([&shown](QDialog *dialog) {
            shown = dialogText(dialog);
            clickButton(dialog, u"Quit"_s);
        });
        Desktop::DatabaseOpener opener;
        const std::unique_ptr<Store::Store> store = opener.openAtStartup(path);
        // THEN nothing is opened, the user was told which file and why, and the file is unchanged
        QVERIFY(!store);
        QCOMPARE(m_dialogTitles, QStringList{u"Cannot Open the Coalition Database"_s});
        QVERIFY2(shown.contains(u"minutes.chorus is not a Chorus database"_s), qPrintable(shown));
        QCOMPARE(readFile(path), content);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"minutes.chorus"_s});
    }

    void shouldOpenAnotherFileAfterAFailure()
    {
        // GIVEN a file of another program and a good database
        const QString bad = m_dir->filePath(u"notes.chorus"_s);
        writeFile(bad, "not a database"_ba);
        const QString good = m_dir->filePath(u"coalition.chorus"_s);
        {
            auto store = Store::Store::open(good);
            QVERIFY(store);
            QVERIFY(store.value()->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}}));
        }
        // WHEN the user chooses to open another database, and picks the good one
        whenDialogAppears([this, good](QDialog *error) {
            whenDialogAppears([good](QDialog *dialog) {
                auto *files = qobject_cast<QFileDialog *>(dialog);
                if (!files) {
                    qWarning() << "expected the file dialog, got" << dialog << dialog->windowTitle();
                    dialog->reject();
                    return;
                }
                // Typed, as a user would: the folder's listing loads in the background.
                auto *name = files->findChild<QLineEdit *>(u"fileNameEdit"_s);
                if (!name) {
                    qWarning() << "no file name field";
                    files->reject();
                    return;
                }
                name->setText(good);
                static_cast<QDialog *>(files)->accept();
            });
            clickButton(error, u"Open Another Database…"_s);
        });
        Desktop::DatabaseOpener opener;
        const std::unique_ptr<Store::Store> store = opener.openAtStartup(bad);
        // THEN the good one is open, and was not created anew
        QVERIFY(store);
        QCOMPARE(m_dialogTitles, (QStringList{u"Cannot Open the Coalition Database"_s, u"Open Coalition Database"_s}));
        QCOMPARE(opener.openedPath(), good);
        QVERIFY(!opener.createdNewDatabase());
        QCOMPARE(store->count(Kind::Organization), 1);
        QCOMPARE(readFile(bad), "not a database"_ba);
    }

    void shouldWelcomeOnlyAFirstRun()
    {
        // GIVEN no database at all: a first run
        QVERIFY(Desktop::DatabaseOpener::isFirstRun(QString()));
        // THEN a database given on the command line is no first run
        QVERIFY(!Desktop::DatabaseOpener::isFirstRun(m_dir->filePath(u"given.chorus"_s)));
        // AND neither is a start with a last database that still exists
        const QString last = m_dir->filePath(u"last.chorus"_s);
        QVERIFY(Store::Store::open(last));
        Desktop::DatabaseOpener::rememberLastDatabase(last);
        QVERIFY(!Desktop::DatabaseOpener::isFirstRun(QString()));
        // AND neither is a start with the default database there
        Desktop::DatabaseOpener::rememberLastDatabase(m_dir->filePath(u"moved-away.chorus"_s));
        QVERIFY(Desktop::DatabaseOpener::isFirstRun(QString()));
        QDir().mkpath(QFileInfo(Desktop::DatabaseOpener::defaultPath()).absolutePath());
        QVERIFY(Store::Store::open(Desktop::DatabaseOpener::defaultPath()));
        QVERIFY(!Desktop::DatabaseOpener::isFirstRun(QString()));
    }

    void shouldOfferThreeExplainedChoicesReachableByKeyboard()
    {
        // GIVEN the welcome page
        Desktop::WelcomePage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.windowTitle(), u"Welcome to Chorus"_s);
        const QStringList choices{u"createEmptyButton"_s, u"openExistingButton"_s, u"exploreDemoButton"_s};
        // THEN each choice is a named button with a one-line explanation under it
        for (const QString &name : choices) {
            auto *button = page.findChild<QPushButton *>(name);
            QVERIFY2(button, qPrintable(name));
            QVERIFY(!button->accessibleName().isEmpty());
            QVERIFY(!button->accessibleDescription().isEmpty());
            auto *explanation = page.findChild<QLabel *>(name + u"Explanation"_s);
            QVERIFY2(explanation, qPrintable(name));
            QVERIFY(!explanation->text().isEmpty());
            QVERIFY(!button->accessibleDescription().contains(u'<'));
        }
        // AND the empty database is the default choice, and tells where it goes
        auto *create = page.findChild<QPushButton *>(u"createEmptyButton"_s);
        QVERIFY(create->isDefault());
        QVERIFY(create->accessibleDescription().contains(QDir::toNativeSeparators(Desktop::DatabaseOpener::defaultPath())));
        // AND Tab goes through the choices in order, then to Quit
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QCOMPARE(QApplication::focusWidget(), create);
        for (const QString &next : {u"chooseLocationButton"_s, u"openExistingButton"_s, u"exploreDemoButton"_s, u"quitButton"_s}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), next);
        }
        // AND each shows when it has the focus (Choose Location…, a flat button, showed nothing)
        for (const QString &name : {u"chooseLocationButton"_s, u"openExistingButton"_s}) {
            auto *button = page.findChild<QPushButton *>(name);
            page.findChild<QPushButton *>(u"quitButton"_s)->setFocus();
            const QImage unfocused = button->grab().toImage();
            button->setFocus();
            QVERIFY(button->hasFocus());
            QVERIFY2(button->grab().toImage() != unfocused, qPrintable(name));
        }
    }

    void shouldCreateAnEmptyDefaultDatabaseWhenChosen()
    {
        // GIVEN a first run, without even the data folder
        const QString path = Desktop::DatabaseOpener::defaultPath();
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
        Desktop::WelcomePage page;
        // WHEN the user creates an empty database
        page.findChild<QPushButton *>(u"createEmptyButton"_s)->click();
        // THEN the page is done, with the new empty default database open
        QCOMPARE(page.result(), int(QDialog::Accepted));
        const std::unique_ptr<Store::Store> store = page.takeStore();
        QVERIFY(store);
        QCOMPARE(page.chosenPath(), path);
        QVERIFY(QFileInfo::exists(path));
        for (Kind kind : allKinds()) {
            QCOMPARE(store->count(kind), 0);
        }
        QVERIFY(!Desktop::DatabaseOpener::isFirstRun(QString()));
    }

    void shouldOpenAnExistingDatabaseWhenChosen()
    {
        // GIVEN a database of the coalition elsewhere
        const QString path = m_dir->filePath(u"coalition.chorus"_s);
        {
            auto store = Store::Store::open(path);
            QVERIFY(store);
            QVERIFY(store.value()->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}}));
        }
        Desktop::WelcomePage page;
        // WHEN the user opens it (the file dialog's answer)
        QVERIFY(page.openExisting(path));
        // THEN it is open, and no default database was created
        QCOMPARE(page.result(), int(QDialog::Accepted));
        const std::unique_ptr<Store::Store> store = page.takeStore();
        QVERIFY(store);
        QCOMPARE(page.chosenPath(), path);
        QCOMPARE(store->count(Kind::Organization), 1);
        QVERIFY(!QFileInfo::exists(Desktop::DatabaseOpener::defaultPath()));
    }

    void shouldStayOnTheWelcomeWhenTheChosenFileCannotBeOpened()
    {
        // GIVEN a file of another program
        const QString path = m_dir->filePath(u"notes.chorus"_s);
        writeFile(path, "not a database"_ba);
        Desktop::WelcomePage page;
        // WHEN the user picks it
        whenDialogAppears([](QDialog *dialog) {
            clickButton(dialog, u"OK"_s);
        });
        QVERIFY(!page.openExisting(path));
        // THEN they are told, the page stays, and the file is untouched
        QCOMPARE(m_dialogTitles, QStringList{u"Cannot Open the Coalition Database"_s});
        QCOMPARE(page.result(), 0);
        QVERIFY(!page.takeStore());
        QCOMPARE(readFile(path), "not a database"_ba);
        // AND a file that is not there is not created
        whenDialogAppears([](QDialog *dialog) {
            clickButton(dialog, u"OK"_s);
        });
        QVERIFY(!page.openExisting(m_dir->filePath(u"missing.chorus"_s)));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(u"missing.chorus"_s)));
    }

    void shouldOpenTheDemoCoalitionWhenChosen()
    {
        // GIVEN a first run
        QFile::remove(Desktop::WelcomePage::demoPath());
        Desktop::WelcomePage page;
        // WHEN the user explores the demo
        page.findChild<QPushButton *>(u"exploreDemoButton"_s)->click();
        // THEN a database of its own holds the demo coalition, and no error was shown
        QVERIFY(m_dialogTitles.isEmpty());
        QCOMPARE(page.result(), int(QDialog::Accepted));
        std::unique_ptr<Store::Store> store = page.takeStore();
        QVERIFY(store);
        QCOMPARE(page.chosenPath(), Desktop::WelcomePage::demoPath());
        const qint64 organizations = store->count(Kind::Organization);
        QVERIFY(organizations > 0);
        QVERIFY(store->count(Kind::Quote) > 0);
        QVERIFY(!QFileInfo::exists(Desktop::DatabaseOpener::defaultPath()));

        // AND exploring it again opens the same demo, not a second copy
        store.reset();
        Desktop::WelcomePage again;
        QVERIFY(again.exploreDemo(Desktop::WelcomePage::demoPath()));
        QCOMPARE(again.takeStore()->count(Kind::Organization), organizations);
        QFile::remove(Desktop::WelcomePage::demoPath());
    }

    void shouldExplainWhenTheDemoCannotBeOpened()
    {
        // GIVEN a file of another program where the demo would go
        const QString path = m_dir->filePath(u"demo.chorus"_s);
        writeFile(path, "not a database"_ba);
        Desktop::WelcomePage page;
        // WHEN the user explores the demo
        QString error;
        whenDialogAppears([&error](QDialog *dialog) {
            error = dialogText(dialog);
            clickButton(dialog, u"OK"_s);
        });
        QVERIFY(!page.exploreDemo(path));
        // THEN the reason is shown, the page stays, and the file is untouched
        QCOMPARE(m_dialogTitles, QStringList{u"Demo Coalition Not Loaded"_s});
        QVERIFY(!error.isEmpty());
        QCOMPARE(page.result(), 0);
        QCOMPARE(readFile(path), "not a database"_ba);
    }

    void shouldQuitOnEscapeWithoutCreatingAnything()
    {
        // GIVEN the welcome page on screen
        Desktop::WelcomePage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // WHEN the user presses Escape
        QTest::keyClick(&page, Qt::Key_Escape);
        // THEN the page is rejected (Chorus quits), and no database was created
        QCOMPARE(page.result(), int(QDialog::Rejected));
        QVERIFY(!page.takeStore());
        QVERIFY(!QFileInfo::exists(Desktop::DatabaseOpener::defaultPath()));
        QVERIFY(!QFileInfo::exists(Desktop::WelcomePage::demoPath()));
    }
};

CHORUS_TEST_MAIN_IMPL(DatabaseOpenerTest, QApplication)

#include "databaseopenertest.moc"
