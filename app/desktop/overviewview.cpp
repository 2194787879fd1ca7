// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "overviewview.h"

#include "domain/entity.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QHeaderView>
#include <QLocale>
#include <QTimer>
#include <QTreeWidgetItemIterator>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

namespace
{

/**
 * Counting quotes by state reads every quote (the store counts only whole kinds), so a very large
 * database shows the total alone.
 */
constexpr qint64 MaxQuotesCountedByState = 20000;

QTreeWidgetItem *addRow(QTreeWidget *tree, QTreeWidgetItem *parent, const QString &label, qint64 count)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, label);
    item->setText(1, QLocale().toString(count));
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

} // namespace

OverviewView::OverviewView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(u"overview"_s);
    setAccessibleName(i18nc("@info:whatsthis accessible name", "Coalition overview"));
    setAccessibleDescription(i18nc("@info:whatsthis", "How many records of each kind the coalition database holds"));
    setColumnCount(2);
    setHeaderLabels({i18nc("@title:column kind of record", "Kind"), i18nc("@title:column number of records", "Count")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setUniformRowHeights(true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setAlternatingRowColors(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As tall as its rows (see sizeHint()): a compact summary, not a list that fills the window.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize OverviewView::sizeHint() const
{
    int rows = 0;
    int rowHeight = 0;
    for (QTreeWidgetItemIterator it(const_cast<OverviewView *>(this)); *it; ++it) {
        if (!(*it)->parent() || (*it)->parent()->isExpanded()) {
            ++rows;
            rowHeight = std::max(rowHeight, sizeHintForRow(0));
        }
    }
    const int height = header()->sizeHint().height() + rows * rowHeight + 2 * frameWidth();
    return {fontMetrics().averageCharWidth() * 48, height};
}

void OverviewView::setStore(Store::Store *store)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_store = store;
    if (m_store) {
        // Many writes in a row (an import) are counted once, when they are done.
        connect(m_store, &Store::Store::changed, this, [this] {
            if (m_refreshPending) {
                return;
            }
            m_refreshPending = true;
            QTimer::singleShot(0, this, [this] {
                m_refreshPending = false;
                refresh();
            });
        });
    }
    refresh();
}

void OverviewView::refresh()
{
    clear();
    m_empty = true;
    if (!m_store) {
        updateGeometry();
        Q_EMIT refreshed();
        return;
    }
    const qint64 organizations = m_store->count(Kind::Organization);
    const qint64 people = m_store->count(Kind::Person);
    const qint64 quotes = m_store->count(Kind::Quote);
    const qint64 campaigns = m_store->count(Kind::Campaign);
    const qint64 events = m_store->count(Kind::Event);
    m_empty = organizations + people + quotes + campaigns + events == 0;

    addRow(this, nullptr, kindPluralLabel(Kind::Organization), organizations);
    addRow(this, nullptr, kindPluralLabel(Kind::Person), people);
    QTreeWidgetItem *quoteRow = addRow(this, nullptr, kindPluralLabel(Kind::Quote), quotes);
    if (quotes > 0 && quotes <= MaxQuotesCountedByState) {
        const QList<std::pair<QString, QString>> states = {
            {u"draft"_s, i18nc("@item quote state", "Draft")},
            {u"submitted"_s, i18nc("@item quote state", "Submitted")},
            {u"approved"_s, i18nc("@item quote state", "Approved")},
            {u"withdrawn"_s, i18nc("@item quote state", "Withdrawn")},
        };
        for (const auto &[state, label] : states) {
            addRow(this, quoteRow, label, m_store->fetchAll(Kind::Quote, u"state"_s, state).size());
        }
        quoteRow->setExpanded(true);
    }

    addRow(this, nullptr, kindPluralLabel(Kind::Campaign), campaigns);
    addRow(this, nullptr, kindPluralLabel(Kind::Event), events);
    updateGeometry();
    Q_EMIT refreshed();
}

} // namespace Chorus::Desktop
