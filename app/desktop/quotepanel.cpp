// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "quotepanel.h"

#include "domain/quotelint.h"
#include "domain/validation.h"
#include "models/edithistory.h"
#include "recordeditor.h"
#include "store/store.h"

#include <KLocalizedString>
#include <Sonnet/Highlighter>
#include <Sonnet/Speller>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

namespace
{

/// The spelling dictionary for a quote's language code: "es" is checked with es_ES (or another
/// Spanish one) when no dictionary is named "es"; Sonnet would otherwise fall back to English.
QString dictionaryFor(const QString &language)
{
    if (language.isEmpty()) {
        return language;
    }
    static const QStringList available = Sonnet::Speller().availableLanguages();
    if (available.contains(language)) {
        return language;
    }
    const QString usual = QLocale(language).name();
    if (available.contains(usual)) {
        return usual;
    }
    const QString prefix = language.section(u'-', 0, 0).section(u'_', 0, 0) + u'_';
    for (const QString &dictionary : available) {
        if (dictionary.startsWith(prefix)) {
            return dictionary;
        }
    }
    return language;
}

} // namespace

QuotePanel::QuotePanel(RecordEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(u"quotePanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *workflow = new QGroupBox(i18nc("@title:group", "Approval"), this);
    auto *workflowLayout = new QVBoxLayout(workflow);
    m_state = new QLabel(workflow);
    m_state->setObjectName(u"stateLabel"_s);
    m_state->setWordWrap(true);
    workflowLayout->addWidget(m_state);
    auto *buttons = new QHBoxLayout;
    m_submit = new QPushButton(QIcon::fromTheme(u"mail-send"_s), i18nc("@action:button", "Submit for Approval"), workflow);
    m_submit->setObjectName(u"submitButton"_s);
    m_approver = new QLineEdit(workflow);
    m_approver->setObjectName(u"approverField"_s);
    m_approver->setPlaceholderText(i18nc("@info:placeholder", "Approved by (name)"));
    m_approver->setMinimumWidth(fontMetrics().averageCharWidth() * 18);
    m_approver->setAccessibleName(i18nc("@info:whatsthis accessible name", "Approved by"));
    m_approve = new QPushButton(QIcon::fromTheme(u"dialog-ok-apply"_s), i18nc("@action:button", "Approve"), workflow);
    m_approve->setObjectName(u"approveButton"_s);
    m_withdraw = new QPushButton(QIcon::fromTheme(u"edit-undo"_s), i18nc("@action:button", "Withdraw"), workflow);
    m_withdraw->setObjectName(u"withdrawButton"_s);
    m_reopen = new QPushButton(QIcon::fromTheme(u"document-edit"_s), i18nc("@action:button", "Reopen for Editing"), workflow);
    m_reopen->setObjectName(u"reopenButton"_s);
    m_reopen->setToolTip(i18nc("@info:tooltip", "Returns the quote to draft so its words can change; it needs approval again"));
    // Two rows, in the order of the workflow, so that the page leaves room for the list.
    buttons->addWidget(m_submit);
    buttons->addWidget(m_approver, 1);
    buttons->addWidget(m_approve);
    workflowLayout->addLayout(buttons);
    auto *laterButtons = new QHBoxLayout;
    laterButtons->addWidget(m_withdraw);
    laterButtons->addWidget(m_reopen);
    laterButtons->addStretch(1);
    workflowLayout->addLayout(laterButtons);
    layout->addWidget(workflow);

    auto *checks = new QGroupBox(i18nc("@title:group", "Checks"), this);
    auto *checksLayout = new QVBoxLayout(checks);
    m_lint = new QListWidget(checks);
    m_lint->setObjectName(u"lintList"_s);
    m_lint->setAccessibleName(i18nc("@info:whatsthis accessible name", "Problems found in the quote"));
    m_lint->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    checksLayout->addWidget(m_lint);
    auto *row = new QHBoxLayout;
    row->addWidget(checks, 1);

    auto *translations = new QGroupBox(i18nc("@title:group", "Translations"), this);
    auto *translationsLayout = new QVBoxLayout(translations);
    m_translations = new QListWidget(translations);
    m_translations->setObjectName(u"translationsList"_s);
    m_translations->setAccessibleName(i18nc("@info:whatsthis accessible name", "Linked translations"));
    m_translations->setWordWrap(true);
    m_translations->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    translationsLayout->addWidget(m_translations);
    row->addWidget(translations, 1);
    layout->addLayout(row);

    connect(m_submit, &QPushButton::clicked, this, [this] {
        setState(u"submitted"_s);
    });
    connect(m_approve, &QPushButton::clicked, this, [this] {
        setState(u"approved"_s);
    });
    connect(m_withdraw, &QPushButton::clicked, this, [this] {
        setState(u"withdrawn"_s);
    });
    connect(m_reopen, &QPushButton::clicked, this, [this] {
        setState(u"draft"_s);
    });
    // Return after the approver's name approves, as the button beside it does.
    connect(m_approver, &QLineEdit::returnPressed, m_approve, &QPushButton::click);
    connect(m_editor, &RecordEditor::recordLoaded, this, &QuotePanel::recordLoaded);
    if (auto *text = qobject_cast<QPlainTextEdit *>(m_editor->fieldEditor(u"text"_s))) {
        connect(text, &QPlainTextEdit::textChanged, this, &QuotePanel::lint);
        m_highlighter = new Sonnet::Highlighter(text);
        m_highlighter->setAutoDetectLanguageDisabled(true);
    }
    recordLoaded({});
}

QuotePanel::~QuotePanel() = default;

void QuotePanel::setHistory(Models::EditHistory *history)
{
    m_history = history;
}

void QuotePanel::setState(const QString &state)
{
    if (!m_history || m_editor->recordId().isEmpty()) {
        return;
    }
    m_editor->commitPendingEdits();
    Record changes{{u"state"_s, state}};
    if (state == u"approved") {
        const QString approver = m_approver->text().trimmed();
        if (approver.isEmpty()) {
            m_editor->showMessage(i18nc("@info", "Say who approved the quote before approving it."));
            m_approver->setFocus(Qt::OtherFocusReason);
            return;
        }
        changes.insert(u"approved_by"_s, approver);
        changes.insert(u"approved_at"_s, formatInstant(QDateTime::currentDateTimeUtc()));
    }
    const bool keyboardHere = isAncestorOf(focusWidget());
    if (auto written = m_history->update(Kind::Quote, m_editor->recordId(), changes); !written) {
        m_editor->showMessage(written.error().message());
        return;
    }
    // A message about an earlier attempt ("Say who approved…") no longer holds.
    m_editor->showMessage(QString());
    // The button pressed may now be disabled: the keyboard goes on to the next step rather than
    // to whatever follows in the window.
    if (keyboardHere) {
        QWidget *next = nullptr;
        if (state == u"submitted") {
            next = m_approver;
        } else if (state == u"approved" || state == u"withdrawn") {
            next = m_reopen;
        } else if (state == u"draft") {
            next = m_editor->fieldEditor(u"text"_s);
        }
        if (next && next->isEnabled()) {
            next->setFocus(Qt::OtherFocusReason);
        }
    }
}

void QuotePanel::recordLoaded(const Record &record)
{
    setEnabled(!record.isEmpty());
    const QString state = record.value(u"state"_s).toString();
    const bool approved = state == u"approved";
    // Approved words are frozen until someone reopens the quote.
    for (const QString &field : {u"text"_s, u"language"_s, u"spokesperson_id"_s}) {
        m_editor->setFieldReadOnly(field, approved);
    }
    m_submit->setEnabled(state == u"draft");
    m_approve->setEnabled(state == u"draft" || state == u"submitted");
    m_approver->setEnabled(state == u"draft" || state == u"submitted");
    m_withdraw->setEnabled(state == u"submitted" || approved);
    m_reopen->setEnabled(approved || state == u"withdrawn" || state == u"submitted");

    if (approved) {
        const QDateTime at = parseInstant(record.value(u"approved_at"_s).toString()).toLocalTime();
        m_state->setText(i18nc("@info %1 is who approved the quote, %2 when",
                               "<b>Approved</b> by %1 on %2. The words are locked; reopen the quote to change them.",
                               record.value(u"approved_by"_s).toString().toHtmlEscaped(),
                               QLocale().toString(at, QLocale::ShortFormat)));
    } else if (state == u"submitted") {
        m_state->setText(i18nc("@info", "<b>Submitted</b>, waiting for approval."));
    } else if (state == u"withdrawn") {
        m_state->setText(i18nc("@info", "<b>Withdrawn</b>: this quote is not used."));
    } else if (!record.isEmpty()) {
        m_state->setText(i18nc("@info", "<b>Draft</b>: submit it when the words are ready."));
    } else {
        m_state->clear();
    }
    if (!record.value(u"expires_at"_s).toString().isEmpty()) {
        const QDateTime expires = parseInstant(record.value(u"expires_at"_s).toString());
        if (expires.isValid() && expires < QDateTime::currentDateTimeUtc()) {
            m_state->setText(m_state->text() + u' ' + i18nc("@info", "It has <b>expired</b>."));
        }
    }
    if (m_highlighter) {
        m_highlighter->setCurrentLanguage(dictionaryFor(record.value(u"language"_s).toString()));
    }

    m_translations->clear();
    if (m_history && m_history->store() && !record.isEmpty()) {
        Store::Store &store = *m_history->store();
        QList<Record> linked = store.fetchAll(Kind::Quote, u"translation_of"_s, record.value(u"id"_s));
        const QString original = record.value(u"translation_of"_s).toString();
        if (!original.isEmpty()) {
            if (const auto source = store.fetch(Kind::Quote, original)) {
                linked.prepend(*source);
            }
        }
        for (const Record &translation : std::as_const(linked)) {
            auto *item =
                new QListWidgetItem(u"[%1] %2"_s.arg(translation.value(u"language"_s).toString(), translation.value(u"text"_s).toString().simplified()),
                                    m_translations);
            item->setToolTip(translation.value(u"text"_s).toString());
        }
        if (linked.isEmpty()) {
            new QListWidgetItem(i18nc("@info", "No translations are linked to this quote."), m_translations);
        }
    }
    lint();
}

void QuotePanel::lint()
{
    m_lint->clear();
    const Record record = m_editor->record();
    if (record.isEmpty() || !m_history || !m_history->store()) {
        return;
    }
    QuoteContext context;
    if (auto *text = qobject_cast<QPlainTextEdit *>(m_editor->fieldEditor(u"text"_s))) {
        context.text = text->toPlainText();
    }
    if (const auto person = m_history->store()->fetch(Kind::Person, record.value(u"spokesperson_id"_s).toString())) {
        context.spokespersonName = person->value(u"name"_s).toString();
        context.spokespersonTitle = person->value(u"title"_s).toString();
        context.spokespersonHasOrganization = !person->value(u"organization_id"_s).toString().isEmpty();
    }
    const QList<QuoteFinding> findings = lintQuote(context);
    for (const QuoteFinding &finding : findings) {
        new QListWidgetItem(QIcon::fromTheme(u"dialog-warning"_s), finding.message, m_lint);
    }
    if (findings.isEmpty()) {
        new QListWidgetItem(QIcon::fromTheme(u"dialog-ok"_s), i18nc("@info", "No problems found."), m_lint);
    }
}

} // namespace Chorus::Desktop
