// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "instantedit.h"

#include "events/sitetime.h"

#include <KLocalizedString>

#include <QCalendarWidget>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Chorus::Desktop
{

namespace
{

/// The oldest value the field holds; shown as "not set".
const QDateTime Unset(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::UTC);

/// The locale's short date with the year in full: a date two digits long is ambiguous.
QString dateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s)) {
        format.replace(u"yy"_s, u"yyyy"_s);
    }
    return format;
}

/// A date field that Tab leaves when it shows "(not set)": QDateTimeEdit moves Tab from section to
/// section, and on its special text it finds no next section and kept the focus for ever.
class DateTimeField : public QDateTimeEdit
{
public:
    using QDateTimeEdit::QDateTimeEdit;

protected:
    bool focusNextPrevChild(bool next) override
    {
        if (dateTime() == minimumDateTime() && !specialValueText().isEmpty()) {
            return QWidget::focusNextPrevChild(next);
        }
        return QDateTimeEdit::focusNextPrevChild(next);
    }
};

} // namespace

InstantEdit::InstantEdit(Mode mode, bool optional, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_optional(optional)
    , m_zone(QTimeZone::systemTimeZone())
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The field holds the wall-clock time itself, in UTC so that Qt never moves it out of a
    // daylight-saving gap of some zone: the caller resolves it on the right zone's clock.
    m_edit = new DateTimeField(this);
    m_edit->setObjectName(u"dateTime"_s);
    m_edit->setTimeZone(QTimeZone::UTC);
    m_edit->setCalendarPopup(true);
    m_edit->setMinimumDateTime(Unset);
    m_edit->setSpecialValueText(i18nc("@info:placeholder a date or time that is not set", "(not set)"));
    m_edit->setDisplayFormat(mode == Mode::Date ? dateFormat() : dateFormat() + u' ' + QLocale().timeFormat(QLocale::ShortFormat));
    m_edit->setDateTime(Unset);
    m_edit->calendarWidget()->installEventFilter(this);
    connect(m_edit, &QAbstractSpinBox::editingFinished, this, &InstantEdit::editingFinished);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &InstantEdit::updateZoneLabel);
    layout->addWidget(m_edit, 1);
    setFocusProxy(m_edit);

    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setObjectName(u"zone"_s);
    m_zoneLabel->setVisible(mode == Mode::DateTime);
    layout->addWidget(m_zoneLabel);

    m_clear = new QToolButton(this);
    m_clear->setObjectName(u"clear"_s);
    m_clear->setIcon(QIcon::fromTheme(u"edit-clear"_s));
    m_clear->setAutoRaise(true);
    m_clear->setToolTip(mode == Mode::Date ? i18nc("@info:tooltip", "Clear the date") : i18nc("@info:tooltip", "Clear the date and time"));
    m_clear->setAccessibleName(m_clear->toolTip());
    // Hidden (a required or read-only value), it keeps its room: the fields of a form line up.
    QSizePolicy policy = m_clear->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    m_clear->setSizePolicy(policy);
    m_clear->setVisible(optional);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT editingFinished();
    });
    layout->addWidget(m_clear);
    updateZoneLabel();
}

void InstantEdit::setZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    updateZoneLabel();
}

void InstantEdit::setStoredValue(const QString &value)
{
    if (m_mode == Mode::Date) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        m_edit->setDateTime(date.isValid() ? QDateTime(date, QTime(0, 0), QTimeZone::UTC) : Unset);
        return;
    }
    const QDateTime instant = QDateTime::fromString(value, Qt::ISODate);
    if (!instant.isValid()) {
        m_edit->setDateTime(Unset);
        return;
    }
    const QDateTime local = instant.toTimeZone(m_zone);
    m_edit->setDateTime(QDateTime(local.date(), local.time(), QTimeZone::UTC));
}

bool InstantEdit::isEmpty() const
{
    return m_edit->dateTime() == Unset;
}

QDate InstantEdit::date() const
{
    return isEmpty() ? QDate() : m_edit->date();
}

QTime InstantEdit::time() const
{
    return isEmpty() || m_mode == Mode::Date ? QTime() : m_edit->time();
}

void InstantEdit::setLocalDateTime(const QDate &date, const QTime &time)
{
    m_edit->setDateTime(date.isValid() ? QDateTime(date, time.isValid() ? time : QTime(0, 0), QTimeZone::UTC) : Unset);
}

void InstantEdit::clear()
{
    m_edit->setDateTime(Unset);
}

void InstantEdit::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_clear->setVisible(m_optional && !readOnly);
}

void InstantEdit::updateZoneLabel()
{
    if (m_mode == Mode::Date) {
        return;
    }
    // The abbreviation in force at the time shown: the same zone is PST in winter, PDT in summer.
    const QDateTime at = isEmpty() ? QDateTime::currentDateTimeUtc() : QDateTime(date(), time(), m_zone);
    QString abbreviation = Events::zoneAbbreviation(m_zone, at.isValid() ? at : QDateTime::currentDateTimeUtc());
    if (abbreviation.isEmpty()) {
        abbreviation = QString::fromUtf8(m_zone.id());
    }
    m_zoneLabel->setText(abbreviation);
    const QString zoneName = QString::fromUtf8(m_zone.id());
    m_zoneLabel->setToolTip(i18nc("@info:tooltip %1 is a time zone such as America/Los_Angeles", "On the clock of %1", zoneName));
    m_edit->setToolTip(m_zoneLabel->toolTip());
}

bool InstantEdit::eventFilter(QObject *watched, QEvent *event)
{
    // An empty field's calendar opens on this month, not on the oldest date it holds.
    if (watched == m_edit->calendarWidget() && event->type() == QEvent::Show && isEmpty()) {
        const QDate today = QDate::currentDate();
        m_edit->calendarWidget()->setCurrentPage(today.year(), today.month());
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chorus::Desktop
