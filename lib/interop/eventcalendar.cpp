// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "eventcalendar.h"

#include "chorus_version.h"
#include "domain/validation.h"
#include "events/runofshow.h"
#include "events/sitetime.h"
#include "filereason.h"
#include "store/store.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KLocalizedString>

#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

namespace
{

QString nameOf(Store::Store &store, Kind kind, const QVariant &id, const QString &field = u"name"_s)
{
    if (id.toString().isEmpty()) {
        return {};
    }
    const auto record = store.fetch(kind, id.toString());
    return record ? record->value(field).toString() : QString();
}

KCalendarCore::Event::Ptr siteEvent(Store::Store &store, const Record &event, const Record &site)
{
    const QTimeZone zone = Events::zoneFromId(site.value(u"time_zone"_s).toString());
    const QDateTime start = parseInstant(site.value(u"starts_at"_s).toString());
    QDateTime end = parseInstant(site.value(u"ends_at"_s).toString());
    const Events::RunOfShow show = Events::runOfShow(store, site.value(u"id"_s).toString());
    if (!end.isValid() && show.end.isValid() && show.end > start) {
        end = show.end;
    }

    KCalendarCore::Event::Ptr entry(new KCalendarCore::Event);
    entry->setUid(site.value(u"id"_s).toString() + u"@chorus"_s);
    entry->setSummary(i18nc("@info calendar entry title; %1 the event, %2 the site's venue",
                            "%1 — %2",
                            event.value(u"title"_s).toString(),
                            site.value(u"venue"_s).toString()));
    entry->setDtStart(start.toTimeZone(zone));
    if (end.isValid()) {
        entry->setDtEnd(end.toTimeZone(zone));
    }
    const QString address = site.value(u"address"_s).toString();
    entry->setLocation(address.isEmpty() ? site.value(u"venue"_s).toString() : site.value(u"venue"_s).toString() + u", "_s + address);
    const QString livestream = site.value(u"livestream_url"_s).toString();
    if (!livestream.isEmpty()) {
        entry->setUrl(QUrl(livestream));
    }

    QStringList description;
    if (const QString text = event.value(u"description"_s).toString(); !text.isEmpty()) {
        description << text;
    }
    if (const QString lead = nameOf(store, Kind::Organization, site.value(u"lead_organization_id"_s)); !lead.isEmpty()) {
        description << i18nc("@info calendar entry", "Lead organization: %1", lead);
    }
    if (const QString contact = nameOf(store, Kind::Person, site.value(u"contact_person_id"_s)); !contact.isEmpty()) {
        description << i18nc("@info calendar entry", "Site contact: %1", contact);
    }
    if (!livestream.isEmpty()) {
        description << i18nc("@info calendar entry", "Livestream: %1", livestream);
    }
    if (!show.entries.isEmpty()) {
        QStringList lines{i18nc("@info calendar entry", "Run of show:")};
        for (const Events::RunOfShowEntry &item : show.entries) {
            const QString who = item.speakerName.isEmpty() ? QString() : u" ("_s + item.speakerName + u')';
            lines << item.clockStart + u"  "_s + item.item.value(u"description"_s).toString() + who;
        }
        description << lines.join(u'\n');
    }
    entry->setDescription(description.join(u"\n\n"_s));
    return entry;
}

/**
 * KCalendarCore writes a VTIMEZONE without any STANDARD or DAYLIGHT part for a zone whose clocks
 * have not changed for decades (America/Phoenix), which RFC 5545 does not allow and which some
 * readers reject. Such a zone keeps one offset: say so with one STANDARD part.
 */
QString withStandardTime(QString text)
{
    static const QRegularExpression empty(u"BEGIN:VTIMEZONE\r\nTZID:([^\r\n]+)\r\nEND:VTIMEZONE\r\n"_s);
    QRegularExpressionMatch match = empty.match(text);
    while (match.hasMatch()) {
        const QTimeZone zone = Events::zoneFromId(match.captured(1));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int offset = zone.isValid() ? zone.standardTimeOffset(now) : 0;
        const QString hhmm = QString(offset < 0 ? u'-' : u'+') + QTime(0, 0).addSecs(qAbs(offset)).toString(u"HHmm"_s);
        const QString standard =
            u"BEGIN:VTIMEZONE\r\nTZID:%1\r\nBEGIN:STANDARD\r\nTZNAME:%2\r\nTZOFFSETFROM:%3\r\nTZOFFSETTO:%3\r\n"
            "DTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"_s.arg(match.captured(1), zone.abbreviation(now), hhmm);
        text.replace(match.capturedStart(), match.capturedLength(), standard);
        match = empty.match(text, match.capturedStart() + standard.size());
    }
    return text;
}

} // namespace

Result<QByteArray> eventToICalendar(Store::Store &store, const QString &eventId, const QString &siteId)
{
    const std::optional<Record> event = store.fetch(Kind::Event, eventId);
    if (!event) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(Kind::Event), eventId));
    }
    QList<Record> sites = store.fetchAll(Kind::Site, u"event_id"_s, eventId);
    if (!siteId.isEmpty()) {
        sites.removeIf([&](const Record &site) {
            return site.value(u"id"_s).toString() != siteId;
        });
        if (sites.isEmpty()) {
            return Error(Error::Code::NotFound,
                         i18nc("@info %1 names the event, %2 an id", "%1 has no site with the id %2.", store.recordLabel(Kind::Event, *event), siteId));
        }
    }
    if (sites.isEmpty()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 names the event", "%1 has no sites yet, so it has no time to put in a calendar.", store.recordLabel(Kind::Event, *event)));
    }

    KCalendarCore::MemoryCalendar::Ptr calendar(new KCalendarCore::MemoryCalendar(QTimeZone::UTC));
    // ICalFormat writes the application's product id, not the calendar's.
    KCalendarCore::CalFormat::setApplication(u"Chorus"_s, u"-//Chorus//Chorus %1//EN"_s.arg(QStringLiteral(CHORUS_VERSION_STRING)));
    for (const Record &site : std::as_const(sites)) {
        calendar->addEvent(siteEvent(store, *event, site));
    }
    KCalendarCore::ICalFormat format;
    const QString text = withStandardTime(format.toString(calendar));
    if (text.isEmpty()) {
        return Error(Error::Code::Invalid,
                     i18nc("@info %1 names the event", "%1 could not be written as a calendar file.", store.recordLabel(Kind::Event, *event)));
    }
    return text.toUtf8();
}

Result<void> writeEventICalendar(Store::Store &store, const QString &eventId, const QString &siteId, const QString &path)
{
    auto data = eventToICalendar(store, eventId, siteId);
    if (!data) {
        return data.error();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data.value()) != data.value().size() || !file.commit()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file path, %2 the reason",
                           "Cannot write the calendar file %1: %2",
                           QDir::toNativeSeparators(path),
                           FileReason::forWriting(path, file)));
    }
    return {};
}

} // namespace Chorus::Interop
