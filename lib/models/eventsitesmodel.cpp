// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "eventsitesmodel.h"

#include "events/sitetime.h"

#include "store/store.h"

#include <KLocalizedString>

using namespace Qt::StringLiterals;

namespace Chorus::Models
{

EventSitesModel::EventSitesModel(Store::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, [this](const QList<Store::Change> &changes) {
            for (const Store::Change &change : changes) {
                if (change.kind == Domain::Kind::Site || change.kind == Domain::Kind::Event) {
                    refresh();
                    return;
                }
            }
        });
    }
}

void EventSitesModel::setEvent(const QString &eventId)
{
    m_eventId = eventId;
    refresh();
}

void EventSitesModel::setCoordinatorZone(const QTimeZone &zone)
{
    m_coordinator = zone;
    refresh();
}

void EventSitesModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    if (m_store && !m_eventId.isEmpty()) {
        Events::EventScheduler scheduler(*m_store);
        m_rows = scheduler.schedule(m_eventId, m_coordinator);
    }
    endResetModel();
}

int EventSitesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventSitesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventSitesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Events::SiteSchedule &row = m_rows.at(index.row());
    QStringList warnings;
    for (const Events::SiteFlag &flag : row.flags) {
        warnings << flag.message;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Venue:
            return row.site.value(u"venue"_s);
        case TimeZone:
            return row.zone.isValid() ? QString::fromUtf8(row.zone.id()) : row.site.value(u"time_zone"_s).toString();
        case LocalTime: {
            const QString time = row.localEnd.isEmpty() ? row.localStart : i18nc("@info a span of time, %1 to %2", "%1 to %2", row.localStart, row.localEnd);
            // Short, so that the table's columns fit; the tooltip has the whole date.
            return i18nc("@info a short date, then a span of time with its zone, e.g. Thu, May 20, 1:30 p.m. PDT to 2:30 p.m. PDT",
                         "%1, %2",
                         Events::formatShortLocalDate(row.start, row.zone),
                         time);
        }
        case CoordinatorTime:
            return Events::formatShortDateTime(row.start, row.coordinator);
        case Utc:
            return row.utcStart;
        case Warnings:
            return warnings.join(u' ');
        }
        break;
    case Qt::ToolTipRole:
        if (!warnings.isEmpty()) {
            return warnings.join(u'\n');
        }
        if (index.column() == LocalTime) {
            return row.localDate;
        }
        if (index.column() == CoordinatorTime) {
            return row.coordinatorStart;
        }
        return {};
    case SiteIdRole:
        return row.site.value(u"id"_s);
    case HasWarningRole:
        return !warnings.isEmpty();
    default:
        break;
    }
    return {};
}

QVariant EventSitesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Venue:
        return i18nc("@title:column", "Site");
    case TimeZone:
        return i18nc("@title:column", "Time Zone");
    case LocalTime:
        return i18nc("@title:column", "Local Time");
    case CoordinatorTime:
        return i18nc("@title:column the coordinator's own clock", "Your Time");
    case Utc:
        return i18nc("@title:column", "UTC");
    case Warnings:
        return i18nc("@title:column", "Warnings");
    }
    return {};
}

} // namespace Chorus::Models
