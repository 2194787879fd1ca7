// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "store/store.h"

#include <QTreeWidget>

namespace Chorus::Desktop
{

/**
 * Search results grouped by kind: a heading per kind with the number found, the records below
 * it with their title and detail.
 */
class SearchResultsView : public QTreeWidget
{
    Q_OBJECT

public:
    /// Item data roles: the hit's kind (an int, on headings too) and id.
    enum Role {
        KindRole = Qt::UserRole + 1,
        IdRole
    };

    explicit SearchResultsView(QWidget *parent = nullptr);

    /**
     * Shows hits, found for query. limitPerKind is how many of one kind are shown: a kind with
     * more hits than that (the store was asked for one more) says so in its heading.
     */
    void showResults(const QString &query, const QList<Store::SearchHit> &hits, int limitPerKind);
    /// Moves the keyboard focus to the first result.
    void focusFirstResult();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
};

} // namespace Chorus::Desktop
