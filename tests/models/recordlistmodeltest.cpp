// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/recordlistmodel.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Models::RecordListModel;

class RecordListModelTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;

    QString createOrganization(const QString &name)
    {
        auto created = m_store->create(Kind::Organization, {{u"name"_s, name}});
        if (!created) {
            qWarning() << created.error().message();
            return {};
        }
        return created.value();
    }

    static QStringList column(const RecordListModel &model, int column = 0)
    {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row) {
            values << model.index(row, column).data().toString();
        }
        return values;
    }

    void createOrganizations(int count)
    {
        QVERIFY(m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < count; ++i) {
                if (auto created = m_store->create(Kind::Organization, {{u"name"_s, u"Group %1"_s.arg(i, 4, 10, QLatin1Char('0'))}}); !created) {
                    return created.error();
                }
            }
            return {};
        }));
    }

private Q_SLOTS:
    void init()
    {
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        m_store = std::move(opened).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldListRecordsByNameIgnoringCase()
    {
        // GIVEN organizations created in no particular order
        createOrganization(u"tech Workers United"_s);
        createOrganization(u"Amigos del Río"_s);
        createOrganization(u"River Alliance"_s);
        // WHEN a model lists them
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // THEN they come A to Z, whatever their case, with their ids
        QCOMPARE(column(model), (QStringList{u"Amigos del Río"_s, u"River Alliance"_s, u"tech Workers United"_s}));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
        QVERIFY(!model.index(0, 0).data(RecordListModel::IdRole).toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(RecordListModel::KindRole).toInt(), int(Kind::Organization));
        QVERIFY(!model.canFetchMore({}));
    }

    void shouldPlaceRecordsCreatedTogetherInOrder()
    {
        // GIVEN a list of two organizations
        createOrganization(u"Bay Tenants"_s);
        createOrganization(u"Open Door"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // WHEN three more are written in one go (a redone import), in no particular order
        QVERIFY(m_store->transact([this]() -> Result<void> {
            for (const QString &name : {u"Zeta Workers"_s, u"Amigos del Río"_s, u"River Alliance"_s}) {
                if (auto created = m_store->create(Kind::Organization, {{u"name"_s, name}}); !created) {
                    return created.error();
                }
            }
            return {};
        }));
        // THEN each one is in its place
        QCOMPARE(column(model), (QStringList{u"Amigos del Río"_s, u"Bay Tenants"_s, u"Open Door"_s, u"River Alliance"_s, u"Zeta Workers"_s}));
    }

    void shouldLoadManyRecordsPageByPage()
    {
        // GIVEN more organizations than two pages hold
        createOrganizations(RecordListModel::PageSize * 2 + 50);
        // (No model tester until the end: it asks for more rows by itself.)
        RecordListModel model(Kind::Organization);
        model.setStore(m_store.get());
        // THEN only the first page is loaded
        QCOMPARE(model.rowCount(), RecordListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        // WHEN the view scrolls on
        model.fetchMore({});
        QCOMPARE(model.rowCount(), RecordListModel::PageSize * 2);
        model.fetchMore({});
        // THEN the rest arrives, in order, and there is no more
        QCOMPARE(model.rowCount(), RecordListModel::PageSize * 2 + 50);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(), u"Group 0449"_s);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void shouldPageThroughEveryOrderWithoutGapsOrRepeats_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QString>("filter");
        QTest::newRow("newest first") << -1 << Qt::AscendingOrder << QString();
        QTest::newRow("newest first, filtered") << -1 << Qt::AscendingOrder << u"quot"_s;
        QTest::newRow("text A-Z") << 0 << Qt::AscendingOrder << QString();
        QTest::newRow("text Z-A, filtered") << 0 << Qt::DescendingOrder << u"quote"_s;
        QTest::newRow("language, then age") << 3 << Qt::AscendingOrder << QString();
        QTest::newRow("spokesperson A-Z") << 1 << Qt::AscendingOrder << QString();
        QTest::newRow("spokesperson Z-A") << 1 << Qt::DescendingOrder << QString();
        QTest::newRow("spokesperson A-Z, filtered") << 1 << Qt::AscendingOrder << u"quote"_s;
        QTest::newRow("state: all the same, Z-A") << 2 << Qt::DescendingOrder << QString();
    }

    void shouldPageThroughEveryOrderWithoutGapsOrRepeats()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QString, filter);
        // GIVEN more quotes than two pages, many with the same language, spokesperson or state and
        // some with the same text
        QStringList people;
        for (const QString &name : {u"Carla Díaz"_s, u"Ana Ruiz"_s, u"Bea Soto"_s}) {
            const auto person = m_store->create(Kind::Person, {{u"name"_s, name}});
            QVERIFY(person);
            people << person.value();
        }
        const int total = RecordListModel::PageSize * 2 + 17;
        QVERIFY(m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < total; ++i) {
                const Domain::Record quote{{u"text"_s, u"Quote %1"_s.arg(i % 150, 3, 10, QLatin1Char('0'))},
                                           {u"spokesperson_id"_s, people.at((i / 7) % 3)},
                                           {u"language"_s, i % 3 == 0 ? u"es"_s : u"en"_s}};
                if (auto created = m_store->create(Kind::Quote, quote); !created) {
                    return created.error();
                }
            }
            return {};
        }));
        RecordListModel model(Kind::Quote);
        model.setStore(m_store.get());
        model.sort(column, order);
        model.setFilterText(filter);
        // WHEN every page is read
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        // THEN every quote comes exactly once, in order
        QCOMPARE(model.rowCount(), total);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.idAt(row));
        }
        QCOMPARE(ids.size(), total);
        for (int row = 1; column < 0 && row < model.rowCount(); ++row) {
            // Newest first: each quote was created before the one above it.
            QVERIFY(model.index(row - 1, 0).data().toString() != model.index(row, 0).data().toString() || model.idAt(row - 1) != model.idAt(row));
        }
        if (column >= 0) {
            for (int row = 1; row < model.rowCount(); ++row) {
                const QString previous = model.index(row - 1, column).data().toString();
                const QString current = model.index(row, column).data().toString();
                QVERIFY2(order == Qt::AscendingOrder ? previous <= current : previous >= current, qPrintable(previous + u" / "_s + current));
            }
        }
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void shouldSortManyMatchesAndFewMatchesAlike()
    {
        // GIVEN more quotes matching a word than the model sorts itself (it then walks the
        // order's index), and a few matching another word
        QStringList people;
        for (const QString &name : {u"Carla Díaz"_s, u"ana Ruiz"_s, u"Bea Soto"_s}) {
            const auto person = m_store->create(Kind::Person, {{u"name"_s, name}});
            QVERIFY(person);
            people << person.value();
        }
        const int many = 5100;
        QVERIFY(m_store->transact([&]() -> Result<void> {
            for (int i = 0; i < many + 30; ++i) {
                const QString word = i < many ? u"common"_s : u"rare"_s;
                const Domain::Record quote{{u"text"_s, u"%1 %2%3"_s.arg(i % 97 == 0 || i == many + 7 ? u"Zeta"_s : u"alpha"_s, word).arg(i % 613)},
                                           {u"spokesperson_id"_s, people.at((i / 5) % 3)},
                                           {u"language"_s, i % 3 == 0 ? u"es"_s : u"en"_s}};
                if (auto created = m_store->create(Kind::Quote, quote); !created) {
                    return created.error();
                }
            }
            return {};
        }));
        for (const auto &[filter, expected] : {std::pair{u"common"_s, many}, std::pair{u"rare"_s, 30}}) {
            for (const int sortColumn : {0, 1, 2, 3}) {
                RecordListModel model(Kind::Quote);
                model.setStore(m_store.get());
                model.sort(sortColumn, Qt::DescendingOrder);
                model.setFilterText(filter);
                // WHEN every page is read
                while (model.canFetchMore({})) {
                    model.fetchMore({});
                }
                // THEN each match comes once, in order, and nothing else
                QCOMPARE(model.rowCount(), expected);
                QSet<QString> ids;
                for (int row = 0; row < model.rowCount(); ++row) {
                    ids.insert(model.idAt(row));
                    QVERIFY(model.index(row, 0).data().toString().contains(filter));
                    if (row > 0) {
                        const QString previous = model.index(row - 1, sortColumn).data().toString();
                        const QString current = model.index(row, sortColumn).data().toString();
                        QVERIFY2(previous.compare(current, Qt::CaseInsensitive) >= 0, qPrintable(previous + u" / "_s + current));
                    }
                }
                QCOMPARE(ids.size(), expected);
                QCOMPARE(model.index(0, 0).data().toString().startsWith(u"Zeta"_s), sortColumn == 0);
            }
        }
    }

    void shouldFilterByWordPrefixesInAnyOrder()
    {
        createOrganization(u"Amigos del Río"_s);
        createOrganization(u"River Alliance"_s);
        createOrganization(u"Tech Workers United"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // WHEN the user types the start of words, without accents
        model.setFilterText(u"rio amig"_s);
        // THEN only the matching record is listed
        QCOMPARE(column(model), QStringList{u"Amigos del Río"_s});
        // AND an empty filter lists all again
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 3);
    }

    void shouldFilterKindsWithoutSearchIndexByTheirName()
    {
        const auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        QVERIFY(campaign);
        QVERIFY(m_store->create(Kind::PressKit, {{u"name"_s, u"Delivery day 100%"_s}, {u"campaign_id"_s, campaign.value()}}));
        QVERIFY(m_store->create(Kind::PressKit, {{u"name"_s, u"Launch"_s}, {u"campaign_id"_s, campaign.value()}}));
        RecordListModel model(Kind::PressKit);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setFilterText(u"100%"_s);
        QCOMPARE(column(model), QStringList{u"Delivery day 100%"_s});
        // A percent sign is a percent sign, not "anything".
        model.setFilterText(u"%"_s);
        QCOMPARE(model.rowCount(), 1);
    }

    void shouldNarrowToRecordsWhoseFieldHasAValue()
    {
        const auto person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(person);
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"We will not stop."_s}, {u"spokesperson_id"_s, person.value()}}));
        QVERIFY(m_store->create(
            Kind::Quote,
            {{u"text"_s, u"Cancel it."_s}, {u"spokesperson_id"_s, person.value()}, {u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Ana Ruiz"_s}}));
        RecordListModel model(Kind::Quote);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setCondition(u"state"_s, u"approved"_s);
        QCOMPARE(column(model), QStringList{u"Cancel it."_s});
        QCOMPARE(model.index(0, 1).data().toString(), u"Ana Ruiz"_s);
        QCOMPARE(model.index(0, 2).data().toString(), u"approved"_s);
        // A field the kind does not have is refused, and the list stays as it was.
        model.setCondition(u"no_such_field"_s, 1);
        QCOMPARE(model.rowCount(), 1);
        model.clearConditions();
        QCOMPARE(model.rowCount(), 2);
    }

    void shouldShowChoicesByTheirLabelWhileFilteringAndSortingByTheStoredValue()
    {
        // GIVEN memberships whose stored status and role differ from their labels
        const auto created = m_store->create(Kind::Campaign, {{u"name"_s, u"Clean Water Now"_s}});
        QVERIFY(created);
        const QString campaign = created.value();
        for (const auto &[name, status] : {std::pair{u"Río Verde Alliance"_s, u"signed_on"_s}, std::pair{u"Tenants United"_s, u"considering"_s}}) {
            const QString organization = createOrganization(name);
            QVERIFY(m_store->create(Kind::Membership,
                                    {{u"campaign_id"_s, campaign}, {u"organization_id"_s, organization}, {u"status"_s, status}, {u"role"_s, u"lead"_s}}));
        }
        RecordListModel model(Kind::Membership);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // WHEN the list is sorted by status
        model.sort(3, Qt::AscendingOrder);
        // THEN the cells show the labels, "signed on" rather than "signed_on", in the stored values' order
        QCOMPARE(column(model, 3), (QStringList{choiceLabel(u"status", u"considering"), choiceLabel(u"status", u"signed_on")}));
        QCOMPARE(column(model, 3).constLast(), u"signed on"_s);
        QCOMPARE(model.index(1, 3).data(Qt::ToolTipRole).toString(), u"signed on"_s);
        QCOMPARE(column(model, 2), (QStringList{u"lead"_s, u"lead"_s}));
        // AND narrowing by a status takes the stored value
        model.setCondition(u"status"_s, u"signed_on"_s);
        QCOMPARE(column(model, 0), QStringList{u"Río Verde Alliance"_s});
    }

    void shouldShowTheNewestQuotesFirst()
    {
        const auto person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(person);
        for (const QString &text : {u"First."_s, u"Second."_s, u"Third."_s}) {
            QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, text}, {u"spokesperson_id"_s, person.value()}}));
        }
        RecordListModel model(Kind::Quote);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(column(model), (QStringList{u"Third."_s, u"Second."_s, u"First."_s}));
        // WHEN sorted by their text, Z to A
        model.sort(0, Qt::DescendingOrder);
        QCOMPARE(column(model), (QStringList{u"Third."_s, u"Second."_s, u"First."_s}));
        model.sort(0, Qt::AscendingOrder);
        QCOMPARE(column(model), (QStringList{u"First."_s, u"Second."_s, u"Third."_s}));
        // AND a new quote arrives at its place in that order
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Fourth."_s}, {u"spokesperson_id"_s, person.value()}}));
        QCOMPARE(column(model), (QStringList{u"First."_s, u"Fourth."_s, u"Second."_s, u"Third."_s}));
    }

    void shouldSortQuotesBySpokespersonAndPlaceNewOnesAmongThem()
    {
        const QString bea = m_store->create(Kind::Person, {{u"name"_s, u"bea Soto"_s}}).value();
        const QString ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}).value();
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"One."_s}, {u"spokesperson_id"_s, bea}}));
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Two."_s}, {u"spokesperson_id"_s, ana}}));
        RecordListModel model(Kind::Quote);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // WHEN sorted by spokesperson (whatever the case of the names)
        model.sort(1, Qt::AscendingOrder);
        QCOMPARE(column(model, 1), (QStringList{u"Ana Ruiz"_s, u"bea Soto"_s}));
        // THEN a new quote by Ana comes after hers, before Bea's
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Three."_s}, {u"spokesperson_id"_s, ana}}));
        QCOMPARE(column(model), (QStringList{u"Two."_s, u"Three."_s, u"One."_s}));
        // AND Z to A reverses it all
        model.sort(1, Qt::DescendingOrder);
        QCOMPARE(column(model), (QStringList{u"One."_s, u"Three."_s, u"Two."_s}));
    }

    void shouldInsertACreatedRecordAtItsPlace()
    {
        createOrganization(u"Amigos del Río"_s);
        createOrganization(u"Tech Workers United"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // WHEN an organization is created through the store
        createOrganization(u"River Alliance"_s);
        // THEN it is inserted between the others, without reloading the list
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(column(model), (QStringList{u"Amigos del Río"_s, u"River Alliance"_s, u"Tech Workers United"_s}));
    }

    void shouldIgnoreACreatedRecordThatDoesNotMatchTheFilter()
    {
        createOrganization(u"River Alliance"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setFilterText(u"river"_s);
        createOrganization(u"Tech Workers United"_s);
        QCOMPARE(column(model), QStringList{u"River Alliance"_s});
        createOrganization(u"Rivers of Hope"_s);
        QCOMPARE(column(model), (QStringList{u"River Alliance"_s, u"Rivers of Hope"_s}));
    }

    void shouldRemoveADeletedRecord()
    {
        createOrganization(u"Amigos del Río"_s);
        const QString river = createOrganization(u"River Alliance"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->remove(Kind::Organization, river));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(column(model), QStringList{u"Amigos del Río"_s});
        QCOMPARE(model.rowOf(river), -1);
    }

    void shouldUpdateAChangedRecordInPlace()
    {
        const QString amigos = createOrganization(u"Amigos del Río"_s);
        createOrganization(u"River Alliance"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_store->update(Kind::Organization, amigos, {{u"kind"_s, u"union"_s}, {u"people_represented"_s, 12000}}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, 1).data().toString(), u"union"_s);
        QCOMPARE(model.index(0, 2).data().toString(), u"12,000"_s);
    }

    void shouldMoveARenamedRecordToItsNewPlace()
    {
        const QString amigos = createOrganization(u"Amigos del Río"_s);
        createOrganization(u"River Alliance"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // (a view's current row is a persistent index: it follows the record)
        const QPersistentModelIndex current = model.index(model.rowOf(amigos), 0);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->update(Kind::Organization, amigos, {{u"name"_s, u"Zapatistas del Río"_s}}));
        QCOMPARE(column(model), (QStringList{u"River Alliance"_s, u"Zapatistas del Río"_s}));
        QCOMPARE(model.rowOf(amigos), 1);
        QCOMPARE(current.row(), 1);
        QVERIFY(m_store->update(Kind::Organization, amigos, {{u"name"_s, u"Acción del Río"_s}}));
        QCOMPARE(column(model), (QStringList{u"Acción del Río"_s, u"River Alliance"_s}));
        QCOMPARE(current.row(), 0);
        QCOMPARE(current.data().toString(), u"Acción del Río"_s);
        QCOMPARE(removed.count(), 0);
    }

    void shouldDropAChangedRecordThatNoLongerMatches()
    {
        const auto person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}});
        QVERIFY(person);
        const auto quote = m_store->create(Kind::Quote, {{u"text"_s, u"Cancel it."_s}, {u"spokesperson_id"_s, person.value()}});
        QVERIFY(quote);
        RecordListModel model(Kind::Quote);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setCondition(u"state"_s, u"draft"_s);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_store->update(Kind::Quote, quote.value(), {{u"state"_s, u"submitted"_s}}));
        QCOMPARE(model.rowCount(), 0);
    }

    void shouldLeaveARecordBeyondTheLoadedRowsForLater()
    {
        // GIVEN a list with more records than the loaded page
        createOrganizations(RecordListModel::PageSize + 10);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        // WHEN a record sorting after the loaded rows is created
        const QString last = createOrganization(u"Zebra Collective"_s);
        // THEN nothing changes now, and it comes last when the rest is loaded
        QCOMPARE(model.rowCount(), RecordListModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), RecordListModel::PageSize + 11);
        QCOMPARE(model.rowOf(last), RecordListModel::PageSize + 10);
        // AND a record sorting first is inserted at once
        createOrganization(u"Aardvark Action"_s);
        QCOMPARE(model.index(0, 0).data().toString(), u"Aardvark Action"_s);
        QCOMPARE(model.rowCount(), RecordListModel::PageSize + 12);
    }

    void shouldReloadAfterALargeWrite()
    {
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        createOrganizations(RecordListModel::ResetThreshold + 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), RecordListModel::ResetThreshold + 1);
    }

    void shouldShowANewOrganizationNameInThePeopleList()
    {
        const QString river = createOrganization(u"River Alliance"_s);
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, river}}));
        RecordListModel model(Kind::Person);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(model.index(0, 2).data().toString(), u"River Alliance"_s);
        QVERIFY(m_store->update(Kind::Organization, river, {{u"name"_s, u"Río Alliance"_s}}));
        QCOMPARE(model.index(0, 2).data().toString(), u"Río Alliance"_s);
    }

    void shouldEmptyWhenTheStoreGoes()
    {
        createOrganization(u"River Alliance"_s);
        RecordListModel model(Kind::Organization);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(model.rowCount(), 1);
        model.setStore(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }
};

CHORUS_TEST_MAIN(RecordListModelTest)

#include "recordlistmodeltest.moc"
