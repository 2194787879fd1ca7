// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "events/logistics.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QPointer>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{

/// Logistics tasks, soonest due first; overdue ones are marked (OverdueRole, red text). Follows the store.
class CHORUS_CORE_EXPORT TaskListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Title,
        Owner,
        Due,
        Status,
        ColumnCount
    };
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        OverdueRole
    };

    explicit TaskListModel(Store::Store *store, QObject *parent = nullptr);

    void setFilter(const Events::TaskFilter &filter);
    [[nodiscard]] const Events::TaskFilter &filter() const
    {
        return m_filter;
    }
    /// The moment tasks are overdue against (by default, now at each refresh).
    void setNow(const QDateTime &now);
    /// The colour of an overdue task's text (by default, the red of Breeze's negative text); the
    /// app gives its colour scheme's, which a dark scheme makes lighter.
    void setOverdueBrush(const QBrush &brush);
    void refresh();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Store::Store> m_store;
    Events::TaskFilter m_filter;
    QDateTime m_now;
    QBrush m_overdueBrush;
    QList<Events::TaskEntry> m_rows;
};

} // namespace Chorus::Models
