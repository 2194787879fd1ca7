// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "duplicatesview.h"

#include "interop/duplicates.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;

namespace Chorus
{

namespace
{
constexpr int IdRole = Qt::UserRole;
constexpr int KindRole = Qt::UserRole + 1;
} // namespace

DuplicatesView::DuplicatesView(Store::Store &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(i18nc("@info", "Records that look like the same organization or person. Select the one to keep, then merge the others into it."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"duplicateTree"_s);
    m_tree->setHeaderLabels({i18nc("@title:column", "Name"), i18nc("@title:column", "Details")});
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree);

    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    auto *find = new QPushButton(i18nc("@action:button", "Find Duplicates Again"), this);
    find->setObjectName(u"findButton"_s);
    m_undo = new QPushButton(i18nc("@action:button", "Undo Last Merge"), this);
    m_undo->setObjectName(u"undoButton"_s);
    m_merge = new QPushButton(i18nc("@action:button", "Merge Into Selected"), this);
    m_merge->setObjectName(u"mergeButton"_s);
    buttons->addWidget(find);
    buttons->addStretch();
    buttons->addWidget(m_undo);
    buttons->addWidget(m_merge);
    layout->addLayout(buttons);

    connect(find, &QPushButton::clicked, this, &DuplicatesView::refresh);
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesView::mergeSelectedGroup);
    connect(m_undo, &QPushButton::clicked, this, &DuplicatesView::undoLastMerge);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        m_merge->setEnabled(m_tree->currentItem() != nullptr);
    });
    refresh();
}

void DuplicatesView::refresh()
{
    m_tree->clear();
    const QList<Interop::DuplicateGroup> groups = Interop::Duplicates::find(m_store);
    for (const Interop::DuplicateGroup &group : groups) {
        auto *groupItem = new QTreeWidgetItem(m_tree, {Domain::kindPluralLabel(group.kind), group.reason});
        groupItem->setData(0, KindRole, int(group.kind));
        for (const QString &id : group.ids) {
            const std::optional<Domain::Record> record = m_store.fetch(group.kind, id);
            if (!record) {
                continue;
            }
            QStringList details;
            if (group.kind == Kind::Person) {
                details << record->value(u"title"_s).toString() << record->value(u"email"_s).toString();
                if (const auto organization = m_store.fetch(Kind::Organization, record->value(u"organization_id"_s).toString())) {
                    details << organization->value(u"name"_s).toString();
                }
            } else {
                details << record->value(u"website"_s).toString();
            }
            details.removeAll(QString());
            auto *item =
                new QTreeWidgetItem(groupItem, {record->value(u"name"_s).toString(), details.join(i18nc("@info separator between the items of a list", ", "))});
            item->setData(0, IdRole, id);
            item->setData(0, KindRole, int(group.kind));
        }
        groupItem->setExpanded(true);
    }
    m_merge->setEnabled(m_tree->currentItem() != nullptr);
    m_undo->setEnabled(!m_mergeSteps.isEmpty());
    if (groups.isEmpty()) {
        m_status->setText(i18nc("@info", "No duplicates found."));
    }
}

void DuplicatesView::mergeSelectedGroup()
{
    QTreeWidgetItem *current = m_tree->currentItem();
    if (!current) {
        return;
    }
    // A selected group keeps its first record; a selected record is the one to keep.
    QTreeWidgetItem *group = current->parent() ? current->parent() : current;
    QTreeWidgetItem *kept = current->parent() ? current : group->child(0);
    if (!kept || group->childCount() < 2) {
        return;
    }
    const auto kind = Kind(kept->data(0, KindRole).toInt());
    const QString keptId = kept->data(0, IdRole).toString();
    int merged = 0;
    QStringList step;
    for (int i = 0; i < group->childCount(); ++i) {
        QTreeWidgetItem *other = group->child(i);
        if (other == kept) {
            continue;
        }
        auto result = Interop::Duplicates::merge(m_store, kind, keptId, other->data(0, IdRole).toString());
        if (!result) {
            // The merges done before it stay one step that Undo takes back.
            if (!step.isEmpty()) {
                m_mergeSteps.append(step);
            }
            m_status->setText(result.error().message());
            refresh();
            return;
        }
        step.append(result.value());
        ++merged;
    }
    m_mergeSteps.append(step);
    const QString keptName = kept->text(0);
    refresh();
    m_status->setText(i18ncp("@info %2 is a name", "Merged 1 record into “%2”.", "Merged %1 records into “%2”.", merged, keptName));
}

void DuplicatesView::undoLastMerge()
{
    if (m_mergeSteps.isEmpty()) {
        return;
    }
    // The merges of one click, the last first.
    QStringList &step = m_mergeSteps.last();
    while (!step.isEmpty()) {
        if (auto undone = Interop::Duplicates::undoMerge(m_store, step.constLast()); !undone) {
            m_status->setText(undone.error().message());
            refresh();
            return;
        }
        step.removeLast();
    }
    m_mergeSteps.removeLast();
    refresh();
    m_status->setText(i18nc("@info", "The merge was undone."));
}

} // namespace Chorus
