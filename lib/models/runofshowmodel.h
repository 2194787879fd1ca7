// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "events/runofshow.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{

/// One site's run of show in running order, with clock times on the site's clock. Follows the store.
class CHORUS_CORE_EXPORT RunOfShowModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Length,
        What,
        Who,
        ColumnCount
    };
    enum Role {
        ItemIdRole = Qt::UserRole + 1
    };

    explicit RunOfShowModel(Store::Store *store, QObject *parent = nullptr);

    void setSite(const QString &siteId);
    void refresh();
    /// The computed run of show (total, longer-than-slot warning).
    [[nodiscard]] const Events::RunOfShow &runOfShow() const
    {
        return m_show;
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Store::Store> m_store;
    QString m_siteId;
    Events::RunOfShow m_show;
};

} // namespace Chorus::Models
