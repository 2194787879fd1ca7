// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace Chorus::Models
{
class EditHistory;
class RecordListModel;
} // namespace Chorus::Models

namespace Chorus::Desktop
{

class RecordEditor;

/**
 * One kind of record as a master list and a detail editor beside it: a filter field (applied in
 * SQL as the user types), the lazy list, buttons to add and delete, and the editor of the record
 * chosen in the list.
 *
 * Children: "filter", "list", "addButton", "deleteButton", "splitter", and the editor.
 */
class RecordPage : public QWidget
{
    Q_OBJECT

public:
    RecordPage(Domain::Kind kind, QWidget *parent = nullptr);
    ~RecordPage() override;

    void setHistory(Models::EditHistory *history);
    [[nodiscard]] Domain::Kind kind() const
    {
        return m_kind;
    }
    [[nodiscard]] Models::RecordListModel *model() const
    {
        return m_model;
    }
    [[nodiscard]] RecordEditor *editor() const
    {
        return m_editor;
    }
    [[nodiscard]] QSplitter *splitter() const
    {
        return m_splitter;
    }
    /// Room below the editor for what a kind adds (the quote workflow).
    [[nodiscard]] QVBoxLayout *extraLayout() const
    {
        return m_extra;
    }

    /// Shows the record with id in the editor, and selects it in the list when it is loaded.
    void showRecord(const QString &id);
    /// Filters the list to records whose field equals value (the dashboard's links); clears the text filter.
    void showWhere(const QList<std::pair<QString, QVariant>> &conditions);
    /// Shows every record again.
    void clearFilters();
    /// Moves the keyboard focus to the filter field.
    void focusFilter();
    /// Moves the keyboard focus to the list of records.
    void focusList();

    /// How long the filter waits after a key press.
    static constexpr int FilterDelayMs = 120;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void bindModel();
    void sizeColumns();
    void showFirstRecordIfNone();
    void addRecord();
    void deleteRecord();
    void currentChanged();

    Domain::Kind m_kind;
    QPointer<Models::EditHistory> m_history;
    Models::RecordListModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QSplitter *m_splitter = nullptr;
    RecordEditor *m_editor = nullptr;
    QVBoxLayout *m_extra = nullptr;
    QTimer *m_filterTimer = nullptr;
    bool m_columnsSized = false;
    bool m_modelBound = false;
    /// The record being edited leaves the list (it no longer matches the filter): it stays in
    /// the editor rather than the editor jumping to the row that takes its place.
    bool m_keepEditedRecord = false;
};

} // namespace Chorus::Desktop
