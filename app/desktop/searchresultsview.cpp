// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "searchresultsview.h"

#include "domain/entity.h"

#include <KLocalizedString>

#include <QHeaderView>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

SearchResultsView::SearchResultsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(u"searchResults"_s);
    setAccessibleName(i18nc("@info:whatsthis accessible name", "Search results"));
    setColumnCount(2);
    setHeaderLabels({i18nc("@title:column", "Found"), i18nc("@title:column", "Details")});
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformRowHeights(true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setTextElideMode(Qt::ElideRight);
    setAllColumnsShowFocus(true);
}

void SearchResultsView::showResults(const QString &query, const QList<Store::SearchHit> &hits, int limitPerKind)
{
    clear();
    if (hits.isEmpty()) {
        auto *none = new QTreeWidgetItem(this);
        none->setText(0, i18nc("@info search found nothing; %1 is what was searched for", "Nothing matches “%1”.", query));
        none->setFlags(Qt::ItemIsEnabled);
        none->setFirstColumnSpanned(true);
        return;
    }

    // Hits arrive grouped by kind: each run of one kind becomes a heading and its records.
    qsizetype start = 0;
    while (start < hits.size()) {
        const Kind kind = hits.at(start).kind;
        qsizetype end = start;
        while (end < hits.size() && hits.at(end).kind == kind) {
            ++end;
        }
        const qsizetype found = end - start;
        const qsizetype shown = std::min<qsizetype>(found, limitPerKind);

        auto *heading = new QTreeWidgetItem(this);
        heading->setText(
            0,
            found > limitPerKind
                ? i18nc("@title:group search results of one kind, %2 is how many are shown", "%1 (first %2)", kindPluralLabel(kind), QLocale().toString(shown))
                : i18nc("@title:group search results of one kind, %2 is how many were found", "%1 (%2)", kindPluralLabel(kind), QLocale().toString(found)));
        heading->setData(0, KindRole, int(kind));
        heading->setFlags(Qt::ItemIsEnabled);
        heading->setFirstColumnSpanned(true);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);

        for (qsizetype i = start; i < start + shown; ++i) {
            const Store::SearchHit &hit = hits.at(i);
            auto *item = new QTreeWidgetItem(heading);
            // Quote text may span lines; a result is one line.
            const QString title = hit.title.simplified();
            item->setText(0, title);
            item->setToolTip(0, title);
            item->setText(1, hit.detail);
            item->setToolTip(1, hit.detail);
            item->setData(0, KindRole, int(hit.kind));
            item->setData(0, IdRole, hit.id);
        }
        heading->setExpanded(true);
        start = end;
    }
    fitColumns();
}

void SearchResultsView::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    fitColumns();
}

void SearchResultsView::fitColumns()
{
    // Names and quotes get a little more than half; a long quote never pushes the details out of sight.
    setColumnWidth(0, std::max(viewport()->width() * 11 / 20, 200));
}

void SearchResultsView::focusFirstResult()
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *heading = topLevelItem(i);
        if (heading->childCount() > 0) {
            setCurrentItem(heading->child(0));
            setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

} // namespace Chorus::Desktop
