// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/duplicates.h"
#include "interop/recordjson.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

class DuplicatesTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

    QString create(Kind kind, const Record &record)
    {
        auto id = m_store->create(kind, record);
        if (!id) {
            qWarning() << id.error().message();
            return {};
        }
        return id.value();
    }

    /// Everything in the database that a merge may touch, as comparable JSON.
    QList<QJsonObject> snapshot()
    {
        QList<QJsonObject> all;
        for (Kind kind : {Kind::Organization, Kind::Person, Kind::Campaign, Kind::Membership, Kind::Quote}) {
            for (const Record &record : m_store->fetchAll(kind)) {
                all << recordToJson(kind, record);
            }
        }
        return all;
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"dup-%1.chorus"_s.arg(++counter)));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message()));
        m_store = std::move(store).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldNormalizeNamesForMatching_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("case and The") << u"The Harbor Tenants Union"_s << u"harbor tenants union"_s;
        QTest::newRow("punctuation") << u"Harbor Tenants' Union, Inc."_s << u"harbor tenants union inc"_s;
        QTest::newRow("diacritics") << u"Alianza Río Verde"_s << u"ALIANZA RIO VERDE"_s;
        QTest::newRow("spacing") << u"  Tech   Workers-United "_s << u"tech workers united"_s;
        QTest::newRow("letters with a stroke") << u"Związek Łódź"_s << u"Zwiazek Lodz"_s;
        QTest::newRow("Nordic letters") << u"Bjørn Ærø"_s << u"Bjorn AERO"_s;
        QTest::newRow("ligatures") << u"Cœur Solidaire"_s << u"Coeur Solidaire"_s;
        QTest::newRow("Turkish dotless i") << u"Işık Derneği"_s << u"Isik Dernegi"_s;
    }

    void shouldNormalizeNamesForMatching()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(Duplicates::matchKey(a), Duplicates::matchKey(b));
    }

    void shouldFindDuplicatesAcrossTheDatabase()
    {
        // GIVEN two spellings of one organization, one e-mail twice, one name twice in one
        // organization and the same name in another organization
        const QString harbor = create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}});
        create(Kind::Organization, {{u"name"_s, u"The harbor tenants union"_s}});
        const QString river = create(Kind::Organization, {{u"name"_s, u"Río Verde"_s}});
        create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}});
        create(Kind::Person, {{u"name"_s, u"Ana R."_s}, {u"email"_s, u"ANA@x.example"_s}});
        create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}, {u"organization_id"_s, harbor}});
        create(Kind::Person, {{u"name"_s, u"bo chen"_s}, {u"organization_id"_s, harbor}});
        create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}, {u"organization_id"_s, river}});
        create(Kind::Person, {{u"name"_s, u"Cy Diaz"_s}, {u"email"_s, u"cy@one.example"_s}});
        create(Kind::Person, {{u"name"_s, u"Cy Diaz"_s}, {u"email"_s, u"cy@two.example"_s}});
        // WHEN
        const QList<DuplicateGroup> groups = Duplicates::find(*m_store);
        // THEN
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).kind, Kind::Organization);
        QCOMPARE(groups.at(1).reason, u"same e-mail address ana@x.example"_s);
        QCOMPARE(groups.at(2).ids.size(), 2);
        QVERIFY(groups.at(2).reason.contains(u"same organization"_s));
    }

    void shouldMergeOrganizationsAndUndoExactly()
    {
        // GIVEN two records of one organization, each with people, a quote, memberships of the
        // same campaign and of another one
        const QString kept = create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}, {u"website"_s, u"https://harbor.example"_s}});
        const QString merged = create(Kind::Organization,
                                      {{u"name"_s, u"The Harbor Tenants' Union"_s},
                                       {u"website"_s, u"https://old.example"_s},
                                       {u"people_represented"_s, 3400},
                                       {u"boilerplate"_s, u"Tenants organizing since 1998."_s}});
        const QString ana = create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, merged}});
        create(Kind::Quote, {{u"text"_s, u"Homes, not contracts."_s}, {u"spokesperson_id"_s, ana}});
        const QString campaign = create(Kind::Campaign, {{u"name"_s, u"Cancel the Contract"_s}});
        const QString other = create(Kind::Campaign, {{u"name"_s, u"Fair Rents"_s}});
        create(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"organization_id"_s, kept}});
        create(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"organization_id"_s, merged}, {u"status"_s, u"signed_on"_s}});
        create(Kind::Membership, {{u"campaign_id"_s, other}, {u"organization_id"_s, merged}});
        const QList<QJsonObject> before = snapshot();

        // WHEN merging
        auto mergeId = Duplicates::merge(*m_store, Kind::Organization, kept, merged);

        // THEN the kept one has the other's missing values, its people and one membership per campaign
        QVERIFY2(mergeId, mergeId ? "" : qPrintable(mergeId.error().message()));
        QCOMPARE(m_store->count(Kind::Organization), 1);
        const Record harbor = *m_store->fetch(Kind::Organization, kept);
        QCOMPARE(harbor.value(u"website"_s).toString(), u"https://harbor.example"_s);
        QCOMPARE(harbor.value(u"people_represented"_s).toLongLong(), 3400);
        QCOMPARE(m_store->fetch(Kind::Person, ana)->value(u"organization_id"_s).toString(), kept);
        QCOMPARE(m_store->count(Kind::Membership), 2);
        QVERIFY(m_store->check().isEmpty());
        const QList<MergeEntry> history = Duplicates::history(*m_store);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().mergedName, u"The Harbor Tenants' Union"_s);

        // WHEN undoing, THEN everything is as before
        auto undone = Duplicates::undoMerge(*m_store, mergeId.value());
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message()));
        QCOMPARE(snapshot(), before);
        QVERIFY(m_store->check().isEmpty());
        QVERIFY(Duplicates::history(*m_store).first().undone);
        QVERIFY(!Duplicates::undoMerge(*m_store, mergeId.value()));
    }

    void shouldMergePeopleWithTheirQuotesAndUndo()
    {
        const QString kept = create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}});
        const QString merged = create(Kind::Person, {{u"name"_s, u"Ana R."_s}, {u"email"_s, u"ANA@x.example"_s}, {u"phone"_s, u"555-0100"_s}});
        const QString quote = create(Kind::Quote, {{u"text"_s, u"We will be heard."_s}, {u"spokesperson_id"_s, merged}});
        const QList<QJsonObject> before = snapshot();

        auto mergeId = Duplicates::merge(*m_store, Kind::Person, kept, merged);
        QVERIFY(mergeId);
        QCOMPARE(m_store->fetch(Kind::Quote, quote)->value(u"spokesperson_id"_s).toString(), kept);
        QCOMPARE(m_store->fetch(Kind::Person, kept)->value(u"phone"_s).toString(), u"555-0100"_s);

        QVERIFY(Duplicates::undoMerge(*m_store, mergeId.value()));
        QCOMPARE(snapshot(), before);
    }

    void shouldRefuseToMergeARecordIntoItselfAndChangeNothing()
    {
        const QString ana = create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(!Duplicates::merge(*m_store, Kind::Person, ana, ana));
        QVERIFY(!Duplicates::merge(*m_store, Kind::Person, ana, u"00000000-0000-0000-0000-000000000001"_s));
        QCOMPARE(m_store->count(Kind::Person), 1);
    }
};

CHORUS_TEST_MAIN(DuplicatesTest)

#include "duplicatestest.moc"
