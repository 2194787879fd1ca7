// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "syncview.h"

#include "store/store.h"

#include <KLocalizedString>

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Chorus::Desktop
{

namespace
{

QString when(const QDateTime &instant)
{
    return instant.isValid() ? QLocale().toString(instant.toLocalTime(), QLocale::ShortFormat) : i18nc("@item never exchanged", "never");
}

} // namespace

SyncView::SyncView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"syncStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_peers = new QTreeWidget(this);
    m_peers->setObjectName(u"peerList"_s);
    m_peers->setRootIsDecorated(false);
    m_peers->setHeaderLabels({i18nc("@title:column another computer of the coalition", "Computer"),
                              i18nc("@title:column", "Changes last received"),
                              i18nc("@title:column", "Changes last sent"),
                              i18nc("@title:column", "Not sent yet")});
    m_peers->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_peers);

    auto *conflictsTitle = new QLabel(i18nc("@title:group", "Conflicts"), this);
    layout->addWidget(conflictsTitle);
    m_conflictList = new QListWidget(this);
    m_conflictList->setObjectName(u"conflictList"_s);
    m_conflictList->setWordWrap(true);
    layout->addWidget(m_conflictList);

    m_conflictDescription = new QLabel(this);
    m_conflictDescription->setObjectName(u"conflictDescription"_s);
    m_conflictDescription->setWordWrap(true);
    layout->addWidget(m_conflictDescription);

    auto *versions = new QGridLayout;
    versions->addWidget(new QLabel(i18nc("@label the value on this computer now", "Now on this computer:"), this), 0, 0);
    versions->addWidget(new QLabel(i18nc("@label the version that lost", "The other version:"), this), 0, 1);
    m_current = new QPlainTextEdit(this);
    m_current->setObjectName(u"currentVersion"_s);
    m_current->setReadOnly(true);
    m_other = new QPlainTextEdit(this);
    m_other->setObjectName(u"otherVersion"_s);
    m_other->setReadOnly(true);
    versions->addWidget(m_current, 1, 0);
    versions->addWidget(m_other, 1, 1);
    versions->addWidget(new QLabel(i18nc("@label", "Merged text (edit it, then use it):"), this), 2, 0, 1, 2);
    m_merged = new QPlainTextEdit(this);
    m_merged->setObjectName(u"mergedVersion"_s);
    versions->addWidget(m_merged, 3, 0, 1, 2);
    layout->addLayout(versions);

    auto *buttons = new QHBoxLayout;
    m_keepMine = new QPushButton(i18nc("@action:button", "Keep Mine"), this);
    m_keepMine->setObjectName(u"keepMineButton"_s);
    m_keepTheirs = new QPushButton(i18nc("@action:button", "Keep Theirs"), this);
    m_keepTheirs->setObjectName(u"keepTheirsButton"_s);
    m_useMerged = new QPushButton(i18nc("@action:button", "Use Merged Text"), this);
    m_useMerged->setObjectName(u"useMergedButton"_s);
    buttons->addStretch();
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_keepTheirs);
    buttons->addWidget(m_useMerged);
    layout->addLayout(buttons);

    connect(m_conflictList, &QListWidget::currentRowChanged, this, &SyncView::showSelectedConflict);
    connect(m_keepMine, &QPushButton::clicked, this, [this] {
        resolve(Sync::Replica::Resolution::KeepMine);
    });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] {
        resolve(Sync::Replica::Resolution::KeepTheirs);
    });
    connect(m_useMerged, &QPushButton::clicked, this, [this] {
        resolve(Sync::Replica::Resolution::Merged);
    });
    showSelectedConflict();
}

SyncView::~SyncView() = default;

void SyncView::setStore(Store::Store *store)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_store = store;
    m_replica = store ? std::make_unique<Sync::Replica>(*store) : nullptr;
    if (store) {
        // Many changes arrive at once during an import: read again once they are in.
        connect(store, &Store::Store::changed, this, [this] {
            if (!m_refreshPending) {
                m_refreshPending = true;
                QTimer::singleShot(0, this, [this] {
                    m_refreshPending = false;
                    refresh();
                });
            }
        });
    }
    refresh();
}

void SyncView::refresh()
{
    m_peers->clear();
    m_conflictList->clear();
    m_conflicts.clear();
    if (!m_replica) {
        m_status->clear();
        showSelectedConflict();
        return;
    }
    const QList<Sync::Peer> peers = m_replica->peers();
    for (const Sync::Peer &peer : peers) {
        auto *item = new QTreeWidgetItem(m_peers, {peer.name, when(peer.lastImport), when(peer.lastExport), QLocale().toString(peer.pendingChanges)});
        item->setData(0, Qt::UserRole, peer.replicaId);
    }
    m_conflicts = m_replica->conflicts();
    for (const Sync::Conflict &conflict : std::as_const(m_conflicts)) {
        m_conflictList->addItem(conflict.description());
    }
    QString status = peers.isEmpty() ? i18nc("@info", "“%1” has not exchanged changes with another computer yet.", m_store->replicaName())
                                     : i18ncp("@info %2 is this computer's name",
                                              "“%2” exchanges changes with 1 other computer.",
                                              "“%2” exchanges changes with %1 other computers.",
                                              peers.size(),
                                              m_store->replicaName());
    status += u' '
        + (m_conflicts.isEmpty() ? i18nc("@info", "There are no conflicts.")
                                 : i18ncp("@info", "1 conflict waits for a decision.", "%1 conflicts wait for a decision.", m_conflicts.size()));
    m_status->setText(status);
    if (!m_conflicts.isEmpty()) {
        m_conflictList->setCurrentRow(0);
    }
    showSelectedConflict();
}

void SyncView::showSelectedConflict()
{
    const int row = m_conflictList->currentRow();
    const bool selected = row >= 0 && row < m_conflicts.size();
    const Sync::Conflict conflict = selected ? m_conflicts.at(row) : Sync::Conflict();
    const bool textual = selected && conflict.reason == Sync::Conflict::Reason::ConcurrentEdit;
    m_conflictDescription->setText(selected ? conflict.description() : QString());
    m_current->setPlainText(selected ? conflict.currentValue : QString());
    m_other->setPlainText(selected ? conflict.lostValue : QString());
    m_merged->setPlainText(textual ? conflict.currentValue : QString());
    m_keepMine->setEnabled(selected);
    m_keepTheirs->setEnabled(selected && conflict.reason != Sync::Conflict::Reason::EditedWhileDeleted);
    m_keepTheirs->setText(selected && conflict.reason == Sync::Conflict::Reason::EditedWhileApproved ? i18nc("@action:button", "Approve Current Text")
                                                                                                     : i18nc("@action:button", "Keep Theirs"));
    m_merged->setEnabled(textual);
    m_useMerged->setEnabled(textual);
}

void SyncView::resolve(Sync::Replica::Resolution resolution)
{
    const int row = m_conflictList->currentRow();
    if (!m_replica || row < 0 || row >= m_conflicts.size()) {
        return;
    }
    auto done = m_replica->resolve(m_conflicts.at(row).id, resolution, m_merged->toPlainText());
    if (!done) {
        Q_EMIT resolutionFailed(done.error().message());
    }
    refresh();
}

} // namespace Chorus::Desktop
