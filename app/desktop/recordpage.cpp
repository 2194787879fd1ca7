// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordpage.h"

#include "models/edithistory.h"
#include "models/recordlistmodel.h"
#include "recordeditor.h"
#include "store/store.h"

#include <KLocalizedString>
#include <KMessageBox>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

namespace
{

QString newRecordTitle(Kind kind)
{
    switch (kind) {
    case Kind::Organization:
        return i18nc("@item name of a record just created", "New organization");
    case Kind::Person:
        return i18nc("@item name of a record just created", "New person");
    case Kind::Quote:
        return i18nc("@item text of a quote just created", "New quote");
    case Kind::Event:
        return i18nc("@item name of a record just created", "New event");
    case Kind::PressKit:
        return i18nc("@item name of a record just created", "New press kit");
    case Kind::Campaign:
        return i18nc("@item name of a record just created", "New campaign");
    default:
        return i18nc("@item name of a record just created", "New record");
    }
}

} // namespace

RecordPage::RecordPage(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_model(new Models::RecordListModel(kind, this))
{
    setObjectName(u"page_"_s + entity(kind).key);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"splitter"_s);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter);

    auto *master = new QWidget(m_splitter);
    auto *masterLayout = new QVBoxLayout(master);
    masterLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(master);
    m_filter->setObjectName(u"filter"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(i18nc("@info:placeholder %1 is a plural kind of record, e.g. quotes", "Filter %1…", kindPluralLabel(kind).toLower()));
    m_filter->setAccessibleName(i18nc("@info:whatsthis accessible name; %1 is a plural kind of record", "Filter %1", kindPluralLabel(kind).toLower()));
    masterLayout->addWidget(m_filter);

    m_list = new QTreeView(master);
    m_list->setObjectName(u"list"_s);
    m_list->setAccessibleName(kindPluralLabel(kind));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // Connected before the view's selection model, which moves the current row to a neighbour.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        const int row = m_editor ? m_model->rowOf(m_editor->recordId()) : -1;
        m_keepEditedRecord =
            row >= first && row <= last && m_history && m_history->store() && m_history->store()->fetch(m_kind, m_editor->recordId()).has_value();
    });
    m_list->setModel(m_model);
    m_list->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->setSortingEnabled(true);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    masterLayout->addWidget(m_list, 1);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(QIcon::fromTheme(u"list-add"_s), i18nc("@action:button %1 is a kind of record", "Add %1", kindLabel(kind)), master);
    m_add->setObjectName(u"addButton"_s);
    m_delete = new QPushButton(QIcon::fromTheme(u"edit-delete"_s), i18nc("@action:button", "Delete"), master);
    m_delete->setObjectName(u"deleteButton"_s);
    m_delete->setEnabled(false);
    buttons->addWidget(m_add);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    masterLayout->addLayout(buttons);

    auto *detail = new QWidget(m_splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new RecordEditor(kind, detail);
    detailLayout->addWidget(m_editor, 3);
    m_extra = new QVBoxLayout;
    detailLayout->addLayout(m_extra);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({420, 580});
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] {
        m_model->setFilterText(m_filter->text());
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_filterTimer->stop();
        m_model->setFilterText(m_filter->text());
        m_list->setFocus(Qt::ShortcutFocusReason);
        if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0, 0));
        }
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecordPage::currentChanged);
    // A reset (new filter, sort, or a large write) loses the selection, not the record being edited.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_model->rowOf(m_editor->recordId()); row >= 0) {
            m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_keepEditedRecord) {
            m_list->selectionModel()->clear();
            m_keepEditedRecord = false;
        }
    });
    connect(m_add, &QPushButton::clicked, this, &RecordPage::addRecord);
    connect(m_delete, &QPushButton::clicked, this, &RecordPage::deleteRecord);
    // From the keyboard: Insert adds a record anywhere on the page, Delete deletes the chosen one
    // from the list (in a field it deletes characters, as always).
    auto *addShortcut = new QShortcut(QKeySequence(Qt::Key_Insert), this, this, &RecordPage::addRecord, Qt::WidgetWithChildrenShortcut);
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_list, this, &RecordPage::deleteRecord, Qt::WidgetShortcut);
    m_add->setToolTip(i18nc("@info:tooltip %1 is a key", "Add a record to this list (%1)", addShortcut->key().toString(QKeySequence::NativeText)));
    m_delete->setToolTip(i18nc("@info:tooltip %1 is a key",
                               "Delete the chosen record (%1 in the list); Edit ▸ Undo brings it back",
                               deleteShortcut->key().toString(QKeySequence::NativeText)));
    connect(m_editor, &RecordEditor::recordLoaded, this, [this](const Record &record) {
        m_delete->setEnabled(!record.isEmpty());
    });

    setTabOrder(m_filter, m_list);
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_delete);
}

RecordPage::~RecordPage() = default;

void RecordPage::setHistory(Models::EditHistory *history)
{
    m_history = history;
    m_editor->setHistory(history);
    // A page nobody has opened yet does not read its list (a large database opens faster).
    m_modelBound = false;
    m_model->setStore(nullptr);
    if (isVisible()) {
        bindModel();
        showFirstRecordIfNone();
    }
}

void RecordPage::showFirstRecordIfNone()
{
    // A page opens on its first record rather than on an empty form (also in another database).
    if (m_editor->recordId().isEmpty() && m_model->rowCount() > 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void RecordPage::bindModel()
{
    if (!m_modelBound) {
        m_modelBound = true;
        m_model->setStore(m_history ? m_history->store() : nullptr);
    }
}

void RecordPage::currentChanged()
{
    const QModelIndex current = m_list->currentIndex();
    const QString id = current.isValid() ? current.data(Models::RecordListModel::IdRole).toString() : QString();
    if (!id.isEmpty() && id != m_editor->recordId() && !m_keepEditedRecord) {
        m_editor->setRecord(id);
    }
}

void RecordPage::showRecord(const QString &id)
{
    bindModel();
    m_editor->setRecord(id);
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_list->scrollTo(m_model->index(row, 0));
    } else {
        m_list->selectionModel()->clearSelection();
    }
}

void RecordPage::showWhere(const QList<std::pair<QString, QVariant>> &conditions)
{
    bindModel();
    m_filter->clear();
    m_model->setFilterText(QString());
    m_model->clearConditions();
    for (const auto &[field, value] : conditions) {
        m_model->setCondition(field, value);
    }
}

void RecordPage::clearFilters()
{
    m_filter->clear();
    m_model->setFilterText(QString());
    m_model->clearConditions();
}

void RecordPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    bindModel();
    // Sized once the page is laid out: at its first show the list is not yet as wide as it will be,
    // and columns sized then were cut ("1,200,0…").
    if (!m_columnsSized && m_model->columnCount() > 1) {
        m_columnsSized = true;
        QTimer::singleShot(0, this, &RecordPage::sizeColumns);
    }
    showFirstRecordIfNone();
}

void RecordPage::sizeColumns()
{
    // The first column (names, quotes) takes the room the others leave; each other column is as
    // wide as its heading and its first values, up to a quarter of the list (and together no
    // more than 60 %). The user may resize them from there.
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    const int width = m_list->viewport()->width();
    const int others = m_model->columnCount() - 1;
    const int limit = std::max(60, std::min(width / 4, width * 60 / 100 / others));
    for (int column = 1; column < m_model->columnCount(); ++column) {
        m_list->resizeColumnToContents(column);
        m_list->setColumnWidth(column, std::min(m_list->columnWidth(column), limit));
    }
}

void RecordPage::focusList()
{
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void RecordPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void RecordPage::addRecord()
{
    if (!m_history || !m_history->store()) {
        return;
    }
    Store::Store &store = *m_history->store();
    const EntityInfo &info = entity(m_kind);
    Record record{{info.titleField, newRecordTitle(m_kind)}};
    // Required links are taken from the record being shown (a new quote by the same
    // spokesperson), else from the first record of that kind.
    for (const Field &field : info.fields) {
        if (field.type != FieldType::Reference || !field.required) {
            continue;
        }
        QString target = m_editor->record().value(field.name).toString();
        if (target.isEmpty()) {
            const QList<Record> candidates = store.fetchAll(*field.references);
            target = candidates.isEmpty() ? QString() : candidates.constFirst().value(u"id"_s).toString();
        }
        if (target.isEmpty()) {
            m_editor->showMessage(i18nc("@info %1 is a kind of record, %2 another kind, %3 a field",
                                        "To add a %1, first add a %2: every %1 needs its %3.",
                                        kindLabel(m_kind),
                                        kindLabel(*field.references),
                                        fieldLabel(m_kind, field.name)));
            return;
        }
        record.insert(field.name, target);
    }
    auto created = m_history->create(m_kind, record);
    if (!created) {
        m_editor->showMessage(created.error().message());
        return;
    }
    showRecord(created.value());
    // The name is selected, so typing replaces the placeholder.
    if (QWidget *title = m_editor->fieldEditor(info.titleField)) {
        title->setFocus(Qt::OtherFocusReason);
        if (auto *line = qobject_cast<QLineEdit *>(title)) {
            line->selectAll();
        } else if (title->metaObject()->indexOfMethod("selectAll()") >= 0) {
            QMetaObject::invokeMethod(title, "selectAll");
        }
    }
}

void RecordPage::deleteRecord()
{
    const QString id = m_editor->recordId();
    if (!m_history || id.isEmpty()) {
        return;
    }
    auto removed = m_history->remove(m_kind, id);
    if (!removed && removed.error().code() == Error::Code::Refused) {
        // People of an organization, quotes of a person: the user decides what becomes of them.
        const bool organization = m_kind == Kind::Organization;
        const KGuiItem deleteThemToo(i18nc("@action:button", "Delete Them Too"), u"edit-delete"_s);
        Store::DeletePolicy policy;
        if (organization) {
            const auto answer = KMessageBox::questionTwoActionsCancel(this,
                                                                      removed.error().message(),
                                                                      i18nc("@title:window", "Delete"),
                                                                      KGuiItem(i18nc("@action:button", "Keep Them Without Organization"), u"edit-delete"_s),
                                                                      deleteThemToo);
            if (answer == KMessageBox::PrimaryAction) {
                policy = Store::DeletePolicy::Detach;
            } else if (answer == KMessageBox::SecondaryAction) {
                policy = Store::DeletePolicy::DeleteDependents;
            } else {
                return;
            }
        } else {
            // One choice and Cancel (the question with two choices showed Cancel twice).
            if (KMessageBox::warningContinueCancel(this, removed.error().message(), i18nc("@title:window", "Delete"), deleteThemToo) != KMessageBox::Continue) {
                return;
            }
            policy = Store::DeletePolicy::DeleteDependents;
        }
        removed = m_history->remove(m_kind, id, policy);
    }
    if (!removed) {
        m_editor->showMessage(removed.error().message());
    }
}

} // namespace Chorus::Desktop
