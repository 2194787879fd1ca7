// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "campaignsummary.h"

#include "domain/validation.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace Chorus::Models
{

QList<CampaignSummary> summarizeCampaigns(Store::Store &store, const QDateTime &now, int limit, int siteLimit)
{
    Storage::Database &db = store.database();
    const QString nowText = Domain::formatInstant(now);
    QList<CampaignSummary> summaries;

    Storage::Statement campaigns = db.prepare(
        u"SELECT id, name, coalesce(demand, ''), coalesce(target, '') FROM campaigns ORDER BY coalesce(starts_on, '') DESC, name COLLATE NOCASE LIMIT ?"_s);
    campaigns.bind(1, qint64(limit));
    while (campaigns.step()) {
        summaries.append(CampaignSummary{});
        summaries.last().id = campaigns.text(0);
        summaries.last().name = campaigns.text(1);
        summaries.last().demand = campaigns.text(2);
        summaries.last().target = campaigns.text(3);
    }

    Storage::Statement memberships = db.prepare(u"SELECT status, count(*) FROM memberships WHERE campaign_id = ? GROUP BY status"_s);
    Storage::Statement represented = db.prepare(
        u"SELECT coalesce(sum(o.people_represented), 0), min(o.people_represented_as_of), sum(o.people_represented IS NULL) FROM memberships m "
        "JOIN organizations o ON o.id = m.organization_id WHERE m.campaign_id = ? AND m.status = 'signed_on'"_s);
    Storage::Statement petitions =
        db.prepare(u"SELECT id, title, kind, coalesce(signature_count, 0), coalesce(count_as_of, '') FROM petitions WHERE campaign_id = ? ORDER BY title"_s);
    Storage::Statement quotes = db.prepare(u"SELECT state, count(*) FROM quotes WHERE campaign_id = ? GROUP BY state"_s);
    Storage::Statement sites = db.prepare(
        u"SELECT s.id, s.venue, e.id, e.title, s.starts_at, s.time_zone FROM sites s JOIN events e ON e.id = s.event_id "
        "WHERE e.campaign_id = ? AND s.starts_at >= ? ORDER BY s.starts_at LIMIT ?"_s);
    Storage::Statement tasks = db.prepare(u"SELECT count(*) FROM tasks WHERE campaign_id = ? AND status <> 'done' AND due_at IS NOT NULL AND due_at < ?"_s);

    for (CampaignSummary &summary : summaries) {
        memberships.reset();
        memberships.bind(1, summary.id);
        while (memberships.step()) {
            const QString status = memberships.text(0);
            const qint64 count = memberships.integer(1);
            if (status == u"signed_on") {
                summary.signedOn = count;
            } else if (status == u"considering") {
                summary.considering = count;
            } else if (status == u"invited") {
                summary.invited = count;
            }
        }
        represented.reset();
        represented.bind(1, summary.id);
        if (represented.step()) {
            summary.peopleRepresented = represented.integer(0);
            summary.oldestAsOf = represented.text(1);
            summary.organizationsWithoutFigure = represented.integer(2);
        }
        petitions.reset();
        petitions.bind(1, summary.id);
        while (petitions.step()) {
            summary.petitions.append({petitions.text(0), petitions.text(1), petitions.text(2), petitions.integer(3), petitions.text(4)});
        }
        quotes.reset();
        quotes.bind(1, summary.id);
        while (quotes.step()) {
            summary.quotesByState.insert(quotes.text(0), quotes.integer(1));
        }
        sites.reset();
        sites.bind(1, summary.id);
        sites.bind(2, nowText);
        sites.bind(3, qint64(siteLimit));
        while (sites.step()) {
            summary.upcomingSites.append({sites.text(0), sites.text(1), sites.text(2), sites.text(3), Domain::parseInstant(sites.text(4)), sites.text(5)});
        }
        tasks.reset();
        tasks.bind(1, summary.id);
        tasks.bind(2, nowText);
        if (tasks.step()) {
            summary.overdueTasks = tasks.integer(0);
        }
    }
    return summaries;
}

} // namespace Chorus::Models
