// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/edithistory.h"
#include "quotepanel.h"
#include "recordeditor.h"
#include "store/store.h"

#include <KMessageWidget>
#include <Sonnet/Speller>

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

/// The quote's words are spell-checked in the quote's own language.
class QuotePanelTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;
    std::unique_ptr<Models::EditHistory> m_history;
    std::unique_ptr<QWidget> m_window;
    Desktop::RecordEditor *m_editor = nullptr;
    QString m_person;

    /// Whether word, in the first paragraph of the quote's text, carries a spelling underline.
    bool underlined(const QString &word) const
    {
        auto *text = qobject_cast<QPlainTextEdit *>(m_editor->fieldEditor(u"text"_s));
        const QTextBlock block = text->document()->firstBlock();
        const int start = block.text().indexOf(word);
        if (start < 0 || !block.layout()) {
            return false;
        }
        const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
        return std::any_of(ranges.cbegin(), ranges.cend(), [&](const QTextLayout::FormatRange &range) {
            return range.start <= start && range.start + range.length >= start + word.size()
                && range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline;
        });
    }

private Q_SLOTS:
    void init()
    {
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        m_person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}).value();
        m_history = std::make_unique<Models::EditHistory>();
        m_history->setStore(m_store.get());
        m_window = std::make_unique<QWidget>();
        m_editor = new Desktop::RecordEditor(Kind::Quote, m_window.get());
        auto *panel = new Desktop::QuotePanel(m_editor, m_window.get());
        auto *layout = new QVBoxLayout(m_window.get());
        layout->addWidget(m_editor);
        layout->addWidget(panel);
        m_editor->setHistory(m_history.get());
        panel->setHistory(m_history.get());
        m_window->resize(800, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_history.reset();
        m_store.reset();
    }

    void shouldUnderlineAMisspelledWordInTheQuotesLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("misspelled");
        QTest::addColumn<QString>("correct");
        QTest::newRow("English") << u"en"_s << u"The coalition demands accountabilty from the company."_s << u"accountabilty"_s << u"coalition"_s;
        QTest::newRow("Spanish") << u"es"_s << u"La coalición exige transparensia a la empresa."_s << u"transparensia"_s << u"coalición"_s;
    }

    void shouldUnderlineAMisspelledWordInTheQuotesLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, misspelled);
        QFETCH(QString, correct);
        const QStringList dictionaries = Sonnet::Speller().availableLanguages();
        if (dictionaries.isEmpty()) {
            QSKIP("No spelling dictionary is installed (Sonnet found none): nothing to check the words against.");
        }
        if (!std::any_of(dictionaries.cbegin(), dictionaries.cend(), [&](const QString &dictionary) {
                return dictionary == language || dictionary.startsWith(language + u'_');
            })) {
            QSKIP(qPrintable(u"No %1 spelling dictionary is installed (Sonnet has: %2)."_s.arg(language, dictionaries.join(u", "_s))));
        }
        // GIVEN a quote in the language, with one misspelled word
        const QString quote = m_store->create(Kind::Quote, {{u"text"_s, text}, {u"language"_s, language}, {u"spokesperson_id"_s, m_person}}).value();
        // WHEN it is shown
        m_editor->setRecord(quote);
        // THEN the misspelled word is underlined, and a correct word of that language is not
        // (The words are checked again once the quote's language is known: wait for that.)
        QTRY_VERIFY2(underlined(misspelled) && !underlined(correct), qPrintable(misspelled + u" underlined, "_s + correct + u" not"_s));
    }
    void shouldApproveWithReturnAndKeepTheKeyboardOnTheWorkflow()
    {
        // GIVEN a draft quote, the keyboard on Submit for Approval
        const QString quote = m_store->create(Kind::Quote, {{u"text"_s, u"We will not stop."_s}, {u"spokesperson_id"_s, m_person}}).value();
        m_editor->setRecord(quote);
        m_window->activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
        auto *submit = m_window->findChild<QPushButton *>(u"submitButton"_s);
        submit->setFocus();
        // WHEN it is submitted with the space bar
        QTest::keyClick(submit, Qt::Key_Space);
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"submitted"_s);
        // THEN the keyboard goes on to who approves it (Submit is disabled: it was lost)
        auto *approver = m_window->findChild<QLineEdit *>(u"approverField"_s);
        QCOMPARE(QApplication::focusWidget(), approver);
        // WHEN Approve is pressed before anyone is named
        QTest::mouseClick(m_window->findChild<QPushButton *>(u"approveButton"_s), Qt::LeftButton);
        // THEN the quote is not approved, and the editor says why
        auto *message = m_editor->findChild<KMessageWidget *>();
        QVERIFY(message->isVisible());
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"submitted"_s);
        QCOMPARE(QApplication::focusWidget(), approver);
        // WHEN a name is typed there and Return pressed
        QTest::keyClicks(approver, u"Rosa Diaz"_s);
        QTest::keyClick(approver, Qt::Key_Return);
        // THEN the quote is approved by her (Return did nothing)
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"approved_by"_s).toString(), u"Rosa Diaz"_s);
        // AND the message of the first attempt is gone
        QVERIFY(!message->isVisible());
        // AND the keyboard is on what can be done next: reopen it
        QCOMPARE(QApplication::focusWidget(), m_window->findChild<QPushButton *>(u"reopenButton"_s));
        // WHEN it is reopened
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        // THEN it is a draft again, the keyboard in its words
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"draft"_s);
        QCOMPARE(QApplication::focusWidget(), m_editor->fieldEditor(u"text"_s));
    }
};

CHORUS_TEST_MAIN_IMPL(QuotePanelTest, QApplication)

#include "quotepaneltest.moc"
