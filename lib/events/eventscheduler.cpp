// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "eventscheduler.h"

#include "domain/validation.h"
#include "store/store.h"

#include <KLocalizedString>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Events
{

Scheduling schedulingFromKey(const QString &key)
{
    return key == u"same_local_time" ? Scheduling::SameLocalTime : Scheduling::SameMoment;
}

QString schedulingKey(Scheduling scheduling)
{
    return scheduling == Scheduling::SameLocalTime ? u"same_local_time"_s : u"same_moment"_s;
}

EventScheduler::EventScheduler(Store::Store &store)
    : m_store(store)
{
}

namespace
{

QDateTime startOf(const Record &site)
{
    return parseInstant(site.value(u"starts_at"_s).toString());
}

QList<Record> sitesByStart(Store::Store &store, const QString &eventId)
{
    QList<Record> sites = store.fetchAll(Kind::Site, u"event_id"_s, eventId);
    // fetchAll orders by venue; a stable sort keeps that order among sites that start together.
    std::stable_sort(sites.begin(), sites.end(), [](const Record &a, const Record &b) {
        return startOf(a) < startOf(b);
    });
    return sites;
}

} // namespace

Result<void> EventScheduler::moveSites(const QString &eventId, Scheduling scheduling, const std::function<Result<QDateTime>(const Record &site)> &newStart)
{
    const std::optional<Record> event = m_store.fetch(Kind::Event, eventId);
    if (!event) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(Kind::Event), eventId));
    }
    const QList<Record> sites = sitesByStart(m_store, eventId);
    return m_store.transact([&]() -> Result<void> {
        if (auto done = m_store.update(Kind::Event, eventId, {{u"scheduling"_s, schedulingKey(scheduling)}}); !done) {
            return done;
        }
        for (const Record &site : sites) {
            auto start = newStart(site);
            if (!start) {
                return start.error();
            }
            Record changes{{u"starts_at"_s, formatInstant(start.value())}};
            const QDateTime oldStart = startOf(site);
            const QDateTime oldEnd = parseInstant(site.value(u"ends_at"_s).toString());
            if (oldEnd.isValid() && oldStart.isValid()) {
                changes.insert(u"ends_at"_s, formatInstant(start.value().addSecs(oldStart.secsTo(oldEnd))));
            }
            if (auto done = m_store.update(Kind::Site, site.value(u"id"_s).toString(), changes); !done) {
                return done;
            }
        }
        return {};
    });
}

Result<void> EventScheduler::setScheduling(const QString &eventId, Scheduling scheduling, const QString &anchorSiteId)
{
    const QList<Record> sites = sitesByStart(m_store, eventId);
    if (sites.isEmpty()) {
        return moveSites(eventId, scheduling, {});
    }
    Record anchor = sites.first();
    if (!anchorSiteId.isEmpty()) {
        const auto found = std::find_if(sites.cbegin(), sites.cend(), [&](const Record &site) {
            return site.value(u"id"_s).toString() == anchorSiteId;
        });
        if (found == sites.cend()) {
            return Error(Error::Code::Invalid, i18nc("@info", "The site with id %1 is not a site of this event.", anchorSiteId));
        }
        anchor = *found;
    }
    const QDateTime instant = startOf(anchor);
    if (scheduling == Scheduling::SameMoment) {
        return moveToInstant(eventId, instant);
    }
    const QDateTime local = instant.toTimeZone(zoneFromId(anchor.value(u"time_zone"_s).toString()));
    return moveToLocalTime(eventId, local.date(), local.time());
}

Result<void> EventScheduler::moveToInstant(const QString &eventId, const QDateTime &instant)
{
    if (!instant.isValid()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The new start of the event is not a valid date and time."));
    }
    return moveSites(eventId, Scheduling::SameMoment, [&](const Record &) -> Result<QDateTime> {
        return instant.toUTC();
    });
}

Result<void> EventScheduler::moveToLocalTime(const QString &eventId, const QDate &date, const QTime &time)
{
    return moveSites(eventId, Scheduling::SameLocalTime, [&](const Record &site) -> Result<QDateTime> {
        auto resolved = instantFromLocal(date, time, zoneFromId(site.value(u"time_zone"_s).toString()), m_store.recordLabel(Kind::Site, site));
        if (!resolved) {
            return resolved.error();
        }
        return resolved.value().instant;
    });
}

Result<QString> EventScheduler::createSite(const Record &site, const QDate &date, const QTime &start, const QTime &end)
{
    const QString label = m_store.recordLabel(Kind::Site, site);
    const QString zoneId = site.value(u"time_zone"_s).toString().trimmed();
    const QTimeZone zone = zoneFromId(zoneId);
    if (!zone.isValid()) {
        // The store's own check words it: "Site “X”: “Mars/Olympus” is not a known time zone..."
        Record probe = site;
        probe.insert(u"starts_at"_s, formatInstant(QDateTime(date, start, QTimeZone::UTC)));
        return m_store.create(Kind::Site, probe);
    }
    auto resolvedStart = instantFromLocal(date, start, zone, label);
    if (!resolvedStart) {
        return resolvedStart.error();
    }
    Record record = site;
    record.insert(u"starts_at"_s, formatInstant(resolvedStart.value().instant));
    if (end.isValid()) {
        auto resolvedEnd = instantFromLocal(date, end, zone, label);
        if (!resolvedEnd) {
            return resolvedEnd.error();
        }
        record.insert(u"ends_at"_s, formatInstant(resolvedEnd.value().instant));
    }
    return m_store.create(Kind::Site, record);
}

Result<void> EventScheduler::changeSiteTimeZone(const QString &siteId, const QString &zoneId)
{
    const std::optional<Record> site = m_store.fetch(Kind::Site, siteId);
    if (!site) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(Kind::Site), siteId));
    }
    const std::optional<Record> event = m_store.fetch(Kind::Event, site->value(u"event_id"_s).toString());
    const QTimeZone zone = zoneFromId(zoneId.trimmed());
    const bool keepWallClock = event && schedulingFromKey(event->value(u"scheduling"_s).toString()) == Scheduling::SameLocalTime;
    if (!keepWallClock || !zone.isValid()) {
        // The store words an unknown zone: "Site “X”: “Mars/Olympus” is not a known time zone..."
        return m_store.update(Kind::Site, siteId, {{u"time_zone"_s, zoneId}});
    }
    const QTimeZone oldZone = zoneFromId(site->value(u"time_zone"_s).toString());
    const QDateTime oldStart = startOf(*site);
    const QDateTime oldEnd = parseInstant(site->value(u"ends_at"_s).toString());
    const QDateTime wall = oldStart.toTimeZone(oldZone);
    auto start = instantFromLocal(wall.date(), wall.time(), zone, m_store.recordLabel(Kind::Site, *site));
    if (!start) {
        return start.error();
    }
    Record changes{{u"time_zone"_s, zoneId}, {u"starts_at"_s, formatInstant(start.value().instant)}};
    if (oldEnd.isValid()) {
        changes.insert(u"ends_at"_s, formatInstant(start.value().instant.addSecs(oldStart.secsTo(oldEnd))));
    }
    return m_store.update(Kind::Site, siteId, changes);
}

SiteSchedule EventScheduler::siteSchedule(const Record &site, const QTimeZone &coordinator)
{
    SiteSchedule row;
    row.site = site;
    row.zone = zoneFromId(site.value(u"time_zone"_s).toString());
    row.start = startOf(site);
    row.end = parseInstant(site.value(u"ends_at"_s).toString());
    const QLocale locale;
    row.localStart = formatTime(row.start, row.zone, locale);
    row.localDate = formatLocalDate(row.start, row.zone, locale);
    row.localEnd = formatTime(row.end, row.zone, locale);
    row.coordinatorStart = formatDateTime(row.start, coordinator, locale);
    row.coordinator = coordinator;
    row.utcStart = formatUtc(row.start);

    const QString label = m_store.recordLabel(Kind::Site, site);
    if (clockChangeAt(row.start, row.zone) == ClockChange::Overlap) {
        const QDateTime local = row.start.toTimeZone(row.zone);
        const bool first = QDateTime(local.date(), local.time(), row.zone, QDateTime::TransitionResolution::PreferBefore) == row.start;
        row.flags.append({SiteFlag::Kind::AmbiguousStart,
                          first ? i18nc("@info %1 names the site, %2 a time",
                                        "%1: the clocks go back that night, so the local time %2 happens twice there. This site starts at the first one; "
                                        "make sure the site knows.",
                                        label,
                                        row.localStart)
                                : i18nc("@info %1 names the site, %2 a time",
                                        "%1: the clocks go back that night, so the local time %2 happens twice there. This site starts at the second one; "
                                        "make sure the site knows.",
                                        label,
                                        row.localStart)});
    }
    if (clocksChangeBetween(row.start, row.end, row.zone)) {
        row.flags.append({SiteFlag::Kind::ClocksChangeDuring,
                          i18nc("@info %1 names the site, %2 and %3 times",
                                "%1: the clocks change between the start (%2) and the end (%3).",
                                label,
                                row.localStart,
                                row.localEnd)});
    }
    return row;
}

QList<SiteSchedule> EventScheduler::schedule(const QString &eventId, const QTimeZone &coordinator)
{
    QList<SiteSchedule> rows;
    for (const Record &site : sitesByStart(m_store, eventId)) {
        rows.append(siteSchedule(site, coordinator));
    }
    return rows;
}

} // namespace Chorus::Events
