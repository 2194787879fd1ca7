// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "importwizard.h"
#include "store/store.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

class ImportWizardTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;

    QString csv(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(content);
        }
        return path;
    }

    qint64 people()
    {
        auto store = Store::Store::open(m_database, false);
        return store ? store.value()->count(Kind::Person) : -1;
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_database = m_dir.filePath(u"wizard-%1.chorus"_s.arg(++counter));
        QVERIFY(Store::Store::open(m_database));
    }

    void shouldGuessTheMappingAndPreviewProblemsPerRow()
    {
        // GIVEN a CRM export with a bad e-mail on line 3
        ImportWizard wizard(m_database);
        // WHEN
        QVERIFY(wizard.setFile(csv(u"people.csv"_s, "First Name,Last Name,E-mail,Shoe size\nAna,Ruiz,ana@x.example,38\nBo,Chen,bo at home,44\n")));
        // THEN
        auto *mapping = wizard.findChild<QTableWidget *>(u"mappingTable"_s);
        QVERIFY(mapping);
        QCOMPARE(mapping->rowCount(), 4);
        QCOMPARE(wizard.findChild<QComboBox *>(u"field0"_s)->currentData().toString(), u"first_name"_s);
        QCOMPARE(wizard.findChild<QComboBox *>(u"field2"_s)->currentData().toString(), u"email"_s);
        QCOMPARE(wizard.findChild<QComboBox *>(u"field3"_s)->currentData().toString(), QString());
        auto *problems = wizard.findChild<QListWidget *>(u"problemList"_s);
        QCOMPARE(problems->count(), 1);
        QVERIFY(problems->item(0)->text().startsWith(u"Line 3, column 3 (E-mail)"_s));
        QCOMPARE(wizard.findChild<QTableWidget *>(u"previewTable"_s)->rowCount(), 2);
        QVERIFY(wizard.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
    }

    void shouldRefuseToImportWithoutANameColumn()
    {
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"odd.csv"_s, "Colour,Size\nred,L\n")));
        QVERIFY(!wizard.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
        // WHEN the user says which column holds the name
        auto *field = wizard.findChild<QComboBox *>(u"field0"_s);
        field->setCurrentIndex(field->findData(u"name"_s));
        // THEN
        QVERIFY(wizard.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
    }

    void shouldImportOffTheUiThreadAndReport()
    {
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"good.csv"_s, "name,email\nAna Ruiz,ana@x.example\nBo Chen,bo at home\nCy,cy@x.example\n")));
        wizard.findChild<QCheckBox *>(u"skipBadRows"_s)->setChecked(true);
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        // WHEN
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        // THEN
        QVERIFY(wizard.isImporting());
        QTRY_COMPARE(imported.count(), 1);
        QVERIFY(!wizard.isImporting());
        QCOMPARE(people(), 2);
        const QString status = wizard.findChild<QLabel *>(u"statusLabel"_s)->text();
        QVERIFY2(status.contains(u"2 people added"_s), qPrintable(status));
        auto *report = wizard.findChild<QListWidget *>(u"problemList"_s);
        QCOMPARE(report->count(), 2);
        QCOMPARE(report->item(0)->text(), u"1 bad row skipped:"_s);
        QVERIFY2(report->item(1)->text().contains(u"Line 3, column 2 (email)"_s), qPrintable(report->item(1)->text()));
    }

    void shouldNameWhatTheImportLeftOutOnItsLastPage()
    {
        // GIVEN a spreadsheet with a column Chorus has no field for, a bad row and a totals row
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"members.csv"_s,
                                   "Organization,Website,Members,Colour\n"
                                   "Tenants United,https://tenants.example,1200,red\n"
                                   "Bad Link,not a web address,30,blue\n"
                                   "River Friends,https://river.example,800,green\n"
                                   "Total,,2030,\n")));
        auto *kind = wizard.findChild<QComboBox *>(u"kindCombo"_s);
        kind->setCurrentIndex(kind->findData(int(Kind::Organization)));
        QCOMPARE(wizard.findChild<QComboBox *>(u"field3"_s)->currentData().toString(), QString());
        wizard.findChild<QCheckBox *>(u"skipBadRows"_s)->setChecked(true);
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        // WHEN
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_COMPARE(imported.count(), 1);
        // THEN a summary line says what was added, and the list names each thing left out
        const QString status = wizard.findChild<QLabel *>(u"statusLabel"_s)->text();
        QVERIFY2(status.startsWith(u"Import finished: 2 organizations added."_s), qPrintable(status));
        auto *report = wizard.findChild<QListWidget *>(u"problemList"_s);
        QStringList lines;
        for (int row = 0; row < report->count(); ++row) {
            lines << report->item(row)->text();
        }
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).startsWith(u"1 column not imported"_s) && lines.at(0).endsWith(u"“Colour”"_s), qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), u"Line 5: a row of totals, not a record: left out."_s);
        QCOMPARE(lines.at(2), u"1 bad row skipped:"_s);
        QVERIFY2(lines.at(3).contains(u"Line 3, column 2 (Website)"_s), qPrintable(lines.at(3)));
        // and the user can copy it all
        report->clearSelection();
        wizard.findChild<QAction *>(u"copyProblemsAction"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), lines.join(u'\n'));
    }

    void shouldAskAboutEachDuplicateWhenChosen()
    {
        // GIVEN Ana in the database, and a file with her twice and Bo
        {
            auto store = Store::Store::open(m_database, false);
            QVERIFY(store.value()->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}}));
        }
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"dups.csv"_s, "name,email\nAna R.,ANA@x.example\nBo Chen,bo@x.example\nAna Ruiz,ana@x.example\n")));
        auto *choice = wizard.findChild<QComboBox *>(u"duplicateCombo"_s);
        choice->setCurrentIndex(choice->count() - 1);
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        // WHEN the user answers "keep both" for the first, for all of them
        QStringList questions;
        QTimer answer;
        connect(&answer, &QTimer::timeout, &wizard, [&] {
            if (auto *box = wizard.findChild<QMessageBox *>(u"duplicateQuestion"_s); box && box->isVisible()) {
                questions << box->text();
                box->findChild<QCheckBox *>(u"forAllCheck"_s)->setChecked(true);
                box->findChild<QPushButton *>(u"keepBothButton"_s)->click();
            }
        });
        answer.start(20);
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        // THEN it asked once, about line 2, and kept both duplicates
        QTRY_COMPARE(imported.count(), 1);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().startsWith(u"Line 2 of the file, “Ana R.”, looks like “Ana Ruiz”"_s), qPrintable(questions.first()));
        QCOMPARE(people(), 4);
    }

    /// Starts an import of Bo (new) then Ana (a duplicate of the one in the database), asking about
    /// duplicates, and returns once the question about Ana shows.
    QMessageBox *importUntilTheDuplicateQuestion(ImportWizard &wizard)
    {
        {
            auto store = Store::Store::open(m_database, false);
            if (!store || !store.value()->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}})) {
                return nullptr;
            }
        }
        if (!wizard.setFile(csv(u"dups.csv"_s, "name,email\nBo Chen,bo@x.example\nAna R.,ANA@x.example\nCy,cy@x.example\n"))) {
            return nullptr;
        }
        auto *choice = wizard.findChild<QComboBox *>(u"duplicateCombo"_s);
        choice->setCurrentIndex(choice->count() - 1);
        wizard.show();
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QMessageBox *question = nullptr;
        const bool asked = QTest::qWaitFor([&] {
            question = wizard.findChild<QMessageBox *>(u"duplicateQuestion"_s);
            return question && question->isVisible();
        });
        return asked ? question : nullptr;
    }

    void shouldCancelCleanlyWhenClosedDuringTheDuplicateQuestion()
    {
        // GIVEN the worker waiting for the answer about Ana, Bo already written in its transaction
        ImportWizard wizard(m_database);
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        QPointer<QMessageBox> question = importUntilTheDuplicateQuestion(wizard);
        QVERIFY(question);
        QVERIFY(wizard.isImporting());
        // WHEN the user closes the wizard instead of answering
        QVERIFY(wizard.close());
        // THEN the import is over, rolled back: only Ana, as before
        QVERIFY(!wizard.isImporting());
        QCOMPARE(people(), 1);
        QTRY_VERIFY(!question || !question->isVisible());
        QVERIFY2(wizard.findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"cancelled"_s),
                 qPrintable(wizard.findChild<QLabel *>(u"statusLabel"_s)->text()));
        // and the worker's last report changes nothing
        QTest::qWait(50);
        QCOMPARE(imported.count(), 0);
        QCOMPARE(people(), 1);
    }

    void shouldCancelCleanlyWhenTheMainWindowGoesDuringTheDuplicateQuestion()
    {
        // GIVEN a wizard window of a main window, asking about Ana
        auto *mainWindow = new QWidget;
        auto *wizard = new ImportWizard(m_database, mainWindow);
        wizard->setWindowFlag(Qt::Window);
        mainWindow->show();
        QVERIFY(importUntilTheDuplicateQuestion(*wizard));
        // WHEN the main window is closed and deleted, which deletes the wizard and its question
        mainWindow->close();
        delete mainWindow;
        // THEN nothing hangs and nothing was imported
        QCOMPARE(people(), 1);
    }

    void shouldCancelCleanlyWhenCancelledDuringTheDuplicateQuestion()
    {
        ImportWizard wizard(m_database);
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        QPointer<QMessageBox> question = importUntilTheDuplicateQuestion(wizard);
        QVERIFY(question);
        // WHEN the user presses Cancel Import while the question shows
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
        // THEN the question goes, and the import ends rolled back
        QTRY_VERIFY(!wizard.isImporting());
        QTRY_VERIFY(!question || !question->isVisible());
        QCOMPARE(imported.count(), 0);
        QCOMPARE(people(), 1);
    }

    void shouldCancelCleanlyWhenClosedDuringABigImport()
    {
        // GIVEN a big file being imported
        constexpr int Rows = 200000;
        QByteArray content = "name,email\n";
        content.reserve(Rows * 40);
        for (int row = 0; row < Rows; ++row) {
            content += "Person " + QByteArray::number(row) + ",p" + QByteArray::number(row) + "@x.example\n";
        }
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"big.csv"_s, content)));
        wizard.show();
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        // WHEN the user closes the wizard as soon as the first progress shows
        auto *progress = wizard.findChild<QProgressBar *>(u"progressBar"_s);
        bool closed = false;
        connect(progress, &QProgressBar::valueChanged, &wizard, [&](int value) {
            if (value > 0 && !closed) {
                closed = true;
                wizard.close();
            }
        });
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isImporting(), 60000);
        QVERIFY(closed);
        QTest::qWait(50);
        // THEN all or nothing: nothing, unless the import had already committed when the window closed
        const qint64 count = people();
        QVERIFY2(count == 0 || (count == Rows && imported.count() == 1), qPrintable(QString::number(count)));
        if (count == 0) {
            QCOMPARE(imported.count(), 0);
        }
    }

    void shouldShowWhyTheImportFailedAndLeaveTheDatabaseUnchanged()
    {
        ImportWizard wizard(m_database);
        QVERIFY(wizard.setFile(csv(u"bad.csv"_s, "name,email\nAna Ruiz,ana@x.example\nBo Chen,bo at home\n")));
        QTest::mouseClick(wizard.findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!wizard.isImporting());
        const QString status = wizard.findChild<QLabel *>(u"statusLabel"_s)->text();
        QVERIFY2(status.contains(u"Line 3, column 2 (email)"_s), qPrintable(status));
        QCOMPARE(people(), 0);
        QVERIFY(wizard.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
    }

    void shouldSayWhyAFileCannotBeRead()
    {
        ImportWizard wizard(m_database);
        QVERIFY(!wizard.setFile(csv(u"empty.csv"_s, "")));
        QVERIFY(wizard.findChild<QLabel *>(u"fileLabel"_s)->text().contains(u"The file is empty"_s));
        QVERIFY(!wizard.findChild<QPushButton *>(u"importButton"_s)->isEnabled());
    }
};

CHORUS_TEST_MAIN_IMPL(ImportWizardTest, QApplication)

#include "importwizardtest.moc"
