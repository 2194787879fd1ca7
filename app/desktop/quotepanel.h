// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Sonnet
{
class Highlighter;
}

namespace Chorus::Models
{
class EditHistory;
}

namespace Chorus::Desktop
{

class RecordEditor;

/**
 * What the Quotes page adds to a quote's editor: the approval workflow (submit, approve with
 * who approved it, withdraw, reopen), the lint strip, spell-checking in the quote's language and
 * its linked translations. Approved words are read-only until the quote is reopened.
 *
 * Children: "submitButton", "approveButton", "approverField", "withdrawButton", "reopenButton",
 * "stateLabel", "lintList", "translationsList".
 */
class QuotePanel : public QWidget
{
    Q_OBJECT

public:
    QuotePanel(RecordEditor *editor, QWidget *parent = nullptr);
    ~QuotePanel() override;

    void setHistory(Models::EditHistory *history);

private:
    void recordLoaded(const Domain::Record &record);
    void setState(const QString &state);
    void lint();

    RecordEditor *m_editor;
    QPointer<Models::EditHistory> m_history;
    QLabel *m_state = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_approve = nullptr;
    QLineEdit *m_approver = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_reopen = nullptr;
    QListWidget *m_lint = nullptr;
    QListWidget *m_translations = nullptr;
    Sonnet::Highlighter *m_highlighter = nullptr;
};

} // namespace Chorus::Desktop
