// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "events/logistics.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using namespace Chorus::Events;

class LogisticsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_event;
    QString m_site;
    QString m_organization;
    QString m_ana;
    QString m_ben;

    QString addTask(const QString &title, const Record &fields)
    {
        Record task = fields;
        task.insert(u"title"_s, title);
        auto id = m_store->create(Kind::Task, task);
        if (!id) {
            qWarning() << id.error().message();
        }
        return id ? id.value() : QString();
    }

    static QStringList titles(const QList<TaskEntry> &entries)
    {
        QStringList list;
        for (const TaskEntry &entry : entries) {
            list << entry.task.value(u"title"_s).toString();
        }
        return list;
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"logistics-%1.chorus"_s.arg(++counter)));
        QVERIFY(store);
        m_store = std::move(store).value();
        m_event = m_store->create(Kind::Event, {{u"title"_s, u"Day of action"_s}}).value();
        m_site =
            m_store
                ->create(
                    Kind::Site,
                    {{u"event_id"_s, m_event}, {u"venue"_s, u"Plaza"_s}, {u"time_zone"_s, u"America/Chicago"_s}, {u"starts_at"_s, u"2026-11-02T18:00:00Z"_s}})
                .value();
        m_organization = m_store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}).value();
        m_ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, m_organization}}).value();
        m_ben = m_store->create(Kind::Person, {{u"name"_s, u"Ben Okafor"_s}}).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldOfferOnlyThePeopleWithTasksAsOwners()
    {
        // GIVEN Ana (of the union), Ben, Carla and a colleague of Ana's, and two tasks:
        // one of Ben's and one of the union's with nobody named
        const QString carla = m_store->create(Kind::Person, {{u"name"_s, u"Carla Núñez"_s}}).value();
        const QString colleague = m_store->create(Kind::Person, {{u"name"_s, u"Abel Stone"_s}, {u"organization_id"_s, m_organization}}).value();
        QVERIFY(!addTask(u"Print signs"_s, {{u"owner_person_id"_s, m_ben}}).isEmpty());
        QVERIFY(!addTask(u"Book the hall"_s, {{u"owner_organization_id"_s, m_organization}}).isEmpty());
        // WHEN the choices of "whose tasks" are read
        QStringList names;
        QStringList ids;
        for (const TaskOwner &owner : taskOwners(*m_store)) {
            names << owner.name;
            ids << owner.personId;
        }
        // THEN they are Ben and the union's members, by name; Carla has no task
        QCOMPARE(names, (QStringList{u"Abel Stone"_s, u"Ana Ruiz"_s, u"Ben Okafor"_s}));
        QCOMPARE(ids, (QStringList{colleague, m_ana, m_ben}));
        QVERIFY(!ids.contains(carla));
    }

    void shouldHighlightOverdueTasksThatAreNotDone()
    {
        // GIVEN tasks due before and after "now", one of them done
        addTask(u"Book the sound system"_s, {{u"event_id"_s, m_event}, {u"due_at"_s, u"2026-10-30T17:00:00Z"_s}, {u"due_time_zone"_s, u"America/Chicago"_s}});
        addTask(u"Print signs"_s, {{u"site_id"_s, m_site}, {u"due_at"_s, u"2026-10-29T17:00:00Z"_s}, {u"status"_s, u"done"_s}});
        addTask(u"Confirm the permit"_s, {{u"site_id"_s, m_site}, {u"due_at"_s, u"2026-11-01T17:00:00Z"_s}, {u"status"_s, u"blocked"_s}});
        addTask(u"Thank the volunteers"_s, {{u"event_id"_s, m_event}});
        const QDateTime now(QDate(2026, 10, 31), QTime(12, 0), QTimeZone::UTC);
        // WHEN the event's tasks are listed
        TaskFilter filter;
        filter.eventId = m_event;
        const QList<TaskEntry> entries = tasks(*m_store, filter, now);
        // THEN they come soonest first, those without a date last, and only the late open one is overdue
        QCOMPARE(titles(entries), (QStringList{u"Print signs"_s, u"Book the sound system"_s, u"Confirm the permit"_s, u"Thank the volunteers"_s}));
        QCOMPARE(entries.at(0).overdue, false);
        QCOMPARE(entries.at(1).overdue, true);
        QCOMPARE(entries.at(2).overdue, false);
        QCOMPARE(entries.at(3).overdue, false);
        // AND a due date shows on the clock it was given in
        QCOMPARE(entries.at(1).dueText, u"Friday, October 30, 2026, 12:00 p.m. CDT"_s);
        // AND done tasks can be left out
        filter.includeDone = false;
        QCOMPARE(tasks(*m_store, filter, now).size(), 3);
    }

    void shouldFilterMyTasksByOwner()
    {
        // GIVEN tasks owned by Ana, by Ben, by Ana's organization and by nobody
        addTask(u"Ana's task"_s, {{u"owner_person_id"_s, m_ana}});
        addTask(u"Ben's task"_s, {{u"owner_person_id"_s, m_ben}});
        addTask(u"The union's task"_s, {{u"owner_organization_id"_s, m_organization}});
        addTask(u"Nobody's task"_s, {});
        // WHEN Ana lists her tasks
        TaskFilter mine;
        mine.ownerPersonId = m_ana;
        // THEN she sees her own and her organization's
        QCOMPARE(titles(tasks(*m_store, mine)), (QStringList{u"Ana's task"_s, u"The union's task"_s}));
        // AND Ben sees only his
        mine.ownerPersonId = m_ben;
        QCOMPARE(titles(tasks(*m_store, mine)), QStringList{u"Ben's task"_s});
        // AND the organization's owner name is shown
        TaskFilter organization;
        organization.ownerOrganizationId = m_organization;
        const QList<TaskEntry> entries = tasks(*m_store, organization);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).ownerName, u"Harbor Tenants Union"_s);
    }

    void shouldRefuseATaskWithAnUnknownTimeZone()
    {
        auto id =
            m_store->create(Kind::Task, {{u"title"_s, u"Call the press"_s}, {u"due_at"_s, u"2026-11-01T17:00:00Z"_s}, {u"due_time_zone"_s, u"Chicago"_s}});
        QVERIFY(!id);
        QVERIFY2(id.error().message().startsWith(u"Task “Call the press”: “Chicago” is not a known time zone"_s), qPrintable(id.error().message()));
        QCOMPARE(m_store->count(Kind::Task), 0);
    }

    void shouldCountMediaRsvpsByStatus()
    {
        // GIVEN journalists invited, confirmed and attended
        for (const auto &[name, status] : {std::pair{u"Mara Quinn"_s, u"invited"_s},
                                           std::pair{u"Dev Patel"_s, u"confirmed"_s},
                                           std::pair{u"Rosa Lima"_s, u"confirmed"_s},
                                           std::pair{u"Tom Weir"_s, u"attended"_s}}) {
            auto id = m_store->create(Kind::MediaRsvp,
                                      {{u"event_id"_s, m_event}, {u"journalist_name"_s, name}, {u"outlet"_s, u"Daily"_s}, {u"rsvp_status"_s, status}});
            QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
        }
        // WHEN they are counted
        const RsvpCounts counts = rsvpCounts(*m_store, m_event);
        // THEN each status has its count
        QCOMPARE(counts.invited, 1);
        QCOMPARE(counts.confirmed, 2);
        QCOMPARE(counts.attended, 1);
        QCOMPARE(rsvpSummary(counts), u"4 journalists: 2 confirmed, 1 attended"_s);
        // AND an unknown status is refused, naming the journalist
        auto bad = m_store->create(Kind::MediaRsvp, {{u"event_id"_s, m_event}, {u"journalist_name"_s, u"Kim Cho"_s}, {u"rsvp_status"_s, u"maybe"_s}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().message(), u"Media RSVP of “Kim Cho”: “maybe” is not a valid RSVP status."_s);
    }
};

CHORUS_TEST_MAIN(LogisticsTest)

#include "logisticstest.moc"
