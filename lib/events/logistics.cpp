// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "logistics.h"

#include "domain/validation.h"
#include "events/sitetime.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Events
{

QList<TaskOwner> taskOwners(Store::Store &store)
{
    QSet<QString> people;
    QSet<QString> organizations;
    for (const Record &task : store.fetchAll(Kind::Task)) {
        if (const QString person = task.value(u"owner_person_id"_s).toString(); !person.isEmpty()) {
            people.insert(person);
        } else if (const QString organization = task.value(u"owner_organization_id"_s).toString(); !organization.isEmpty()) {
            organizations.insert(organization);
        }
    }
    QList<TaskOwner> owners;
    for (const QString &id : std::as_const(people)) {
        if (const std::optional<Record> person = store.fetch(Kind::Person, id)) {
            owners.append({id, person->value(u"name"_s).toString()});
        }
    }
    for (const QString &organization : std::as_const(organizations)) {
        for (const Record &person : store.fetchAll(Kind::Person, u"organization_id"_s, organization)) {
            if (const QString id = person.value(u"id"_s).toString(); !people.contains(id)) {
                people.insert(id);
                owners.append({id, person.value(u"name"_s).toString()});
            }
        }
    }
    std::sort(owners.begin(), owners.end(), [](const TaskOwner &a, const TaskOwner &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return owners;
}

QList<TaskEntry> tasks(Store::Store &store, const TaskFilter &filter, const QDateTime &now)
{
    QSet<QString> eventSites;
    if (!filter.eventId.isEmpty()) {
        for (const Record &site : store.fetchAll(Kind::Site, u"event_id"_s, filter.eventId)) {
            eventSites.insert(site.value(u"id"_s).toString());
        }
    }
    QString personOrganization;
    if (!filter.ownerPersonId.isEmpty()) {
        if (const auto person = store.fetch(Kind::Person, filter.ownerPersonId)) {
            personOrganization = person->value(u"organization_id"_s).toString();
        }
    }

    QList<TaskEntry> entries;
    for (const Record &task : store.fetchAll(Kind::Task)) {
        const QString ownerPerson = task.value(u"owner_person_id"_s).toString();
        const QString ownerOrganization = task.value(u"owner_organization_id"_s).toString();
        if (!filter.ownerPersonId.isEmpty() && ownerPerson != filter.ownerPersonId
            && (personOrganization.isEmpty() || ownerOrganization != personOrganization || !ownerPerson.isEmpty())) {
            continue;
        }
        if (!filter.ownerOrganizationId.isEmpty() && ownerOrganization != filter.ownerOrganizationId) {
            continue;
        }
        if (!filter.eventId.isEmpty() && task.value(u"event_id"_s).toString() != filter.eventId && !eventSites.contains(task.value(u"site_id"_s).toString())) {
            continue;
        }
        const bool done = task.value(u"status"_s).toString() == u"done";
        if (done && !filter.includeDone) {
            continue;
        }
        TaskEntry entry;
        entry.task = task;
        entry.due = parseInstant(task.value(u"due_at"_s).toString());
        entry.overdue = entry.due.isValid() && !done && entry.due < now;
        const QTimeZone zone = zoneFromId(task.value(u"due_time_zone"_s).toString());
        entry.dueText = zone.isValid() ? formatDateTime(entry.due, zone) : formatUtc(entry.due);
        if (!ownerPerson.isEmpty()) {
            if (const auto person = store.fetch(Kind::Person, ownerPerson)) {
                entry.ownerName = person->value(u"name"_s).toString();
            }
        } else if (!ownerOrganization.isEmpty()) {
            if (const auto organization = store.fetch(Kind::Organization, ownerOrganization)) {
                entry.ownerName = organization->value(u"name"_s).toString();
            }
        }
        entries.append(entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const TaskEntry &a, const TaskEntry &b) {
        if (a.due.isValid() != b.due.isValid()) {
            return a.due.isValid();
        }
        return a.due < b.due;
    });
    return entries;
}

RsvpCounts rsvpCounts(Store::Store &store, const QString &eventId)
{
    RsvpCounts counts;
    for (const Record &rsvp : store.fetchAll(Kind::MediaRsvp, u"event_id"_s, eventId)) {
        const QString status = rsvp.value(u"rsvp_status"_s).toString();
        if (status == u"attended") {
            ++counts.attended;
        } else if (status == u"confirmed") {
            ++counts.confirmed;
        } else {
            ++counts.invited;
        }
    }
    return counts;
}

QString rsvpSummary(const RsvpCounts &counts)
{
    return i18ncp("@info media RSVPs of an event; %2 and %3 are numbers",
                  "1 journalist: %2 confirmed, %3 attended",
                  "%1 journalists: %2 confirmed, %3 attended",
                  counts.total(),
                  counts.confirmed,
                  counts.attended);
}

} // namespace Chorus::Events
