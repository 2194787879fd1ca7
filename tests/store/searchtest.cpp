// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class SearchTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;
    QString m_organization;
    QString m_person;

    QStringList titles(const QString &query, Kind kind)
    {
        QStringList result;
        for (const Store::SearchHit &hit : m_store->search(query)) {
            if (hit.kind == kind) {
                result << hit.title;
            }
        }
        return result;
    }

private Q_SLOTS:
    void init()
    {
        auto store = Store::Store::open(u":memory:"_s);
        QVERIFY(store);
        m_store = std::move(store).value();
        m_organization = m_store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}, {u"short_name"_s, u"RVA"_s}}).value();
        m_person =
            m_store->create(Kind::Person, {{u"name"_s, u"Lucía Martínez"_s}, {u"title"_s, u"Executive Director"_s}, {u"organization_id"_s, m_organization}})
                .value();
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Our river is not for sale, and neither is our data."_s}, {u"spokesperson_id"_s, m_person}}));
        QVERIFY(m_store->create(Kind::Event, {{u"title"_s, u"Petition delivery at Meridian campus"_s}}));
        QVERIFY(m_store->create(Kind::Fact, {{u"text"_s, u"300,000 people signed the petition."_s}, {u"source"_s, u"Coalition count"_s}}));
        QVERIFY(m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the Contract"_s}, {u"target"_s, u"Meridian Cloud Systems"_s}}));
    }

    void shouldFindNamesWithoutTheirAccents_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("plain letters") << u"Martinez"_s;
        QTest::newRow("lower case") << u"lucia martinez"_s;
        QTest::newRow("with the accents") << u"Martínez"_s;
        QTest::newRow("upper case with accent") << u"MARTÍNEZ"_s;
        QTest::newRow("prefix as you type") << u"luc mart"_s;
    }

    void shouldFindNamesWithoutTheirAccents()
    {
        QFETCH(QString, query);
        QCOMPARE(titles(query, Kind::Person), QStringList{u"Lucía Martínez"_s});
    }

    void shouldGroupResultsByKind()
    {
        // "Meridian" is in an event title and a campaign target; "petition" in an event and a fact
        const auto hits = m_store->search(u"petition"_s);
        QList<Kind> kinds;
        for (const auto &hit : hits) {
            if (kinds.isEmpty() || kinds.constLast() != hit.kind) {
                kinds << hit.kind;
            }
        }
        QCOMPARE(kinds, (QList<Kind>{Kind::Event, Kind::Fact}));
        QCOMPARE(titles(u"meridian"_s, Kind::Campaign), QStringList{u"Cancel the Contract"_s});
        QCOMPARE(titles(u"meridian"_s, Kind::Event), QStringList{u"Petition delivery at Meridian campus"_s});
    }

    void shouldDescribeEachHit()
    {
        const auto hits = m_store->search(u"river sale"_s);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).kind, Kind::Quote);
        QCOMPARE(hits.at(0).detail, u"Lucía Martínez"_s);
        const auto people = m_store->search(u"lucia"_s);
        QCOMPARE(people.at(0).detail, u"Executive Director, Río Verde Alliance"_s);
    }

    void shouldRequireEveryWord()
    {
        QVERIFY(titles(u"river banana"_s, Kind::Quote).isEmpty());
    }

    void shouldFollowEditsAndDeletes()
    {
        QVERIFY(m_store->update(Kind::Organization, m_organization, {{u"name"_s, u"Green River Alliance"_s}}));
        QVERIFY(titles(u"verde"_s, Kind::Organization).isEmpty());
        QCOMPARE(titles(u"green river"_s, Kind::Organization), QStringList{u"Green River Alliance"_s});
        QVERIFY(m_store->remove(Kind::Organization, m_organization, Store::DeletePolicy::Detach));
        QVERIFY(titles(u"green"_s, Kind::Organization).isEmpty());
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldTreatSearchSyntaxAsPlainText_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("unbalanced quote") << u"\"river"_s;
        QTest::newRow("operators") << u"river OR NOT sale"_s;
        QTest::newRow("column filter") << u"text:river"_s;
        QTest::newRow("NEAR") << u"NEAR(river sale)"_s;
        QTest::newRow("star and caret") << u"^river*"_s;
    }

    void shouldTreatSearchSyntaxAsPlainText()
    {
        QFETCH(QString, query);
        // Nothing throws or fails: the words are searched as words.
        const auto hits = m_store->search(query);
        for (const auto &hit : hits) {
            QVERIFY(!hit.id.isEmpty());
        }
        QVERIFY(!titles(u"\"river"_s, Kind::Quote).isEmpty());
    }

    void shouldReturnNothingForBlankQueries()
    {
        QVERIFY(m_store->search(QString()).isEmpty());
        QVERIFY(m_store->search(u"  ,.; "_s).isEmpty());
    }

    void shouldLimitResultsPerKind()
    {
        QVERIFY(m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < 30; ++i) {
                if (auto created = m_store->create(Kind::Fact, {{u"text"_s, u"Signature batch %1 delivered."_s.arg(i)}}); !created) {
                    return created.error();
                }
            }
            return {};
        }));
        QCOMPARE(m_store->search(u"signature"_s, 10).size(), 10);
        QCOMPARE(m_store->search(u"signature"_s).size(), 30);
    }

    void shouldFindRecordsWrittenEarlierInTheSameTransaction()
    {
        // GIVEN a batch that has created a fact and not committed yet
        QStringList foundInside;
        QVERIFY(m_store->transact([&]() -> Result<void> {
            if (auto created = m_store->create(Kind::Fact, {{u"text"_s, u"Forty unions endorsed the letter."_s}}); !created) {
                return created.error();
            }
            // WHEN the batch searches for it
            foundInside = titles(u"unions"_s, Kind::Fact);
            return {};
        }));
        // THEN it is found inside the batch and after it
        QCOMPARE(foundInside, QStringList{u"Forty unions endorsed the letter."_s});
        QCOMPARE(titles(u"unions"_s, Kind::Fact), QStringList{u"Forty unions endorsed the letter."_s});
        QCOMPARE(m_store->check(), QStringList());
    }

    void shouldKeepTheIndexExactWhenABatchEditsAndDeletesWhatItCreated()
    {
        // GIVEN one batch that creates quotes, edits one and deletes another before committing
        QVERIFY(m_store->transact([&]() -> Result<void> {
            auto kept = m_store->create(Kind::Quote, {{u"text"_s, u"Draft wording about turbines."_s}, {u"spokesperson_id"_s, m_person}});
            auto dropped = m_store->create(Kind::Quote, {{u"text"_s, u"Wording about windmills."_s}, {u"spokesperson_id"_s, m_person}});
            if (!kept || !dropped) {
                return Error(Error::Code::Invalid, u"create failed"_s);
            }
            if (auto edited = m_store->update(Kind::Quote, kept.value(), {{u"text"_s, u"Final wording about solar panels."_s}}); !edited) {
                return edited;
            }
            return m_store->remove(Kind::Quote, dropped.value());
        }));

        // THEN search sees the final state only, and the index matches the records
        QCOMPARE(titles(u"turbines"_s, Kind::Quote), QStringList());
        QCOMPARE(titles(u"windmills"_s, Kind::Quote), QStringList());
        QCOMPARE(titles(u"solar"_s, Kind::Quote), QStringList{u"Final wording about solar panels."_s});
        QCOMPARE(m_store->check(), QStringList());
    }

    void shouldLeaveNothingInTheIndexWhenABatchFails()
    {
        // GIVEN a batch that creates a fact and then fails
        const auto failed = m_store->transact([&]() -> Result<void> {
            if (auto created = m_store->create(Kind::Fact, {{u"text"_s, u"A figure about glaciers."_s}}); !created) {
                return created.error();
            }
            return Error(Error::Code::Invalid, u"the user cancelled"_s);
        });
        QVERIFY(!failed);

        // THEN the fact is neither stored nor found, and the index matches the records
        QCOMPARE(titles(u"glaciers"_s, Kind::Fact), QStringList());
        QCOMPARE(m_store->check(), QStringList());
        // AND a later write is indexed as usual
        QVERIFY(m_store->create(Kind::Fact, {{u"text"_s, u"Glaciers lost a third of their ice."_s}}));
        QCOMPARE(titles(u"glaciers"_s, Kind::Fact), QStringList{u"Glaciers lost a third of their ice."_s});
        QCOMPARE(m_store->check(), QStringList());
    }

    void shouldIndexRecordsInsertedWithPlainSqlOnTheStoresConnection()
    {
        // GIVEN a row inserted by SQL on the store's connection, outside any transaction
        QVERIFY(m_store->database().exec(u"INSERT INTO facts (id, text) VALUES ('5f0c6a56-0000-4000-8000-00000000000a', 'Ferries carry the petition.')"_s));

        // THEN it is searchable and the index stays exact when it is deleted
        QCOMPARE(titles(u"ferries"_s, Kind::Fact), QStringList{u"Ferries carry the petition."_s});
        QVERIFY(m_store->remove(Kind::Fact, u"5f0c6a56-0000-4000-8000-00000000000a"_s));
        QCOMPARE(titles(u"ferries"_s, Kind::Fact), QStringList());
        QCOMPARE(m_store->check(), QStringList());
    }
};

CHORUS_TEST_MAIN(SearchTest)

#include "searchtest.moc"
