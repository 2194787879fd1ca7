// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/validation.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

namespace
{

std::unique_ptr<Store::Store> emptyStore()
{
    auto store = Store::Store::open(u":memory:"_s);
    if (!store) {
        qWarning() << store.error().message();
        return {};
    }
    return std::move(store).value();
}

std::unique_ptr<Store::Store> demoStore()
{
    std::unique_ptr<Store::Store> store = emptyStore();
    if (!store) {
        return {};
    }
    if (auto loaded = Store::loadDemoCoalition(*store); !loaded) {
        qWarning() << loaded.error().message();
        return {};
    }
    return store;
}

QSet<QString> valuesOf(const QList<Record> &records, const QString &field)
{
    QSet<QString> values;
    for (const Record &record : records) {
        values.insert(record.value(field).toString());
    }
    return values;
}

QHash<Kind, qint64> countsOf(Store::Store &store)
{
    QHash<Kind, qint64> counts;
    for (Kind kind : allKinds()) {
        counts.insert(kind, store.count(kind));
    }
    return counts;
}

/// A small coalition in the demo format: one organization, one person and one quote.
QJsonObject smallCoalition()
{
    return QJsonObject{
        {u"format"_s, u"chorus-demo"_s},
        {u"version"_s, 1},
        {u"records"_s,
         QJsonObject{
             {u"organization"_s, QJsonArray{QJsonObject{{u"key"_s, u"org-a"_s}, {u"name"_s, u"Acacia Tenants Union"_s}}}},
             {u"person"_s, QJsonArray{QJsonObject{{u"key"_s, u"p-ana"_s}, {u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, u"org-a"_s}}}},
             {u"quote"_s, QJsonArray{QJsonObject{{u"key"_s, u"q-1"_s}, {u"text"_s, u"Homes, not surveillance."_s}, {u"spokesperson_id"_s, u"p-ana"_s}}}},
         }},
    };
}

QByteArray withRecord(const QString &kind, const QJsonObject &record)
{
    QJsonObject root = smallCoalition();
    QJsonObject records = root.value(u"records"_s).toObject();
    QJsonArray list = records.value(kind).toArray();
    list.append(record);
    records.insert(kind, list);
    root.insert(u"records"_s, records);
    return QJsonDocument(root).toJson();
}

} // namespace

class DemoCoalitionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHoldAtLeastTheRecordsOfTheReferenceJob_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("minimum");
        QTest::addColumn<qint64>("maximum");
        QTest::newRow("organizations") << int(Kind::Organization) << qint64(12) << qint64(1000);
        QTest::newRow("spokespeople") << int(Kind::Person) << qint64(15) << qint64(1000);
        QTest::newRow("campaigns") << int(Kind::Campaign) << qint64(2) << qint64(2);
        QTest::newRow("memberships") << int(Kind::Membership) << qint64(12) << qint64(1000);
        QTest::newRow("petition and open letter") << int(Kind::Petition) << qint64(2) << qint64(2);
        QTest::newRow("event") << int(Kind::Event) << qint64(1) << qint64(1);
        QTest::newRow("sites") << int(Kind::Site) << qint64(5) << qint64(5);
        QTest::newRow("run of show") << int(Kind::RunOfShowItem) << qint64(5) << qint64(7);
        QTest::newRow("quotes") << int(Kind::Quote) << qint64(25) << qint64(1000);
        QTest::newRow("tasks") << int(Kind::Task) << qint64(6) << qint64(1000);
        QTest::newRow("facts") << int(Kind::Fact) << qint64(6) << qint64(1000);
        QTest::newRow("press kit") << int(Kind::PressKit) << qint64(1) << qint64(1);
        QTest::newRow("media RSVPs") << int(Kind::MediaRsvp) << qint64(3) << qint64(100);
    }

    void shouldHoldAtLeastTheRecordsOfTheReferenceJob()
    {
        QFETCH(int, kind);
        QFETCH(qint64, minimum);
        QFETCH(qint64, maximum);

        // GIVEN a new database WHEN the demo is loaded
        const auto store = demoStore();
        QVERIFY(store);

        // THEN it holds the records of a coalition like the reference job
        const qint64 count = store->count(Kind(kind));
        QVERIFY2(count >= minimum && count <= maximum, qPrintable(QString::number(count)));
    }

    void shouldAnnounceTheWholeLoadOnceAndPassTheCheck()
    {
        // GIVEN a new database that someone is listening to
        const auto store = emptyStore();
        QVERIFY(store);
        QSignalSpy changed(store.get(), &Store::Store::changed);

        // WHEN the demo is loaded
        const auto loaded = Store::loadDemoCoalition(*store);

        // THEN views hear of it once, with every record created, and the database is sound
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
        QCOMPARE(changed.count(), 1);
        const auto changes = changed.at(0).at(0).value<QList<Store::Change>>();
        qint64 created = 0;
        for (const Store::Change &change : changes) {
            created += change.operation == Store::Change::Operation::Created ? 1 : 0;
        }
        qint64 total = 0;
        for (Kind kind : allKinds()) {
            total += store->count(kind);
        }
        QCOMPARE(created, total);
        QCOMPARE(store->check(), QStringList());
    }

    void shouldDescribeEveryOrganizationWithItsClaimAndBoilerplate()
    {
        const auto store = demoStore();
        QVERIFY(store);
        int withPressContact = 0;
        for (const Record &organization : store->fetchAll(Kind::Organization)) {
            const QString name = organization.value(u"name"_s).toString();
            for (const QString &field :
                 {u"kind"_s, u"website"_s, u"people_represented"_s, u"people_represented_source"_s, u"people_represented_as_of"_s, u"boilerplate"_s}) {
                QVERIFY2(!organization.value(field).isNull(), qPrintable(name + u": "_s + field));
            }
            QVERIFY2(organization.value(u"website"_s).toString().endsWith(u".example"_s), qPrintable(name));
            const QString contact = organization.value(u"press_contact_id"_s).toString();
            if (!contact.isEmpty()) {
                ++withPressContact;
                const auto person = store->fetch(Kind::Person, contact);
                QVERIFY(person);
                QCOMPARE(person->value(u"organization_id"_s).toString(), organization.value(u"id"_s).toString());
            }
        }
        QVERIFY(withPressContact >= 3);
    }

    void shouldHaveSpokespeopleWithAccentsAndTheGapsOfARealDraft()
    {
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> people = store->fetchAll(Kind::Person);
        const QSet<QString> names = valuesOf(people, u"name"_s);
        for (const QString &name : {u"Lucía Martínez"_s, u"José Núñez"_s, u"Zoë Brennan-Okafor"_s}) {
            QVERIFY2(names.contains(name), qPrintable(name));
        }
        int withoutOrganization = 0;
        int withoutTitle = 0;
        int publicPhones = 0;
        int privatePhones = 0;
        int mediaContacts = 0;
        for (const Record &person : people) {
            withoutOrganization += person.value(u"organization_id"_s).isNull() ? 1 : 0;
            withoutTitle += person.value(u"title"_s).isNull() ? 1 : 0;
            const bool hasPhone = !person.value(u"phone"_s).isNull();
            publicPhones += hasPhone && person.value(u"phone_public"_s).toBool() ? 1 : 0;
            privatePhones += hasPhone && !person.value(u"phone_public"_s).toBool() ? 1 : 0;
            mediaContacts += person.value(u"media_contact"_s).toBool() ? 1 : 0;
            QVERIFY(isValidEmail(person.value(u"email"_s).toString()));
            QVERIFY(!person.value(u"pronouns"_s).isNull());
            QVERIFY(!person.value(u"languages"_s).isNull());
            QVERIFY(!person.value(u"bio"_s).isNull());
        }
        QCOMPARE(withoutOrganization, 1);
        QCOMPARE(withoutTitle, 1);
        QVERIFY(publicPhones > 0);
        QVERIFY(privatePhones > 0);
        QVERIFY(mediaContacts > 0);
    }

    void shouldHaveQuotesInEveryStateAndBothLanguages()
    {
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> quotes = store->fetchAll(Kind::Quote);

        QCOMPARE(valuesOf(quotes, u"state"_s), (QSet<QString>{u"draft"_s, u"submitted"_s, u"approved"_s, u"withdrawn"_s}));
        QCOMPARE(valuesOf(quotes, u"language"_s), (QSet<QString>{u"en"_s, u"es"_s}));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        int expired = 0;
        int translations = 0;
        int unbalanced = 0;
        for (const Record &quote : quotes) {
            const QString state = quote.value(u"state"_s).toString();
            if (state == u"approved") {
                QVERIFY(!quote.value(u"approved_by"_s).isNull());
                const QDateTime approvedAt = parseInstant(quote.value(u"approved_at"_s).toString());
                QVERIFY(approvedAt.isValid());
                QVERIFY(approvedAt < now);
                const QDateTime expiresAt = parseInstant(quote.value(u"expires_at"_s).toString());
                expired += expiresAt.isValid() && expiresAt < now ? 1 : 0;
            }
            if (const QString original = quote.value(u"translation_of"_s).toString(); !original.isEmpty()) {
                ++translations;
                QCOMPARE(quote.value(u"language"_s).toString(), u"es"_s);
                const auto source = store->fetch(Kind::Quote, original);
                QVERIFY(source);
                QCOMPARE(source->value(u"language"_s).toString(), u"en"_s);
                QCOMPARE(source->value(u"spokesperson_id"_s), quote.value(u"spokesperson_id"_s));
            }
            const QString text = quote.value(u"text"_s).toString();
            if (text.count(u'“') != text.count(u'”')) {
                ++unbalanced;
                QCOMPARE(state, u"draft"_s);
            }
        }
        QVERIFY(expired >= 1);
        QVERIFY(translations >= 2);
        QCOMPARE(unbalanced, 2);
    }

    void shouldHoldMembershipsInEveryRoleAndStatus()
    {
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> memberships = store->fetchAll(Kind::Membership);
        QCOMPARE(valuesOf(memberships, u"role"_s), (QSet<QString>{u"lead"_s, u"partner"_s, u"endorser"_s, u"supporter"_s}));
        QCOMPARE(valuesOf(memberships, u"status"_s), (QSet<QString>{u"invited"_s, u"considering"_s, u"signed_on"_s, u"declined"_s, u"withdrawn"_s}));
        QCOMPARE(valuesOf(memberships, u"consent_to_name"_s), (QSet<QString>{u"true"_s, u"false"_s}));
        QCOMPARE(valuesOf(memberships, u"campaign_id"_s).size(), 2);
    }

    void shouldHoldThePetitionAndTheEmployeesOpenLetter()
    {
        const auto store = demoStore();
        QVERIFY(store);
        QHash<QString, qint64> signatures;
        for (const Record &petition : store->fetchAll(Kind::Petition)) {
            signatures.insert(petition.value(u"kind"_s).toString(), petition.value(u"signature_count"_s).toLongLong());
            QVERIFY(parseInstant(petition.value(u"count_as_of"_s).toString()).isValid());
            QVERIFY(!petition.value(u"host_organization_id"_s).isNull());
        }
        QCOMPARE(signatures.value(u"petition"_s), 300000);
        QCOMPARE(signatures.value(u"open_letter"_s), 850);
    }

    void shouldScheduleFiveSitesInFourTimeZonesAtTheSameMoment()
    {
        // GIVEN the demo's day of action
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> events = store->fetchAll(Kind::Event);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).value(u"kind"_s).toString(), u"petition_delivery"_s);
        QCOMPARE(events.at(0).value(u"scheduling"_s).toString(), u"same_moment"_s);

        // THEN its five sites lie in four zones, one of them without daylight saving time
        const QList<Record> sites = store->fetchAll(Kind::Site);
        QCOMPARE(sites.size(), 5);
        const QSet<QString> zones = valuesOf(sites, u"time_zone"_s);
        QCOMPARE(zones, (QSet<QString>{u"America/Los_Angeles"_s, u"America/New_York"_s, u"America/Chicago"_s, u"America/Phoenix"_s}));
        QCOMPARE(valuesOf(sites, u"starts_at"_s).size(), 1);

        // AND the campus press conference starts at 1:30 p.m. daylight time on campus, while
        // Phoenix, on standard time all year, shows the same clock time
        QHash<QString, QTime> localStart;
        for (const Record &site : sites) {
            const QTimeZone zone(site.value(u"time_zone"_s).toString().toUtf8());
            QVERIFY(zone.isValid());
            const QDateTime start = parseInstant(site.value(u"starts_at"_s).toString());
            QVERIFY(parseInstant(site.value(u"ends_at"_s).toString()) > start);
            if (site.value(u"venue"_s).toString().contains(u"campus"_s)) {
                QCOMPARE(zone.id(), QByteArray("America/Los_Angeles"));
                QVERIFY(zone.isDaylightTime(start));
                localStart.insert(u"campus"_s, start.toTimeZone(zone).time());
            }
            localStart.insert(site.value(u"time_zone"_s).toString(), start.toTimeZone(zone).time());
            if (zone.id() == "America/Phoenix") {
                QVERIFY(!zone.isDaylightTime(start));
            }
        }
        QCOMPARE(localStart.value(u"campus"_s), QTime(13, 30));
        QCOMPARE(localStart.value(u"America/Phoenix"_s), QTime(13, 30));
        QCOMPARE(localStart.value(u"America/Chicago"_s), QTime(15, 30));
        QCOMPARE(localStart.value(u"America/New_York"_s), QTime(16, 30));
    }

    void shouldGiveTheCampusPressConferenceARunOfShowWithSpeakers()
    {
        const auto store = demoStore();
        QVERIFY(store);
        QString campus;
        for (const Record &site : store->fetchAll(Kind::Site)) {
            if (site.value(u"venue"_s).toString().contains(u"campus"_s)) {
                campus = site.value(u"id"_s).toString();
            }
        }
        QVERIFY(!campus.isEmpty());
        QList<Record> items = store->fetchAll(Kind::RunOfShowItem, u"site_id"_s, campus);
        QVERIFY(items.size() >= 5 && items.size() <= 7);
        std::sort(items.begin(), items.end(), [](const Record &a, const Record &b) {
            return a.value(u"position"_s).toLongLong() < b.value(u"position"_s).toLongLong();
        });
        qint64 previousEnd = items.constFirst().value(u"offset_minutes"_s).toLongLong();
        for (const Record &item : std::as_const(items)) {
            QVERIFY(store->fetch(Kind::Person, item.value(u"speaker_id"_s).toString()));
            QVERIFY(item.value(u"duration_minutes"_s).toLongLong() > 0);
            // Items follow one another without overlapping.
            QCOMPARE(item.value(u"offset_minutes"_s).toLongLong(), previousEnd);
            previousEnd += item.value(u"duration_minutes"_s).toLongLong();
        }
    }

    void shouldHaveOwnedTasksWithOneOverdueAndOneBlocked()
    {
        const auto store = demoStore();
        QVERIFY(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int overdue = 0;
        int blocked = 0;
        const QList<Record> tasks = store->fetchAll(Kind::Task);
        for (const Record &task : tasks) {
            QVERIFY(!task.value(u"owner_person_id"_s).isNull() || !task.value(u"owner_organization_id"_s).isNull());
            const QDateTime due = parseInstant(task.value(u"due_at"_s).toString());
            QVERIFY(due.isValid());
            const QString status = task.value(u"status"_s).toString();
            overdue += due < now && status != u"done" ? 1 : 0;
            blocked += status == u"blocked" ? 1 : 0;
        }
        QVERIFY(overdue >= 1);
        QCOMPARE(blocked, 1);
        QVERIFY(valuesOf(tasks, u"status"_s).contains(u"done"_s));
    }

    void shouldBackEveryFactWithASource()
    {
        const auto store = demoStore();
        QVERIFY(store);
        for (const Record &fact : store->fetchAll(Kind::Fact)) {
            QVERIFY2(!fact.value(u"source"_s).isNull(), qPrintable(fact.value(u"text"_s).toString()));
            QVERIFY(!fact.value(u"as_of"_s).isNull());
        }
    }

    void shouldHaveAPressKitForTheDay()
    {
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> kits = store->fetchAll(Kind::PressKit);
        QCOMPARE(kits.size(), 1);
        const Record &kit = kits.constFirst();
        QVERIFY(!kit.value(u"headline"_s).isNull());
        QVERIFY(!kit.value(u"dateline_city"_s).isNull());
        QCOMPARE(kit.value(u"dateline_date"_s).toString(), u"2027-05-20"_s);
        QCOMPARE(kit.value(u"language"_s).toString(), u"en"_s);
        QJsonParseError error;
        const QJsonDocument settings = QJsonDocument::fromJson(kit.value(u"settings"_s).toString().toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(settings.isObject());
    }

    void shouldFindLuciaMartinezWithoutTypingTheAccents()
    {
        const auto store = demoStore();
        QVERIFY(store);
        QStringList people;
        for (const Store::SearchHit &hit : store->search(u"Martinez"_s)) {
            if (hit.kind == Kind::Person) {
                people << hit.title;
            }
        }
        QCOMPARE(people, QStringList{u"Lucía Martínez"_s});
    }

    void shouldGiveTheSameIdsInEveryDatabase()
    {
        const auto first = demoStore();
        const auto second = demoStore();
        QVERIFY(first && second);
        QVERIFY(first->replicaId() != second->replicaId());
        for (Kind kind : allKinds()) {
            QCOMPARE(valuesOf(first->fetchAll(kind), u"id"_s), valuesOf(second->fetchAll(kind), u"id"_s));
        }
    }

    void shouldRefuseToLoadTheDemoTwiceAndChangeNothing()
    {
        // GIVEN a database that already holds the demo
        const auto store = demoStore();
        QVERIFY(store);
        const auto before = countsOf(*store);
        QSignalSpy changed(store.get(), &Store::Store::changed);

        // WHEN it is loaded again
        const auto again = Store::loadDemoCoalition(*store);

        // THEN it is refused with a message naming a record already there, and nothing changed
        QVERIFY(!again);
        QCOMPARE(again.error().code(), Error::Code::Refused);
        QVERIFY2(again.error().message().contains(u"already in this database"_s), qPrintable(again.error().message()));
        QVERIFY2(again.error().message().contains(u"Organization “Río Verde Alliance”"_s), qPrintable(again.error().message()));
        QCOMPARE(countsOf(*store), before);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store->check(), QStringList());
    }

    void shouldRefuseTheDemoWhenPartOfItIsThere()
    {
        // GIVEN a database where one demo record survived (the rest were deleted)
        const auto store = demoStore();
        QVERIFY(store);
        const QList<Record> facts = store->fetchAll(Kind::Fact);
        QVERIFY(store->transact([&]() -> Result<void> {
            for (Kind kind : allKinds()) {
                if (kind == Kind::Fact || kind == Kind::Campaign) {
                    continue;
                }
                for (const Record &record : store->fetchAll(kind)) {
                    if (store->fetch(kind, record.value(u"id"_s).toString())) {
                        if (auto removed = store->remove(kind, record.value(u"id"_s).toString(), Store::DeletePolicy::DeleteDependents); !removed) {
                            return removed;
                        }
                    }
                }
            }
            return {};
        }));
        QCOMPARE(store->count(Kind::Organization), 0);
        const auto before = countsOf(*store);

        // WHEN the demo is loaded THEN it is refused, and the surviving records are untouched
        const auto again = Store::loadDemoCoalition(*store);
        QVERIFY(!again);
        QVERIFY2(again.error().message().contains(u"Campaign “"_s), qPrintable(again.error().message()));
        QCOMPARE(countsOf(*store), before);
        QCOMPARE(store->fetchAll(Kind::Fact), facts);
    }

    void shouldLoadNothingWhenOneRecordIsInvalid()
    {
        // GIVEN a coalition file whose last quote has no text
        const auto store = emptyStore();
        QVERIFY(store);
        QSignalSpy changed(store.get(), &Store::Store::changed);
        const QByteArray json = withRecord(u"quote"_s, QJsonObject{{u"key"_s, u"q-empty"_s}, {u"text"_s, u"  "_s}, {u"spokesperson_id"_s, u"p-ana"_s}});

        // WHEN it is loaded
        const auto loaded = Store::loadDemoCoalition(*store, json);

        // THEN the error names the quote and its field, and not one record was written
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message().contains(u"nothing was changed"_s), qPrintable(loaded.error().message()));
        QVERIFY2(loaded.error().message().contains(u"Quote by Ana Ruiz: the text is empty"_s), qPrintable(loaded.error().message()));
        for (Kind kind : allKinds()) {
            QCOMPARE(store->count(kind), 0);
        }
        QCOMPARE(changed.count(), 0);

        // AND the same file without the bad quote loads, references resolved
        QVERIFY(Store::loadDemoCoalition(*store, QJsonDocument(smallCoalition()).toJson()));
        QCOMPARE(changed.count(), 1);
        const QList<Record> quotes = store->fetchAll(Kind::Quote);
        QCOMPARE(quotes.size(), 1);
        QCOMPARE(store->recordLabel(Kind::Quote, quotes.constFirst()), u"Quote by Ana Ruiz"_s);
    }

    void shouldRefuseAMalformedFileWithAClearMessage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("messagePart");

        QJsonObject wrongFormat = smallCoalition();
        wrongFormat.insert(u"format"_s, u"something-else"_s);
        QJsonObject unknownKind = smallCoalition();
        QJsonObject records = unknownKind.value(u"records"_s).toObject();
        records.insert(u"volunteer"_s, QJsonArray());
        unknownKind.insert(u"records"_s, records);

        QTest::newRow("not JSON") << QByteArray("{\"format\": \"chorus-demo\", ") << u"character"_s;
        QTest::newRow("another format") << QJsonDocument(wrongFormat).toJson() << u"not a Chorus demo file"_s;
        QTest::newRow("unknown kind") << QJsonDocument(unknownKind).toJson() << u"no kind of record called “volunteer”"_s;
        QTest::newRow("record without key") << withRecord(u"fact"_s, {{u"text"_s, u"A fact"_s}}) << u"entry 1 of the fact list"_s;
        QTest::newRow("key used twice") << withRecord(u"fact"_s, {{u"key"_s, u"org-a"_s}, {u"text"_s, u"A fact"_s}}) << u"“org-a” is used twice"_s;
        QTest::newRow("unknown field") << withRecord(u"fact"_s, {{u"key"_s, u"f-1"_s}, {u"txt"_s, u"A fact"_s}}) << u"“f-1” has no field called “txt”"_s;
        QTest::newRow("wrong type") << withRecord(u"organization"_s, {{u"key"_s, u"org-b"_s}, {u"name"_s, u"B"_s}, {u"people_represented"_s, u"many"_s}})
                                    << u"the people represented of the record “org-b” has a value of the wrong type"_s;
        QTest::newRow("missing reference") << withRecord(u"person"_s, {{u"key"_s, u"p-b"_s}, {u"name"_s, u"B"_s}, {u"organization_id"_s, u"org-nowhere"_s}})
                                           << u"the organization of the record “p-b” is “org-nowhere”, which is not the key of any organization"_s;
        QTest::newRow("reference to another kind") << withRecord(u"person"_s, {{u"key"_s, u"p-b"_s}, {u"name"_s, u"B"_s}, {u"organization_id"_s, u"q-1"_s}})
                                                   << u"is “q-1”, which is not the key of any organization"_s;
    }

    void shouldRefuseAMalformedFileWithAClearMessage()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, messagePart);

        const auto store = emptyStore();
        QVERIFY(store);
        QSignalSpy changed(store.get(), &Store::Store::changed);

        const auto loaded = Store::loadDemoCoalition(*store, json);

        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message().startsWith(u"The demo coalition could not be read: "_s), qPrintable(loaded.error().message()));
        QVERIFY2(loaded.error().message().contains(messagePart), qPrintable(loaded.error().message()));
        QCOMPARE(store->count(Kind::Organization), 0);
        QCOMPARE(changed.count(), 0);
    }
};

CHORUS_TEST_MAIN(DemoCoalitionTest)

#include "democoalitiontest.moc"
