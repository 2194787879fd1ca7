// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "sitetime.h"

#include <KLocalizedString>

using namespace Qt::StringLiterals;

namespace Chorus::Events
{

namespace
{

/// The "C" locale (no LANG set, as in many terminals) writes times for machines: "13:30:00"; so
/// does the system locale when LC_ALL=C.UTF-8 but LANGUAGE names a language. Use the CLDR data of
/// the language and country instead.
QLocale readable(const QLocale &locale)
{
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale(locale.language(), locale.territory());
}

QString timeOfDay(const QTime &time, const QLocale &chosen)
{
    const QLocale locale = readable(chosen);
    const QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains(u"ap"_s, Qt::CaseInsensitive)) {
        return locale.toString(time, QLocale::ShortFormat);
    }
    // A 12-hour clock, written as newsrooms write it: "1:30 p.m."
    const int hour = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    const QString clock = locale.toString(QTime(hour, time.minute()), u"h:mm"_s);
    return time.hour() < 12 ? i18nc("@info time of day before noon, %1 is hours:minutes", "%1 a.m.", clock)
                            : i18nc("@info time of day from noon on, %1 is hours:minutes", "%1 p.m.", clock);
}

} // namespace

QTimeZone zoneFromId(const QString &ianaId)
{
    if (ianaId.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(ianaId.toUtf8())) {
        return {};
    }
    return QTimeZone(ianaId.toUtf8());
}

Result<ResolvedTime> instantFromLocal(const QDate &date, const QTime &time, const QTimeZone &zone, const QString &siteLabel)
{
    if (!zone.isValid()) {
        return Error(Error::Code::Invalid, i18nc("@info validation; %1 names the site", "%1: the time zone is not known.", siteLabel));
    }
    if (!date.isValid() || !time.isValid()) {
        return Error(Error::Code::Invalid, i18nc("@info validation; %1 names the site", "%1: the local date or time is not valid.", siteLabel));
    }
    // In a gap Qt moves the time out of it; so a result whose wall clock differs was in a gap.
    const QDateTime probe(date, time, zone, QDateTime::TransitionResolution::PreferBefore);
    if (!probe.isValid() || probe.date() != date || probe.time() != time) {
        // The clocks jump over this time: say where the jump starts and ends on the wall clock.
        const QDateTime early(date, time, zone, QDateTime::TransitionResolution::RelativeToAfter);
        const QDateTime jump = zone.nextTransition(early).atUtc;
        const QLocale locale;
        const QTime jumpFrom = jump.toOffsetFromUtc(zone.offsetFromUtc(jump.addSecs(-1))).time();
        const QTime jumpTo = jump.toTimeZone(zone).time();
        return Error(Error::Code::Invalid,
                     i18nc("@info validation; %1 names the site, %2 a time, %3 a date, %4 the time zone, %5 and %6 times",
                           "%1: %2 does not exist on %3 in %4, because the clocks jump forward from %5 to %6 that night. "
                           "Choose a time before %5 or from %6 on.",
                           siteLabel,
                           timeOfDay(time, locale),
                           readable(locale).toString(date, QLocale::LongFormat),
                           QString::fromUtf8(zone.id()),
                           timeOfDay(jumpFrom, locale),
                           timeOfDay(jumpTo, locale)));
    }
    const QDateTime first(date, time, zone, QDateTime::TransitionResolution::PreferBefore);
    const QDateTime second(date, time, zone, QDateTime::TransitionResolution::PreferAfter);
    return ResolvedTime{first.toUTC(), first != second ? ClockChange::Overlap : ClockChange::None};
}

ClockChange clockChangeAt(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid() || !zone.isValid()) {
        return ClockChange::None;
    }
    const QDateTime local = instant.toTimeZone(zone);
    const QDateTime first(local.date(), local.time(), zone, QDateTime::TransitionResolution::PreferBefore);
    const QDateTime second(local.date(), local.time(), zone, QDateTime::TransitionResolution::PreferAfter);
    return first != second ? ClockChange::Overlap : ClockChange::None;
}

bool clocksChangeBetween(const QDateTime &start, const QDateTime &end, const QTimeZone &zone)
{
    if (!start.isValid() || !end.isValid() || !zone.isValid()) {
        return false;
    }
    return zone.offsetFromUtc(start) != zone.offsetFromUtc(end);
}

QString zoneAbbreviation(const QTimeZone &zone, const QDateTime &instant)
{
    const QString letters = zone.abbreviation(instant);
    if (!letters.isEmpty() && letters.front() != u'+' && letters.front() != u'-' && !letters.startsWith(u"GMT+") && !letters.startsWith(u"GMT-")
        && !letters.startsWith(u"UTC+") && !letters.startsWith(u"UTC-")) {
        return letters;
    }
    const int offset = zone.offsetFromUtc(instant);
    if (offset == 0) {
        return u"UTC"_s;
    }
    const int minutes = std::abs(offset) / 60;
    QString text = u"UTC"_s + (offset < 0 ? u'\u2212' : u'+') + QString::number(minutes / 60);
    if (minutes % 60 != 0) {
        text += u':' + QString::number(minutes % 60).rightJustified(2, u'0');
    }
    return text;
}

QString formatTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale)
{
    if (!instant.isValid() || !zone.isValid()) {
        return {};
    }
    const QDateTime local = instant.toTimeZone(zone);
    return i18nc("@info a time of day and its time zone abbreviation, e.g. 1:30 p.m. PDT",
                 "%1 %2",
                 timeOfDay(local.time(), locale),
                 zoneAbbreviation(zone, instant));
}

QString formatDateTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale)
{
    if (!instant.isValid() || !zone.isValid()) {
        return {};
    }
    const QDateTime local = instant.toTimeZone(zone);
    return i18nc("@info a date, then a time of day with its zone, e.g. Thursday, May 20, 2027, 1:30 p.m. PDT",
                 "%1, %2",
                 readable(locale).toString(local.date(), QLocale::LongFormat),
                 formatTime(instant, zone, locale));
}

QString formatShortLocalDate(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale)
{
    if (!instant.isValid() || !zone.isValid()) {
        return {};
    }
    return readable(locale).toString(instant.toTimeZone(zone).date(),
                                     i18nc("@info a short date in a table, as a QDate::toString() format: Thu, May 20", "ddd, MMM d"));
}

QString formatShortDateTime(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale)
{
    if (!instant.isValid() || !zone.isValid()) {
        return {};
    }
    return i18nc("@info a short date, then a time of day with its zone, e.g. Thu, May 20, 1:30 p.m. PDT",
                 "%1, %2",
                 formatShortLocalDate(instant, zone, locale),
                 formatTime(instant, zone, locale));
}

QString formatLocalDate(const QDateTime &instant, const QTimeZone &zone, const QLocale &locale)
{
    if (!instant.isValid() || !zone.isValid()) {
        return {};
    }
    return readable(locale).toString(instant.toTimeZone(zone).date(), QLocale::LongFormat);
}

QString formatUtc(const QDateTime &instant)
{
    if (!instant.isValid()) {
        return {};
    }
    return instant.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

} // namespace Chorus::Events
