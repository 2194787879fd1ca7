// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "runofshowmodel.h"

#include "store/store.h"

#include <KLocalizedString>

using namespace Qt::StringLiterals;

namespace Chorus::Models
{

RunOfShowModel::RunOfShowModel(Store::Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, [this](const QList<Store::Change> &changes) {
            for (const Store::Change &change : changes) {
                if (change.kind == Domain::Kind::Site || change.kind == Domain::Kind::RunOfShowItem || change.kind == Domain::Kind::Person) {
                    refresh();
                    return;
                }
            }
        });
    }
}

void RunOfShowModel::setSite(const QString &siteId)
{
    m_siteId = siteId;
    refresh();
}

void RunOfShowModel::refresh()
{
    beginResetModel();
    m_show = (m_store && !m_siteId.isEmpty()) ? Events::runOfShow(*m_store, m_siteId) : Events::RunOfShow();
    endResetModel();
}

int RunOfShowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_show.entries.size());
}

int RunOfShowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunOfShowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Events::RunOfShowEntry &entry = m_show.entries.at(index.row());
    if (role == ItemIdRole) {
        return entry.item.value(u"id"_s);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Time:
        return entry.clockStart;
    case Length:
        return i18ncp("@info duration", "%1 min", "%1 min", entry.item.value(u"duration_minutes"_s).toLongLong());
    case What:
        return entry.item.value(u"description"_s);
    case Who:
        return entry.speakerName;
    }
    return {};
}

QVariant RunOfShowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return i18nc("@title:column run sheet", "Time");
    case Length:
        return i18nc("@title:column run sheet", "Length");
    case What:
        return i18nc("@title:column run sheet", "What");
    case Who:
        return i18nc("@title:column run sheet", "Who");
    }
    return {};
}

} // namespace Chorus::Models
