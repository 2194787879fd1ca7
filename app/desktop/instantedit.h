// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QToolButton;

namespace Chorus::Desktop
{

/**
 * The editor of a stored date or instant: a date (and time) field with a calendar, the time
 * zone's abbreviation beside it ("PDT") and, when the value may be empty, a button that clears it.
 *
 * An instant is stored in UTC ("2027-05-20T20:30:00Z") but shown and edited on the clock of a
 * zone (setZone()); a date is stored as "YYYY-MM-DD". The field edits the wall-clock date and
 * time; turning it into an instant, which can fail in a daylight-saving gap, is the caller's job.
 *
 * The date field is named "dateTime", the clear button "clear", the zone's label "zone".
 */
class InstantEdit : public QWidget
{
    Q_OBJECT

public:
    enum class Mode {
        DateTime, ///< an instant, edited on the clock of zone()
        Date, ///< a calendar date
    };

    InstantEdit(Mode mode, bool optional, QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const
    {
        return m_mode;
    }
    /// The zone whose clock shows the instant; an invalid zone means the user's own.
    void setZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone zone() const
    {
        return m_zone;
    }
    /// Shows a stored value (a UTC instant or a date; empty: not set). A value that cannot be
    /// read shows as not set.
    void setStoredValue(const QString &value);
    /// Whether no date is set.
    [[nodiscard]] bool isEmpty() const;
    /// The date shown (null when empty).
    [[nodiscard]] QDate date() const;
    /// The wall-clock time shown (null when empty or in Date mode).
    [[nodiscard]] QTime time() const;
    /// Shows date and time on the zone's clock, as if typed.
    void setLocalDateTime(const QDate &date, const QTime &time = {});
    /// Empties the field, as the clear button does (without announcing the end of the edit).
    void clear();
    void setReadOnly(bool readOnly);
    [[nodiscard]] QDateTimeEdit *dateTimeEdit() const
    {
        return m_edit;
    }

Q_SIGNALS:
    /// The user is done with the field: it lost the focus, Return was pressed or it was cleared.
    void editingFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateZoneLabel();

    Mode m_mode;
    bool m_optional;
    QTimeZone m_zone;
    QDateTimeEdit *m_edit = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QToolButton *m_clear = nullptr;
};

} // namespace Chorus::Desktop
