// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "databaseopener.h"
#include "store/store.h"

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
#include <QLabel>
#include <QLineEdit>
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

    void shouldWelcomeWithThePathAndLoadTheDemoWhenAsked()
    {
        auto opened = Store::Store::open(m_dir->filePath(u"new.chorus"_s));
        QVERIFY(opened);
        Store::Store &store = *opened.value();
        QString shown;
        whenDialogAppears([&shown](QDialog *dialog) {
            shown = dialogText(dialog);
            clickButton(dialog, u"Load Demo Coalition"_s);
        });
        Desktop::DatabaseOpener().offerDemoCoalition(store, m_dir->filePath(u"new.chorus"_s));
        QVERIFY2(shown.contains(QDir::toNativeSeparators(m_dir->filePath(u"new.chorus"_s))), qPrintable(shown));
        // Only the welcome was shown: no error about the demo.
        QCOMPARE(m_dialogTitles, QStringList{u"Welcome to Chorus"_s});
        QVERIFY(store.count(Kind::Organization) > 0);
        QVERIFY(store.count(Kind::Quote) > 0);
    }

    void shouldStartEmptyWhenAsked()
    {
        auto opened = Store::Store::open(m_dir->filePath(u"new.chorus"_s));
        QVERIFY(opened);
        Store::Store &store = *opened.value();
        whenDialogAppears([](QDialog *dialog) {
            clickButton(dialog, u"Start Empty"_s);
        });
        Desktop::DatabaseOpener().offerDemoCoalition(store, m_dir->filePath(u"new.chorus"_s));
        QCOMPARE(m_dialogTitles, QStringList{u"Welcome to Chorus"_s});
        for (Kind kind : allKinds()) {
            QCOMPARE(store.count(kind), 0);
        }
    }

    void shouldExplainWhenTheDemoCannotBeLoaded()
    {
        // GIVEN a database that already holds the demo coalition (a second load is refused)
        auto opened = Store::Store::open(m_dir->filePath(u"demo.chorus"_s));
        QVERIFY(opened);
        Store::Store &store = *opened.value();
        whenDialogAppears([](QDialog *dialog) {
            clickButton(dialog, u"Load Demo Coalition"_s);
        });
        Desktop::DatabaseOpener().offerDemoCoalition(store, m_dir->filePath(u"demo.chorus"_s));
        const qint64 organizations = store.count(Kind::Organization);
        QVERIFY(organizations > 0);
        // WHEN the user asks for the demo again
        QString error;
        whenDialogAppears([this, &error](QDialog *dialog) {
            whenDialogAppears([&error](QDialog *errorDialog) {
                error = dialogText(errorDialog);
                clickButton(errorDialog, u"OK"_s);
            });
            clickButton(dialog, u"Load Demo Coalition"_s);
        });
        Desktop::DatabaseOpener().offerDemoCoalition(store, m_dir->filePath(u"demo.chorus"_s));
        // THEN the store's reason is shown, and nothing changed
        QCOMPARE(m_dialogTitles.constLast(), u"Demo Coalition Not Loaded"_s);
        QVERIFY(!error.isEmpty());
        QCOMPARE(store.count(Kind::Organization), organizations);
    }
};

CHORUS_TEST_MAIN_IMPL(DatabaseOpenerTest, QApplication)

#include "databaseopenertest.moc"
