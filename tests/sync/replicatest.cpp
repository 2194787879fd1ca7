// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"
#include "synctesthelpers.h"

#include "models/edithistory.h"
#include "storage/statement.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Sync::Conflict;
using Chorus::Sync::Replica;

class ReplicaTest : public QObject
{
    Q_OBJECT

    TestReplica m_ana;
    TestReplica m_ben;
    QString m_organization;
    QString m_person;
    QString m_quote;

    static qint64 rows(Store::Store &store, const QString &table)
    {
        Storage::Statement count = store.database().prepare(u"SELECT count(*) FROM %1"_s.arg(table));
        return count.step() ? count.integer(0) : -1;
    }

    /// The two memberships made apart of one organization on one campaign, the first-made first.
    struct Twins {
        QString first;
        QString second;
    };
    Twins signOnTwice(TestReplica &carol)
    {
        // Ana has a campaign, which Ben and Carol receive
        auto campaign = m_ana.store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        if (!campaign) {
            return {};
        }
        m_ben.receive(m_ana);
        carol.receive(m_ana);
        // Ana and Ben each sign the tenants' union onto it, differently, without exchanging
        auto ana =
            m_ana.store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, m_organization}, {u"status"_s, u"invited"_s}});
        auto ben = m_ben.store->create(
            Kind::Membership,
            {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, m_organization}, {u"status"_s, u"signed_on"_s}, {u"role"_s, u"lead"_s}});
        if (!ana || !ben) {
            return {};
        }
        // Carol hears of Ben's only
        carol.receive(m_ben);
        const auto createdAt = [](TestReplica &laptop, const QString &id) {
            Storage::Statement read = laptop.store->database().prepare(u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND op = 'create'"_s);
            read.bind(1, id);
            return read.step() ? Sync::Stamp{read.integer(0), read.text(1)} : Sync::Stamp{};
        };
        return createdAt(m_ana, ana.value()) < createdAt(m_ben, ben.value()) ? Twins{ana.value(), ben.value()} : Twins{ben.value(), ana.value()};
    }

    /// One kind of link a volunteer makes while the coordinator deletes what it points to.
    struct LinkCase {
        const char *name;
        Kind target;
        Record targetValues;
        Kind linking;
        QString field;
        Record newRecord; ///< the record Ben makes with the link; empty: Ben links an existing one
    };
    QList<LinkCase> linkCases() const
    {
        return {
            {"a new quote filed under a campaign",
             Kind::Campaign,
             {{u"name"_s, u"Rent Strike"_s}},
             Kind::Quote,
             u"campaign_id"_s,
             {{u"text"_s, u"We will not pay for broken homes."_s}, {u"spokesperson_id"_s, m_person}}},
            {"a quote moved to a campaign", Kind::Campaign, {{u"name"_s, u"Rent Strike"_s}}, Kind::Quote, u"campaign_id"_s, {}},
            {"a person's organization", Kind::Organization, {{u"name"_s, u"Bay Renters Alliance"_s}}, Kind::Person, u"organization_id"_s, {}},
            {"a new task's owner", Kind::Person, {{u"name"_s, u"Luis Ortega"_s}}, Kind::Task, u"owner_person_id"_s, {{u"title"_s, u"Book the hall"_s}}},
            {"a new petition's host",
             Kind::Organization,
             {{u"name"_s, u"Bay Renters Alliance"_s}},
             Kind::Petition,
             u"host_organization_id"_s,
             {{u"title"_s, u"Fix our homes"_s}}},
        };
    }

    /// Ana deleted the campaign while Ben filed the quote and a new one under it.
    QString fileTwoQuotesUnderACampaignDeletedElsewhere()
    {
        auto campaign = m_ana.store->create(Kind::Campaign, {{u"name"_s, u"Rent Strike"_s}, {u"target"_s, u"Harbor Properties"_s}});
        if (!campaign) {
            return {};
        }
        m_ben.receive(m_ana);
        if (!m_ana.store->remove(Kind::Campaign, campaign.value(), Store::DeletePolicy::Detach)
            || !m_ben.store->update(Kind::Quote, m_quote, {{u"campaign_id"_s, campaign.value()}})
            || !m_ben.store->create(Kind::Quote, {{u"text"_s, u"Repairs now."_s}, {u"spokesperson_id"_s, m_person}, {u"campaign_id"_s, campaign.value()}})) {
            return {};
        }
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        return campaign.value();
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN Ana's laptop with a person and a quote, and Ben's laptop that received them
        m_ana = TestReplica::open(u"Ana's laptop"_s);
        m_ben = TestReplica::open(u"Ben's laptop"_s);
        QVERIFY(m_ana.store && m_ben.store);
        auto organization = m_ana.store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}});
        QVERIFY(organization);
        m_organization = organization.value();
        auto person = m_ana.store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, organization.value()}});
        QVERIFY(person);
        m_person = person.value();
        auto quote = m_ana.store->create(Kind::Quote, {{u"text"_s, u"Rents are not a luxury."_s}, {u"spokesperson_id"_s, m_person}});
        QVERIFY(quote);
        m_quote = quote.value();
        const auto summary = m_ben.receive(m_ana);
        QCOMPARE(summary.applied, 3);
    }

    void shouldCarryRecordsCreatedOnOneReplicaToAnother()
    {
        // THEN Ben's laptop has the same records, and knows Ana's laptop by name
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Rents are not a luxury."_s);
        QCOMPARE(m_ben.replica->peers().size(), 1);
        QCOMPARE(m_ben.replica->peers().constFirst().name, u"Ana's laptop"_s);
        QVERIFY(m_ben.replica->peers().constFirst().lastImport.isValid());
        QCOMPARE(m_ben.replica->coalitionId(), m_ana.replica->coalitionId());
        // and finds them by search
        const QList<Store::SearchHit> hits = m_ben.store->search(u"luxury"_s);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).id, m_quote);
    }

    void shouldAnnounceTheRecordsAnImportChanged()
    {
        // GIVEN Ana edits the quote
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Homes are not a luxury."_s}}));
        QSignalSpy changed(m_ben.store.get(), &Store::Store::changed);
        // WHEN Ben imports
        m_ben.receive(m_ana);
        // THEN one signal names the quote and its field
        QCOMPARE(changed.size(), 1);
        const auto changes = changed.at(0).at(0).value<QList<Store::Change>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).id, m_quote);
        QCOMPARE(changes.at(0).fields, QStringList{u"text"_s});
    }

    void shouldCarryEachKindOfValueExactly_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("plain text") << u"bio"_s << QVariant(u"Organizer since 2019."_s);
        QTest::newRow("quotes, backslash, line breaks") << u"bio"_s << QVariant(u"She said \"no\" twice.\nThen: C:\\housing\\plan\t(draft)"_s);
        QTest::newRow("accents and emoji") << u"bio"_s << QVariant(u"Años de lucha 🏠 — ¡vivienda digna!"_s);
        QTest::newRow("digits in text") << u"phone"_s << QVariant(u"0034"_s);
        QTest::newRow("text that reads as a literal") << u"title"_s << QVariant(u"null"_s);
        QTest::newRow("empty text") << u"title"_s << QVariant(u""_s);
        QTest::newRow("cleared") << u"title"_s << QVariant();
        QTest::newRow("true") << u"phone_public"_s << QVariant(true);
        QTest::newRow("false") << u"media_contact"_s << QVariant(false);
    }

    void shouldCarryEachKindOfValueExactly()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        // GIVEN the person has a title and is a media contact on both laptops, and Ana changes one
        // of the person's fields
        QVERIFY(m_ana.store->update(Kind::Person, m_person, {{u"title"_s, u"Organizer"_s}, {u"media_contact"_s, true}}));
        m_ben.receive(m_ana);
        QVERIFY(m_ana.store->update(Kind::Person, m_person, {{field, value}}));
        const QVariant written = m_ana.store->fetch(Kind::Person, m_person)->value(field);
        // WHEN Ben imports the change
        QCOMPARE(m_ben.receive(m_ana).applied, 1);
        // THEN Ben's laptop has exactly the value Ana's has
        const QVariant received = m_ben.store->fetch(Kind::Person, m_person)->value(field);
        QCOMPARE(received.isNull(), written.isNull());
        QCOMPARE(received.toString(), written.toString());
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldCarryTheCountsOfARecordExactly()
    {
        // GIVEN the organization's count on both laptops, then changed on Ana's
        QVERIFY(m_ana.store->update(Kind::Organization, m_organization, {{u"people_represented"_s, 1200}}));
        m_ben.receive(m_ana);
        QVERIFY(m_ana.store->update(Kind::Organization, m_organization, {{u"people_represented"_s, 4500000000LL}}));
        // WHEN Ben imports the change
        QCOMPARE(m_ben.receive(m_ana).applied, 1);
        // THEN Ben's laptop counts the same
        QCOMPARE(m_ben.store->fetch(Kind::Organization, m_organization)->value(u"people_represented"_s).toLongLong(), 4500000000LL);
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldApplyABundleOnlyOnceWhenItIsImportedAgain()
    {
        // GIVEN an edit on Ana's laptop, exported once
        QVERIFY(m_ana.store->update(Kind::Person, m_person, {{u"title"_s, u"Organizer"_s}}));
        const QByteArray bundle = m_ana.bundle();
        // WHEN Ben imports it twice
        QVERIFY(m_ben.replica->importBundle(bundle));
        const QByteArray once = m_ben.replica->canonicalDump();
        const qint64 logOnce = rows(*m_ben.store, u"change_log"_s);
        auto again = m_ben.replica->importBundle(bundle);
        // THEN the second import changes nothing
        QVERIFY(again);
        QCOMPARE(again.value().applied, 0);
        QCOMPARE(m_ben.replica->canonicalDump(), once);
        QCOMPARE(rows(*m_ben.store, u"change_log"_s), logOnce);
    }

    void shouldKeepTheSameNewestValueOnBothWhenTheSameFieldIsEditedOnBoth()
    {
        // GIVEN both change the person's title without exchanging
        QVERIFY(m_ana.store->update(Kind::Person, m_person, {{u"title"_s, u"Organizer"_s}}));
        QVERIFY(m_ben.store->update(Kind::Person, m_person, {{u"title"_s, u"Spokesperson"_s}}));
        // WHEN they exchange in both directions
        m_ben.receive(m_ana);
        m_ana.receive(m_ben);
        // THEN both have the same title, and a short field makes no conflict
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
        QVERIFY(m_ana.replica->conflicts().isEmpty());
    }

    void shouldKeepTheLosingVersionWhenTheSameTextIsEditedOnBoth()
    {
        // GIVEN both rewrite the quote's text without exchanging
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ana's words."_s}}));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ben's words."_s}}));
        // WHEN they exchange
        m_ben.receive(m_ana);
        m_ana.receive(m_ben);
        // THEN both keep the same text, and both list the other version with who wrote it
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
        const QString kept = m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString();
        const QString lost = kept == u"Ana's words." ? u"Ben's words."_s : u"Ana's words."_s;
        const QString loser = kept == u"Ana's words." ? u"Ben's laptop"_s : u"Ana's laptop"_s;
        for (TestReplica *node : {&m_ana, &m_ben}) {
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::ConcurrentEdit);
            QCOMPARE(conflicts.at(0).field, u"text"_s);
            QCOMPARE(conflicts.at(0).lostValue, lost);
            QCOMPARE(conflicts.at(0).currentValue, kept);
            QCOMPARE(conflicts.at(0).lostBy, loser);
            QCOMPARE(conflicts.at(0).recordLabel, u"Quote by Ana Ruiz"_s);
            QVERIFY(conflicts.at(0).description().contains(loser));
        }
    }

    void shouldNotReportAConflictWhenEditsFollowEachOther()
    {
        // GIVEN Ana edits the text, Ben receives it and edits it again, Ana receives that
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"First."_s}}));
        m_ben.receive(m_ana);
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Second."_s}}));
        m_ana.receive(m_ben);
        // THEN Ben's later text is everywhere, also for search, and there is nothing to resolve
        QCOMPARE(m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Second."_s);
        QCOMPARE(m_ana.store->search(u"Second"_s).size(), 1);
        QVERIFY(m_ana.store->search(u"First"_s).isEmpty());
        QVERIFY(m_ana.replica->conflicts().isEmpty());
        QVERIFY(m_ben.replica->conflicts().isEmpty());
    }

    void shouldMakeAnApprovedQuoteADraftWhenItsTextChangedElsewhere()
    {
        // GIVEN Ana approves the quote while Ben, offline, changes its text
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Rents are not a luxury, they are a right."_s}}));
        // WHEN they exchange, in either order
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN the new text is a draft on both, never "approved", and the conflict is shown
        for (TestReplica *node : {&m_ana, &m_ben}) {
            const Record quote = *node->store->fetch(Kind::Quote, m_quote);
            QCOMPARE(quote.value(u"text"_s).toString(), u"Rents are not a luxury, they are a right."_s);
            QCOMPARE(quote.value(u"state"_s).toString(), u"draft"_s);
            QVERIFY(quote.value(u"approved_by"_s).isNull());
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::EditedWhileApproved);
        }
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());

        // WHEN Ana approves the new text
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}));
        m_ben.receive(m_ana);
        // THEN it is approved on Ben's laptop too
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"state"_s).toString(), u"approved"_s);
    }

    void shouldApproveTheCurrentTextAgainWhenTheApprovalIsKept()
    {
        // GIVEN Ana approved the quote while Ben changed its text, and they exchanged
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Rents are not a luxury, they are a right."_s}}));
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        const QList<Conflict> conflicts = m_ana.replica->conflicts();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).reason, Conflict::Reason::EditedWhileApproved);
        // WHEN a merged text is offered, then Ana keeps "theirs", the approval
        auto merged = m_ana.replica->resolve(conflicts.at(0).id, Replica::Resolution::Merged, u"Anything."_s);
        auto kept = m_ana.replica->resolve(conflicts.at(0).id, Replica::Resolution::KeepTheirs);
        // THEN the merge is refused with what to do, and the current text is approved again in
        // the approver's name, on both laptops
        QVERIFY(!merged);
        QVERIFY2(merged.error().message().contains(u"approving the current text again"_s), qPrintable(merged.error().message()));
        QVERIFY2(kept, kept ? "" : qPrintable(kept.error().message()));
        m_ben.receive(m_ana);
        for (TestReplica *node : {&m_ana, &m_ben}) {
            const Record quote = *node->store->fetch(Kind::Quote, m_quote);
            QCOMPARE(quote.value(u"text"_s).toString(), u"Rents are not a luxury, they are a right."_s);
            QCOMPARE(quote.value(u"state"_s).toString(), u"approved"_s);
            QCOMPARE(quote.value(u"approved_by"_s).toString(), u"Dana Whitfield"_s);
            QVERIFY(node->replica->conflicts().isEmpty());
        }
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
    }

    void shouldKeepAnApprovalWhenTheApproverHadSeenTheText()
    {
        // GIVEN Ben edits the text, Ana receives it and approves it
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Edited first."_s}}));
        m_ana.receive(m_ben);
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}));
        // WHEN Ben receives the approval
        m_ben.receive(m_ana);
        // THEN it stays approved, without conflict
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"state"_s).toString(), u"approved"_s);
        QVERIFY(m_ben.replica->conflicts().isEmpty());
    }

    void shouldSurfaceAnEditMadeWhileTheRecordWasDeletedElsewhere()
    {
        // GIVEN Ana deletes the quote while Ben edits it
        QVERIFY(m_ana.store->remove(Kind::Quote, m_quote));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"An edit nobody should lose."_s}}));
        // WHEN they exchange
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN the quote is deleted on both, and Ben's edit is listed on both
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QVERIFY(!node->store->fetch(Kind::Quote, m_quote));
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::EditedWhileDeleted);
            QCOMPARE(conflicts.at(0).lostValue, u"An edit nobody should lose."_s);
        }
    }

    void shouldKeepTheTextOfAQuoteCollectedForAPersonDeletedElsewhere()
    {
        // GIVEN Ana deletes a person with her quotes while Ben collects a new quote from her
        QVERIFY(m_ana.store->remove(Kind::Person, m_person, Store::DeletePolicy::DeleteDependents));
        auto collected = m_ben.store->create(Kind::Quote, {{u"text"_s, u"Words collected today."_s}, {u"spokesperson_id"_s, m_person}});
        QVERIFY(collected);
        // WHEN they exchange, in both orders
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN the quote went with its spokesperson on both, and its words are listed on both
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QVERIFY(!node->store->fetch(Kind::Quote, collected.value()));
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).recordId, collected.value());
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::EditedWhileDeleted);
            QCOMPARE(conflicts.at(0).lostValue, u"Words collected today."_s);
            QCOMPARE(conflicts.at(0).lostBy, u"Ben's laptop"_s);
        }
        // AND the one who sees it can close it
        const qint64 id = m_ana.replica->conflicts().at(0).id;
        QVERIFY(m_ana.replica->resolve(id, Replica::Resolution::KeepMine));
        m_ben.receive(m_ana);
        QVERIFY(m_ana.replica->conflicts().isEmpty());
        QVERIFY(m_ben.replica->conflicts().isEmpty());
    }

    void shouldEmptyAReferenceToARecordDeletedElsewhere()
    {
        // GIVEN Ana deletes the organization (keeping its people) while Ben adds a person to it
        const QString organization = m_ana.store->fetch(Kind::Person, m_person)->value(u"organization_id"_s).toString();
        QVERIFY(m_ana.store->remove(Kind::Organization, organization, Store::DeletePolicy::Detach));
        auto added = m_ben.store->create(Kind::Person, {{u"name"_s, u"Luis Ortega"_s}, {u"organization_id"_s, organization}});
        QVERIFY(added);
        // WHEN they exchange
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN both have the new person, without an organization
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
        QVERIFY(m_ana.store->fetch(Kind::Person, added.value())->value(u"organization_id"_s).isNull());
        QVERIFY(m_ana.store->check().isEmpty());
        // AND the lost link is listed on both
        for (TestReplica *node : {&m_ana, &m_ben}) {
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::LinkedToDeleted);
            QCOMPARE(conflicts.at(0).recordId, added.value());
        }
    }

    void shouldListALinkToARecordDeletedElsewhere_data()
    {
        QTest::addColumn<int>("index");
        const QList<LinkCase> cases = linkCases();
        for (int i = 0; i < cases.size(); ++i) {
            QTest::newRow(cases.at(i).name) << i;
        }
    }

    void shouldListALinkToARecordDeletedElsewhere()
    {
        QFETCH(int, index);
        const LinkCase link = linkCases().at(index);
        // GIVEN a record Ana made and Ben received, and Carol's laptop with all of it
        auto target = m_ana.store->create(link.target, link.targetValues);
        QVERIFY(target);
        m_ben.receive(m_ana);
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        carol.receive(m_ana);
        // WHEN Ana deletes it while Ben, offline, links a record to it
        QVERIFY(m_ana.store->remove(link.target, target.value(), Store::DeletePolicy::Detach));
        QString linked = link.linking == Kind::Quote ? m_quote : m_person;
        if (!link.newRecord.isEmpty()) {
            Record values = link.newRecord;
            values.insert(link.field, target.value());
            auto created = m_ben.store->create(link.linking, values);
            QVERIFY(created);
            linked = created.value();
        } else {
            QVERIFY(m_ben.store->update(link.linking, linked, {{link.field, target.value()}}));
        }
        // AND they exchange, Ana and Ben first one way then the other, Carol in the other order
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        carol.receive(m_ben);
        carol.receive(m_ana);
        // THEN every laptop has the record without the link, and the same conflict about it
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(carol.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben, &carol}) {
            const std::optional<Record> record = node->store->fetch(link.linking, linked);
            QVERIFY(record);
            QVERIFY(record->value(link.field).isNull());
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            const Conflict &conflict = conflicts.at(0);
            QCOMPARE(conflict.reason, Conflict::Reason::LinkedToDeleted);
            QCOMPARE(conflict.kind, link.linking);
            QCOMPARE(conflict.recordId, linked);
            QCOMPARE(conflict.field, link.field);
            QCOMPARE(conflict.lostValue, target.value());
            QCOMPARE(conflict.lostBy, u"Ben's laptop"_s);
            QCOMPARE(conflict.deletedBy, u"Ana's laptop"_s);
            QVERIFY(conflict.deletedAt.isValid());
            QVERIFY(conflict.recordExists);
            // named as they were last known, with who did what
            const QString name = link.targetValues.constBegin().value().toString();
            QVERIFY2(conflict.linkedLabel.contains(name), qPrintable(conflict.linkedLabel));
            const QString description = conflict.description();
            QVERIFY2(description.contains(name) && description.contains(u"Ana's laptop"_s) && description.contains(u"Ben's laptop"_s)
                         && description.contains(fieldLabel(link.linking, link.field)),
                     qPrintable(description));
        }
    }

    void shouldNotListALinkTheDeletingLaptopEmptiedKnowingly()
    {
        // GIVEN a quote filed under a campaign on both laptops
        auto campaign = m_ana.store->create(Kind::Campaign, {{u"name"_s, u"Rent Strike"_s}});
        QVERIFY(campaign);
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"campaign_id"_s, campaign.value()}}));
        m_ben.receive(m_ana);
        // WHEN Ana deletes the campaign, keeping the quote, and Ben receives it
        QVERIFY(m_ana.store->remove(Kind::Campaign, campaign.value(), Store::DeletePolicy::Detach));
        m_ben.receive(m_ana);
        // THEN the quote has no campaign, and nobody is asked about it
        QVERIFY(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"campaign_id"_s).isNull());
        QVERIFY(m_ben.replica->conflicts(true).isEmpty());
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldListAMembershipThatWentWithTheCampaignDeletedElsewhere()
    {
        // GIVEN a campaign on both laptops
        auto campaign = m_ana.store->create(Kind::Campaign, {{u"name"_s, u"Rent Strike"_s}});
        QVERIFY(campaign);
        m_ben.receive(m_ana);
        // WHEN Ana deletes it while Ben signs the tenants' union onto it
        QVERIFY(m_ana.store->remove(Kind::Campaign, campaign.value()));
        auto membership = m_ben.store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, m_organization}});
        QVERIFY(membership);
        m_ben.receive(m_ana);
        m_ana.receive(m_ben);
        // THEN the membership went with its campaign, and both laptops say so
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QCOMPARE(node->store->count(Kind::Membership), 0);
            const QList<Conflict> conflicts = node->replica->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::LinkedToDeleted);
            QCOMPARE(conflicts.at(0).recordId, membership.value());
            QCOMPARE(conflicts.at(0).field, u"campaign_id"_s);
            QVERIFY(!conflicts.at(0).recordExists);
            QVERIFY2(conflicts.at(0).description().contains(u"Rent Strike"_s), qPrintable(conflicts.at(0).description()));
            // only acknowledged: there is nothing left to link
            QVERIFY(!node->replica->resolve(conflicts.at(0).id, Replica::Resolution::KeepTheirs));
        }
        QVERIFY(m_ben.replica->resolve(m_ben.replica->conflicts().at(0).id, Replica::Resolution::KeepMine));
        m_ana.receive(m_ben);
        QVERIFY(m_ana.replica->conflicts().isEmpty());
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldLeaveTheLinkEmptyWhenMineIsKept()
    {
        // GIVEN two quotes whose campaign was deleted elsewhere
        const QString campaign = fileTwoQuotesUnderACampaignDeletedElsewhere();
        QVERIFY(!campaign.isEmpty());
        const QList<Conflict> conflicts = m_ana.replica->conflicts();
        QCOMPARE(conflicts.size(), 2);
        // WHEN Ana keeps hers (no campaign) for one of them
        QVERIFY(m_ana.replica->resolve(conflicts.at(0).id, Replica::Resolution::KeepMine));
        m_ben.receive(m_ana);
        // THEN that one is settled on both, the other still waits, and the quotes have no campaign
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QCOMPARE(node->replica->conflicts().size(), 1);
            QCOMPARE(node->store->count(Kind::Campaign), 0);
            QVERIFY(node->store->fetch(Kind::Quote, m_quote)->value(u"campaign_id"_s).isNull());
        }
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        // AND text cannot be merged into a link
        QVERIFY(!m_ana.replica->resolve(m_ana.replica->conflicts().at(0).id, Replica::Resolution::Merged, u"x"_s));
    }

    void shouldBringTheDeletedRecordBackWhenTheirsIsKept()
    {
        // GIVEN two quotes whose campaign was deleted elsewhere
        const QString campaign = fileTwoQuotesUnderACampaignDeletedElsewhere();
        QVERIFY(!campaign.isEmpty());
        const QList<Conflict> conflicts = m_ben.replica->conflicts();
        QCOMPARE(conflicts.size(), 2);
        // WHEN Ben keeps his link for one of them
        QVERIFY(m_ben.replica->resolve(conflicts.at(0).id, Replica::Resolution::KeepTheirs));
        m_ana.receive(m_ben);
        // THEN on both laptops the campaign is back once, with its id, as it was last known, with
        // both quotes filed under it, and both conflicts are settled
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            const QList<Record> campaigns = node->store->fetchAll(Kind::Campaign);
            QCOMPARE(campaigns.size(), 1);
            const QString restored = campaigns.at(0).value(u"id"_s).toString();
            QCOMPARE(restored, campaign);
            QCOMPARE(campaigns.at(0).value(u"name"_s).toString(), u"Rent Strike"_s);
            QCOMPARE(campaigns.at(0).value(u"target"_s).toString(), u"Harbor Properties"_s);
            QCOMPARE(node->store->fetchAll(Kind::Quote, u"campaign_id"_s, restored).size(), 2);
            QVERIFY(node->replica->conflicts().isEmpty());
            QCOMPARE(node->replica->conflicts(true).size(), 2);
        }
    }

    void shouldBringBackEverywhereARecordWhoseDeleteWasUndone()
    {
        // GIVEN Ana deletes the quote in the app, and Ben receives the delete
        Models::EditHistory history;
        history.setStore(m_ana.store.get());
        QVERIFY(history.remove(Kind::Quote, m_quote));
        m_ben.receive(m_ana);
        QVERIFY(!m_ben.store->fetch(Kind::Quote, m_quote));
        // WHEN Ana undoes it (the quote comes back with its id) and Ben receives that, twice
        history.undoStack()->undo();
        QVERIFY(m_ana.store->fetch(Kind::Quote, m_quote));
        m_ben.receive(m_ana);
        m_ben.receive(m_ana);
        // THEN Ben has it again, as Ana has, and a laptop that hears of all of it at once too
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Rents are not a luxury."_s);
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        carol.receive(m_ben);
        QCOMPARE(carol.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QVERIFY(m_ana.replica->conflicts(true).isEmpty() && m_ben.replica->conflicts(true).isEmpty());
        // AND its redo deletes it everywhere again
        history.undoStack()->redo();
        m_ben.receive(m_ana);
        QVERIFY(!m_ben.store->fetch(Kind::Quote, m_quote));
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldListAnEditMadeWhileDeletedAlikeWhereverTheUndoneDeleteArrives()
    {
        // GIVEN Ana deletes the quote while Ben edits it, and Carol hears of both before Ana
        // undoes her delete
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        carol.receive(m_ana);
        Models::EditHistory history;
        history.setStore(m_ana.store.get());
        QVERIFY(history.remove(Kind::Quote, m_quote));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"An edit nobody should lose."_s}}));
        carol.receive(m_ana);
        carol.receive(m_ben);
        QCOMPARE(carol.replica->conflicts().size(), 1);
        QCOMPARE(carol.replica->conflicts().at(0).reason, Conflict::Reason::EditedWhileDeleted);
        // WHEN Ana undoes her delete without having seen the edit, and all of it goes around
        history.undoStack()->undo();
        carol.receive(m_ana);
        m_ana.receive(m_ben);
        m_ben.receive(carol);
        m_ana.receive(carol);
        // THEN the quote is back with the words Ana brought back, on all three, and Ben's words,
        // which lost to them, are listed the same way on all three
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(carol.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben, &carol}) {
            QCOMPARE(node->store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), u"Rents are not a luxury."_s);
            const QList<Conflict> conflicts = node->replica->conflicts(true);
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.at(0).reason, Conflict::Reason::ConcurrentEdit);
            QCOMPARE(conflicts.at(0).lostValue, u"An edit nobody should lose."_s);
            QCOMPARE(conflicts.at(0).lostBy, u"Ben's laptop"_s);
        }
    }

    void shouldKeepTheNewerOfADeleteAndAnUndoneDelete_data()
    {
        QTest::addColumn<bool>("benDeletesLast");
        QTest::newRow("Ben deletes after Ana undoes hers") << true;
        QTest::newRow("Ana undoes hers after Ben deletes") << false;
    }

    void shouldKeepTheNewerOfADeleteAndAnUndoneDelete()
    {
        QFETCH(bool, benDeletesLast);
        // GIVEN Ana deletes the quote and undoes that, while Ben deletes it too, neither knowing
        Models::EditHistory history;
        history.setStore(m_ana.store.get());
        QVERIFY(history.remove(Kind::Quote, m_quote));
        // (a few milliseconds apart, as people are)
        if (benDeletesLast) {
            history.undoStack()->undo();
            QTest::qSleep(5);
            QVERIFY(m_ben.store->remove(Kind::Quote, m_quote));
        } else {
            QVERIFY(m_ben.store->remove(Kind::Quote, m_quote));
            QTest::qSleep(5);
            history.undoStack()->undo();
        }
        // WHEN they exchange
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN the later of the two by their stamps holds on both (made within one millisecond,
        // the one whose clock counted further is the later)
        const auto newest = [](TestReplica &laptop, const QString &op) {
            Storage::Statement read =
                laptop.store->database().prepare(u"SELECT hlc, replica FROM change_log WHERE op = ? AND replica = ? ORDER BY hlc DESC LIMIT 1"_s);
            read.bind(1, op);
            read.bind(2, laptop.store->replicaId());
            return read.step() ? Sync::Stamp{read.integer(0), read.text(1)} : Sync::Stamp{};
        };
        const bool restoredLast = newest(m_ana, u"create"_s) > newest(m_ben, u"delete"_s);
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(bool(m_ana.store->fetch(Kind::Quote, m_quote)), restoredLast);
        QCOMPARE(bool(m_ben.store->fetch(Kind::Quote, m_quote)), restoredLast);
        // AND a delete made knowing of the quote brought back takes it on both
        if (restoredLast) {
            QVERIFY(m_ben.store->remove(Kind::Quote, m_quote));
            m_ana.receive(m_ben);
            QVERIFY(!m_ana.store->fetch(Kind::Quote, m_quote));
            QVERIFY(m_ana.replica->conflicts(true).isEmpty());
        }
    }

    void shouldLinkAgainToARecordBroughtBackAfterItsLinkWasListed()
    {
        // GIVEN two quotes Ben filed under a campaign Ana deleted meanwhile: listed on both
        const QString campaign = fileTwoQuotesUnderACampaignDeletedElsewhere();
        QVERIFY(!campaign.isEmpty());
        QCOMPARE(m_ana.replica->conflicts().size(), 2);
        // WHEN Ana brings the campaign back with its id (as Edit > Undo does) and Ben receives it
        QVERIFY(m_ana.store->create(Kind::Campaign, {{u"id"_s, campaign}, {u"name"_s, u"Rent Strike"_s}, {u"target"_s, u"Harbor Properties"_s}}));
        m_ben.receive(m_ana);
        // THEN on both the quotes are filed under it again, and nothing is left to settle
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QCOMPARE(node->store->fetchAll(Kind::Quote, u"campaign_id"_s, campaign).size(), 2);
            QVERIFY(node->replica->conflicts(true).isEmpty());
        }
    }

    void shouldBringBackADeletedPersonWithHerQuotesAndTheOneCollectedMeanwhile()
    {
        // GIVEN Ana deletes a person with her quotes while Ben collects a new quote from her
        Models::EditHistory history;
        history.setStore(m_ana.store.get());
        QVERIFY(history.remove(Kind::Person, m_person, Store::DeletePolicy::DeleteDependents));
        auto collected = m_ben.store->create(Kind::Quote, {{u"text"_s, u"Words collected today."_s}, {u"spokesperson_id"_s, m_person}});
        QVERIFY(collected);
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        QVERIFY(!m_ben.store->fetch(Kind::Quote, collected.value()));
        QCOMPARE(m_ana.replica->conflicts().size(), 1);
        // WHEN Ana undoes her delete
        history.undoStack()->undo();
        // THEN the quote Ben collected is back on her laptop at once
        QCOMPARE(m_ana.store->fetch(Kind::Quote, collected.value())->value(u"text"_s).toString(), u"Words collected today."_s);
        QVERIFY(m_ana.replica->conflicts().isEmpty());
        // WHEN they exchange
        m_ben.receive(m_ana);
        m_ana.receive(m_ben);
        // THEN both have her, her quote and the one Ben collected, and nothing is left to settle
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QVERIFY(node->store->fetch(Kind::Person, m_person));
            QVERIFY(node->store->fetch(Kind::Quote, m_quote));
            QCOMPARE(node->store->fetch(Kind::Quote, collected.value())->value(u"spokesperson_id"_s).toString(), m_person);
            QVERIFY(node->replica->conflicts(true).isEmpty());
        }
    }

    void shouldKeepARestoredQuoteApprovedOnlyWithItsApprovedText()
    {
        // GIVEN an approved quote that Ana deletes and brings back, and Ben receives all of it
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}));
        m_ben.receive(m_ana);
        Models::EditHistory history;
        history.setStore(m_ana.store.get());
        QVERIFY(history.remove(Kind::Quote, m_quote));
        history.undoStack()->undo();
        m_ben.receive(m_ana);
        // THEN it is approved on both, with the words approved
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"state"_s).toString(), u"approved"_s);
        // WHEN Ben changes its words while Ana deletes and restores it again, not knowing
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Rents are too high."_s}}));
        QVERIFY(history.remove(Kind::Quote, m_quote));
        history.undoStack()->undo();
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN both agree, and it is approved only with the words that were approved
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        const Record quote = *m_ana.store->fetch(Kind::Quote, m_quote);
        QVERIFY(quote.value(u"state"_s).toString() != u"approved" || quote.value(u"text"_s).toString() == u"Rents are not a luxury.");
        QCOMPARE(m_ana.replica->conflicts(true).size(), m_ben.replica->conflicts(true).size());
    }

    void shouldBringTheDeletedRecordBackOnceWhenBothLaptopsBringItBack()
    {
        // GIVEN two quotes whose campaign was deleted elsewhere, listed on both laptops
        const QString campaign = fileTwoQuotesUnderACampaignDeletedElsewhere();
        QVERIFY(!campaign.isEmpty());
        // WHEN Ana and Ben each bring it back, not knowing of the other
        QVERIFY(m_ana.replica->resolve(m_ana.replica->conflicts().at(0).id, Replica::Resolution::KeepTheirs));
        QVERIFY(m_ben.replica->resolve(m_ben.replica->conflicts().at(1).id, Replica::Resolution::KeepTheirs));
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        // THEN both have the campaign once, with its id, both quotes filed under it, nothing open
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        for (TestReplica *node : {&m_ana, &m_ben}) {
            QCOMPARE(node->store->count(Kind::Campaign), 1);
            QCOMPARE(node->store->fetchAll(Kind::Quote, u"campaign_id"_s, campaign).size(), 2);
            QVERIFY(node->replica->conflicts().isEmpty());
        }
    }

    void shouldWaitForAReferencedRecordThatHasNotArrivedYet()
    {
        // GIVEN a third laptop that receives Ana's operations newest first, in two bundles
        TestReplica carla = TestReplica::open(u"Carla's laptop"_s);
        auto everything = Sync::Bundle::parse(m_ana.bundle());
        QVERIFY(everything);
        Sync::Bundle older = everything.value();
        Sync::Bundle newer = everything.value();
        older.operations = everything.value().operations.mid(0, 1); // the organization
        newer.operations = everything.value().operations.mid(1); // the person and the quote
        older.ranges.clear();
        newer.ranges.clear();
        // WHEN the person and quote come before their organization
        QVERIFY(carla.replica->importBundle(newer.serialize()));
        // THEN the person is there without it for now, and the database is consistent
        QCOMPARE(carla.store->count(Kind::Person), 1);
        QCOMPARE(carla.store->count(Kind::Quote), 1);
        QVERIFY(carla.store->fetch(Kind::Person, m_person)->value(u"organization_id"_s).isNull());
        QVERIFY(carla.store->check().isEmpty());
        QVERIFY(carla.replica->importBundle(older.serialize()));
        // AND the person belongs to it once it arrives
        QCOMPARE(carla.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldHoldBackARecordWhoseRequiredReferenceHasNotArrivedYet()
    {
        // GIVEN a third laptop that receives the quote before its spokesperson
        TestReplica carla = TestReplica::open(u"Carla's laptop"_s);
        auto everything = Sync::Bundle::parse(m_ana.bundle());
        QVERIFY(everything);
        Sync::Bundle quoteOnly = everything.value();
        quoteOnly.operations = everything.value().operations.mid(2);
        quoteOnly.ranges.clear();
        // WHEN it imports the quote alone
        QVERIFY(carla.replica->importBundle(quoteOnly.serialize()));
        // THEN the quote waits, out of sight, and appears with the rest
        QCOMPARE(carla.store->count(Kind::Quote), 0);
        QVERIFY(carla.store->check().isEmpty());
        QVERIFY(carla.replica->importBundle(everything.value().serialize()));
        QCOMPARE(carla.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldExportOnlyWhatThePeerHasNotSeen()
    {
        // GIVEN Ana has received Ben's (empty) state, and Ben has all of Ana's
        m_ana.receive(m_ben);
        // WHEN Ben exports for Ana after one edit
        QVERIFY(m_ben.store->update(Kind::Person, m_person, {{u"title"_s, u"Organizer"_s}}));
        auto sinceAna = m_ben.replica->makeBundle({.sincePeer = u"Ana's laptop"_s});
        QVERIFY(sinceAna);
        // THEN the bundle holds that one edit only
        QCOMPARE(sinceAna.value().operations.size(), 1);
        QCOMPARE(sinceAna.value().operations.at(0).field, u"title"_s);
        // and an unknown peer is refused with its name
        auto unknown = m_ben.replica->makeBundle({.sincePeer = u"Nobody's laptop"_s});
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message().contains(u"Nobody's laptop"_s));
        QVERIFY(unknown.error().message().contains(u"Ana's laptop"_s));
    }

    void shouldResolveAConflict_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::addColumn<QString>("expected"); // "kept", "lost" or a merged text
        QTest::newRow("keep mine") << int(Replica::Resolution::KeepMine) << u"kept"_s;
        QTest::newRow("keep theirs") << int(Replica::Resolution::KeepTheirs) << u"lost"_s;
        QTest::newRow("merged") << int(Replica::Resolution::Merged) << u"Ana's and Ben's words."_s;
    }

    void shouldResolveAConflict()
    {
        QFETCH(int, resolution);
        QFETCH(QString, expected);
        // GIVEN a conflict on Ana's laptop
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ana's words."_s}}));
        QVERIFY(m_ben.store->update(Kind::Quote, m_quote, {{u"text"_s, u"Ben's words."_s}}));
        m_ana.receive(m_ben);
        m_ben.receive(m_ana);
        const QList<Conflict> conflicts = m_ana.replica->conflicts();
        QCOMPARE(conflicts.size(), 1);
        const QString want = expected == u"kept" ? conflicts.at(0).currentValue : expected == u"lost" ? conflicts.at(0).lostValue : expected;
        // WHEN it is resolved
        QVERIFY(m_ana.replica->resolve(conflicts.at(0).id, Replica::Resolution(resolution), expected));
        // THEN the text is the chosen one, the conflict is gone, and Ben gets the choice
        QCOMPARE(m_ana.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), want);
        QVERIFY(m_ana.replica->conflicts().isEmpty());
        QCOMPARE(m_ana.replica->conflicts(true).size(), 1);
        m_ben.receive(m_ana);
        QCOMPARE(m_ben.store->fetch(Kind::Quote, m_quote)->value(u"text"_s).toString(), want);
        // AND Ben's laptop shows the conflict resolved too, the same way
        QVERIFY(m_ben.replica->conflicts().isEmpty());
        const QList<Conflict> onBen = m_ben.replica->conflicts(true);
        QCOMPARE(onBen.size(), 1);
        QVERIFY(onBen.at(0).resolved);
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QVERIFY(m_ana.replica->canonicalDump().contains("resolved conflict"));
        // AND a laptop that never saw the conflict open gets it resolved
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        carol.receive(m_ben);
        QVERIFY(carol.replica->conflicts().isEmpty());
        QCOMPARE(carol.replica->conflicts(true).size(), 1);
        QCOMPARE(carol.replica->canonicalDump(), m_ana.replica->canonicalDump());
        // AND resolving it twice is refused
        QVERIFY(!m_ana.replica->resolve(conflicts.at(0).id, Replica::Resolution::KeepMine));
    }

    void shouldKeepOneMembershipWhenTwoLaptopsSignTheSameOrganizationOntoTheSameCampaign()
    {
        // GIVEN Ana's and Ben's memberships of the same organization on the same campaign
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        auto [first, second] = signOnTwice(carol);
        QVERIFY(!first.isEmpty());
        // WHEN they exchange, in both directions
        QCOMPARE(m_ben.receive(m_ana).applied, 1); // not refused
        m_ana.receive(m_ben);
        // THEN both keep one membership, the first made, with the newest values of both
        for (TestReplica *laptop : {&m_ana, &m_ben}) {
            const QList<Record> memberships = laptop->store->fetchAll(Kind::Membership);
            QCOMPARE(memberships.size(), 1);
            QCOMPARE(memberships.at(0).value(u"id"_s).toString(), first);
        }
        QCOMPARE(m_ana.replica->canonicalDump(), m_ben.replica->canonicalDump());
        // AND the values that lost are in Conflicts, on the membership kept
        const Record kept = *m_ana.store->fetch(Kind::Membership, first);
        const QList<Conflict> conflicts = m_ben.replica->conflicts();
        QCOMPARE(conflicts.size(), 2); // role and status differed
        for (const Conflict &conflict : conflicts) {
            QCOMPARE(conflict.recordId, first);
            QVERIFY(conflict.field == u"role" || conflict.field == u"status");
            QVERIFY(conflict.lostValue != kept.value(conflict.field).toString());
            QCOMPARE(conflict.currentValue, kept.value(conflict.field).toString());
        }
        // WHEN Carol, who had only Ben's membership, changes it, and everyone exchanges
        const QString carols = carol.store->fetchAll(Kind::Membership).at(0).value(u"id"_s).toString();
        QVERIFY(carols == first || carols == second);
        QVERIFY(carol.store->update(Kind::Membership, carols, {{u"consent_to_name"_s, true}}));
        m_ana.receive(carol);
        carol.receive(m_ana);
        m_ben.receive(m_ana);
        // THEN her change lands on the membership kept, the same on all three
        QCOMPARE(m_ana.store->fetch(Kind::Membership, first)->value(u"consent_to_name"_s).toBool(), true);
        QCOMPARE(carol.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
        QCOMPARE(carol.store->fetchAll(Kind::Membership).size(), 1);
    }

    void shouldDeleteTheMembershipWhenEitherOfItsTwoRecordsIsDeleted()
    {
        // GIVEN the same membership made on Ana's and Ben's laptops, merged on Ana's
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        auto [first, second] = signOnTwice(carol);
        QVERIFY(!first.isEmpty());
        m_ana.receive(m_ben);
        QCOMPARE(m_ana.store->fetchAll(Kind::Membership).size(), 1);
        // WHEN Carol, who had only Ben's, deletes it, and everyone exchanges
        QVERIFY(carol.store->remove(Kind::Membership, carol.store->fetchAll(Kind::Membership).at(0).value(u"id"_s).toString()));
        m_ana.receive(carol);
        m_ben.receive(m_ana);
        carol.receive(m_ana);
        // THEN the membership is gone everywhere (the other record does not come back)
        for (TestReplica *laptop : {&m_ana, &m_ben, &carol}) {
            QCOMPARE(laptop->store->fetchAll(Kind::Membership).size(), 0);
        }
        // WHEN Ana signs the organization on again, later
        auto again =
            m_ana.store->create(Kind::Membership,
                                {{u"campaign_id"_s, m_ana.store->fetchAll(Kind::Campaign).at(0).value(u"id"_s)}, {u"organization_id"_s, m_organization}});
        QVERIFY(again);
        m_ben.receive(m_ana);
        carol.receive(m_ana);
        // THEN it stays, everywhere
        for (TestReplica *laptop : {&m_ana, &m_ben, &carol}) {
            QCOMPARE(laptop->store->fetchAll(Kind::Membership).size(), 1);
        }
        QCOMPARE(m_ben.replica->canonicalDump(), m_ana.replica->canonicalDump());
    }

    void shouldGiveACopiedDatabaseFileAReplicaIdOfItsOwn()
    {
        // GIVEN the coordinator's database file, with a quote, copied by a volunteer
        QTemporaryDir dir;
        const QString original = dir.filePath(u"coalition.chorus"_s);
        const QString copied = dir.filePath(u"volunteer.chorus"_s);
        QString coordinatorId;
        {
            TestReplica coordinator = TestReplica::open(u"Coordinator's laptop"_s, original);
            QVERIFY(coordinator.store);
            QVERIFY(coordinator.receive(m_ana).applied > 0);
            coordinatorId = coordinator.store->replicaId();
        }
        QVERIFY(QFile::copy(original, copied));
        const auto fileHash = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray();
        };
        const QByteArray copiedHash = fileHash(copied);
        // WHEN both are opened
        TestReplica coordinator;
        coordinator.store = std::move(Store::Store::open(original).value());
        coordinator.replica = std::make_unique<Replica>(*coordinator.store);
        TestReplica volunteer;
        volunteer.store = std::move(Store::Store::open(copied).value());
        volunteer.replica = std::make_unique<Replica>(*volunteer.store);
        // THEN the original keeps its id and the copy has one of its own, named after the original
        QCOMPARE(coordinator.store->replicaId(), coordinatorId);
        QVERIFY(volunteer.store->replicaId() != coordinatorId);
        QCOMPARE(volunteer.store->replicaName(), u"Coordinator's laptop (copy)"_s);
        // AND a copy only opened (say, to try a file that is refused) is left byte for byte as it was
        volunteer.replica.reset();
        volunteer.store.reset();
        QCOMPARE(fileHash(copied), copiedHash);
        // AND once written to, the copy keeps its new id when opened again
        volunteer.store = std::move(Store::Store::open(copied).value());
        const QString volunteerId = volunteer.store->replicaId();
        QVERIFY(volunteerId != coordinatorId);
        QVERIFY(volunteer.store->setReplicaName(u"Volunteer's laptop"_s));
        volunteer.store = std::move(Store::Store::open(copied).value());
        volunteer.replica = std::make_unique<Replica>(*volunteer.store);
        QCOMPARE(volunteer.store->replicaId(), volunteerId);
        QCOMPARE(volunteer.store->replicaName(), u"Volunteer's laptop"_s);
        // WHEN both rewrite the quote, at the same moment of their clocks, and exchange
        QVERIFY(coordinator.store->update(Kind::Quote, m_quote, {{u"text"_s, u"The coordinator's words."_s}}));
        QVERIFY(volunteer.store->update(Kind::Quote, m_quote, {{u"text"_s, u"The volunteer's words."_s}}));
        QVERIFY(coordinator.receive(volunteer).applied > 0);
        QVERIFY(volunteer.receive(coordinator).applied > 0);
        // THEN they end identical, with the version that lost kept on both
        QCOMPARE(volunteer.replica->canonicalDump(), coordinator.replica->canonicalDump());
        QCOMPARE(coordinator.replica->conflicts().size(), 1);
        QCOMPARE(volunteer.replica->conflicts().size(), 1);
        // AND what the copy exports of the shared history is what the original exports
        m_ben.receive(volunteer);
        TestReplica carol = TestReplica::open(u"Carol's laptop"_s);
        carol.receive(coordinator);
        QCOMPARE(m_ben.replica->canonicalDump(), carol.replica->canonicalDump());
    }

    void shouldRefuseABadBundleWholeAndChangeNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << u"truncate"_s << int(Error::Code::Corrupt) << u"incomplete"_s;
        QTest::newRow("one byte flipped") << u"flip"_s << int(Error::Code::Corrupt) << u"damaged"_s;
        QTest::newRow("not a bundle") << u"garbage"_s << int(Error::Code::NotChorus) << u"not a Chorus changes file"_s;
        QTest::newRow("empty file") << u"empty"_s << int(Error::Code::Corrupt) << u"The changes file is empty"_s;
        QTest::newRow("newer format") << u"newer"_s << int(Error::Code::NewerVersion) << u"newer version of Chorus"_s;
        QTest::newRow("newer format, framed otherwise") << u"newer framing"_s << int(Error::Code::NewerVersion) << u"newer version of Chorus"_s;
        QTest::newRow("version number damaged") << u"version flip"_s << int(Error::Code::Corrupt) << u"do not match its checksum"_s;
        QTest::newRow("random bytes after the header") << u"random"_s << int(Error::Code::Corrupt) << u"damaged"_s;
        QTest::newRow("signed but unreadable") << u"unreadable"_s << int(Error::Code::Corrupt) << u"its contents cannot be read"_s;
        QTest::newRow("another coalition") << u"foreign"_s << int(Error::Code::Refused) << u"another coalition"_s;
        QTest::newRow("another coalition, how to join") << u"foreign"_s << int(Error::Code::Refused) << u"from a JSON backup, say"_s;
        QTest::newRow("unknown field") << u"field"_s << int(Error::Code::Corrupt) << u"no field"_s;
    }

    void shouldRefuseABadBundleWholeAndChangeNothing()
    {
        QFETCH(QString, damage);
        QFETCH(int, code);
        QFETCH(QString, message);
        // GIVEN a bundle with new records and edits from Ana, damaged in one way
        QVERIFY(m_ana.store->update(Kind::Quote, m_quote, {{u"text"_s, u"New words."_s}}));
        QVERIFY(m_ana.store->create(Kind::Organization, {{u"name"_s, u"Riverside Climate Action"_s}}));
        QByteArray bytes = m_ana.bundle();
        if (damage == u"truncate") {
            bytes.chop(bytes.size() / 3);
        } else if (damage == u"flip") {
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x20);
        } else if (damage == u"garbage") {
            bytes = "PK\x03\x04 a zip file, not a bundle";
        } else if (damage == u"empty") {
            bytes.clear();
        } else if (damage == u"newer") {
            // as a newer Chorus would write it: signed, with its version number
            qToBigEndian<quint32>(Sync::Bundle::FormatVersion + 1, bytes.data() + 8);
            bytes.chop(32);
            bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        } else if (damage == u"newer framing") {
            qToBigEndian<quint32>(Sync::Bundle::FormatVersion + 1, bytes.data() + 8);
            bytes.append("a longer checksum");
        } else if (damage == u"version flip") {
            bytes[11] = char(bytes.at(11) ^ 0x40);
        } else if (damage == u"random") {
            bytes.truncate(8);
            for (int i = 0; i < 4000; ++i) {
                bytes.append(char((i * 7919 + 13) % 251));
            }
        } else if (damage == u"unreadable") {
            const QByteArray payload = qCompress(QByteArrayLiteral("not the CBOR Chorus writes"));
            bytes.truncate(12);
            char length[8];
            qToBigEndian<quint64>(quint64(payload.size()), length);
            bytes.append(length, 8);
            bytes.append(payload);
            bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        } else if (damage == u"foreign") {
            TestReplica stranger = TestReplica::open(u"Stranger's laptop"_s);
            QVERIFY(stranger.store->create(Kind::Organization, {{u"name"_s, u"Another Coalition's Group"_s}}));
            bytes = stranger.bundle();
        } else if (damage == u"field") {
            auto bundle = Sync::Bundle::parse(bytes);
            QVERIFY(bundle);
            bundle.value().operations.last().type = Sync::Operation::Type::Update;
            bundle.value().operations.last().field = u"no_such_field"_s;
            bundle.value().operations.last().value = u"1"_s;
            bytes = bundle.value().serialize();
        }
        const QByteArray before = m_ben.replica->canonicalDump();
        const qint64 logBefore = rows(*m_ben.store, u"change_log"_s);
        // WHEN Ben imports it
        auto imported = m_ben.replica->importBundle(bytes);
        // THEN it is refused with a clear message, and nothing changed
        QVERIFY(!imported);
        QCOMPARE(int(imported.error().code()), code);
        QVERIFY2(imported.error().message().contains(message), qPrintable(imported.error().message()));
        QVERIFY2(imported.error().message().contains(u"Nothing was imported"_s), qPrintable(imported.error().message()));
        QCOMPARE(m_ben.replica->canonicalDump(), before);
        QCOMPARE(rows(*m_ben.store, u"change_log"_s), logBefore);
    }

    void shouldReadAndWriteBundleFiles()
    {
        // GIVEN a bundle file written by Ana
        QTemporaryDir dir;
        const QString path = dir.filePath(u"from-ana.chorus-changes"_s);
        QVERIFY(m_ana.store->update(Kind::Person, m_person, {{u"title"_s, u"Organizer"_s}}));
        QVERIFY(m_ana.replica->exportTo(path));
        // WHEN Ben imports the file
        auto imported = m_ben.replica->importFile(path);
        // THEN he has the edit; a missing file is refused by name
        QVERIFY(imported);
        QCOMPARE(imported.value().fromName, u"Ana's laptop"_s);
        QCOMPARE(m_ben.store->fetch(Kind::Person, m_person)->value(u"title"_s).toString(), u"Organizer"_s);
        auto missing = m_ben.replica->importFile(dir.filePath(u"missing.chorus-changes"_s));
        QVERIFY(!missing);
        QVERIFY(missing.error().message().contains(u"missing.chorus-changes"_s));
    }

    void shouldSayInItsOwnWordsWhyAChangesFileCannotBeReadOrWritten_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("reason");
        QTest::newRow("import a file that is not there") << u"import missing"_s << u"there is no such file"_s;
        QTest::newRow("import a folder") << u"import folder"_s << u"it is a folder, not a file"_s;
        QTest::newRow("export into a folder that is not there") << u"export missing"_s << u"does not exist"_s;
        QTest::newRow("export onto a folder") << u"export folder"_s << u"it is a folder, not a file"_s;
    }

    void shouldSayInItsOwnWordsWhyAChangesFileCannotBeReadOrWritten()
    {
        QFETCH(QString, action);
        QFETCH(QString, reason);
        // GIVEN a folder with a subfolder
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(u"sub.chorus-changes"_s));
        const QString folder = dir.filePath(u"sub.chorus-changes"_s);
        const QString nowhere = dir.filePath(u"nowhere/x.chorus-changes"_s);
        // WHEN a changes file cannot be read or written
        const auto messageOf = [](const auto &result) {
            return result ? QString() : result.error().message();
        };
        QString message;
        if (action == u"import missing") {
            message = messageOf(m_ben.replica->importFile(nowhere));
        } else if (action == u"import folder") {
            message = messageOf(m_ben.replica->importFile(folder));
        } else if (action == u"export missing") {
            message = messageOf(m_ana.replica->exportTo(nowhere));
        } else {
            message = messageOf(m_ana.replica->exportTo(folder));
        }
        // THEN the message gives Chorus's own, translated reason, not the system's
        QVERIFY2(message.contains(reason), qPrintable(message));
    }
};

CHORUS_TEST_MAIN(ReplicaTest)

#include "replicatest.moc"
