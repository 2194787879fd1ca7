// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "runsheetrenderer.h"

#include "domain/validation.h"
#include "events/eventscheduler.h"
#include "events/logistics.h"
#include "events/runofshow.h"
#include "events/sitetime.h"
#include "filereason.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QDir>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Events
{

namespace
{

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString row(const QString &label, const QString &value)
{
    if (value.isEmpty()) {
        return {};
    }
    return u"<tr><td style=\"color:#555555; padding-right:12px;\">%1</td><td>%2</td></tr>"_s.arg(escaped(label), escaped(value));
}

} // namespace

RunSheetRenderer::RunSheetRenderer(Store::Store &store)
    : m_store(store)
{
}

QString RunSheetRenderer::html(const QString &siteId)
{
    const std::optional<Record> site = m_store.fetch(Kind::Site, siteId);
    if (!site) {
        return {};
    }
    const std::optional<Record> event = m_store.fetch(Kind::Event, site->value(u"event_id"_s).toString());
    const QString eventTitle = event ? event->value(u"title"_s).toString() : QString();
    EventScheduler scheduler(m_store);
    const SiteSchedule times = scheduler.siteSchedule(*site, QTimeZone::UTC);
    const RunOfShow show = runOfShow(m_store, siteId);

    const auto nameOf = [this](Kind kind, const QVariant &id) -> std::optional<Record> {
        return id.toString().isEmpty() ? std::nullopt : m_store.fetch(kind, id.toString());
    };
    const auto lead = nameOf(Kind::Organization, site->value(u"lead_organization_id"_s));
    const auto contact = nameOf(Kind::Person, site->value(u"contact_person_id"_s));
    QString contactText;
    if (contact) {
        QStringList parts{contact->value(u"name"_s).toString()};
        for (const QString &field : {u"phone"_s, u"email"_s}) {
            if (const QString value = contact->value(field).toString(); !value.isEmpty()) {
                parts << value;
            }
        }
        contactText = parts.join(u", "_s);
    }

    QString html = u"<html><body style=\"font-family:'DejaVu Sans'; font-size:10pt;\">"_s;
    html += u"<p style=\"font-size:9pt; color:#555555;\">%1</p>"_s.arg(escaped(i18nc("@title run sheet", "Run sheet")));
    html += u"<h1 style=\"font-size:18pt; margin-bottom:2px;\">%1</h1>"_s.arg(escaped(eventTitle));
    html += u"<h2 style=\"font-size:14pt; margin-top:0px;\">%1</h2>"_s.arg(escaped(site->value(u"venue"_s).toString()));
    html += u"<table cellspacing=\"0\" cellpadding=\"2\">"_s;
    html += row(i18nc("@label run sheet", "Address"), site->value(u"address"_s).toString());
    html += row(i18nc("@label run sheet", "Date"), times.localDate);
    html += row(i18nc("@label run sheet", "Time"),
                times.localEnd.isEmpty() ? times.localStart : i18nc("@info a span of time, %1 to %2", "%1 to %2", times.localStart, times.localEnd));
    html += row(i18nc("@label run sheet", "Time zone"), times.zone.isValid() ? QString::fromUtf8(times.zone.id()) : QString());
    html += row(i18nc("@label run sheet", "In UTC"), times.utcStart);
    html += row(i18nc("@label run sheet", "Lead organization"), lead ? lead->value(u"name"_s).toString() : QString());
    html += row(i18nc("@label run sheet", "Site contact"), contactText);
    html += row(i18nc("@label run sheet", "Expected turnout"),
                site->value(u"expected_turnout"_s).isNull() ? QString() : QLocale().toString(site->value(u"expected_turnout"_s).toLongLong()));
    html += row(i18nc("@label run sheet", "Permit"),
                site->value(u"permit_status"_s).isNull() ? QString() : choiceLabel(u"permit_status", site->value(u"permit_status"_s).toString()));
    html += row(i18nc("@label run sheet", "Livestream"), site->value(u"livestream_url"_s).toString());
    html += u"</table>"_s;
    if (const QString notes = site->value(u"notes"_s).toString(); !notes.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(escaped(notes));
    }

    QStringList warnings;
    for (const SiteFlag &flag : times.flags) {
        warnings << flag.message;
    }
    if (!show.overSlotMessage.isEmpty()) {
        warnings << show.overSlotMessage;
    }
    for (const SpeakerConflict &conflict : speakerConflicts(m_store)) {
        const bool here = std::any_of(show.entries.cbegin(), show.entries.cend(), [&](const RunOfShowEntry &entry) {
            const QString id = entry.item.value(u"id"_s).toString();
            return id == conflict.firstItemId || id == conflict.secondItemId;
        });
        if (here) {
            warnings << conflict.message;
        }
    }
    if (!warnings.isEmpty()) {
        html += u"<p style=\"color:#b00020; font-weight:bold;\">%1</p><ul>"_s.arg(escaped(i18nc("@title run sheet", "Check before the day")));
        for (const QString &warning : std::as_const(warnings)) {
            html += u"<li style=\"color:#b00020;\">%1</li>"_s.arg(escaped(warning));
        }
        html += u"</ul>"_s;
    }

    html += u"<h3 style=\"font-size:12pt; margin-top:14px;\">%1</h3>"_s.arg(escaped(i18nc("@title run sheet", "Run of show")));
    if (show.entries.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(escaped(i18nc("@info run sheet", "No run of show yet.")));
    } else {
        html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" style=\"border-color:#999999; border-style:solid;\">"_s;
        html +=
            u"<tr style=\"background-color:#eeeeee;\"><th align=\"left\" width=\"17%\">%1</th><th align=\"left\" width=\"14%\">%2</th>"
            "<th align=\"left\" width=\"44%\">%3</th><th align=\"left\" width=\"25%\">%4</th></tr>"_s.arg(escaped(i18nc("@title:column run sheet", "Time")),
                                                                                                          escaped(i18nc("@title:column run sheet", "Length")),
                                                                                                          escaped(i18nc("@title:column run sheet", "What")),
                                                                                                          escaped(i18nc("@title:column run sheet", "Who")));
        for (const RunOfShowEntry &entry : show.entries) {
            const qint64 minutes = entry.item.value(u"duration_minutes"_s).toLongLong();
            html += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>"_s.arg(escaped(entry.clockStart),
                                                                                   escaped(i18ncp("@info duration", "%1 min", "%1 min", minutes)),
                                                                                   escaped(entry.item.value(u"description"_s).toString()),
                                                                                   escaped(entry.speakerName));
        }
        html += u"</table>"_s;
        html += u"<p>%1</p>"_s.arg(escaped(i18ncp("@info run sheet; %2 and %3 are times",
                                                  "From %2 to %3: 1 minute in all.",
                                                  "From %2 to %3: %1 minutes in all.",
                                                  show.totalMinutes,
                                                  formatTime(show.start, times.zone),
                                                  formatTime(show.end, times.zone))));
    }

    // The site's logistics that are not done yet, and the event's that belong to no site.
    TaskFilter filter;
    filter.eventId = site->value(u"event_id"_s).toString();
    filter.includeDone = false;
    QList<TaskEntry> open = tasks(m_store, filter);
    open.removeIf([&](const TaskEntry &task) {
        const QString taskSite = task.task.value(u"site_id"_s).toString();
        return !taskSite.isEmpty() && taskSite != siteId;
    });
    if (!open.isEmpty()) {
        html += u"<h3 style=\"font-size:12pt; margin-top:14px;\">%1</h3><ul>"_s.arg(escaped(i18nc("@title run sheet", "Open tasks")));
        for (const TaskEntry &task : std::as_const(open)) {
            QStringList parts{task.task.value(u"title"_s).toString()};
            if (!task.ownerName.isEmpty()) {
                parts << task.ownerName;
            }
            if (!task.dueText.isEmpty()) {
                parts << (task.overdue ? i18nc("@item a task's due date that has passed", "%1 (overdue)", task.dueText) : task.dueText);
            }
            parts << choiceLabel(u"status", task.task.value(u"status"_s).toString());
            html += (task.overdue ? u"<li style=\"color:#b00020;\">%1</li>"_s : u"<li>%1</li>"_s).arg(escaped(parts.join(u" · "_s)));
        }
        html += u"</ul>"_s;
    }
    html += u"</body></html>"_s;
    return html;
}

Result<void> RunSheetRenderer::writePdf(const QString &siteId, const QString &path)
{
    const std::optional<Record> site = m_store.fetch(Kind::Site, siteId);
    if (!site) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(Kind::Site), siteId));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file path, %2 the reason",
                           "Cannot write the run sheet %1: %2",
                           QDir::toNativeSeparators(path),
                           FileReason::forWriting(path, file)));
    }
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(i18nc("@title PDF document title; %1 is the site", "Run sheet: %1", site->value(u"venue"_s).toString()));
        writer.setCreator(u"Chorus"_s);
        QTextDocument document;
        document.setHtml(html(siteId));
        document.print(&writer);
    }
    if (!file.commit()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 is a file path, %2 the reason",
                           "Cannot write the run sheet %1: %2",
                           QDir::toNativeSeparators(path),
                           FileReason::forWriting(path, file)));
    }
    return {};
}

} // namespace Chorus::Events
