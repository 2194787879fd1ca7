// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/csvwriter.h"
#include "interop/importer.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

class ImporterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

    qint64 changeLogRows()
    {
        Storage::Statement count = m_store->database().prepare(u"SELECT count(*) FROM change_log"_s);
        return count.step() ? count.integer(0) : -1;
    }

    CsvTable table(const QByteArray &data)
    {
        auto read = CsvReader::read(data);
        if (!read) {
            qWarning() << read.error().message();
            return {};
        }
        return read.value();
    }

    ImportOptions options(const CsvTable &table, Kind kind = Kind::Person)
    {
        ImportOptions options;
        options.kind = kind;
        options.mapping = ColumnMapping::guess(kind, table.headers);
        return options;
    }

    std::optional<Record> personNamed(const QString &name)
    {
        const auto people = m_store->fetchAll(Kind::Person, u"name"_s, name);
        return people.isEmpty() ? std::nullopt : std::optional(people.first());
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"import-%1.chorus"_s.arg(++counter)));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message()));
        m_store = std::move(store).value();
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldRecogniseCommonCrmHeaders_data()
    {
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("Action Network") << QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"zip_code"_s, u"can2_phone"_s}
                                        << QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"zip"_s, u"phone"_s};
        QTest::newRow("CiviCRM") << QStringList{u"First Name"_s, u"Last Name"_s, u"Email"_s, u"Current Employer"_s, u"Job Title"_s, u"City"_s, u"Postal Code"_s}
                                 << QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"organization"_s, u"title"_s, u"city"_s, u"zip"_s};
        QTest::newRow("Google / spreadsheet") << QStringList{u"Name"_s, u"E-mail Address"_s, u"Phone Number"_s, u"Organisation"_s, u"Favourite colour"_s}
                                              << QStringList{u"name"_s, u"email"_s, u"phone"_s, u"organization"_s, QString()};
        QTest::newRow("Outlook") << QStringList{u"Title"_s,
                                                u"First Name"_s,
                                                u"Last Name"_s,
                                                u"Company"_s,
                                                u"Job Title"_s,
                                                u"Business City"_s,
                                                u"E-mail Address"_s,
                                                u"Mobile Phone"_s}
                                 << QStringList{QString(), u"first_name"_s, u"last_name"_s, u"organization"_s, u"title"_s, u"city"_s, u"email"_s, u"phone"_s};
        QTest::newRow("Google Contacts") << QStringList{u"First Name"_s,
                                                        u"Last Name"_s,
                                                        u"E-mail 1 - Value"_s,
                                                        u"Phone 1 - Value"_s,
                                                        u"Organization Name"_s,
                                                        u"Organization Title"_s,
                                                        u"Address 1 - Postal Code"_s}
                                         << QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"phone"_s, u"organization"_s, u"title"_s, u"zip"_s};
        QTest::newRow("EveryAction / NGP VAN") << QStringList{u"VANID"_s, u"AddressLine1"_s, u"StateOrProvince"_s, u"Zip5"_s, u"PreferredEmail"_s}
                                               << QStringList{QString(), u"address"_s, u"state"_s, u"zip"_s, u"email"_s};
        QTest::newRow("HubSpot") << QStringList{u"Record ID"_s, u"Phone Number"_s, u"Company Name"_s, u"State/Region"_s, u"Country/Region"_s}
                                 << QStringList{QString(), u"phone"_s, u"organization"_s, u"state"_s, u"country"_s};
        QTest::newRow("second address line") << QStringList{u"Street Address"_s, u"Supplemental Address 1"_s, u"Address Line 2"_s}
                                             << QStringList{u"address"_s, u"address_line2"_s, QString()};
        QTest::newRow("Chorus's own export, in Spanish") << QStringList{u"nombre"_s, u"título"_s, u"organización"_s, u"correo electrónico"_s}
                                                         << QStringList{u"first_name"_s, u"title"_s, u"organization"_s, u"email"_s};
        QTest::newRow("Spanish") << QStringList{u"Nombre"_s, u"Apellidos"_s, u"Correo electrónico"_s, u"Teléfono"_s, u"Organización"_s, u"Cargo"_s}
                                 << QStringList{u"first_name"_s, u"last_name"_s, u"email"_s, u"phone"_s, u"organization"_s, u"title"_s};
    }

    void shouldRecogniseCommonCrmHeaders()
    {
        QFETCH(QStringList, headers);
        QFETCH(QStringList, fields);
        const ColumnMapping mapping = ColumnMapping::guess(Kind::Person, headers);
        for (int i = 0; i < headers.size(); ++i) {
            QCOMPARE(mapping.field(i), fields.at(i));
        }
    }

    void shouldReadChorusOwnOrganizationExportInSpanish()
    {
        // "nombre" is a person's first name, and the name of an organization
        const QStringList headers{u"nombre"_s, u"nombre corto"_s, u"tipo de organización"_s, u"personas representadas"_s, u"texto institucional"_s};
        const ColumnMapping mapping = ColumnMapping::guess(Kind::Organization, headers);
        QCOMPARE(mapping.field(0), u"name"_s);
        QCOMPARE(mapping.field(1), u"short_name"_s);
        QCOMPARE(mapping.field(2), u"kind"_s);
        QCOMPARE(mapping.field(3), u"people_represented"_s);
        QCOMPARE(mapping.field(4), u"boilerplate"_s);
    }

    void shouldTakeBackTheApostropheThatEscapesAFormulaInChorusOwnExport()
    {
        // GIVEN a person whose values begin like formulas, exported as CSV
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"=Ana Ruiz"_s}, {u"phone"_s, u"+1 202 555 0100"_s}, {u"title"_s, u"-"_s}}));
        auto csv = CsvWriter::exportList(*m_store, Kind::Person);
        QVERIFY(csv);
        QVERIFY2(csv.value().contains("'=Ana Ruiz,"), csv.value().constData());
        auto other = Store::Store::open(u":memory:"_s);
        QVERIFY(other);
        // WHEN the file is imported into another database
        const CsvTable exported = table(csv.value());
        auto report = Importer(*other.value()).run(exported, options(exported));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        // THEN the values are those of the first database, without the apostrophes
        const QList<Record> people = other.value()->fetchAll(Kind::Person);
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.first().value(u"name"_s).toString(), u"=Ana Ruiz"_s);
        QCOMPARE(people.first().value(u"phone"_s).toString(), u"+1 202 555 0100"_s);
        QCOMPARE(people.first().value(u"title"_s).toString(), u"-"_s);
    }

    void shouldLeaveOutTheHeaderLineOfASecondExportJoinedToTheFirst()
    {
        // GIVEN two exports joined with cat
        const CsvTable csv = table("Name,Email\nAna Ruiz,ana@x.example\nName,Email\nBo Chen,bo@x.example\n");
        // WHEN
        auto report = Importer(*m_store).run(csv, options(csv));
        // THEN both people come in, and the second header is named as left out
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        QCOMPARE(report.value().leftOut.size(), 1);
        QCOMPARE(report.value().leftOut.first().message, u"Line 3: the header line again, not a record: left out."_s);
    }

    void shouldLeaveOutALastRowOfTotals_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("created");
        QTest::addColumn<int>("leftOut");
        QTest::newRow("labelled") << QByteArray("Name,Members,Website\nAlpha,120,https://a.example\nBeta,80,\nTotal:,200,\n") << 2 << 1;
        QTest::newRow("a sum below the column, without a label") << QByteArray("Name,Members\nAlpha,\"1,120\"\nBeta,80\n,\"1,200\"\n") << 2 << 1;
        QTest::newRow("an organization named Total with a website is one")
            << QByteArray("Name,Members,Website\nAlpha,120,\nTotal,80,https://total.example\n") << 2 << 0;
    }

    void shouldLeaveOutALastRowOfTotals()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, created);
        QFETCH(int, leftOut);
        const CsvTable csv = table(data);
        auto report = Importer(*m_store).run(csv, options(csv, Kind::Organization));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, created);
        QCOMPARE(report.value().leftOut.size(), leftOut);
    }

    void shouldTakePlaceholdersForNoValue()
    {
        // GIVEN a CRM export that writes N/A and none for what it does not know
        const CsvTable csv = table("Name,Email,Employer,Title,Phone\nAna Ruiz,N/A,n/a,none,#N/A\nBo Chen,bo@x.example,[not provided],-,\n");
        // WHEN
        auto report = Importer(*m_store).run(csv, options(csv));
        // THEN no row is bad, no organization "N/A" is made, and the fields are empty
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        QCOMPARE(m_store->count(Kind::Organization), 0);
        const Record ana = *personNamed(u"Ana Ruiz"_s);
        QVERIFY(ana.value(u"email"_s).toString().isEmpty());
        QVERIFY(ana.value(u"title"_s).toString().isEmpty());
        QVERIFY(ana.value(u"phone"_s).toString().isEmpty());
        QVERIFY(personNamed(u"Bo Chen"_s)->value(u"title"_s).toString().isEmpty());
    }

    void shouldAddNoOrganizationForARowItSkips()
    {
        // GIVEN a bad row, the only one to name its organization
        const CsvTable csv = table("Name,Email,Organization\nAna Ruiz,ana@x.example,Verde\nBo Li,bad-email,Orphan Org\n");
        ImportOptions importOptions = options(csv);
        importOptions.skipBadRows = true;
        // WHEN it is skipped
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(report);
        QCOMPARE(report.value().skippedRows.size(), 1);
        QCOMPARE(report.value().skippedRows.first().message, u"Line 3, column 2 (Email): Person “Bo Li”: “bad-email” is not a valid e-mail address."_s);
        // THEN its organization is not added either
        QCOMPARE(report.value().organizationsCreated, 1);
        QCOMPARE(m_store->count(Kind::Organization), 1);
    }

    void shouldCountTheValuesOfAShortRowRight()
    {
        const CsvTable csv = table("name,email\nAna Ruiz,ana@harbor.example\nBo Chen\n");
        ImportOptions importOptions = options(csv);
        importOptions.skipBadRows = true;
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(report);
        QCOMPARE(report.value().skippedRows.size(), 1);
        QCOMPARE(report.value().skippedRows.first().message, u"Line 3: the row has 1 value, but the header has 2 columns."_s);
    }

    void shouldApplyUserOverridesAndRefuseUnknownOnes()
    {
        const QStringList headers{u"Who"_s, u"Mail"_s, u"Notes"_s};
        ColumnMapping mapping = ColumnMapping::guess(Kind::Person, headers);
        QCOMPARE(mapping.field(0), QString());
        QVERIFY(mapping.applyOverrides(Kind::Person, headers, u"who=name, Notes=ignore"_s));
        QCOMPARE(mapping.field(0), u"name"_s);
        QCOMPARE(mapping.field(1), u"email"_s);
        QCOMPARE(mapping.field(2), QString());
        const auto unknownColumn = mapping.applyOverrides(Kind::Person, headers, u"Phone=phone"_s);
        QVERIFY(!unknownColumn);
        QVERIFY(unknownColumn.error().message().contains(u"no column “Phone”"_s));
        const auto unknownField = mapping.applyOverrides(Kind::Person, headers, u"Who=shoe size"_s);
        QVERIFY(!unknownField);
        QVERIFY(unknownField.error().message().contains(u"“shoe size”"_s));
    }

    void shouldImportPeopleWithTheirOrganizationsByName()
    {
        // GIVEN an organization already there, and a CRM export naming it in other spelling
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"The Harbor Tenants' Union"_s}}));
        const CsvTable csv = table(
            "First Name,Last Name,Email,Organization,Job Title,City,Zip\n"
            "Ana,Ruiz,ana@harbor.example,harbor tenants union,Organizer,Oakland,94612\n"
            "José,Núñez,,Río Verde Alliance,Director,,\n");
        // WHEN
        auto report = Importer(*m_store).run(csv, options(csv));
        // THEN
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        QCOMPARE(report.value().organizationsCreated, 1);
        QCOMPARE(m_store->count(Kind::Organization), 2);
        const auto ana = personNamed(u"Ana Ruiz"_s);
        QVERIFY(ana);
        QCOMPARE(ana->value(u"title"_s).toString(), u"Organizer"_s);
        QCOMPARE(m_store->fetch(Kind::Organization, ana->value(u"organization_id"_s).toString())->value(u"name"_s).toString(), u"The Harbor Tenants' Union"_s);
        QCOMPARE(ana->value(u"notes"_s).toString(), u"City: Oakland\nZIP or postal code: 94612"_s);
        QVERIFY(!m_store->search(u"Núñez"_s).isEmpty());
    }

    void shouldStopAtTheFirstBadRowNamingLineAndColumnAndChangeNothing()
    {
        // GIVEN a bad e-mail on line 3
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Already Here"_s}}));
        const qint64 logBefore = changeLogRows();
        const CsvTable csv = table("name,email\nAna Ruiz,ana@harbor.example\nBo Chen,not an address\nCy,cy@x.example\n");
        // WHEN
        auto report = Importer(*m_store).run(csv, options(csv));
        // THEN
        QVERIFY(!report);
        QVERIFY2(report.error().message().startsWith(u"Line 3, column 2 (email): Person “Bo Chen”"_s), qPrintable(report.error().message()));
        QVERIFY(report.error().message().contains(u"Nothing was imported"_s));
        QCOMPARE(m_store->count(Kind::Person), 1);
        QCOMPARE(changeLogRows(), logBefore);
    }

    void shouldSkipBadRowsAndReportEachWhenAsked()
    {
        // GIVEN a ragged row, a row without a name and a bad e-mail
        const CsvTable csv = table("name,email\nAna Ruiz,ana@harbor.example\nBo Chen,bo@x.example,extra\n,nobody@x.example\nCy,bad\nDee,dee@x.example\n");
        ImportOptions importOptions = options(csv);
        importOptions.skipBadRows = true;
        // WHEN
        auto report = Importer(*m_store).run(csv, importOptions);
        // THEN
        QVERIFY(report);
        QCOMPARE(report.value().created, 2);
        const QList<RowProblem> skipped = report.value().skippedRows;
        QCOMPARE(skipped.size(), 3);
        QCOMPARE(skipped.at(0).line, 3);
        QVERIFY2(skipped.at(0).message.contains(u"the row has 3 values, but the header has 2 columns"_s), qPrintable(skipped.at(0).message));
        QCOMPARE(skipped.at(1).line, 4);
        QVERIFY(skipped.at(1).message.contains(u"the name is empty"_s));
        QCOMPARE(skipped.at(2).line, 5);
        QCOMPARE(skipped.at(2).column, 2);
        QCOMPARE(m_store->count(Kind::Person), 2);
    }

    void shouldReportRowsWhoseIdIsTakenInTheirPlace()
    {
        // GIVEN rows that bring their ids (as a vCard's UID does): line 3 the id of someone already
        // there, line 5 the id of line 2 again, then a bad e-mail on line 6
        auto here = m_store->create(Kind::Person, {{u"name"_s, u"Already Here"_s}});
        QVERIFY(here);
        const QString given = u"0b7e2c4a-9f1d-4e5f-8a9b-000000000042"_s;
        const CsvTable csv = table("name,email,uid\nAna Ruiz,ana@harbor.example," + given.toUtf8() + "\nBo Chen,bo@x.example," + here.value().toUtf8()
                                   + "\nCy,cy@x.example,\nDee,dee@x.example," + given.toUtf8() + "\nEd,bad,\nFay,fay@x.example,\n");
        ImportOptions importOptions = options(csv);
        importOptions.mapping.setField(2, u"id"_s);
        importOptions.skipBadRows = true;
        const qint64 logBefore = changeLogRows();

        // WHEN bad rows are skipped
        auto report = Importer(*m_store).run(csv, importOptions);

        // THEN the rows whose id is taken are reported in the order of the file, and the others are in
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 3);
        const QList<RowProblem> skipped = report.value().skippedRows;
        QCOMPARE(skipped.size(), 3);
        QCOMPARE(skipped.at(0).line, 3);
        QVERIFY2(skipped.at(0).message.startsWith(u"Line 3, column 1 (name): Person “Bo Chen” already exists"_s), qPrintable(skipped.at(0).message));
        QCOMPARE(skipped.at(1).line, 5);
        QVERIFY2(skipped.at(1).message.contains(u"Person “Dee” already exists"_s), qPrintable(skipped.at(1).message));
        QCOMPARE(skipped.at(2).line, 6);
        QCOMPARE(skipped.at(2).column, 2);
        QCOMPARE(m_store->count(Kind::Person), 4);
        QCOMPARE(m_store->fetch(Kind::Person, given)->value(u"name"_s).toString(), u"Ana Ruiz"_s);
        QCOMPARE(m_store->fetch(Kind::Person, here.value())->value(u"name"_s).toString(), u"Already Here"_s);
        QCOMPARE(changeLogRows(), logBefore + 3);
        QVERIFY(!m_store->search(u"Fay"_s, 10).isEmpty());

        // WHEN the same file is imported into a fresh copy without skipping bad rows
        init();
        QVERIFY(m_store->create(Kind::Person, {{u"id"_s, here.value()}, {u"name"_s, u"Already Here"_s}}));
        const qint64 logBeforeStop = changeLogRows();
        importOptions.skipBadRows = false;
        auto stopped = Importer(*m_store).run(csv, importOptions);

        // THEN the first of them stops the import, named by its line, and nothing is written
        QVERIFY(!stopped);
        QVERIFY2(stopped.error().message().startsWith(u"Line 3, column 1 (name): Person “Bo Chen” already exists"_s), qPrintable(stopped.error().message()));
        QVERIFY(stopped.error().message().contains(u"Nothing was imported"_s));
        QCOMPARE(m_store->count(Kind::Person), 1);
        QCOMPARE(changeLogRows(), logBeforeStop);
    }

    void shouldTreatDuplicatesAsChosen_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<qint64>("people");
        QTest::addColumn<QString>("phone");
        QTest::newRow("merge") << int(DuplicateAction::Merge) << qint64(2) << u"555-0100"_s;
        QTest::newRow("keep both") << int(DuplicateAction::KeepBoth) << qint64(4) << QString();
        QTest::newRow("skip") << int(DuplicateAction::Skip) << qint64(2) << QString();
    }

    void shouldTreatDuplicatesAsChosen()
    {
        QFETCH(int, action);
        QFETCH(qint64, people);
        QFETCH(QString, phone);
        // GIVEN Ana by e-mail (in another case) and Bo by name within his organization
        auto organization = m_store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}});
        QVERIFY(organization);
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"Ana@Harbor.example"_s}}));
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}, {u"organization_id"_s, organization.value()}, {u"title"_s, u"Chair"_s}}));
        const CsvTable csv = table(
            "name,email,phone,organization,title\n"
            "Ana R.,ana@harbor.EXAMPLE,555-0100,,\n"
            "bo chen,,,Rio Verde Alliance,Treasurer\n");
        ImportOptions importOptions = options(csv);
        importOptions.onDuplicate = DuplicateAction(action);
        // WHEN
        auto report = Importer(*m_store).run(csv, importOptions);
        // THEN
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(m_store->count(Kind::Person), people);
        QCOMPARE(m_store->count(Kind::Organization), 1);
        QCOMPARE(personNamed(u"Ana Ruiz"_s)->value(u"phone"_s).toString(), phone);
        // The existing title stays when merging.
        QCOMPARE(personNamed(u"Bo Chen"_s)->value(u"title"_s).toString(), u"Chair"_s);
    }

    void shouldKeepInTheAuditTheValuesThatLostEvenWhenNothingWasFilled()
    {
        // GIVEN Ana with a title and a phone
        auto ana = m_store->create(Kind::Person,
                                   {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}, {u"title"_s, u"Organizer"_s}, {u"phone"_s, u"555-0100"_s}});
        QVERIFY(ana);
        const Record before = *m_store->fetch(Kind::Person, ana.value());
        // WHEN a row matching her brings other values for both, and nothing new
        const CsvTable csv = table("name,email,phone,title\nANA RUIZ,Ana@X.example,555-0199,Director\n");
        ImportOptions importOptions = options(csv);
        importOptions.source = u"crm.csv"_s;
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(report);
        QCOMPARE(report.value().merged, 1);
        // THEN Ana keeps her values, and the audit keeps the ones that lost
        QCOMPARE(*m_store->fetch(Kind::Person, ana.value()), before);
        QCOMPARE(report.value().mergeIds.size(), 1);
        const QList<MergeEntry> history = Duplicates::history(*m_store);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().source, u"Line 2 — crm.csv"_s);
        QCOMPARE(history.first().lostValues, (QStringList{u"title “Director”"_s, u"phone “555-0199”"_s}));
        // AND undoing it changes nothing of Ana's
        QVERIFY(Duplicates::undoMerge(*m_store, report.value().mergeIds.first()));
        QCOMPARE(*m_store->fetch(Kind::Person, ana.value()), before);
        QVERIFY(Duplicates::history(*m_store).first().undone);
    }

    void shouldLeaveNoAuditWhenTheSameFileIsImportedAgain()
    {
        const CsvTable csv = table("name,email,title\nAna Ruiz,ana@x.example,Organizer\nBo Chen,bo@x.example,\n");
        QVERIFY(Importer(*m_store).run(csv, options(csv)));
        auto again = Importer(*m_store).run(csv, options(csv));
        QVERIFY(again);
        QCOMPARE(again.value().merged, 2);
        QVERIFY(again.value().mergeIds.isEmpty());
        QVERIFY(Duplicates::history(*m_store).isEmpty());
    }

    void shouldMakeEachImportMergeUndoable()
    {
        // GIVEN Ana without a phone
        auto ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@x.example"_s}, {u"title"_s, u"Organizer"_s}});
        QVERIFY(ana);
        const Record before = *m_store->fetch(Kind::Person, ana.value());
        const CsvTable csv = table("name,email,phone,title\nAna R.,ANA@x.example,  555-0100 ,Director\n");
        ImportOptions importOptions = options(csv);
        importOptions.source = u"crm.csv"_s;
        // WHEN importing a row that matches her
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(report);
        QCOMPARE(report.value().mergeIds.size(), 1);
        QCOMPARE(m_store->fetch(Kind::Person, ana.value())->value(u"phone"_s).toString(), u"555-0100"_s);
        // THEN the audit says where the values came from, with the ones that lost
        const QList<MergeEntry> history = Duplicates::history(*m_store);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().keptId, ana.value());
        QCOMPARE(history.first().source, u"Line 2 — crm.csv"_s);
        QCOMPARE(history.first().mergedName, u"Ana R."_s);
        // AND undoing it gives Ana back as she was
        QVERIFY(Duplicates::undoMerge(*m_store, report.value().mergeIds.first()));
        QCOMPARE(*m_store->fetch(Kind::Person, ana.value()), before);
    }

    void shouldNotTakeNamesakesWithDifferentAddressesForDuplicates()
    {
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"John Smith"_s}, {u"email"_s, u"john@one.example"_s}}));
        const CsvTable csv = table("name,email\nJohn Smith,john@two.example\nJohn Smith,\n");
        auto report = Importer(*m_store).run(csv, options(csv));
        QVERIFY(report);
        QCOMPARE(report.value().created, 1);
        QCOMPARE(report.value().merged, 1);
        QCOMPARE(m_store->count(Kind::Person), 2);
    }

    void shouldAskPerMatchWhenAChooserIsGiven()
    {
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Harbor Tenants Union"_s}}));
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Río Verde Alliance"_s}}));
        const CsvTable csv = table("Organization,Website\nTHE HARBOR TENANTS UNION,https://harbor.example\nRio Verde Alliance!,https://rio.example\n");
        ImportOptions importOptions = options(csv, Kind::Organization);
        QList<int> asked;
        importOptions.chooseDuplicate = [&asked](const DuplicateMatch &match) {
            asked << match.line;
            return match.line == 2 ? DuplicateAction::Merge : DuplicateAction::KeepBoth;
        };
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(report);
        QCOMPARE(asked, QList<int>({2, 3}));
        QCOMPARE(report.value().merged, 1);
        QCOMPARE(report.value().keptBoth, 1);
        QCOMPARE(m_store->count(Kind::Organization), 3);
    }

    void shouldImportFilesFarLongerThanTheRowsMadeReadyAhead_data()
    {
        QTest::addColumn<int>("newEvery");
        QTest::newRow("almost every row merged") << 4000;
        QTest::newRow("one row in three new") << 3;
    }

    void shouldImportFilesFarLongerThanTheRowsMadeReadyAhead()
    {
        // GIVEN 40,000 rows, made ready a few thousand ahead of the writes: a new person now and
        // then, and rows that repeat the last new person's e-mail address, merged and never written
        QFETCH(int, newEvery);
        QByteArray data = "name,email,title\n";
        int expectedNew = 0;
        for (int i = 0; i < 40000; ++i) {
            if (i % newEvery == 0) {
                data += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@x.example,\n";
                ++expectedNew;
            } else {
                data += "Someone,p" + QByteArray::number((i / newEvery) * newEvery) + "@x.example,Title " + QByteArray::number(i) + '\n';
            }
        }
        const CsvTable csv = table(data);
        ImportOptions importOptions = options(csv);
        importOptions.onDuplicate = DuplicateAction::Merge;
        // WHEN
        auto report = Importer(*m_store).run(csv, importOptions);
        // THEN every row is accounted for, in the order of the file
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, expectedNew);
        QCOMPARE(report.value().merged, 40000 - expectedNew);
        QCOMPARE(m_store->count(Kind::Person), expectedNew);
        // the first row merged into an empty title gave it its value
        const auto first = personNamed(u"Person 0"_s);
        QVERIFY(first);
        QCOMPARE(first->value(u"title"_s).toString(), u"Title 1"_s);
        const QString last = u"Person %1"_s.arg(((40000 - 1) / newEvery) * newEvery);
        QVERIFY2(personNamed(last), qPrintable(last));
        QVERIFY(!m_store->search(last).isEmpty());
    }

    void shouldStopAtABadRowFarIntoALargeFileAndChangeNothing()
    {
        // GIVEN 30,000 rows with a bad e-mail address on line 25,002
        QByteArray data = "name,email\n";
        for (int i = 0; i < 30000; ++i) {
            data += "Person " + QByteArray::number(i) + ',' + (i == 25000 ? QByteArray("not an address") : "p" + QByteArray::number(i) + "@x.example") + '\n';
        }
        const CsvTable csv = table(data);
        const qint64 logBefore = changeLogRows();
        // WHEN
        auto report = Importer(*m_store).run(csv, options(csv));
        // THEN
        QVERIFY(!report);
        QVERIFY2(report.error().message().startsWith(u"Line 25002, column 2 (email): Person “Person 25000”"_s), qPrintable(report.error().message()));
        QCOMPARE(m_store->count(Kind::Person), 0);
        QCOMPARE(changeLogRows(), logBefore);
    }

    void shouldRollBackWhenCancelled()
    {
        QByteArray data = "name\n";
        for (int i = 0; i < 2000; ++i) {
            data += "Person " + QByteArray::number(i) + '\n';
        }
        const CsvTable csv = table(data);
        ImportOptions importOptions = options(csv);
        importOptions.progress = [](qint64 done, qint64) {
            return done < 1000;
        };
        auto report = Importer(*m_store).run(csv, importOptions);
        QVERIFY(!report);
        QVERIFY(report.error().message().contains(u"cancelled"_s));
        QCOMPARE(m_store->count(Kind::Person), 0);
    }

    void shouldPreviewProblemsWithoutWriting()
    {
        const CsvTable csv = table("name,email\nAna,ana@x.example\nBo,nope\n");
        const QList<RowProblem> problems = Importer::preview(csv, options(csv));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 3);
        QCOMPARE(problems.first().column, 2);
        QCOMPARE(m_store->count(Kind::Person), 0);
    }
};

CHORUS_TEST_MAIN(ImporterTest)

#include "importertest.moc"
