// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordeditor.h"

#include "events/sitetime.h"
#include "instantedit.h"
#include "models/edithistory.h"
#include "models/recordlistmodel.h"
#include "store/store.h"

#include <KLocalizedString>
#include <KMessageWidget>

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFocusEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

namespace
{

// EntityInfo::field() lives in the core library without being exported.
const Field *fieldOf(Kind kind, QStringView name)
{
    for (const Field &field : entity(kind).fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

bool isEmptyValue(const QVariant &value)
{
    return !value.isValid() || value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty())
        || (value.typeId() == QMetaType::QByteArray && value.toByteArray().isEmpty());
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (isEmptyValue(a) || isEmptyValue(b)) {
        return isEmptyValue(a) == isEmptyValue(b);
    }
    if (a.typeId() == QMetaType::QByteArray || b.typeId() == QMetaType::QByteArray) {
        return a.toByteArray() == b.toByteArray();
    }
    return a.toString() == b.toString();
}

QString formLabel(Kind kind, const QString &field)
{
    QString label = fieldLabel(kind, field);
    if (!label.isEmpty()) {
        label[0] = label.at(0).toUpper();
    }
    return i18nc("@label:textbox form label; %1 is the name of a field", "%1:", label);
}

/// The field that names the zone on whose clock a kind's instants are shown, if any.
QString zoneFieldOf(Kind kind)
{
    switch (kind) {
    case Kind::Site:
        return u"time_zone"_s;
    case Kind::Task:
        return u"due_time_zone"_s;
    case Kind::PressKit:
        return u"embargo_time_zone"_s;
    default:
        return {};
    }
}

QString placeholderFor(FieldType type)
{
    switch (type) {
    case FieldType::TimeZone:
        return i18nc("@info:placeholder", "e.g. America/Los_Angeles");
    case FieldType::Language:
        return i18nc("@info:placeholder", "e.g. en, es");
    case FieldType::Url:
        return i18nc("@info:placeholder", "https://…");
    default:
        return {};
    }
}

} // namespace

RecordEditor::RecordEditor(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setObjectName(u"recordEditor_"_s + entity(kind).key);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_message = new KMessageWidget(this);
    m_message->setObjectName(u"editorMessage"_s);
    m_message->setWordWrap(true);
    m_message->setCloseButtonVisible(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_placeholder = new QLabel(i18nc("@info", "Choose a record in the list, or create a new one."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    layout->addWidget(m_placeholder, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Tab goes from the list straight to the first field (the scroll area took a Tab of its own
    // and showed no focus); the form scrolls to the field that has the focus.
    scroll->setFocusPolicy(Qt::NoFocus);
    m_form = new QWidget(scroll);
    m_layout = new QFormLayout(m_form);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    scroll->setWidget(m_form);
    layout->addWidget(scroll, 3);
    build();
    m_form->parentWidget()->parentWidget()->hide();
}

RecordEditor::~RecordEditor()
{
    // Children lose their focus (and a line edit then finishes its editing) while QWidget's
    // destructor closes the window, after this editor's members are gone: stop listening first.
    for (QWidget *editor : std::as_const(m_editors)) {
        editor->removeEventFilter(this);
        disconnect(editor, nullptr, this, nullptr);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            // The completer goes before the candidates it shows.
            delete line->completer();
        }
    }
}

void RecordEditor::build()
{
    for (const Field &field : entity(m_kind).fields) {
        QWidget *editor = nullptr;
        switch (field.type) {
        case FieldType::Blob: {
            if (field.name != u"logo" && field.name != u"photo") {
                continue;
            }
            // A picture: its preview, and buttons to choose another or remove it.
            auto *box = new QWidget(m_form);
            auto *row = new QHBoxLayout(box);
            row->setContentsMargins(0, 0, 0, 0);
            auto *preview = new QLabel(box);
            preview->setObjectName(u"picture_"_s + field.name);
            preview->setFixedSize(132, 80);
            preview->setAlignment(Qt::AlignCenter);
            preview->setFrameShape(QFrame::StyledPanel);
            auto *choose = new QPushButton(QIcon::fromTheme(u"document-open"_s), i18nc("@action:button", "Choose Image…"), box);
            choose->setObjectName(u"choose_"_s + field.name);
            connect(choose, &QPushButton::clicked, this, [this, name = field.name] {
                const QString file = QFileDialog::getOpenFileName(this,
                                                                  i18nc("@title:window", "Choose an Image"),
                                                                  QString(),
                                                                  i18nc("@item:inlistbox file filter", "Images (*.png *.jpg *.jpeg *.svg *.gif *.bmp *.webp)"));
                if (!file.isEmpty()) {
                    setImageFromFile(name, file);
                }
            });
            auto *remove = new QPushButton(QIcon::fromTheme(u"edit-clear"_s), i18nc("@action:button", "Remove"), box);
            remove->setObjectName(u"remove_"_s + field.name);
            connect(remove, &QPushButton::clicked, this, [this, name = field.name] {
                commit(name, QVariant());
            });
            // The buttons stand one above the other beside the picture: the row stays narrow
            // enough for a narrow pane and long labels.
            auto *buttons = new QVBoxLayout;
            buttons->addWidget(choose);
            buttons->addWidget(remove);
            buttons->addStretch(1);
            row->addWidget(preview);
            row->addLayout(buttons);
            row->addStretch(1);
            editor = box;
            break;
        }
        case FieldType::Json:
            continue;
        case FieldType::LongText: {
            auto *text = new QPlainTextEdit(m_form);
            text->setTabChangesFocus(true);
            text->setMinimumHeight(fontMetrics().lineSpacing() * (field.name == u"text" ? 6 : 4));
            text->installEventFilter(this);
            editor = text;
            break;
        }
        case FieldType::Boolean: {
            auto *check = new QCheckBox(m_form);
            connect(check, &QCheckBox::clicked, this, [this, name = field.name](bool checked) {
                commit(name, checked);
            });
            editor = check;
            break;
        }
        case FieldType::Choice: {
            auto *combo = new QComboBox(m_form);
            if (!field.required) {
                combo->addItem(i18nc("@item no value chosen", "(not set)"), QString());
            }
            for (const QString &choice : field.choices) {
                combo->addItem(choiceLabel(field.name, choice), choice);
            }
            connect(combo, &QComboBox::activated, this, [this, combo, name = field.name] {
                commit(name, combo->currentData());
            });
            editor = combo;
            break;
        }
        case FieldType::Reference: {
            auto *line = new QLineEdit(m_form);
            line->setClearButtonEnabled(true);
            line->setPlaceholderText(i18nc("@info:placeholder %1 is a kind of record", "Type to find the %1", kindLabel(*field.references)));
            // The list of candidates is filtered in SQL as the user types: no full list in memory.
            auto *candidates = new Models::RecordListModel(*field.references, line);
            auto *completer = new QCompleter(candidates, line);
            completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
            completer->setCompletionColumn(0);
            // The text a candidate puts in the field when highlighted or chosen: its name. (The
            // default, the edit role, is empty in the list model: choosing a candidate with the
            // keyboard emptied the field, and leaving it then unlinked the record.)
            completer->setCompletionRole(Qt::DisplayRole);
            line->setCompleter(completer);
            // The candidates are filtered once the key press is handled, never inside the completer's own work.
            auto *typing = new QTimer(line);
            typing->setSingleShot(true);
            typing->setInterval(100);
            connect(line, &QLineEdit::textEdited, typing, qOverload<>(&QTimer::start));
            connect(typing, &QTimer::timeout, candidates, [this, line, candidates, completer] {
                if (!candidates->store() && m_history) {
                    candidates->setStore(m_history->store());
                }
                candidates->setFilterText(line->text());
                if (line->hasFocus() && !line->text().trimmed().isEmpty()) {
                    completer->complete();
                }
            });
            connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this, line, name = field.name](const QModelIndex &index) {
                m_referenceIds.insert(name, index.data(Models::RecordListModel::IdRole).toString());
                line->setText(index.data().toString());
                commit(name, m_referenceIds.value(name));
            });
            connect(line, &QLineEdit::editingFinished, this, [this, name = field.name] {
                resolveReference(name);
            });
            // Leaving the field while the list of candidates is open finishes no editing: watch the focus too.
            line->installEventFilter(this);
            m_candidates.insert(field.name, candidates);
            editor = line;
            break;
        }
        case FieldType::Date:
        case FieldType::DateTime: {
            auto *instant = new InstantEdit(field.type == FieldType::Date ? InstantEdit::Mode::Date : InstantEdit::Mode::DateTime, !field.required, m_form);
            instant->dateTimeEdit()->setAccessibleName(fieldLabel(m_kind, field.name));
            connect(instant, &InstantEdit::editingFinished, this, [this, name = field.name] {
                commitDate(name);
            });
            editor = instant;
            break;
        }
        default: {
            auto *line = new QLineEdit(m_form);
            line->setPlaceholderText(placeholderFor(field.type));
            connect(line, &QLineEdit::editingFinished, this, [this, name = field.name] {
                const Field *field = fieldOf(m_kind, name);
                commit(name, editorValue(*field));
            });
            editor = line;
            break;
        }
        }
        editor->setObjectName(u"field_"_s + field.name);
        const QString label = formLabel(m_kind, field.name);
        editor->setAccessibleName(fieldLabel(m_kind, field.name));
        m_layout->addRow(label, editor);
        m_editors.insert(field.name, editor);
    }
    if (m_kind == Kind::Quote) {
        // The approval is given and taken back with the workflow buttons, not typed.
        for (const QString &field : {u"state"_s, u"approved_by"_s, u"approved_at"_s}) {
            setFieldReadOnly(field, true);
        }
    }
}

void RecordEditor::setHistory(Models::EditHistory *history)
{
    if (m_history && m_history->store()) {
        disconnect(m_history->store(), nullptr, this, nullptr);
    }
    m_history = history;
    setRecord({});
}

void RecordEditor::setRecord(const QString &id)
{
    if (m_history && m_history->store()) {
        disconnect(m_history->store(), nullptr, this, nullptr);
    }
    m_id = id;
    m_message->hide();
    if (m_history && m_history->store() && !id.isEmpty()) {
        connect(m_history->store(), &Store::Store::changed, this, [this](const QList<Store::Change> &changes) {
            for (const Store::Change &change : changes) {
                if (change.kind == m_kind && change.id == m_id) {
                    if (change.operation == Store::Change::Operation::Deleted) {
                        setRecord({});
                        return;
                    }
                    load();
                    return;
                }
            }
        });
    }
    load();
}

void RecordEditor::load()
{
    std::optional<Record> record;
    if (m_history && m_history->store() && !m_id.isEmpty()) {
        record = m_history->store()->fetch(m_kind, m_id);
    }
    const bool shown = record.has_value();
    m_placeholder->setVisible(!shown);
    m_form->parentWidget()->parentWidget()->setVisible(shown);
    m_record = record.value_or(Record());
    if (!shown) {
        m_id.clear();
        Q_EMIT recordLoaded(m_record);
        return;
    }
    m_loading = true;
    for (const Field &field : entity(m_kind).fields) {
        if (m_editors.contains(field.name)) {
            showValue(field, m_record.value(field.name));
        }
    }
    m_loading = false;
    Q_EMIT recordLoaded(m_record);
}

QString RecordEditor::titleOf(Kind kind, const QString &id) const
{
    if (id.isEmpty() || !m_history || !m_history->store()) {
        return {};
    }
    const std::optional<Record> target = m_history->store()->fetch(kind, id);
    return target ? target->value(entity(kind).titleField).toString() : QString();
}

bool RecordEditor::setImageFromFile(const QString &field, const QString &path)
{
    QImage image(path);
    if (image.isNull()) {
        showMessage(i18nc("@info %1 is a file, %2 a field",
                          "%1 is not an image Chorus can read, so the %2 was not changed.",
                          QDir::toNativeSeparators(path),
                          fieldLabel(m_kind, field)));
        return false;
    }
    // Stored as a PNG no larger than it is ever shown: a photo from a camera would weigh
    // megabytes in every copy and sync bundle of the database.
    constexpr int largest = 800;
    if (image.width() > largest || image.height() > largest) {
        image = image.scaled(largest, largest, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        showMessage(i18nc("@info %1 is a file", "%1 could not be converted to PNG.", QDir::toNativeSeparators(path)));
        return false;
    }
    commit(field, png);
    return true;
}

void RecordEditor::showValue(const Field &field, const QVariant &value)
{
    QWidget *editor = m_editors.value(field.name);
    if (field.type == FieldType::Blob) {
        auto *preview = editor->findChild<QLabel *>(u"picture_"_s + field.name);
        const QByteArray bytes = value.toByteArray();
        QImage image;
        if (bytes.isEmpty()) {
            preview->setPixmap(QPixmap());
            preview->setText(i18nc("@info no picture", "(none)"));
        } else if (image.loadFromData(bytes)) {
            preview->setPixmap(QPixmap::fromImage(image.scaled(preview->size() - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        } else {
            preview->setPixmap(QPixmap());
            preview->setText(i18nc("@info the stored picture cannot be shown", "Not an image"));
        }
        editor->findChild<QPushButton *>(u"remove_"_s + field.name)->setEnabled(!bytes.isEmpty());
        return;
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        if (text->toPlainText() != value.toString()) {
            text->setPlainText(value.toString());
        }
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(value.toBool());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
    } else if (auto *instant = qobject_cast<InstantEdit *>(editor)) {
        if (instant->mode() == InstantEdit::Mode::DateTime) {
            instant->setZone(zoneOf());
        }
        instant->setStoredValue(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (field.type == FieldType::Reference) {
            m_referenceIds.insert(field.name, value.toString());
            line->setText(titleOf(*field.references, value.toString()));
        } else if (value.typeId() == QMetaType::LongLong) {
            line->setText(QString::number(value.toLongLong()));
        } else {
            line->setText(value.toString());
        }
        // A long value shows its beginning, not its end.
        line->setCursorPosition(0);
    }
}

QVariant RecordEditor::editorValue(const Field &field) const
{
    if (field.type == FieldType::Blob) {
        // A picture changes only through its buttons.
        return m_record.value(field.name);
    }
    QWidget *editor = m_editors.value(field.name);
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        return text->toPlainText();
    }
    if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        return check->isChecked();
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        return combo->currentData();
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        const QString text = line->text().trimmed();
        if (field.type == FieldType::Reference) {
            return m_referenceIds.value(field.name);
        }
        if ((field.type == FieldType::Count || field.type == FieldType::Integer) && !text.isEmpty()) {
            bool ok = false;
            const qint64 number = QLocale().toLongLong(text, &ok);
            if (ok) {
                return number;
            }
            const qint64 plain = text.toLongLong(&ok);
            return ok ? QVariant(plain) : QVariant(text);
        }
        return text;
    }
    return {};
}

void RecordEditor::commit(const QString &field, const QVariant &value)
{
    if (m_loading || m_id.isEmpty() || !m_history) {
        return;
    }
    if (sameValue(value, m_record.value(field))) {
        return;
    }
    const Field *info = fieldOf(m_kind, field);
    if ((info->type == FieldType::Count || info->type == FieldType::Integer) && value.typeId() == QMetaType::QString && !value.toString().isEmpty()) {
        showMessage(i18nc("@info %1 names the record, %2 the field, %3 what was typed",
                          "%1: the %2 must be a whole number, not “%3”.",
                          m_history->store()->recordLabel(m_kind, m_record),
                          fieldLabel(m_kind, field),
                          value.toString()));
        return;
    }
    if (auto written = m_history->update(m_kind, m_id, {{field, isEmptyValue(value) ? QVariant() : value}}); !written) {
        showMessage(written.error().message());
        return;
    }
    m_message->hide();
}

QTimeZone RecordEditor::zoneOf() const
{
    const QString field = zoneFieldOf(m_kind);
    // An unknown or unset zone: the user's own clock.
    return field.isEmpty() ? QTimeZone::systemTimeZone() : Events::zoneFromId(m_record.value(field).toString());
}

void RecordEditor::commitDate(const QString &name)
{
    auto *instant = qobject_cast<InstantEdit *>(m_editors.value(name));
    if (!instant || m_loading || m_id.isEmpty() || !m_history) {
        return;
    }
    if (instant->isEmpty()) {
        commit(name, QVariant());
        return;
    }
    if (instant->mode() == InstantEdit::Mode::Date) {
        commit(name, instant->date().toString(Qt::ISODate));
        return;
    }
    // The wall-clock time becomes an instant on the zone's clock, unless the clocks jump over it.
    auto resolved = Events::instantFromLocal(instant->date(), instant->time(), instant->zone(), m_history->store()->recordLabel(m_kind, m_record));
    if (!resolved) {
        showMessage(resolved.error().message());
        return;
    }
    commit(name, resolved.value().instant.toString(Qt::ISODate));
}

void RecordEditor::resolveReference(const QString &name)
{
    auto *line = qobject_cast<QLineEdit *>(m_editors.value(name));
    Models::RecordListModel *candidates = m_candidates.value(name);
    const Field *field = fieldOf(m_kind, name);
    if (!line || !candidates || m_id.isEmpty()) {
        return;
    }
    const QString shown = titleOf(*field->references, m_record.value(name).toString());
    if (line->text().trimmed() == shown) {
        return;
    }
    if (line->text().trimmed().isEmpty()) {
        commit(name, QVariant());
        return;
    }
    // Typed without choosing: take it when exactly one record matches. (Looked up apart from the
    // completer's candidates, which must not change while the completer handles the focus.)
    Models::RecordListModel lookup(*field->references);
    lookup.setStore(m_history ? m_history->store() : nullptr);
    lookup.setFilterText(line->text());
    if (lookup.rowCount() == 1) {
        line->setText(lookup.index(0, 0).data().toString());
        commit(name, lookup.idAt(0));
        return;
    }
    showMessage(i18nc("@info %1 is what the user typed, %2 a kind of record, %3 a field",
                      "No single %2 matches “%1”: choose one from the list for the %3.",
                      line->text().trimmed(),
                      kindLabel(*field->references),
                      fieldLabel(m_kind, name)));
}

void RecordEditor::commitPendingEdits()
{
    QWidget *focused = focusWidget();
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        if (it.value() == focused || it.value()->isAncestorOf(focused)) {
            const Field *field = fieldOf(m_kind, it.key());
            if (field->type == FieldType::Reference) {
                resolveReference(it.key());
            } else if (field->type == FieldType::Date || field->type == FieldType::DateTime) {
                commitDate(it.key());
            } else {
                commit(it.key(), editorValue(*field));
            }
        }
    }
}

void RecordEditor::setFieldReadOnly(const QString &field, bool readOnly)
{
    QWidget *editor = m_editors.value(field);
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        text->setReadOnly(readOnly);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setReadOnly(readOnly);
    } else if (auto *instant = qobject_cast<InstantEdit *>(editor)) {
        instant->setReadOnly(readOnly);
    } else if (editor) {
        editor->setEnabled(!readOnly);
    }
}

void RecordEditor::showMessage(const QString &message, bool error)
{
    if (message.isEmpty()) {
        m_message->hide();
        return;
    }
    if (m_message->isVisible() && m_message->text() == message) {
        return;
    }
    m_message->setText(message);
    m_message->setMessageType(error ? KMessageWidget::Error : KMessageWidget::Information);
    m_message->show();
}

bool RecordEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason) {
        for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
            if (it.value() == watched) {
                const Field *field = fieldOf(m_kind, it.key());
                if (field->type == FieldType::Reference) {
                    resolveReference(it.key());
                } else {
                    commit(it.key(), editorValue(*field));
                }
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chorus::Desktop
