// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * "Find duplicates" over the whole database: groups of organizations and people that look like
 * the same one, with why. The user picks the record to keep in a group (the first by default)
 * and merges the others into it; every merge can be undone, the last one with one click.
 */
class DuplicatesView : public QWidget
{
    Q_OBJECT

public:
    explicit DuplicatesView(Store::Store &store, QWidget *parent = nullptr);

    /// Looks for duplicates again.
    void refresh();

private:
    void mergeSelectedGroup();
    void undoLastMerge();

    Store::Store &m_store;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_undo = nullptr;
    QLabel *m_status = nullptr;
    /// The merges made here, one list per click of Merge (a group of three is two merges, undone
    /// together), last one last.
    QList<QStringList> m_mergeSteps;
};

} // namespace Chorus
