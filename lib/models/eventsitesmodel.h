// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "events/eventscheduler.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{

/**
 * The sites of one event, earliest first, each with its start shown three ways: on the site's
 * own clock, on the coordinator's clock and in UTC. Sites with a daylight-saving warning carry it
 * as a tooltip and in the Warnings column. Follows the store's changes.
 */
class CHORUS_CORE_EXPORT EventSitesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Venue,
        TimeZone,
        LocalTime,
        CoordinatorTime,
        Utc,
        Warnings,
        ColumnCount
    };
    enum Role {
        SiteIdRole = Qt::UserRole + 1,
        HasWarningRole
    };

    explicit EventSitesModel(Store::Store *store, QObject *parent = nullptr);

    void setEvent(const QString &eventId);
    [[nodiscard]] QString eventId() const
    {
        return m_eventId;
    }
    /// The coordinator's zone (by default this computer's).
    void setCoordinatorZone(const QTimeZone &zone);
    void refresh();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Store::Store> m_store;
    QString m_eventId;
    QTimeZone m_coordinator = QTimeZone::systemTimeZone();
    QList<Events::SiteSchedule> m_rows;
};

} // namespace Chorus::Models
