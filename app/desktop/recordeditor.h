// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"

#include <QHash>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class KMessageWidget;
class QFormLayout;
class QLabel;

namespace Chorus::Models
{
class EditHistory;
class RecordListModel;
} // namespace Chorus::Models

namespace Chorus::Desktop
{

/**
 * The detail editor of one record, generated from its kind's fields: a line per field, with the
 * editor that fits its type. There is no Save button: a field is written through the edit
 * history (so it can be undone) as soon as the user leaves it. A value the store refuses stays
 * in the field, with the store's message above the form.
 *
 * Each field's editor is named "field_<name>" (e.g. "field_title").
 */
class RecordEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RecordEditor(Domain::Kind kind, QWidget *parent = nullptr);
    ~RecordEditor() override;

    void setHistory(Models::EditHistory *history);
    /// Shows the record with id (empty: none) and follows its changes.
    void setRecord(const QString &id);
    [[nodiscard]] QString recordId() const
    {
        return m_id;
    }
    [[nodiscard]] Domain::Kind kind() const
    {
        return m_kind;
    }
    /// The record as stored (empty when none is shown).
    [[nodiscard]] Domain::Record record() const
    {
        return m_record;
    }
    /// The editor of field, or null.
    [[nodiscard]] QWidget *fieldEditor(const QString &field) const
    {
        return m_editors.value(field);
    }
    /// Makes field read-only (or editable again), whatever its type.
    void setFieldReadOnly(const QString &field, bool readOnly);
    /// Stores the image in path (as a PNG, at most 800 pixels wide and high) as the picture field; says why not when it is no image.
    bool setImageFromFile(const QString &field, const QString &path);
    /// Writes what the field being edited holds now, as leaving it would.
    void commitPendingEdits();
    /// Shows message above the form (an error when error is set); empty hides it.
    void showMessage(const QString &message, bool error = true);

Q_SIGNALS:
    /// The record shown was (re)loaded from the store: another record, or a change to it.
    void recordLoaded(const Chorus::Domain::Record &record);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void load();
    void commit(const QString &field, const QVariant &value);
    void resolveReference(const QString &field);
    /// Writes a date or instant field, refusing a wall-clock time the zone skips.
    void commitDate(const QString &field);
    /// The zone on whose clock the record's instants are shown.
    [[nodiscard]] QTimeZone zoneOf() const;
    [[nodiscard]] QVariant editorValue(const Domain::Field &field) const;
    void showValue(const Domain::Field &field, const QVariant &value);
    QString titleOf(Domain::Kind kind, const QString &id) const;

    Domain::Kind m_kind;
    QPointer<Models::EditHistory> m_history;
    QString m_id;
    Domain::Record m_record;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_referenceIds; ///< the id a reference field shows
    QHash<QString, Models::RecordListModel *> m_candidates; ///< what a reference field offers
    KMessageWidget *m_message = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_layout = nullptr;
    bool m_loading = false;
};

} // namespace Chorus::Desktop
