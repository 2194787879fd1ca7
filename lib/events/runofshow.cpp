// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "runofshow.h"

#include "domain/validation.h"
#include "events/sitetime.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Events
{

namespace
{

QDateTime itemStart(const Record &item, const QDateTime &siteStart, const QTimeZone &zone)
{
    const QTime clock = QTime::fromString(item.value(u"clock_time"_s).toString(), u"HH:mm"_s);
    if (clock.isValid() && zone.isValid()) {
        const QDate day = siteStart.toTimeZone(zone).date();
        // A clock time in a daylight-saving gap means the same length of time after midnight.
        return QDateTime(day, clock, zone, QDateTime::TransitionResolution::RelativeToBefore).toUTC();
    }
    return siteStart.addSecs(item.value(u"offset_minutes"_s).toLongLong() * 60);
}

} // namespace

RunOfShow computeRunOfShow(const Record &site, const QList<Record> &items, const QString &siteLabel)
{
    RunOfShow show;
    const QTimeZone zone = zoneFromId(site.value(u"time_zone"_s).toString());
    const QDateTime siteStart = parseInstant(site.value(u"starts_at"_s).toString());
    const QDateTime siteEnd = parseInstant(site.value(u"ends_at"_s).toString());
    if (!siteStart.isValid()) {
        return show;
    }
    for (const Record &item : items) {
        RunOfShowEntry entry;
        entry.item = item;
        entry.start = itemStart(item, siteStart, zone);
        entry.end = entry.start.addSecs(std::max<qint64>(0, item.value(u"duration_minutes"_s).toLongLong()) * 60);
        entry.clockStart = formatTime(entry.start, zone);
        entry.clockEnd = formatTime(entry.end, zone);
        show.entries.append(entry);
    }
    std::stable_sort(show.entries.begin(), show.entries.end(), [](const RunOfShowEntry &a, const RunOfShowEntry &b) {
        if (a.start != b.start) {
            return a.start < b.start;
        }
        return a.item.value(u"position"_s).toLongLong() < b.item.value(u"position"_s).toLongLong();
    });
    if (show.entries.isEmpty()) {
        return show;
    }
    show.start = show.entries.constFirst().start;
    show.end = show.entries.constFirst().end;
    for (const RunOfShowEntry &entry : std::as_const(show.entries)) {
        show.end = std::max(show.end, entry.end);
    }
    show.totalMinutes = show.start.secsTo(show.end) / 60;
    if (siteEnd.isValid() && show.end > siteEnd) {
        show.minutesOverSlot = (siteEnd.secsTo(show.end) + 59) / 60;
        const QString label = siteLabel.isEmpty() ? site.value(u"venue"_s).toString() : siteLabel;
        show.overSlotMessage = i18ncp("@info %2 names the site, %3 and %4 times",
                                      "%2: the run of show ends at %3, 1 minute after the site’s end (%4).",
                                      "%2: the run of show ends at %3, %1 minutes after the site’s end (%4).",
                                      show.minutesOverSlot,
                                      label,
                                      formatTime(show.end, zone),
                                      formatTime(siteEnd, zone));
    }
    return show;
}

RunOfShow runOfShow(Store::Store &store, const QString &siteId)
{
    const std::optional<Record> site = store.fetch(Kind::Site, siteId);
    if (!site) {
        return {};
    }
    RunOfShow show = computeRunOfShow(*site, store.fetchAll(Kind::RunOfShowItem, u"site_id"_s, siteId), store.recordLabel(Kind::Site, *site));
    for (RunOfShowEntry &entry : show.entries) {
        const QString speaker = entry.item.value(u"speaker_id"_s).toString();
        if (!speaker.isEmpty()) {
            if (const auto person = store.fetch(Kind::Person, speaker)) {
                entry.speakerName = person->value(u"name"_s).toString();
            }
        }
    }
    return show;
}

QList<SpeakerConflict> speakerConflicts(Store::Store &store, const QString &eventId)
{
    struct Booking {
        QString speaker;
        QString itemId;
        Record site;
        QDateTime start;
        QDateTime end;
    };
    QHash<QString, Record> sites;
    for (const Record &site : store.fetchAll(Kind::Site)) {
        sites.insert(site.value(u"id"_s).toString(), site);
    }
    QHash<QString, QList<Booking>> bySpeaker;
    for (const Record &item : store.fetchAll(Kind::RunOfShowItem)) {
        const QString speaker = item.value(u"speaker_id"_s).toString();
        const auto site = sites.constFind(item.value(u"site_id"_s).toString());
        if (speaker.isEmpty() || site == sites.constEnd()) {
            continue;
        }
        const RunOfShow placed = computeRunOfShow(*site, {item});
        if (placed.entries.isEmpty()) {
            continue;
        }
        bySpeaker[speaker].append({speaker, item.value(u"id"_s).toString(), *site, placed.entries.constFirst().start, placed.entries.constFirst().end});
    }

    QList<SpeakerConflict> conflicts;
    QStringList speakers = bySpeaker.keys();
    speakers.sort();
    for (const QString &speaker : std::as_const(speakers)) {
        QList<Booking> bookings = bySpeaker.value(speaker);
        std::sort(bookings.begin(), bookings.end(), [](const Booking &a, const Booking &b) {
            return a.start != b.start ? a.start < b.start : a.itemId < b.itemId;
        });
        const auto person = store.fetch(Kind::Person, speaker);
        const QString name = person ? person->value(u"name"_s).toString() : speaker;
        for (int i = 0; i < bookings.size(); ++i) {
            for (int j = i + 1; j < bookings.size() && bookings.at(j).start < bookings.at(i).end; ++j) {
                const Booking &a = bookings.at(i);
                const Booking &b = bookings.at(j);
                // An item of no length books no time.
                if (a.start == a.end || b.start == b.end) {
                    continue;
                }
                if (!eventId.isEmpty() && a.site.value(u"event_id"_s) != eventId && b.site.value(u"event_id"_s) != eventId) {
                    continue;
                }
                const QTimeZone zoneA = zoneFromId(a.site.value(u"time_zone"_s).toString());
                const QTimeZone zoneB = zoneFromId(b.site.value(u"time_zone"_s).toString());
                const bool sameSite = a.site.value(u"id"_s) == b.site.value(u"id"_s);
                const QString message = sameSite ? i18nc("@info %1 a person, %2 a site, %3 to %6 times",
                                                         "%1 is booked twice at once at %2: from %3 to %4 and from %5 to %6.",
                                                         name,
                                                         a.site.value(u"venue"_s).toString(),
                                                         formatTime(a.start, zoneA),
                                                         formatTime(a.end, zoneA),
                                                         formatTime(b.start, zoneB),
                                                         formatTime(b.end, zoneB))
                                                 : i18nc("@info %1 a person, %2 and %5 sites, %3 %4 %6 %7 times",
                                                         "%1 is booked at two sites at once: %2 from %3 to %4, and %5 from %6 to %7.",
                                                         name,
                                                         a.site.value(u"venue"_s).toString(),
                                                         formatTime(a.start, zoneA),
                                                         formatTime(a.end, zoneA),
                                                         b.site.value(u"venue"_s).toString(),
                                                         formatTime(b.start, zoneB),
                                                         formatTime(b.end, zoneB));
                conflicts.append({speaker, a.itemId, b.itemId, message});
            }
        }
    }
    return conflicts;
}

} // namespace Chorus::Events
