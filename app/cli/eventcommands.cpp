// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "eventcommands.h"

#include "commandlinetool.h"
#include "domain/entity.h"
#include "events/eventscheduler.h"
#include "events/logistics.h"
#include "events/runofshow.h"
#include "events/runsheetrenderer.h"
#include "events/sitetime.h"
#include "interop/eventcalendar.h"
#include "result.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace Chorus
{

namespace
{

const QString program = u"chorus-cli"_s;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QString placeholder(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

EventCommands::EventCommands(QTextStream &out, QTextStream &err, Opener open)
    : m_out(out)
    , m_err(err)
    , m_open(std::move(open))
{
}

bool EventCommands::handles(const QString &command)
{
    return command == u"events" || command == u"export-ics" || command == u"run-sheet";
}

void EventCommands::setUpParser(QCommandLineParser &parser, const QString &command)
{
    if (command == u"events") {
        parser.addPositionalArgument(u"ACTION"_s,
                                     i18nc("@info:shell",
                                           "list: the events of a campaign with each site at its own local time. "
                                           "schedule: switch an event between the same moment everywhere and the same local time at each site. "
                                           "move: start every site of an event at a new time."),
                                     u"list|schedule|move"_s);
        parser.addOption(QCommandLineOption(u"event"_s, i18nc("@info:shell", "For schedule and move: the id of the event."), placeholder("ID")));
        parser.addOption(QCommandLineOption(u"mode"_s, i18nc("@info:shell", "For schedule: same-moment or same-local-time."), placeholder("MODE")));
        parser.addOption(QCommandLineOption(u"anchor"_s,
                                            i18nc("@info:shell", "For schedule: the site whose time the others take (default: the earliest)."),
                                            placeholder("SITE")));
        parser.addOption(QCommandLineOption(u"local"_s,
                                            i18nc("@info:shell", "For move: the date and time on each site's own clock, e.g. \"2027-05-20 12:00\"."),
                                            placeholder("WHEN")));
        parser.addOption(QCommandLineOption(u"at"_s,
                                            i18nc("@info:shell", "For move: one moment for every site, with its offset, e.g. 2027-05-20T13:30:00-07:00."),
                                            placeholder("INSTANT")));
        parser.addOption(
            QCommandLineOption(u"campaign"_s, i18nc("@info:shell", "The campaign, by name or id (all campaigns when not given)."), placeholder("X")));
        parser.addOption(
            QCommandLineOption(u"zone"_s,
                               i18nc("@info:shell", "Your own time zone, such as America/New_York, for the coordinator's time (default: this computer's)."),
                               placeholder("ZONE")));
    } else if (command == u"export-ics") {
        parser.addOption(QCommandLineOption(u"event"_s, i18nc("@info:shell", "The id of the event to export (required)."), placeholder("ID")));
        parser.addOption(QCommandLineOption(u"site"_s, i18nc("@info:shell", "Export only this site of the event."), placeholder("ID")));
        parser.addOption(QCommandLineOption(u"out"_s, i18nc("@info:shell", "The iCalendar file to write (required)."), placeholder("FILE")));
    } else if (command == u"run-sheet") {
        parser.addOption(QCommandLineOption(u"site"_s, i18nc("@info:shell", "The id of the site (required)."), placeholder("ID")));
        parser.addOption(QCommandLineOption(u"out"_s, i18nc("@info:shell", "The PDF file to write (required)."), placeholder("FILE")));
    }
}

int EventCommands::run(const QString &command, const QCommandLineParser &parser, const QString &path)
{
    const QStringList values = parser.positionalArguments();
    if (command == u"events") {
        if (values.size() != 1 || !QStringList{u"list"_s, u"schedule"_s, u"move"_s}.contains(values.first())) {
            return usage(i18nc("@info:shell %1 is the program",
                               "The events command needs what to do: %1 events list --campaign X, events schedule --event ID --mode MODE, or events "
                               "move --event ID --local WHEN",
                               program));
        }
        if (values.first() != u"list" && parser.value(u"event"_s).isEmpty()) {
            return usage(i18nc("@info:shell %1 is an action", "events %1 needs the event: --event ID", values.first()));
        }
        const QString zone = parser.value(u"zone"_s);
        if (!zone.isEmpty() && !Events::zoneFromId(zone).isValid()) {
            return usage(i18nc("@info:shell %1 is what the user typed",
                               "“%1” is not a known time zone. Use a name such as America/Los_Angeles or Europe/Madrid.",
                               zone));
        }
    } else if (!values.isEmpty()) {
        return usage(
            i18nc("@info:shell %1 is a command, %2 what the user typed", "The %1 command takes no arguments, but was given “%2”.", command, values.join(u' ')));
    }
    if (command == u"export-ics" && parser.value(u"event"_s).isEmpty()) {
        return usage(i18nc("@info:shell %1 is the program", "Name the event to export: %1 export-ics --event ID --out FILE", program));
    }
    if (command == u"run-sheet" && parser.value(u"site"_s).isEmpty()) {
        return usage(i18nc("@info:shell %1 is the program", "Name the site: %1 run-sheet --site ID --out FILE.pdf", program));
    }
    if (command != u"events" && parser.value(u"out"_s).isEmpty()) {
        return usage(i18nc("@info:shell %1 is a command", "The %1 command needs the file to write: --out FILE", command));
    }

    std::unique_ptr<Store::Store> store = m_open(path);
    if (!store) {
        return CommandLineTool::UsageOrCannotOpen;
    }
    if (command == u"events" && values.first() == u"list") {
        return listEvents(*store, parser.value(u"campaign"_s), parser.value(u"zone"_s));
    }
    if (command == u"events") {
        return reschedule(*store, values.first(), parser);
    }
    if (command == u"export-ics") {
        return exportCalendar(*store, parser.value(u"event"_s), parser.value(u"site"_s), parser.value(u"out"_s));
    }
    return runSheet(*store, parser.value(u"site"_s), parser.value(u"out"_s));
}

int EventCommands::listEvents(Store::Store &store, const QString &campaign, const QString &zone)
{
    QList<Record> events;
    if (campaign.isEmpty()) {
        events = store.fetchAll(Kind::Event);
    } else {
        // By id, else by name: exactly, then as the start of a name, regardless of case.
        QList<Record> campaigns;
        const QList<Record> all = store.fetchAll(Kind::Campaign);
        for (const Record &candidate : all) {
            if (candidate.value(u"id"_s).toString() == campaign || candidate.value(u"name"_s).toString().compare(campaign, Qt::CaseInsensitive) == 0) {
                campaigns = {candidate};
                break;
            }
            if (candidate.value(u"name"_s).toString().startsWith(campaign, Qt::CaseInsensitive)) {
                campaigns << candidate;
            }
        }
        if (campaigns.isEmpty()) {
            error(i18nc("@info:shell %1 is what the user typed", "No campaign is called “%1” or has that id.", campaign));
            return CommandLineTool::Failed;
        }
        if (campaigns.size() > 1) {
            QStringList names;
            for (const Record &candidate : std::as_const(campaigns)) {
                names << u"“%1” [%2]"_s.arg(candidate.value(u"name"_s).toString(), candidate.value(u"id"_s).toString());
            }
            error(i18nc("@info:shell %1 is what the user typed, %2 a list",
                        "“%1” could be several campaigns: %2. Give more of the name, or the id.",
                        campaign,
                        names.join(u", "_s)));
            return CommandLineTool::Failed;
        }
        events = store.fetchAll(Kind::Event, u"campaign_id"_s, campaigns.constFirst().value(u"id"_s));
    }
    if (events.isEmpty()) {
        m_out << i18nc("@info:shell", "No events.") << u'\n';
        return CommandLineTool::Success;
    }

    const QTimeZone coordinator = zone.isEmpty() ? QTimeZone::systemTimeZone() : Events::zoneFromId(zone);
    bool first = true;
    for (const Record &event : std::as_const(events)) {
        if (!first) {
            m_out << u'\n';
        }
        first = false;
        printEvent(store, event, coordinator);
    }
    return CommandLineTool::Success;
}

void EventCommands::printEvent(Store::Store &store, const Record &event, const QTimeZone &coordinator)
{
    Events::EventScheduler scheduler(store);
    const QString eventId = event.value(u"id"_s).toString();
    m_out << i18nc("@info:shell an event: %1 its title, %2 its kind, %3 its id",
                   "%1 — %2 [%3]",
                   event.value(u"title"_s).toString(),
                   Domain::choiceLabel(u"kind", event.value(u"kind"_s).toString()),
                   eventId)
          << u'\n';
    m_out << u"  "_s
          << i18nc("@info:shell %1 how the sites are timed", "Scheduling: %1", Domain::choiceLabel(u"scheduling", event.value(u"scheduling"_s).toString()))
          << u'\n';
    const QList<Events::SiteSchedule> sites = scheduler.schedule(eventId, coordinator);
    if (sites.isEmpty()) {
        m_out << u"  "_s << i18nc("@info:shell", "No sites yet.") << u'\n';
    }
    for (const Events::SiteSchedule &site : sites) {
        m_out << u"  "_s
              << i18nc("@info:shell a site: %1 venue, %2 local date, %3 local time, %4 time zone, %5 its id",
                       "%1: %2, %3 (%4) [%5]",
                       site.site.value(u"venue"_s).toString(),
                       site.localDate,
                       site.localEnd.isEmpty() ? site.localStart : i18nc("@info a span of time, %1 to %2", "%1 to %2", site.localStart, site.localEnd),
                       QString::fromUtf8(site.zone.id()),
                       site.site.value(u"id"_s).toString())
              << u'\n';
        m_out << u"      "_s
              << i18nc("@info:shell %1 the start on the coordinator's clock, %2 in UTC", "Your time: %1 · %2", site.coordinatorStart, site.utcStart) << u'\n';
        for (const Events::SiteFlag &flag : site.flags) {
            m_out << u"      ! "_s << flag.message << u'\n';
        }
        const Events::RunOfShow show = Events::runOfShow(store, site.site.value(u"id"_s).toString());
        if (!show.overSlotMessage.isEmpty()) {
            m_out << u"      ! "_s << show.overSlotMessage << u'\n';
        }
    }
    for (const Events::SpeakerConflict &conflict : Events::speakerConflicts(store, eventId)) {
        m_out << u"  ! "_s << conflict.message << u'\n';
    }
    const Events::RsvpCounts counts = Events::rsvpCounts(store, eventId);
    if (counts.total() > 0) {
        m_out << u"  "_s << i18nc("@info:shell %1 the counts of journalists", "Media: %1", Events::rsvpSummary(counts)) << u'\n';
    }
    Events::TaskFilter filter;
    filter.eventId = eventId;
    filter.includeDone = false;
    const QList<Events::TaskEntry> tasks = Events::tasks(store, filter);
    const qsizetype overdue = std::count_if(tasks.cbegin(), tasks.cend(), [](const Events::TaskEntry &task) {
        return task.overdue;
    });
    if (!tasks.isEmpty()) {
        m_out
            << u"  "_s
            << i18ncp("@info:shell %2 is a number of overdue tasks", "Tasks: 1 not done (%2 overdue)", "Tasks: %1 not done (%2 overdue)", tasks.size(), overdue)
            << u'\n';
    }
}

int EventCommands::reschedule(Store::Store &store, const QString &action, const QCommandLineParser &parser)
{
    const QString eventId = parser.value(u"event"_s);
    Events::EventScheduler scheduler(store);
    Result<void> done;
    if (action == u"schedule") {
        const QString mode = parser.value(u"mode"_s).replace(u'-', u'_');
        if (mode != u"same_moment" && mode != u"same_local_time") {
            return usage(i18nc("@info:shell %1 is what the user typed", "--mode is same-moment or same-local-time, not “%1”.", parser.value(u"mode"_s)));
        }
        done = scheduler.setScheduling(eventId, Events::schedulingFromKey(mode), parser.value(u"anchor"_s));
    } else if (parser.isSet(u"local"_s) == parser.isSet(u"at"_s)) {
        return usage(i18nc("@info:shell", "events move needs either --local (each site's own clock) or --at (one moment everywhere)."));
    } else if (parser.isSet(u"local"_s)) {
        const QDateTime when = QDateTime::fromString(parser.value(u"local"_s).trimmed().replace(u' ', u'T'), Qt::ISODate);
        if (!when.isValid() || when.timeSpec() != Qt::LocalTime) {
            return usage(i18nc("@info:shell %1 is what the user typed",
                               "--local needs a date and a time without time zone, such as \"2027-05-20 12:00\", not “%1”.",
                               parser.value(u"local"_s)));
        }
        done = scheduler.moveToLocalTime(eventId, when.date(), when.time());
    } else {
        const QDateTime when = QDateTime::fromString(parser.value(u"at"_s).trimmed(), Qt::ISODate);
        if (!when.isValid() || when.timeSpec() == Qt::LocalTime) {
            return usage(i18nc("@info:shell %1 is what the user typed",
                               "--at needs a date and time with its offset or Z, such as 2027-05-20T13:30:00-07:00, not “%1”.",
                               parser.value(u"at"_s)));
        }
        done = scheduler.moveToInstant(eventId, when);
    }
    if (!done) {
        error(done.error().message());
        return CommandLineTool::Failed;
    }
    const std::optional<Record> event = store.fetch(Kind::Event, eventId);
    if (event) {
        printEvent(store, *event, QTimeZone::systemTimeZone());
    }
    return CommandLineTool::Success;
}

int EventCommands::exportCalendar(Store::Store &store, const QString &eventId, const QString &siteId, const QString &output)
{
    if (auto written = Interop::writeEventICalendar(store, eventId, siteId, output); !written) {
        error(written.error().message());
        return CommandLineTool::Failed;
    }
    m_out << i18nc("@info:shell %1 a file path", "Wrote the calendar file %1.", shown(output)) << u'\n';
    return CommandLineTool::Success;
}

int EventCommands::runSheet(Store::Store &store, const QString &siteId, const QString &output)
{
    Events::RunSheetRenderer renderer(store);
    if (auto written = renderer.writePdf(siteId, output); !written) {
        error(written.error().message());
        return CommandLineTool::Failed;
    }
    m_out << i18nc("@info:shell %1 a file path", "Wrote the run sheet %1.", shown(output)) << u'\n';
    return CommandLineTool::Success;
}

int EventCommands::usage(const QString &message)
{
    error(message);
    m_err << i18nc("@info:shell", "Run “%1 --help” for the commands and their options.", program) << u'\n';
    return CommandLineTool::UsageOrCannotOpen;
}

void EventCommands::error(const QString &message)
{
    m_err << program << u": "_s << message << u'\n';
}

} // namespace Chorus
