// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "tasklistmodel.h"

#include "domain/entity.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace Chorus::Models
{

TaskListModel::TaskListModel(Store::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    // The red of Breeze's negative text.
    , m_overdueBrush(QColor(0xda, 0x44, 0x53))
{
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, [this](const QList<Store::Change> &changes) {
            for (const Store::Change &change : changes) {
                if (change.kind == Domain::Kind::Task || change.kind == Domain::Kind::Person || change.kind == Domain::Kind::Organization) {
                    refresh();
                    return;
                }
            }
        });
    }
}

void TaskListModel::setFilter(const Events::TaskFilter &filter)
{
    m_filter = filter;
    refresh();
}

void TaskListModel::setNow(const QDateTime &now)
{
    m_now = now;
    refresh();
}

void TaskListModel::setOverdueBrush(const QBrush &brush)
{
    m_overdueBrush = brush;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::ForegroundRole});
    }
}

void TaskListModel::refresh()
{
    beginResetModel();
    m_rows = m_store ? Events::tasks(*m_store, m_filter, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc()) : QList<Events::TaskEntry>();
    endResetModel();
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Events::TaskEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return entry.task.value(u"title"_s);
        case Owner:
            return entry.ownerName;
        case Due:
            return entry.overdue ? i18nc("@item a task's due date that has passed", "%1 (overdue)", entry.dueText) : entry.dueText;
        case Status:
            return Domain::choiceLabel(u"status", entry.task.value(u"status"_s).toString());
        }
        break;
    case Qt::ForegroundRole:
        return entry.overdue ? QVariant(m_overdueBrush) : QVariant();
    case TaskIdRole:
        return entry.task.value(u"id"_s);
    case OverdueRole:
        return entry.overdue;
    default:
        break;
    }
    return {};
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Title:
        return i18nc("@title:column", "Task");
    case Owner:
        return i18nc("@title:column", "Owner");
    case Due:
        return i18nc("@title:column", "Due");
    case Status:
        return i18nc("@title:column", "Status");
    }
    return {};
}

} // namespace Chorus::Models
