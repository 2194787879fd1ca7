// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"

#include <QDateTime>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Events
{

/// Which tasks to list.
struct TaskFilter {
    /// "My tasks": those owned by this person, or by the organization this person belongs to.
    QString ownerPersonId;
    /// Tasks owned by this organization.
    QString ownerOrganizationId;
    /// Tasks of this event, including those of its sites.
    QString eventId;
    bool includeDone = true;
};

/// A task with what a list shows about it.
struct TaskEntry {
    Domain::Record task;
    QDateTime due; ///< UTC, invalid without a due date
    bool overdue = false; ///< due before now and not done
    QString dueText; ///< on the task's own clock (its due_time_zone), else in UTC
    QString ownerName; ///< the person's or the organization's name
};

/// Tasks matching filter, soonest due first (those without a due date last); overdue as of now.
CHORUS_CORE_EXPORT QList<TaskEntry> tasks(Store::Store &store, const TaskFilter &filter, const QDateTime &now = QDateTime::currentDateTimeUtc());

/// Someone whose tasks there are: a task's owner, or a member of an organization that owns one.
struct TaskOwner {
    QString personId;
    QString name;
};

/// The people with tasks ("my tasks" choices), by name: a database with a hundred thousand people
/// and a dozen tasks offers a dozen names.
CHORUS_CORE_EXPORT QList<TaskOwner> taskOwners(Store::Store &store);

/// How many journalists an event's RSVPs count in each status.
struct RsvpCounts {
    int invited = 0;
    int confirmed = 0;
    int attended = 0;
    [[nodiscard]] int total() const
    {
        return invited + confirmed + attended;
    }
};

CHORUS_CORE_EXPORT RsvpCounts rsvpCounts(Store::Store &store, const QString &eventId);
/// "12 journalists invited, 5 confirmed, 3 attended"
CHORUS_CORE_EXPORT QString rsvpSummary(const RsvpCounts &counts);

} // namespace Chorus::Events
