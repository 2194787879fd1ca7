// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "syncview.h"

#include "store/store.h"
#include "sync/sharedfolder.h"

#include <KConfigGroup>
#include <KLocalizedString>
#include <KSharedConfig>

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

/// The shared-folder settings of one database file.
KConfigGroup settingsFor(Store::Store *store)
{
    const QString path = store ? store->database().path() : QString();
    const QString key = path.isEmpty() || path == u":memory:" ? QString() : QFileInfo(path).absoluteFilePath();
    return KSharedConfig::openConfig()->group(u"SharedFolderSync"_s).group(key.isEmpty() ? u"(in memory)"_s : key);
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

    auto *folderBox = new QGroupBox(i18nc("@title:group", "Sync Through a Shared Folder"), this);
    auto *form = new QFormLayout(folderBox);
    m_computerName = new QLineEdit(folderBox);
    m_computerName->setObjectName(u"computerName"_s);
    m_computerName->setPlaceholderText(i18nc("@info:placeholder", "Ana's laptop"));
    m_computerName->setToolTip(i18nc("@info:tooltip", "How the other computers of the coalition name this one in their lists and conflicts."));
    form->addRow(i18nc("@label:textbox", "This computer's name:"), m_computerName);
    m_folderEnabled = new QCheckBox(i18nc("@option:check", "Exchange changes through a shared folder"), folderBox);
    m_folderEnabled->setObjectName(u"sharedFolderEnabled"_s);
    m_folderEnabled->setToolTip(i18nc("@info:tooltip",
                                      "A folder that a file-sync tool (Syncthing, Nextcloud, a network share, a USB stick) carries between "
                                      "the coalition's computers. Each computer writes its changes there and reads the others'."));
    form->addRow(m_folderEnabled);
    auto *folderRow = new QHBoxLayout;
    m_folderPath = new QLineEdit(folderBox);
    m_folderPath->setObjectName(u"sharedFolderPath"_s);
    m_folderPath->setPlaceholderText(i18nc("@info:placeholder", "Choose the shared folder"));
    m_chooseFolder = new QPushButton(QIcon::fromTheme(u"folder-open"_s), i18nc("@action:button", "Choose…"), folderBox);
    m_chooseFolder->setObjectName(u"chooseFolderButton"_s);
    folderRow->addWidget(m_folderPath, 1);
    folderRow->addWidget(m_chooseFolder);
    form->addRow(i18nc("@label:textbox", "Shared folder:"), folderRow);
    auto *roundRow = new QHBoxLayout;
    m_folderStatus = new QLabel(folderBox);
    m_folderStatus->setObjectName(u"sharedFolderStatus"_s);
    m_folderStatus->setWordWrap(true);
    m_syncNow = new QPushButton(QIcon::fromTheme(u"view-refresh"_s), i18nc("@action:button", "Sync Now"), folderBox);
    m_syncNow->setObjectName(u"syncNowButton"_s);
    roundRow->addWidget(m_folderStatus, 1);
    roundRow->addWidget(m_syncNow);
    form->addRow(roundRow);
    layout->addWidget(folderBox);

    connect(m_computerName, &QLineEdit::editingFinished, this, &SyncView::rename);
    connect(m_chooseFolder, &QPushButton::clicked, this, &SyncView::chooseFolder);
    connect(m_folderEnabled, &QCheckBox::toggled, this, [this] {
        saveSharedFolderSettings();
    });
    connect(m_folderPath, &QLineEdit::editingFinished, this, [this] {
        saveSharedFolderSettings();
    });
    connect(m_syncNow, &QPushButton::clicked, this, &SyncView::synchronizeNow);

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
    delete m_sharedFolder;
    m_sharedFolder = nullptr;
    m_store = store;
    m_replica = store ? std::make_unique<Sync::Replica>(*store) : nullptr;
    m_folderStatus->clear();
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
    // The settings of this database; with shared-folder sync on, the others' changes come in now.
    m_loadingSettings = true;
    const KConfigGroup settings = settingsFor(store);
    m_folderPath->setText(store ? settings.readEntry("Folder", QString()) : QString());
    m_folderEnabled->setChecked(store && settings.readEntry("Enabled", false));
    m_computerName->setText(store ? store->replicaName() : QString());
    m_loadingSettings = false;
    for (QWidget *widget : {static_cast<QWidget *>(m_computerName),
                            static_cast<QWidget *>(m_folderEnabled),
                            static_cast<QWidget *>(m_folderPath),
                            static_cast<QWidget *>(m_chooseFolder)}) {
        widget->setEnabled(store);
    }
    applySharedFolderSettings();
    refresh();
}

void SyncView::rename()
{
    if (!m_store || m_computerName->text().trimmed() == m_store->replicaName()) {
        return;
    }
    if (auto done = m_store->setReplicaName(m_computerName->text()); !done) {
        m_computerName->setText(m_store->replicaName());
        Q_EMIT resolutionFailed(done.error().message());
        return;
    }
    refresh();
}

void SyncView::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, i18nc("@title:window", "Choose the Shared Folder"), m_folderPath->text());
    if (folder.isEmpty()) {
        return;
    }
    m_folderPath->setText(folder);
    m_folderEnabled->setChecked(true);
    saveSharedFolderSettings();
}

void SyncView::saveSharedFolderSettings()
{
    if (m_loadingSettings || !m_store) {
        return;
    }
    KConfigGroup settings = settingsFor(m_store);
    settings.writeEntry("Folder", m_folderPath->text().trimmed());
    settings.writeEntry("Enabled", m_folderEnabled->isChecked());
    settings.sync();
    applySharedFolderSettings();
}

// Starts or stops shared-folder sync as the settings say; a new folder is synchronized at once.
void SyncView::applySharedFolderSettings()
{
    const QString folder = m_folderPath->text().trimmed();
    const bool wanted = m_store && m_folderEnabled->isChecked() && !folder.isEmpty();
    m_folderPath->setEnabled(m_store);
    m_syncNow->setEnabled(wanted);
    if (m_sharedFolder && (!wanted || m_sharedFolder->folder() != folder)) {
        delete m_sharedFolder;
        m_sharedFolder = nullptr;
        m_folderStatus->setText(wanted ? QString() : i18nc("@info", "Shared-folder sync is off."));
    }
    if (!wanted || m_sharedFolder) {
        if (!m_store) {
            m_folderStatus->clear();
        } else if (!wanted) {
            m_folderStatus->setText(i18nc("@info", "Shared-folder sync is off."));
        }
        return;
    }
    m_sharedFolder = new Sync::SharedFolder(*m_store, folder, this);
    connect(m_sharedFolder, &Sync::SharedFolder::synchronized, this, [this](const Sync::SharedFolder::Summary &summary) {
        QString text = summary.from.isEmpty()
            ? i18nc("@info %1 is a time", "Synchronized at %1.", QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
            : i18nc("@info %1 is a time, %2 a list of computers' names",
                    "Synchronized at %1, with changes from %2.",
                    QLocale().toString(QTime::currentTime(), QLocale::ShortFormat),
                    summary.from.join(i18nc("@info separator between the items of a list", ", ")));
        if (!summary.problems.isEmpty()) {
            text += u' ' + summary.problems.join(u' ');
        }
        showRound(text);
    });
    connect(m_sharedFolder, &Sync::SharedFolder::failed, this, &SyncView::showRound);
    m_sharedFolder->setWatching(true);
    synchronizeNow();
}

void SyncView::synchronizeNow()
{
    if (!m_sharedFolder) {
        return;
    }
    auto round = m_sharedFolder->synchronize();
    if (!round) {
        showRound(round.error().message());
    } else if (round.value().filesWritten == 0 && round.value().filesImported == 0 && round.value().problems.isEmpty()) {
        showRound(i18nc("@info %1 is a time", "Synchronized at %1: nothing new.", QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    }
}

void SyncView::showRound(const QString &text)
{
    m_folderStatus->setText(text);
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
    const bool link = selected && conflict.reason == Sync::Conflict::Reason::LinkedToDeleted;
    m_conflictDescription->setText(selected ? conflict.description() : QString());
    if (link) {
        // Records by name, not by id: what the link is now, and the deleted record it pointed to.
        const QString field = Domain::fieldLabel(conflict.kind, conflict.field);
        QString now = !conflict.recordExists ? i18nc("@info the record that lost its link is gone", "%1 was deleted with it.", conflict.recordLabel)
                                             : i18nc("@info %1 is a field, e.g. campaign", "No %1.", field);
        const Domain::Field *info = Domain::entity(conflict.kind).field(conflict.field);
        if (!conflict.currentValue.isEmpty() && m_store && info && info->references) {
            if (const std::optional<Domain::Record> linked = m_store->fetch(*info->references, conflict.currentValue)) {
                now = m_store->recordLabel(*info->references, *linked);
            }
        }
        m_current->setPlainText(now);
        m_other->setPlainText(i18nc("@info %1 names a deleted record, %2 a computer", "%1, deleted on %2", conflict.linkedLabel, conflict.deletedBy));
    } else {
        m_current->setPlainText(selected ? conflict.currentValue : QString());
        m_other->setPlainText(selected ? conflict.lostValue : QString());
    }
    m_merged->setPlainText(textual ? conflict.currentValue : QString());
    m_keepMine->setEnabled(selected);
    m_keepMine->setText(link ? i18nc("@action:button leave a link empty whose record was deleted", "Accept the Deletion")
                             : i18nc("@action:button", "Keep Mine"));
    m_keepMine->setToolTip(link ? i18nc("@info:tooltip", "Leave the record without the link: the deleted record stays deleted.") : QString());
    m_keepTheirs->setEnabled(selected && conflict.reason != Sync::Conflict::Reason::EditedWhileDeleted && (!link || conflict.recordExists));
    m_keepTheirs->setText(selected && conflict.reason == Sync::Conflict::Reason::EditedWhileApproved ? i18nc("@action:button", "Approve Current Text")
                              : link ? i18nc("@action:button bring a deleted record back", "Bring It Back")
                                     : i18nc("@action:button", "Keep Theirs"));
    m_keepTheirs->setToolTip(
        link ? i18nc("@info:tooltip", "Make the deleted record again, as it was last known, and link to it every record that lost its link to it.")
             : QString());
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
