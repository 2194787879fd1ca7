// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/campaignsummary.h"
#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class CampaignSummaryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSumUpWhatTheDashboardShows()
    {
        // GIVEN a campaign with two organizations signed on (one without a figure), one invited,
        // a petition, quotes, an event with a past and a future site, and tasks
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        Store::Store &store = *opened.value();
        const QString campaign = store.create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}}).value();
        const QString river =
            store
                .create(Kind::Organization,
                        {{u"name"_s, u"River Alliance"_s}, {u"people_represented"_s, 12000}, {u"people_represented_as_of"_s, u"2026-03-01"_s}})
                .value();
        const QString union_ =
            store
                .create(Kind::Organization, {{u"name"_s, u"Tech Workers"_s}, {u"people_represented"_s, 3000}, {u"people_represented_as_of"_s, u"2025-11-15"_s}})
                .value();
        const QString unknown = store.create(Kind::Organization, {{u"name"_s, u"Neighbors"_s}}).value();
        const QString invited = store.create(Kind::Organization, {{u"name"_s, u"Faith Coalition"_s}, {u"people_represented"_s, 500000}}).value();
        for (const QString &organization : {river, union_, unknown}) {
            QVERIFY(store.create(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"organization_id"_s, organization}, {u"status"_s, u"signed_on"_s}}));
        }
        QVERIFY(store.create(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"organization_id"_s, invited}}));
        QVERIFY(store.create(Kind::Petition, {{u"campaign_id"_s, campaign}, {u"title"_s, u"Cancel it"_s}, {u"signature_count"_s, 300000}}));
        const QString person = store.create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}).value();
        for (const QString &state : {u"draft"_s, u"draft"_s, u"submitted"_s}) {
            QVERIFY(
                store.create(Kind::Quote, {{u"text"_s, u"Cancel it."_s}, {u"spokesperson_id"_s, person}, {u"campaign_id"_s, campaign}, {u"state"_s, state}}));
        }
        const QString event = store.create(Kind::Event, {{u"title"_s, u"Day of action"_s}, {u"campaign_id"_s, campaign}}).value();
        QVERIFY(store.create(
            Kind::Site,
            {{u"event_id"_s, event}, {u"venue"_s, u"Campus"_s}, {u"time_zone"_s, u"America/Los_Angeles"_s}, {u"starts_at"_s, u"2026-05-20T20:30:00Z"_s}}));
        QVERIFY(store.create(
            Kind::Site,
            {{u"event_id"_s, event}, {u"venue"_s, u"Old rally"_s}, {u"time_zone"_s, u"America/New_York"_s}, {u"starts_at"_s, u"2026-01-10T15:00:00Z"_s}}));
        QVERIFY(store.create(Kind::Task, {{u"title"_s, u"Print banners"_s}, {u"campaign_id"_s, campaign}, {u"due_at"_s, u"2026-04-01T00:00:00Z"_s}}));
        QVERIFY(store.create(Kind::Task,
                             {{u"title"_s, u"Book room"_s}, {u"campaign_id"_s, campaign}, {u"due_at"_s, u"2026-04-01T00:00:00Z"_s}, {u"status"_s, u"done"_s}}));
        QVERIFY(store.create(Kind::Task, {{u"title"_s, u"Press list"_s}, {u"campaign_id"_s, campaign}, {u"due_at"_s, u"2026-06-01T00:00:00Z"_s}}));

        // WHEN it is summed up on 1 May 2026
        const QList<Models::CampaignSummary> summaries = Models::summarizeCampaigns(store, QDateTime(QDate(2026, 5, 1), QTime(12, 0), QTimeZone::UTC));

        // THEN the figures are those a director would count
        QCOMPARE(summaries.size(), 1);
        const Models::CampaignSummary &summary = summaries.constFirst();
        QCOMPARE(summary.name, u"Cancel the contract"_s);
        QCOMPARE(summary.signedOn, 3);
        QCOMPARE(summary.invited, 1);
        QCOMPARE(summary.considering, 0);
        // Only those signed on count, and the oldest figure's date is the one to show
        QCOMPARE(summary.peopleRepresented, 15000);
        QCOMPARE(summary.oldestAsOf, u"2025-11-15"_s);
        QCOMPARE(summary.organizationsWithoutFigure, 1);
        QCOMPARE(summary.petitions.size(), 1);
        QCOMPARE(summary.petitions.constFirst().signatures, 300000);
        QCOMPARE(summary.quotesByState.value(u"draft"_s), 2);
        QCOMPARE(summary.quotesByState.value(u"submitted"_s), 1);
        QCOMPARE(summary.quotesByState.value(u"approved"_s), 0);
        QCOMPARE(summary.upcomingSites.size(), 1);
        QCOMPARE(summary.upcomingSites.constFirst().venue, u"Campus"_s);
        QCOMPARE(summary.upcomingSites.constFirst().timeZone, u"America/Los_Angeles"_s);
        QCOMPARE(summary.overdueTasks, 1);
    }
};

CHORUS_TEST_MAIN(CampaignSummaryTest)

#include "campaignsummarytest.moc"
