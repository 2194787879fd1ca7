// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/jsonbackup.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;

/// JSON written with single quotes, for readable test data.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

class JsonBackupTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Store::Store> newStore()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"json-%1.chorus"_s.arg(++counter)));
        if (!store) {
            qWarning() << store.error().message();
            return {};
        }
        return std::move(store).value();
    }

    qint64 changeLogRows(Store::Store &store)
    {
        Storage::Statement count = store.database().prepare(u"SELECT count(*) FROM change_log"_s);
        return count.step() ? count.integer(0) : -1;
    }

private Q_SLOTS:
    void shouldRoundTripTheDemoCoalitionToTheSameBytes()
    {
        // GIVEN the demo coalition
        auto demo = newStore();
        QVERIFY(demo);
        QVERIFY(Store::loadDemoCoalition(*demo));
        // WHEN exporting, importing into an empty database and exporting again
        auto first = JsonBackup::exportData(*demo);
        QVERIFY(first);
        auto copy = newStore();
        auto imported = JsonBackup::importData(*copy, first.value());
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        auto second = JsonBackup::exportData(*copy);
        QVERIFY(second);
        // THEN
        QCOMPARE(second.value(), first.value());
        for (Kind kind : Domain::allKinds()) {
            QCOMPARE(copy->count(kind), demo->count(kind));
        }
        QVERIFY(copy->check().isEmpty());
        // AND importing it again into the same database changes nothing but counts updates
        auto again = JsonBackup::importData(*copy, first.value());
        QVERIFY(again);
        QVERIFY(again.value().created.isEmpty());
        QCOMPARE(JsonBackup::exportData(*copy).value(), first.value());
    }

    void shouldExportOneCampaignWithWhatItNeeds()
    {
        auto store = newStore();
        const QString organization = store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}).value();
        const QString unrelated = store->create(Kind::Organization, {{u"name"_s, u"Elsewhere League"_s}}).value();
        const QString person = store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, organization}}).value();
        const QString campaign = store->create(Kind::Campaign, {{u"name"_s, u"Cancel the Contract"_s}}).value();
        const QString other = store->create(Kind::Campaign, {{u"name"_s, u"Fair Rents"_s}}).value();
        QVERIFY(store->create(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"organization_id"_s, organization}}));
        QVERIFY(store->create(Kind::Membership, {{u"campaign_id"_s, other}, {u"organization_id"_s, unrelated}}));
        QVERIFY(store->create(Kind::Quote, {{u"text"_s, u"Homes, not contracts."_s}, {u"spokesperson_id"_s, person}, {u"campaign_id"_s, campaign}}));
        // WHEN
        auto json = JsonBackup::exportData(*store, u"Cancel the Contract"_s);
        // THEN
        QVERIFY(json);
        const QJsonObject records = QJsonDocument::fromJson(json.value()).object().value(u"records"_s).toObject();
        QCOMPARE(records.value(u"campaigns"_s).toArray().size(), 1);
        QCOMPARE(records.value(u"organizations"_s).toArray().size(), 1);
        QCOMPARE(records.value(u"people"_s).toArray().size(), 1);
        QCOMPARE(records.value(u"quotes"_s).toArray().size(), 1);
        QCOMPARE(records.value(u"memberships"_s).toArray().size(), 1);
        // AND it imports into an empty database on its own
        auto copy = newStore();
        QVERIFY(JsonBackup::importData(*copy, json.value()));
        QCOMPARE(copy->count(Kind::Quote), 1);
        QVERIFY(!JsonBackup::exportData(*store, u"No Such Campaign"_s));
    }

    void shouldRefuseBadFilesAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{\n \"format\": \"chorus-backup\",\n oops }") << u"it is not valid JSON (line 3"_s;
        QTest::newRow("another format") << json("{'format': 'something', 'version': 1}") << u"not a Chorus JSON backup"_s;
        QTest::newRow("newer version") << json("{'format': 'chorus-backup', 'version': 2, 'records': {}}") << u"newer Chorus (format version 2)"_s;
        QTest::newRow("unknown list") << json("{'format': 'chorus-backup', 'version': 1, 'records': {'spaceships': []}}") << u"“spaceships”"_s;
        QTest::newRow("unknown field") << json(
            "{'format': 'chorus-backup', 'version': 1, 'records': {'people': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f60', 'name': 'Ana', 'shoe_size': "
            "38}]}}") << u"Record 1 of people: Chorus does not know the field “shoe_size”"_s;
        QTest::newRow("missing required field") << json(
            "{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Fine'}, {'id': "
            "'7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f62', 'website': 'https://x.example'}]}}")
                                                << u"Record 2 of organizations: "_s;
        QTest::newRow("wrong type")
            << json(
                   "{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Fine', "
                   "'people_represented': 'many'}]}}")
            << u"Record 1 of organizations: the value of the people represented (“people_represented”) has the wrong type: a whole number (without quotation marks) is expected."_s;
        QTest::newRow("a number too large to be a count") << json(
            "{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Fine', "
            "'people_represented': 1e300}]}}") << u"Record 1 of organizations: the value of the people represented"_s;
        // Files edited by hand.
        QTest::newRow("the same id twice in a list")
            << json(
                   "{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'First'}, "
                   "{'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Copied By Hand'}]}}")
            << u"Record 2 of organizations: the id 7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61 is already that of another record (Record 1 of organizations)"_s;
        QTest::newRow("the same id in two lists")
            << json(
                   "{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'First'}], "
                   "'people': [ {'id': '7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Ana'}]}}")
            << u"Record 1 of people: the id 7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61 is already that of another record (Record 1 of organizations)"_s;
        QTest::newRow("no records") << json("{'format': 'chorus-backup', 'version': 1}") << u"it has no “records”"_s;
        QTest::newRow("records not an object") << json("{'format': 'chorus-backup', 'version': 1, 'records': []}") << u"it has no “records”"_s;
        QTest::newRow("version as text") << json("{'format': 'chorus-backup', 'version': '1', 'records': {}}")
                                         << u"its format “version” is not a whole number"_s;
        QTest::newRow("a comma after the last value") << QByteArray("{\n \"format\": \"chorus-backup\",\n \"version\": 1,\n}")
                                                      << u"(line 4: a member \"name\": value is expected"_s;
    }

    void shouldRefuseARecordWithoutARequiredFieldEvenWhenItIsAlreadyThere()
    {
        // GIVEN a database with an organization
        auto store = newStore();
        QVERIFY(store->create(Kind::Organization, {{u"id"_s, u"7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61"_s}, {u"name"_s, u"Already Here"_s}}));
        const qint64 before = changeLogRows(*store);
        // WHEN a file edited by hand gives that organization without its name
        auto imported = JsonBackup::importData(*store,
                                               json("{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': "
                                                    "'7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'website': 'https://x.example'}]}}"));
        // THEN it is refused, naming the record and the field, and nothing changes
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().contains(u"Record 1 of organizations: the field “name”"_s), qPrintable(imported.error().message()));
        QCOMPARE(changeLogRows(*store), before);
        QCOMPARE(store->fetch(Kind::Organization, u"7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61"_s)->value(u"website"_s).toString(), QString());
    }

    void shouldReadABackupSavedAgainInUtf16()
    {
        // GIVEN a backup edited by hand and saved as "Unicode" by Windows Notepad
        const QString text =
            QString::fromUtf8(json("{'format': 'chorus-backup', 'version': 1, 'records': {'organizations': [ {'id': "
                                   "'7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61', 'name': 'Asociación Río Verde'}]}}"));
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        auto store = newStore();
        // WHEN it is imported, THEN it is read
        auto imported = JsonBackup::importData(*store, utf16.encode(text));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(store->fetch(Kind::Organization, u"7d1f8c7e-3f4a-4c55-9a0e-1b2c3d4e5f61"_s)->value(u"name"_s).toString(), u"Asociación Río Verde"_s);
    }

    void shouldNameLinesWithoutThousandsSeparators()
    {
        QByteArray file("{\n \"format\": \"chorus-backup\",\n");
        for (int i = 0; i < 1500; ++i) {
            file += "\n";
        }
        file += " oops }";
        auto store = newStore();
        auto imported = JsonBackup::importData(*store, file);
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().contains(u"(line 1503: "_s), qPrintable(imported.error().message()));
    }

    void shouldRefuseBadFilesAndChangeNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto store = newStore();
        QVERIFY(store->create(Kind::Organization, {{u"name"_s, u"Already Here"_s}}));
        const qint64 before = changeLogRows(*store);
        auto imported = JsonBackup::importData(*store, json);
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().contains(expected), qPrintable(imported.error().message()));
        QCOMPARE(changeLogRows(*store), before);
        QCOMPARE(store->count(Kind::Organization), 1);
    }
};

CHORUS_TEST_MAIN(JsonBackupTest)

#include "jsonbackuptest.moc"
