// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "storage/statement.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Store::DeletePolicy;

class StoreTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_organization;
    QString m_person;

    qint64 changeLogRows()
    {
        Storage::Statement count = m_store->database().prepare(u"SELECT count(*) FROM change_log"_s);
        return count.step() ? count.integer(0) : -1;
    }

    QString createQuote(const QString &text, const QString &state = u"draft"_s)
    {
        Record quote{{u"text"_s, text}, {u"spokesperson_id"_s, m_person}, {u"state"_s, state}};
        if (state == u"approved") {
            quote.insert(u"approved_by"_s, u"Dana Whitfield"_s);
        }
        auto id = m_store->create(Kind::Quote, quote);
        return id ? id.value() : QString();
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"test-%1.chorus"_s.arg(++counter)));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message()));
        m_store = std::move(store).value();
        auto organization = m_store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}, {u"people_represented"_s, 3400}});
        QVERIFY(organization);
        m_organization = organization.value();
        auto person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"title"_s, u"Organizer"_s}, {u"organization_id"_s, m_organization}});
        QVERIFY(person);
        m_person = person.value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldCreateAndReadBackARecordWithTypedValues()
    {
        auto id = m_store->create(
            Kind::Person,
            {{u"name"_s, u"  José   Núñez "_s}, {u"email"_s, u"jose@harbor.example"_s}, {u"phone_public"_s, u"yes"_s}, {u"organization_id"_s, m_organization}});
        QVERIFY(id);
        const auto person = m_store->fetch(Kind::Person, id.value());
        QVERIFY(person);
        QCOMPARE(person->value(u"name"_s).toString(), u"José Núñez"_s);
        QCOMPARE(person->value(u"phone_public"_s).toBool(), true);
        QCOMPARE(person->value(u"media_contact"_s).toBool(), false);
        QVERIFY(person->value(u"bio"_s).isNull());
    }

    void shouldGiveNewRecordsTimeOrderedUniqueIds()
    {
        // GIVEN ids made one after the other, many within the same millisecond
        QStringList ids;
        for (int i = 0; i < 20000; ++i) {
            ids << Store::Store::newRecordId();
        }
        // THEN each is a version 7 UUID of the RFC variant, unique, and in creation order
        for (const QString &id : std::as_const(ids)) {
            const QUuid uuid = QUuid::fromString(id);
            QVERIFY2(!uuid.isNull(), qPrintable(id));
            QCOMPARE(uuid.data3 >> 12, 7); // QUuid::version() knows version 7 from Qt 6.9 on
            QCOMPARE(uuid.variant(), QUuid::DCE);
        }
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // AND a record created without an id gets one of them
        auto id = m_store->create(Kind::Campaign, {{u"name"_s, u"Fair Pay Now"_s}});
        QVERIFY(id);
        QCOMPARE(QUuid::fromString(id.value()).data3 >> 12, 7);
    }

    void shouldLogACreatedRecordAsOneJsonObjectOfTypedValues()
    {
        // GIVEN a person with text, a boolean, an empty field and a photo
        const QByteArray photo("\x89PNG\r\n\x1a\n-not-really-a-picture", 29);
        auto id =
            m_store->create(Kind::Person,
                            {{u"name"_s, u"Ana “Anita” Ruiz\\"_s}, {u"phone_public"_s, true}, {u"photo"_s, photo}, {u"organization_id"_s, m_organization}});
        QVERIFY(id);
        // WHEN reading what the change log kept of its creation
        Storage::Statement read = m_store->database().prepare(u"SELECT value FROM change_log WHERE record_id = ? AND op = 'create'"_s);
        read.bind(1, id.value());
        QVERIFY(read.step());
        QJsonParseError error;
        const QJsonObject logged = QJsonDocument::fromJson(read.text(0).toUtf8(), &error).object();
        // THEN it is valid JSON holding every field with its type
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(logged.value(u"name"_s).toString(), u"Ana “Anita” Ruiz\\"_s);
        QCOMPARE(logged.value(u"phone_public"_s), QJsonValue(true));
        QCOMPARE(logged.value(u"media_contact"_s), QJsonValue(false));
        QVERIFY(logged.contains(u"bio"_s));
        QVERIFY(logged.value(u"bio"_s).isNull());
        QCOMPARE(QByteArray::fromBase64(logged.value(u"photo"_s).toString().toLatin1()), photo);
        QCOMPARE(logged.value(u"organization_id"_s).toString(), m_organization);
    }

    void shouldRefuseInvalidRecordsNamingTheRecordAndTheField_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QVariantMap>("record");
        QTest::addColumn<QString>("message");

        QTest::newRow("quote without text") << int(Kind::Quote) << QVariantMap{{u"text"_s, u"  "_s}, {u"spokesperson_id"_s, u"PERSON"_s}}
                                            << u"Quote by Ana Ruiz: the text is empty."_s;
        QTest::newRow("quote without spokesperson") << int(Kind::Quote) << QVariantMap{{u"text"_s, u"We will not be moved."_s}}
                                                    << u"A quote without spokesperson: the spokesperson is empty."_s;
        QTest::newRow("approved without approver") << int(Kind::Quote)
                                                   << QVariantMap{{u"text"_s, u"Yes."_s}, {u"spokesperson_id"_s, u"PERSON"_s}, {u"state"_s, u"approved"_s}}
                                                   << u"Quote by Ana Ruiz: an approved quote needs the name of who approved it."_s;
        QTest::newRow("unknown quote state") << int(Kind::Quote)
                                             << QVariantMap{{u"text"_s, u"Yes."_s}, {u"spokesperson_id"_s, u"PERSON"_s}, {u"state"_s, u"published"_s}}
                                             << u"Quote by Ana Ruiz: “published” is not a valid state."_s;
        QTest::newRow("malformed e-mail") << int(Kind::Person) << QVariantMap{{u"name"_s, u"Kim Lee"_s}, {u"email"_s, u"kim at example.org"_s}}
                                          << u"Person “Kim Lee”: “kim at example.org” is not a valid e-mail address."_s;
        QTest::newRow("negative people represented") << int(Kind::Organization) << QVariantMap{{u"name"_s, u"Bay Riders"_s}, {u"people_represented"_s, -5}}
                                                     << u"Organization “Bay Riders”: the people represented cannot be negative."_s;
        QTest::newRow("negative signature count") << int(Kind::Petition) << QVariantMap{{u"title"_s, u"Cancel It"_s}, {u"signature_count"_s, -1}}
                                                  << u"Petition “Cancel It”: the signature count cannot be negative."_s;
        QTest::newRow("organization without name") << int(Kind::Organization) << QVariantMap{{u"website"_s, u"https://x.example"_s}}
                                                   << u"The new organization: the name is empty."_s;
        QTest::newRow("impossible date")
            << int(Kind::Campaign) << QVariantMap{{u"name"_s, u"Cancel the Contract"_s}, {u"starts_on"_s, u"2027-02-30"_s}}
            << u"Campaign “Cancel the Contract”: the start date “2027-02-30” is not a valid date. Write it as year-month-day, e.g. 2026-05-01."_s;
        QTest::newRow("campaign ends before it starts")
            << int(Kind::Campaign) << QVariantMap{{u"name"_s, u"Cancel the Contract"_s}, {u"starts_on"_s, u"2027-05-01"_s}, {u"ends_on"_s, u"2027-04-01"_s}}
            << u"Campaign “Cancel the Contract”: the end date is before the start date."_s;
        QTest::newRow("missing spokesperson record")
            << int(Kind::Quote) << QVariantMap{{u"text"_s, u"Hi"_s}, {u"spokesperson_id"_s, u"0b7e2c4a-1111-4e5f-8a9b-000000000000"_s}}
            << u"A quote without spokesperson: the spokesperson does not exist (no person has the id 0b7e2c4a-1111-4e5f-8a9b-000000000000)."_s;
        QTest::newRow("huge name") << int(Kind::Organization) << QVariantMap{{u"name"_s, QString(5000, u'x')}}
                                   << u"the name is too long (5,000 characters; at most 2,000)."_s;
    }

    void shouldRefuseInvalidRecordsNamingTheRecordAndTheField()
    {
        QFETCH(int, kind);
        QFETCH(QVariantMap, record);
        QFETCH(QString, message);
        if (record.value(u"spokesperson_id"_s) == u"PERSON"_s) {
            record.insert(u"spokesperson_id"_s, m_person);
        }
        const qint64 before = m_store->count(Kind(kind));
        const qint64 logBefore = changeLogRows();
        QSignalSpy changed(m_store.get(), &Store::Store::changed);

        auto created = m_store->create(Kind(kind), record);

        QVERIFY(!created);
        QCOMPARE(created.error().code(), Error::Code::Invalid);
        QVERIFY2(created.error().message().contains(message), qPrintable(created.error().message()));
        QCOMPARE(m_store->count(Kind(kind)), before);
        QCOMPARE(changeLogRows(), logBefore);
        QCOMPARE(changed.count(), 0);
    }

    void shouldCheckSiteTimeZonesAndTimes_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("message");

        QTest::newRow("valid Pacific site") << u"America/Los_Angeles"_s << u"2027-05-20T20:30:00Z"_s << u"2027-05-20T22:00:00Z"_s << QString();
        QTest::newRow("zone without daylight saving") << u"America/Phoenix"_s << u"2027-05-20T19:00:00Z"_s << QString() << QString();
        QTest::newRow("unknown zone") << u"America/Springfield"_s << u"2027-05-20T20:30:00Z"_s << QString()
                                      << u"Site “Main Campus”: “America/Springfield” is not a known time zone."_s;
        QTest::newRow("end before start") << u"America/New_York"_s << u"2027-05-20T20:30:00Z"_s << u"2027-05-20T19:00:00Z"_s
                                          << u"Site “Main Campus”: the end must be after the start."_s;
        QTest::newRow("local time without zone") << u"America/New_York"_s << u"2027-05-20T13:30:00"_s << QString()
                                                 << u"Site “Main Campus”: the start “2027-05-20T13:30:00” is not a valid date and time with a time zone."_s;
    }

    void shouldCheckSiteTimeZonesAndTimes()
    {
        QFETCH(QString, zone);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QString, message);
        auto event = m_store->create(Kind::Event, {{u"title"_s, u"Day of Action"_s}});
        QVERIFY(event);

        auto site = m_store->create(Kind::Site,
                                    {{u"event_id"_s, event.value()},
                                     {u"venue"_s, u"Main Campus"_s},
                                     {u"time_zone"_s, zone},
                                     {u"starts_at"_s, start},
                                     {u"ends_at"_s, end.isEmpty() ? QVariant() : QVariant(end)}});

        if (message.isEmpty()) {
            QVERIFY2(site, site ? "" : qPrintable(site.error().message()));
            QCOMPARE(m_store->fetch(Kind::Site, site.value())->value(u"starts_at"_s).toString(), start);
        } else {
            QVERIFY(!site);
            QVERIFY2(site.error().message().contains(message), qPrintable(site.error().message()));
            QCOMPARE(m_store->count(Kind::Site), 0);
        }
    }

    void shouldStoreInstantsInUtc()
    {
        auto event = m_store->create(Kind::Event, {{u"title"_s, u"Day of Action"_s}});
        QVERIFY(event);
        auto site = m_store->create(Kind::Site,
                                    {{u"event_id"_s, event.value()},
                                     {u"venue"_s, u"Campus"_s},
                                     {u"time_zone"_s, u"America/Los_Angeles"_s},
                                     {u"starts_at"_s, u"2027-05-20T13:30:00-07:00"_s}});
        QVERIFY(site);
        QCOMPARE(m_store->fetch(Kind::Site, site.value())->value(u"starts_at"_s).toString(), u"2027-05-20T20:30:00Z"_s);
    }

    void shouldReturnAnApprovedQuoteToDraftWhenItsTextIsEdited()
    {
        // GIVEN an approved quote
        const QString quote = createQuote(u"We stand together."_s, u"approved"_s);
        QVERIFY(!quote.isEmpty());
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"approved"_s);
        QVERIFY(!m_store->fetch(Kind::Quote, quote)->value(u"approved_at"_s).isNull());
        QSignalSpy changed(m_store.get(), &Store::Store::changed);

        // WHEN its text is edited
        QVERIFY(m_store->update(Kind::Quote, quote, {{u"text"_s, u"We stand together, always."_s}}));

        // THEN it is a draft again, without approval, and the signal lists what changed
        const auto record = m_store->fetch(Kind::Quote, quote);
        QCOMPARE(record->value(u"state"_s).toString(), u"draft"_s);
        QVERIFY(record->value(u"approved_by"_s).isNull());
        QVERIFY(record->value(u"approved_at"_s).isNull());
        QCOMPARE(changed.count(), 1);
        const auto changes = changed.at(0).at(0).value<QList<Store::Change>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).operation, Store::Change::Operation::Updated);
        QVERIFY(changes.at(0).fields.contains(u"text"_s));
        QVERIFY(changes.at(0).fields.contains(u"state"_s));
    }

    void shouldKeepAnApprovedQuoteApprovedWhenOnlyItsExpiryChanges()
    {
        const QString quote = createQuote(u"We stand together."_s, u"approved"_s);
        QVERIFY(m_store->update(Kind::Quote, quote, {{u"expires_at"_s, u"2027-12-31T00:00:00Z"_s}}));
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"state"_s).toString(), u"approved"_s);
    }

    void shouldRecordEachChangedFieldInTheChangeLog()
    {
        const qint64 before = changeLogRows();
        QVERIFY(m_store->update(Kind::Person, m_person, {{u"title"_s, u"Lead Organizer"_s}, {u"pronouns"_s, u"she/her"_s}, {u"name"_s, u"Ana Ruiz"_s}}));
        // two fields changed; the name was given unchanged and is not logged
        QCOMPARE(changeLogRows(), before + 2);
        Storage::Statement last = m_store->database().prepare(u"SELECT op, field, value, kind, record_id FROM change_log ORDER BY seq DESC LIMIT 2"_s);
        QStringList fields;
        while (last.step()) {
            QCOMPARE(last.text(0), u"update"_s);
            QCOMPARE(last.text(3), u"person"_s);
            QCOMPARE(last.text(4), m_person);
            fields << last.text(1) + u'=' + last.text(2);
        }
        fields.sort();
        QCOMPARE(fields, (QStringList{u"pronouns=\"she/her\""_s, u"title=\"Lead Organizer\""_s}));
    }

    void shouldIgnoreAnUpdateThatChangesNothing()
    {
        const qint64 before = changeLogRows();
        QSignalSpy changed(m_store.get(), &Store::Store::changed);
        QVERIFY(m_store->update(Kind::Person, m_person, {{u"name"_s, u"Ana Ruiz"_s}}));
        QCOMPARE(changeLogRows(), before);
        QCOMPARE(changed.count(), 0);
    }

    void shouldRefuseToDeleteAnOrganizationWithPeople()
    {
        createQuote(u"Housing is a right."_s);
        const qint64 logBefore = changeLogRows();

        auto removed = m_store->remove(Kind::Organization, m_organization);

        QVERIFY(!removed);
        QCOMPARE(removed.error().code(), Error::Code::Refused);
        QVERIFY2(removed.error().message().contains(u"Cannot delete Organization “Harbor Tenants Union”: 1 person belongs to it. They have 1 quote."_s),
                 qPrintable(removed.error().message()));
        QCOMPARE(m_store->count(Kind::Organization), 1);
        QCOMPARE(changeLogRows(), logBefore);
    }

    void shouldKeepPeopleWithoutOrganizationWhenAskedTo()
    {
        const QString quote = createQuote(u"Housing is a right."_s);
        auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Fair Rent"_s}});
        QVERIFY(m_store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, m_organization}}));
        QSignalSpy changed(m_store.get(), &Store::Store::changed);

        QVERIFY(m_store->remove(Kind::Organization, m_organization, DeletePolicy::Detach));

        QCOMPARE(m_store->count(Kind::Organization), 0);
        QVERIFY(m_store->fetch(Kind::Person, m_person)->value(u"organization_id"_s).isNull());
        QVERIFY(m_store->fetch(Kind::Quote, quote));
        // the membership cannot exist without its organization
        QCOMPARE(m_store->count(Kind::Membership), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<Store::Change>>().size(), 3);
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldDeleteDependentsWhenAskedTo()
    {
        createQuote(u"Housing is a right."_s);
        QVERIFY(m_store->remove(Kind::Organization, m_organization, DeletePolicy::DeleteDependents));
        QCOMPARE(m_store->count(Kind::Organization), 0);
        QCOMPARE(m_store->count(Kind::Person), 0);
        QCOMPARE(m_store->count(Kind::Quote), 0);
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldDeleteManyRecordsNothingElseRefersTo()
    {
        // GIVEN three more people, two of them found by search
        QStringList ids;
        for (const QString &name : {u"Bo Chen"_s, u"Cy Diaz"_s, u"Dee Ekwueme"_s}) {
            ids << m_store->create(Kind::Person, {{u"name"_s, name}, {u"organization_id"_s, m_organization}}).value();
        }
        const qint64 logged = changeLogRows();
        QSignalSpy changed(m_store.get(), &Store::Store::changed);
        // WHEN two of them are deleted at once
        QVERIFY(m_store->removeUnreferenced(Kind::Person, {ids.at(0), ids.at(2)}));
        // THEN they are gone, from the search too, with a delete each in the change log and one signal naming both
        QCOMPARE(m_store->count(Kind::Person), 2);
        QVERIFY(!m_store->fetch(Kind::Person, ids.at(0)));
        QVERIFY(m_store->fetch(Kind::Person, ids.at(1)));
        QVERIFY(m_store->search(u"Chen"_s).isEmpty());
        QCOMPARE(changeLogRows(), logged + 2);
        QCOMPARE(changed.count(), 1);
        const auto changes = changed.at(0).at(0).value<QList<Store::Change>>();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).operation, Store::Change::Operation::Deleted);
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldDeleteNoneOfManyRecordsWhenSomethingRefersToOne()
    {
        const QString quote = createQuote(u"Housing is a right."_s);
        const QString other = m_store->create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}}).value();
        // WHEN Ana, who has a quote, is deleted with Bo
        auto refused = m_store->removeUnreferenced(Kind::Person, {other, m_person});
        // THEN nothing is deleted, and the message names both records
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Refused);
        QCOMPARE(refused.error().message(), u"Cannot delete Person “Ana Ruiz”: Quote by Ana Ruiz refers to it."_s);
        QVERIFY(m_store->fetch(Kind::Person, other));
        // AND a record that does not exist is refused too
        QVERIFY(m_store->remove(Kind::Quote, quote));
        QVERIFY(!m_store->removeUnreferenced(Kind::Person, {other, QUuid::createUuid().toString(QUuid::WithoutBraces)}));
        QVERIFY(m_store->fetch(Kind::Person, other));
    }

    void shouldRefuseToDeleteAPersonWithQuotes()
    {
        createQuote(u"Housing is a right."_s);
        auto removed = m_store->remove(Kind::Person, m_person);
        QVERIFY(!removed);
        QVERIFY2(removed.error().message().contains(u"one quote is theirs"_s), qPrintable(removed.error().message()));
        QCOMPARE(m_store->count(Kind::Person), 1);
    }

    void shouldWriteNothingWhenAnyStepOfATransactionFails()
    {
        // GIVEN a store with known contents
        const qint64 organizations = m_store->count(Kind::Organization);
        const qint64 logBefore = changeLogRows();
        QSignalSpy changed(m_store.get(), &Store::Store::changed);

        // WHEN a batch creates two records, then one that is invalid
        auto result = m_store->transact([&]() -> Result<void> {
            for (const QString &name : {u"Sunrise Riders"_s, u"Valley Nurses"_s, QString()}) {
                auto created = m_store->create(Kind::Organization, {{u"name"_s, name}});
                if (!created) {
                    return created.error();
                }
            }
            return {};
        });

        // THEN nothing was written, logged or announced
        QVERIFY(!result);
        QCOMPARE(m_store->count(Kind::Organization), organizations);
        QCOMPARE(changeLogRows(), logBefore);
        QCOMPARE(changed.count(), 0);
        QVERIFY(m_store->search(u"Sunrise"_s).isEmpty());
    }

    void shouldRefuseAReferenceToARecordDeletedEarlierInTheSameBatch()
    {
        // GIVEN a batch that quotes a second spokesperson, deletes her with her quotes, then quotes her again
        const QString other = m_store->create(Kind::Person, {{u"name"_s, u"Mei Chen"_s}, {u"organization_id"_s, m_organization}}).value();
        QString error;
        const auto written = m_store->transact([&]() -> Result<void> {
            if (auto quote = m_store->create(Kind::Quote, {{u"text"_s, u"First words."_s}, {u"spokesperson_id"_s, other}}); !quote) {
                return quote.error();
            }
            if (auto removed = m_store->remove(Kind::Person, other, Store::DeletePolicy::DeleteDependents); !removed) {
                return removed;
            }
            auto again = m_store->create(Kind::Quote, {{u"text"_s, u"Second words."_s}, {u"spokesperson_id"_s, other}});
            if (!again) {
                error = again.error().message();
            }
            return again ? Result<void>() : again.error();
        });

        // THEN the second quote is refused for its missing spokesperson, and nothing was written
        QVERIFY(!written);
        QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
        QVERIFY(m_store->fetch(Kind::Person, other));
        QCOMPARE(m_store->count(Kind::Quote), 0);
    }

    void shouldAnnounceABatchOnce()
    {
        QSignalSpy changed(m_store.get(), &Store::Store::changed);
        auto result = m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < 10; ++i) {
                if (auto created = m_store->create(Kind::Organization, {{u"name"_s, u"Group %1"_s.arg(i)}}); !created) {
                    return created.error();
                }
            }
            return {};
        });
        QVERIFY(result);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<Store::Change>>().size(), 10);
    }

    void shouldReportAFullDiskAndKeepTheDatabaseAsItWas()
    {
        // GIVEN a database that cannot grow any more (as on a full disk)
        Storage::Statement pages = m_store->database().prepare(u"PRAGMA page_count"_s);
        QVERIFY(pages.step());
        const qint64 pageCount = pages.integer(0);
        QVERIFY(m_store->database().exec(u"PRAGMA max_page_count = %1"_s.arg(pageCount)));

        // WHEN a large write is attempted
        auto result = m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < 2000; ++i) {
                auto created = m_store->create(Kind::Organization, {{u"name"_s, u"Group %1"_s.arg(i)}, {u"boilerplate"_s, QString(1000, u'b')}});
                if (!created) {
                    return created.error();
                }
            }
            return {};
        });

        // THEN it fails with a message about the disk, and nothing was added
        QVERIFY(!result);
        QCOMPARE(result.error().code(), Error::Code::DiskFull);
        QVERIFY2(result.error().message().contains(u"disk is full"_s), qPrintable(result.error().message()));
        QCOMPARE(m_store->count(Kind::Organization), 1);
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldKeepRecordsAcrossReopening()
    {
        const QString path = m_store->database().path();
        const QString replica = m_store->replicaId();
        m_store.reset();
        auto reopened = Store::Store::open(path, false);
        QVERIFY(reopened);
        QCOMPARE(reopened.value()->count(Kind::Person), 1);
        QCOMPARE(reopened.value()->replicaId(), replica);
        m_store = std::move(reopened).value();
    }

    void shouldKeepTheGivenIdAndRefuseADuplicate()
    {
        const QString id = u"0b7e2c4a-9f1d-4e5f-8a9b-2c3d4e5f6a7b"_s;
        auto first = m_store->create(Kind::Fact, {{u"id"_s, id}, {u"text"_s, u"300,000 people signed."_s}});
        QVERIFY(first);
        QCOMPARE(first.value(), id);
        auto second = m_store->create(Kind::Fact, {{u"id"_s, id}, {u"text"_s, u"Again."_s}});
        QVERIFY(!second);
        QVERIFY2(second.error().message().contains(u"already exists"_s), qPrintable(second.error().message()));
        QVERIFY(!m_store->create(Kind::Fact, {{u"id"_s, u"not-a-uuid"_s}, {u"text"_s, u"x"_s}}));
    }

    void shouldWriteManyRecordsSetBasedAsCreateWouldOneByOne()
    {
        // GIVEN people given as values by field: one with a photo between others, one whose id is
        // taken, one naming an organization that does not exist, one repeating an id given earlier
        const QByteArray photo("\x89PNG\r\n\x1a\n-picture", 17);
        const auto values = [](const Record &record) {
            QList<QVariant> list;
            for (const Domain::Field &field : Domain::entity(Kind::Person).fields) {
                list << record.value(field.name);
            }
            return list;
        };
        const QString givenId = u"0b7e2c4a-9f1d-4e5f-8a9b-000000000001"_s;
        const QList<std::pair<QString, Record>> people{
            {givenId,
             {{u"name"_s, u"  Bo   Chen "_s}, {u"email"_s, u"bo@harbor.example"_s}, {u"organization_id"_s, m_organization}, {u"phone_public"_s, true}}},
            {{}, {{u"name"_s, u"Dana Whitfield"_s}, {u"photo"_s, photo}}},
            {m_person, {{u"name"_s, u"Taken Id"_s}}},
            {{}, {{u"name"_s, u"Nowhere Person"_s}, {u"organization_id"_s, u"0b7e2c4a-9f1d-4e5f-8a9b-2c3d4e5f6a7b"_s}}},
            {givenId, {{u"name"_s, u"Bo Again"_s}}},
            {{}, {{u"name"_s, u"Kwame Mensah"_s}, {u"title"_s, u"Policy Lead"_s}}},
        };
        QList<Store::Store::NewRecord> ready;
        for (const auto &[id, person] : people) {
            auto made = m_store->prepareNew(Kind::Person, id, values(person));
            QVERIFY2(made, made ? "" : qPrintable(made.error().message()));
            ready.append(made.value());
        }
        QCOMPARE(Store::Store::toRecord(Kind::Person, ready.at(0)).value(u"name"_s).toString(), u"Bo Chen"_s);
        QCOMPARE(Store::Store::toRecord(Kind::Person, ready.at(1)).value(u"media_contact"_s), QVariant(false));
        auto nameless = m_store->prepareNew(Kind::Person, {}, values({{u"email"_s, u"no-name@example.org"_s}}));
        QVERIFY(!nameless);
        QCOMPARE(nameless.error().message(), m_store->prepareCreate(Kind::Person, {{u"email"_s, u"no-name@example.org"_s}}).error().message());
        auto badEmail = m_store->prepareNew(Kind::Person, {}, values({{u"name"_s, u"Ana"_s}, {u"email"_s, u"ana@"_s}}));
        QVERIFY(!badEmail);
        QCOMPARE(badEmail.error().message(), m_store->prepareCreate(Kind::Person, {{u"name"_s, u"Ana"_s}, {u"email"_s, u"ana@"_s}}).error().message());
        const qint64 logBefore = changeLogRows();
        QSignalSpy changed(m_store.get(), &Store::Store::changed);

        // WHEN they are written together, in a transaction that is then rolled back, and again
        QList<Store::Store::Refused> refused;
        auto undone = m_store->transact([&]() -> Result<void> {
            if (auto written = m_store->createMany(Kind::Person, ready, &refused); !written) {
                return written;
            }
            return Error(Error::Code::Refused, u"changed my mind"_s);
        });
        QVERIFY(!undone);
        QCOMPARE(m_store->count(Kind::Person), 1);
        QCOMPARE(changeLogRows(), logBefore);
        refused.clear();
        auto written = m_store->createMany(Kind::Person, ready, &refused);

        // THEN the good ones are there, the bad ones refused with why, and one signal names the three
        QVERIFY2(written, written ? "" : qPrintable(written.error().message()));
        QCOMPARE(refused.size(), 3);
        QCOMPARE(refused.at(0).index, 2);
        QVERIFY2(refused.at(0).error.message().contains(u"already exists"_s), qPrintable(refused.at(0).error.message()));
        QCOMPARE(refused.at(1).index, 3);
        QVERIFY2(refused.at(1).error.message().contains(u"does not exist"_s), qPrintable(refused.at(1).error.message()));
        QVERIFY2(refused.at(1).error.message().contains(u"Nowhere Person"_s), qPrintable(refused.at(1).error.message()));
        QCOMPARE(refused.at(2).index, 4);
        QVERIFY2(refused.at(2).error.message().contains(u"already exists"_s), qPrintable(refused.at(2).error.message()));
        QCOMPARE(m_store->count(Kind::Person), 4);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<QList<Store::Change>>().size(), 3);
        QCOMPARE(m_store->fetch(Kind::Person, ready.at(1).id)->value(u"photo"_s).toByteArray(), photo);
        QCOMPARE(m_store->fetch(Kind::Person, givenId)->value(u"name"_s).toString(), u"Bo Chen"_s);

        // and the change log holds each one's create, as create() writes it, stamped in order
        QCOMPARE(changeLogRows(), logBefore + 3);
        Storage::Statement read =
            m_store->database().prepare(u"SELECT record_id, value, hlc FROM change_log WHERE seq > (SELECT max(seq) - 3 FROM change_log) ORDER BY seq"_s);
        QStringList ids;
        QList<QJsonObject> logged;
        qint64 previousStamp = 0;
        while (read.step()) {
            ids << read.text(0);
            logged << QJsonDocument::fromJson(read.text(1).toUtf8()).object();
            QVERIFY(read.integer(2) > previousStamp);
            previousStamp = read.integer(2);
        }
        QCOMPARE(ids, (QStringList{givenId, ready.at(1).id, ready.at(5).id}));
        QCOMPARE(logged.at(0).value(u"name"_s).toString(), u"Bo Chen"_s);
        QCOMPARE(logged.at(0).value(u"phone_public"_s), QJsonValue(true));
        QCOMPARE(logged.at(0).value(u"media_contact"_s), QJsonValue(false));
        QCOMPARE(logged.at(0).value(u"organization_id"_s).toString(), m_organization);
        QVERIFY(logged.at(0).contains(u"bio"_s) && logged.at(0).value(u"bio"_s).isNull());
        QCOMPARE(QByteArray::fromBase64(logged.at(1).value(u"photo"_s).toString().toLatin1()), photo);
        QCOMPARE(logged.at(2).value(u"title"_s).toString(), u"Policy Lead"_s);
        // a write after them is stamped after them
        QVERIFY(m_store->create(Kind::Fact, {{u"text"_s, u"Later."_s}}));
        Storage::Statement last = m_store->database().prepare(u"SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1"_s);
        QVERIFY(last.step());
        QVERIFY(last.integer(0) > previousStamp);

        // and search finds them
        QVERIFY(!m_store->search(u"Kwame"_s, 10).isEmpty());
        QVERIFY(!m_store->search(u"Dana Whit"_s, 10).isEmpty());
    }
};

CHORUS_TEST_MAIN(StoreTest)

#include "storetest.moc"
