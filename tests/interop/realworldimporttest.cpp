// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/csvreader.h"
#include "interop/importer.h"
#include "interop/vcard.h"
#include "store/store.h"

#include <QFile>
#include <QImage>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

/**
 * Files written the way other tools export people and organizations (tests/data/realworld):
 * Action Network, CiviCRM, Google Sheets and Excel CSV files; Google Contacts, Apple Contacts,
 * Thunderbird and vCard 2.1 address books. Each goes through the import as the app and the CLI
 * run it (the guessed column mapping, no user help), and what comes in is checked field by field.
 */
class RealWorldImportTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;

    static QByteArray fixture(const QString &name)
    {
        QFile file(QStringLiteral(CHORUS_TEST_DATA "/realworld/") + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// Imports a CSV fixture with the guessed mapping; the report, or a failure naming the problem.
    Result<ImportReport> importCsv(const QString &name, Kind kind, QString *encoding = nullptr)
    {
        auto table = CsvReader::read(fixture(name));
        if (!table) {
            return table.error();
        }
        if (encoding) {
            *encoding = table.value().encoding;
        }
        ImportOptions options;
        options.kind = kind;
        options.mapping = ColumnMapping::guess(kind, table.value().headers);
        options.source = name;
        return Importer(*m_store).run(table.value(), options);
    }

    Record one(Kind kind, const QString &name)
    {
        const QList<Record> found = m_store->fetchAll(kind, u"name"_s, name);
        return found.size() == 1 ? found.first() : Record();
    }

    QString organizationOf(const Record &person)
    {
        const auto organization = m_store->fetch(Kind::Organization, person.value(u"organization_id"_s).toString());
        return organization ? organization->value(u"name"_s).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        auto store = Store::Store::open(u":memory:"_s);
        QVERIFY(store);
        m_store = std::move(store).value();
    }

    void actionNetworkPeople()
    {
        const auto report = importCsv(u"actionnetwork-people.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 3);
        const Record rosa = one(Kind::Person, u"Rosa Martínez"_s);
        QCOMPARE(rosa.value(u"email"_s).toString(), u"rosa.martinez@example.org"_s);
        QCOMPARE(rosa.value(u"phone"_s).toString(), u"(415) 555-0101"_s);
        QCOMPARE(organizationOf(rosa), u"Bay Tenants Union"_s);
        const QString notes = rosa.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"Address: 2100 Mission St"_s) && notes.contains(u"City: San Francisco"_s) && notes.contains(u"ZIP or postal code: 94110"_s)
                     && notes.contains(u"State or province: CA"_s),
                 qPrintable(notes));
        QCOMPARE(organizationOf(one(Kind::Person, u"Aiyana Whitehorse"_s)), u"Water Protectors, Inc."_s);
        QCOMPARE(one(Kind::Person, u"Dmitri O'Neill"_s).value(u"email"_s).toString().toLower(), u"doneill@example.org"_s);
    }

    void civicrmIndividuals()
    {
        // Location types in parentheses ("Email (Home)"), every value quoted, CRLF, a note over two lines.
        const auto report = importCsv(u"civicrm-individuals.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 3);
        QCOMPARE(report.value().organizationsCreated, 1);
        const Record grace = one(Kind::Person, u"Ms. Grace Okafor"_s);
        QCOMPARE(grace.value(u"email"_s).toString(), u"grace.okafor@example.org"_s);
        QCOMPARE(grace.value(u"phone"_s).toString(), u"510-555-0142"_s);
        QCOMPARE(grace.value(u"title"_s).toString(), u"Spokesperson"_s);
        QCOMPARE(organizationOf(grace), u"Lagos Street Vendors Association"_s);
        QVERIFY2(grace.value(u"notes"_s).toString().contains(u"City: Oakland"_s), qPrintable(grace.value(u"notes"_s).toString()));
        const Record tomas = one(Kind::Person, u"Tomás Ñúñez"_s);
        QCOMPARE(tomas.value(u"email"_s).toString(), u"tnunez@example.com"_s);
        QCOMPARE(tomas.value(u"notes"_s).toString(), u"Met at the\nMarch rally"_s);
        QCOMPARE(organizationOf(one(Kind::Person, u"Dr. Li Wei"_s)), u"Lagos Street Vendors Association"_s);
    }

    void civicrmOrganizations()
    {
        const auto report = importCsv(u"civicrm-organizations.csv"_s, Kind::Organization);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record lsva = one(Kind::Organization, u"Lagos Street Vendors Association"_s);
        QCOMPARE(lsva.value(u"short_name"_s).toString(), u"LSVA"_s);
        QCOMPARE(lsva.value(u"website"_s).toString(), u"https://lsva.example.org"_s);
        QVERIFY2(lsva.value(u"notes"_s).toString().contains(u"City: Oakland"_s), qPrintable(lsva.value(u"notes"_s).toString()));
        QCOMPARE(one(Kind::Organization, u"Clean Air Now"_s).value(u"short_name"_s).toString(), u"CAN"_s);
    }

    void googleSheetsPeople()
    {
        const auto report = importCsv(u"googlesheets-people.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 3);
        const Record priya = one(Kind::Person, u"Priya Raman"_s);
        QCOMPARE(priya.value(u"title"_s).toString(), u"Organizer"_s);
        QCOMPARE(priya.value(u"notes"_s).toString(), u"Prefers Signal.\nSpeaks Tamil and English."_s);
        QCOMPARE(organizationOf(priya), u"Clean Air Now"_s);
        QCOMPARE(organizationOf(one(Kind::Person, u"Baptiste, Jean-Luc"_s)), u"Clean Air Now"_s);
        QCOMPARE(one(Kind::Person, u"Sam Lee"_s).value(u"notes"_s).toString(), u"He said \"call me after 6\""_s);
    }

    void outlookContacts()
    {
        // Outlook's "Title" is "Ms." and its "Job Title" the job; a column per phone and e-mail.
        const auto report = importCsv(u"outlook-contacts.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record maria = one(Kind::Person, u"María José Fernández"_s);
        QCOMPARE(maria.value(u"title"_s).toString(), u"Portavoz"_s);
        QCOMPARE(maria.value(u"email"_s).toString(), u"maria.fernandez@sut.example"_s);
        QCOMPARE(organizationOf(maria), u"Sindicato Unido de Trabajadores"_s);
        // The mobile is the phone, the office phone is kept in the notes...
        QCOMPARE(maria.value(u"phone"_s).toString(), u"+34 600 111 222"_s);
        const QString notes = maria.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"Other phone: +34 910 000 001"_s) && notes.contains(u"Other e-mail: mjf@home.example"_s)
                     && notes.contains(u"Prefers Spanish"_s) && notes.contains(u"City: Madrid"_s),
                 qPrintable(notes));
        // ... and stands in for a missing mobile.
        const Record kwame = one(Kind::Person, u"Kwame Mensah"_s);
        QCOMPARE(kwame.value(u"phone"_s).toString(), u"+44 113 000 0000"_s);
        QCOMPARE(kwame.value(u"title"_s).toString(), u"Executive Director"_s);
    }

    void linkedInConnections()
    {
        // Three lines of notes above the header; a connection without an e-mail.
        QString encoding;
        const auto report = importCsv(u"linkedin-connections.csv"_s, Kind::Person, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record aisha = one(Kind::Person, u"Aisha Bello"_s);
        QCOMPARE(aisha.value(u"title"_s).toString(), u"Organizer"_s);
        QCOMPARE(organizationOf(aisha), u"Tenants Together"_s);
        QVERIFY(aisha.value(u"email"_s).toString().isEmpty());
        const Record lars = one(Kind::Person, u"Lars Øberg"_s);
        QCOMPARE(lars.value(u"email"_s).toString(), u"lars@fjord.example"_s);
        QCOMPARE(organizationOf(lars), u"Fjord Climate, Inc."_s);
    }

    void salesforceContacts()
    {
        // Salesforce's contacts belong to an "Account Name", live at a "Mailing" address.
        const auto report = importCsv(u"salesforce-contacts.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record pedro = one(Kind::Person, u"Pedro Álvarez"_s);
        QCOMPARE(organizationOf(pedro), u"Vecinos por el Agua"_s);
        QCOMPARE(pedro.value(u"title"_s).toString(), u"Coordinator"_s);
        QCOMPARE(pedro.value(u"phone"_s).toString(), u"+51 1 000 0000"_s);
        const QString notes = pedro.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"Other phone: +51 900 000 000"_s) && notes.contains(u"Address: Av. Arequipa 100"_s) && notes.contains(u"Country: Peru"_s),
                 qPrintable(notes));
        // No office phone: the mobile is the phone.
        QCOMPARE(one(Kind::Person, u"Grace Okafor"_s).value(u"phone"_s).toString(), u"510-555-0142"_s);
    }

    void nationBuilderPeople()
    {
        const auto report = importCsv(u"nationbuilder-people.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record nadia = one(Kind::Person, u"Nadia Haddad"_s);
        QCOMPARE(nadia.value(u"title"_s).toString(), u"Campaign Manager"_s);
        QCOMPARE(nadia.value(u"phone"_s).toString(), u"(555) 010-0200"_s);
        QCOMPARE(organizationOf(nadia), u"Justice Coalition"_s);
        QVERIFY2(nadia.value(u"notes"_s).toString().contains(u"Address: 10 Main St"_s), qPrintable(nadia.value(u"notes"_s).toString()));
        const Record omar = one(Kind::Person, u"Omar Farouk"_s);
        QCOMPARE(omar.value(u"phone"_s).toString(), u"(555) 010-0300"_s);
        QVERIFY2(omar.value(u"notes"_s).toString().contains(u"Other phone: (555) 010-0301"_s), qPrintable(omar.value(u"notes"_s).toString()));
    }

    void mailchimpAudience()
    {
        const auto report = importCsv(u"mailchimp-audience.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 1);
        const Record zoe = one(Kind::Person, u"Zoë Adams"_s);
        QCOMPARE(zoe.value(u"email"_s).toString(), u"zoe@rivers.example"_s);
        QCOMPARE(zoe.value(u"phone"_s).toString(), u"555-0100"_s);
        QCOMPARE(organizationOf(zoe), u"Rivers Alliance"_s);
    }

    void excelSpanishWindows1252()
    {
        // Windows-1252, semicolons, CRLF, Spanish headers, and Excel's empty trailing columns.
        QString encoding;
        const auto report = importCsv(u"excel-es-people-1252.csv"_s, Kind::Person, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(encoding, u"windows-1252"_s);
        QCOMPARE(report.value().created, 3);
        const Record jose = one(Kind::Person, u"José Martínez Ibáñez"_s);
        QCOMPARE(jose.value(u"email"_s).toString(), u"jose.martinez@example.es"_s);
        QCOMPARE(jose.value(u"title"_s).toString(), u"Presidente"_s);
        QCOMPARE(organizationOf(jose), u"Asociación Vecinal La Peña"_s);
        QVERIFY2(jose.value(u"notes"_s).toString().contains(u"City: Córdoba"_s), qPrintable(jose.value(u"notes"_s).toString()));
        QVERIFY(!one(Kind::Person, u"Zoë Ångström"_s).isEmpty());
    }

    void excelUtf8WithBomAndSeparatorHint()
    {
        QString encoding;
        const auto report = importCsv(u"excel-organizations-utf8-bom.csv"_s, Kind::Organization, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(encoding, u"UTF-8"_s);
        QCOMPARE(report.value().created, 2);
        const Record pena = one(Kind::Organization, u"Asociación Vecinal La Peña"_s);
        QCOMPARE(pena.value(u"short_name"_s).toString(), u"AVLP"_s);
        QCOMPARE(pena.value(u"people_represented"_s).toLongLong(), 1200);
        QCOMPARE(pena.value(u"boilerplate"_s).toString(), u"Vecinos del barrio; desde 1979."_s);
        QVERIFY(!one(Kind::Organization, u"Plataforma Ciudadana “Aire Limpio”"_s).isEmpty());
    }

    void googleContactsCsvKeepsEverySeveralValuesCell()
    {
        // Google Contacts puts a person's several e-mail addresses or numbers of one kind in one
        // cell, " ::: " between them; further ones in "E-mail 2 - Value" and "Phone 2 - Value".
        const auto report = importCsv(u"google-contacts.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 4);
        QVERIFY(report.value().skippedRows.isEmpty());

        // Her middle name ("Middle Name") is part of her name.
        const Record ana = one(Kind::Person, u"Ana María Ruiz"_s);
        QCOMPARE(ana.value(u"email"_s).toString(), u"ana.ruiz@techworkers.example"_s);
        QCOMPARE(ana.value(u"phone"_s).toString(), u"+1 510-555-0101"_s);
        QCOMPARE(ana.value(u"title"_s).toString(), u"Organizer"_s);
        QCOMPARE(organizationOf(ana), u"Tech Workers United"_s);
        const QString anaNotes = ana.value(u"notes"_s).toString();
        QVERIFY2(anaNotes.startsWith(u"Met at the May Day march\n"_s), qPrintable(anaNotes));
        QVERIFY2(anaNotes.contains(u"Other e-mail: ana@ruiz-home.example"_s), qPrintable(anaNotes));
        QVERIFY2(anaNotes.contains(u"Other phone: +1 510-555-0199"_s), qPrintable(anaNotes));
        QVERIFY2(anaNotes.contains(u"City: Oakland"_s), qPrintable(anaNotes));

        const Record jose = one(Kind::Person, u"José Núñez"_s);
        QCOMPARE(jose.value(u"email"_s).toString(), u"jose@baytenants.example"_s);
        QCOMPARE(jose.value(u"phone"_s).toString(), u"(415) 555-0142"_s);
        const QString joseNotes = jose.value(u"notes"_s).toString();
        QVERIFY2(joseNotes.contains(u"Other e-mail: jnunez@mail.example\nOther e-mail: jose.nunez@old.example"_s), qPrintable(joseNotes));
        QVERIFY2(joseNotes.contains(u"Other phone: (415) 555-0177"_s), qPrintable(joseNotes));

        const Record mei = one(Kind::Person, u"Mei Chen"_s);
        QCOMPARE(mei.value(u"phone"_s).toString(), u"+1 628-555-0110"_s);
        QVERIFY(mei.value(u"email"_s).toString().isEmpty());
        QCOMPARE(mei.value(u"notes"_s).toString(),
                 u"Prefers Signal.\nSpeaks Cantonese, Mandarin and English.\nOther phone: +1 628-555-0111\nOther phone: +1 628-555-0112"_s);

        QCOMPARE(one(Kind::Person, u"Kwame Mensah"_s).value(u"email"_s).toString().toLower(), u"kmensah@cleanair.example"_s);

        // No value anywhere is the garbled "a ::: b".
        for (const Record &person : m_store->fetchAll(Kind::Person)) {
            for (auto it = person.constBegin(); it != person.constEnd(); ++it) {
                QVERIFY2(!it.value().toString().contains(u":::"_s), qPrintable(it.key() + u": "_s + it.value().toString()));
            }
        }

        // The other addresses and numbers go back out as a vCard's own.
        const QByteArray cards = VCard::exportPeople(*m_store);
        QVERIFY(cards.contains("ana@ruiz-home.example"));
        QVERIFY(cards.contains("+1 510-555-0199"));
        QVERIFY(cards.contains("jose.nunez@old.example"));
    }

    void googleContactsVCard()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"google-contacts.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 2);
        const Record rosa = one(Kind::Person, u"Rosa Martínez"_s);
        QCOMPARE(rosa.value(u"email"_s).toString(), u"rosa.martinez@example.org"_s);
        QCOMPARE(rosa.value(u"phone"_s).toString(), u"(415) 555-0101"_s);
        QCOMPARE(rosa.value(u"title"_s).toString(), u"Organizer"_s);
        QCOMPARE(organizationOf(rosa), u"Bay Tenants Union"_s);
        const QString notes = rosa.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"rosa@baytenants.example.org"_s) && notes.contains(u"Address: 2100 Mission St"_s) && notes.contains(u"City: San Francisco"_s),
                 qPrintable(notes));
        // A photo by address is never fetched.
        QVERIFY(rosa.value(u"photo"_s).toByteArray().isEmpty());
        const Record kenji = one(Kind::Person, u"Kenji Watanabe"_s);
        QCOMPARE(kenji.value(u"email"_s).toString(), u"kenji@example.jp"_s);
        QCOMPARE(kenji.value(u"notes"_s).toString(), u"Translator for the Tokyo delegation.\nAvailable weekends."_s);
    }

    void androidVCard21()
    {
        // Android's export: vCard 2.1, quoted-printable UTF-8, a note over two lines, custom fields.
        const auto imported = VCard::importPeople(*m_store, fixture(u"android-contacts.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 2);
        const Record lucia = one(Kind::Person, u"Lucía Gómez"_s);
        QCOMPARE(lucia.value(u"phone"_s).toString(), u"+34600111222"_s);
        QCOMPARE(lucia.value(u"title"_s).toString(), u"Portavoz"_s);
        QCOMPARE(organizationOf(lucia), u"Plataforma por el Agua"_s);
        // Line ends as Chorus keeps them, whatever the file's.
        QCOMPARE(lucia.value(u"notes"_s).toString(), u"Prefiere WhatsApp.\nNo llamar antes de las 9.\nOther phone: +34910000000"_s);
        QCOMPARE(one(Kind::Person, u"Grace Okafor"_s).value(u"phone"_s).toString(), u"510-555-0142"_s);
    }

    void iCloudPreferredPhone()
    {
        // The phone marked preferred is the phone, even after a grouped (item2.TEL) one.
        const auto imported = VCard::importPeople(*m_store, fixture(u"icloud-preferred.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record zoe = one(Kind::Person, u"Zoë Østergaard"_s);
        QCOMPARE(zoe.value(u"phone"_s).toString(), u"+47 900 00 000"_s);
        QCOMPARE(zoe.value(u"email"_s).toString(), u"zoe@fjord.example"_s);
        QVERIFY2(zoe.value(u"notes"_s).toString().contains(u"Other phone: +47 22 00 00 00"_s), qPrintable(zoe.value(u"notes"_s).toString()));
    }

    void vcard4PhoneAndPhotoAsUris()
    {
        // vCard 4.0: TEL;VALUE=uri:tel:..., PHOTO:data:image/png;base64,...
        const auto imported = VCard::importPeople(*m_store, fixture(u"vcard4-uris.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record kwame = one(Kind::Person, u"Kwame Mensah"_s);
        QCOMPARE(kwame.value(u"phone"_s).toString(), u"+44-113-000-0000"_s);
        QImage photo;
        QVERIFY(photo.loadFromData(kwame.value(u"photo"_s).toByteArray(), "PNG"));
        QCOMPARE(photo.size(), QSize(1, 1));
    }

    void appleContactsVCard()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"apple-contacts.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 2);
        const Record grace = one(Kind::Person, u"Grace Okafor"_s);
        QCOMPARE(grace.value(u"email"_s).toString(), u"grace.okafor@example.org"_s);
        QCOMPARE(organizationOf(grace), u"Lagos Street Vendors Association"_s);
        QCOMPARE(grace.value(u"title"_s).toString(), u"Spokesperson"_s);
        // The folded base64 photo comes in whole.
        const QByteArray photo = grace.value(u"photo"_s).toByteArray();
        QVERIFY(photo.startsWith("\xff\xd8\xff\xe0"));
        QVERIFY(photo.endsWith("\xff\xd9"));
        QCOMPARE(one(Kind::Person, u"Tomás Ñúñez"_s).value(u"notes"_s).toString(),
                 u"Met at the March rally. Wants to help with the Spanish translation of the leaflets."_s);
    }

    void thunderbirdVCard4()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"thunderbird.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 2);
        const Record priya = one(Kind::Person, u"Priya Raman"_s);
        QCOMPARE(priya.value(u"email"_s).toString(), u"priya@example.org"_s);
        QCOMPARE(priya.value(u"phone"_s).toString(), u"+44 20 7946 0018"_s);
        QCOMPARE(organizationOf(priya), u"Clean Air Now"_s);
        QVERIFY(priya.value(u"notes"_s).toString().contains(u"priya.raman@cleanair.example.net"_s));
        QCOMPARE(one(Kind::Person, u"Sam Lee"_s).value(u"email"_s).toString(), u"sam@example.com"_s);
    }

    void vcard21QuotedPrintable()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"vcard21-quoted-printable.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 1);
        const Record jose = one(Kind::Person, u"José Ibáñez"_s);
        QCOMPARE(jose.value(u"email"_s).toString(), u"jose@example.es"_s);
        QCOMPARE(jose.value(u"phone"_s).toString(), u"+34600000001"_s);
        QVERIFY2(jose.value(u"notes"_s).toString().contains(u"una línea muy larga que sigue aquí."_s), qPrintable(jose.value(u"notes"_s).toString()));
    }

    void vcardWithByteOrderMarkAndWindowsEncoding()
    {
        // Saved by a Windows editor: a UTF-8 byte order mark; and an old file in Windows-1252.
        QByteArray bom = "\xef\xbb\xbf" + fixture(u"thunderbird.vcf"_s);
        const auto withBom = VCard::importPeople(*m_store, bom);
        QVERIFY2(withBom, withBom ? "" : qPrintable(withBom.error().message()));
        QCOMPARE(withBom.value(), 2);
        const auto windows = VCard::importPeople(*m_store, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xe9 Pe\xf1\x61\r\nEND:VCARD\r\n");
        QVERIFY2(windows, windows ? "" : qPrintable(windows.error().message()));
        QStringList names;
        for (const Record &person : m_store->fetchAll(Kind::Person)) {
            names << person.value(u"name"_s).toString();
        }
        QVERIFY2(names.contains(u"José Peña"_s), qPrintable(names.join(u", ")));
    }

    void everyActionVanExport()
    {
        // Tab separated, CRLF; the e-mail in "PreferredEmail", the ZIP in "Zip5".
        const auto report = importCsv(u"everyaction-van-export.txt"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        const Record elena = one(Kind::Person, u"Elena M García"_s);
        QCOMPARE(elena.value(u"email"_s).toString(), u"elena.garcia@example.org"_s);
        QCOMPARE(elena.value(u"phone"_s).toString(), u"303-555-0111"_s);
        QCOMPARE(elena.value(u"title"_s).toString(), u"RN"_s);
        QCOMPARE(organizationOf(elena), u"Denver Nurses United"_s);
        const QString notes = elena.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"State or province: CO"_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"ZIP or postal code: 80203"_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"Other phone: 303-555-0110"_s), qPrintable(notes));
        QCOMPARE(one(Kind::Person, u"Seán O'Connor"_s).value(u"phone"_s).toString(), u"720-555-0192"_s);
    }

    void hubSpotContacts()
    {
        const auto report = importCsv(u"hubspot-contacts.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        const Record priya = one(Kind::Person, u"Priya Raman"_s);
        QCOMPARE(organizationOf(priya), u"Boston Climate Action"_s);
        QCOMPARE(priya.value(u"phone"_s).toString(), u"+1 (617) 555-0123"_s);
        const QString notes = priya.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"Address: 1 Main St, Apt 2"_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"State or province: MA"_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"ZIP or postal code: 02110"_s), qPrintable(notes));
    }

    void civicrmExportContactsWithSupplementalAddress()
    {
        const auto report = importCsv(u"civicrm-export-contacts.csv"_s, Kind::Person);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        const Record marta = one(Kind::Person, u"Marta Kowalska"_s);
        QCOMPARE(organizationOf(marta), u"Fundacja Ziemia"_s);
        const QString notes = marta.value(u"notes"_s).toString();
        QVERIFY2(notes.contains(u"Address: ul. Długa 5, m. 3\nCity: Kraków"_s), qPrintable(notes));
        QCOMPARE(organizationOf(one(Kind::Person, u"José Ñúñez"_s)), u"The Fundación Ñandú"_s);
    }

    void spreadsheetTotalsRowIsLeftOut()
    {
        const auto report = importCsv(u"spreadsheet-organizations-totals-row.csv"_s, Kind::Organization);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 2);
        QCOMPARE(m_store->count(Kind::Organization), 2);
        QCOMPARE(report.value().leftOut.size(), 1);
        QVERIFY2(report.value().leftOut.first().message.startsWith(u"Line 4: a row of totals"_s), qPrintable(report.value().leftOut.first().message));
        QCOMPARE(one(Kind::Organization, u"Beta Group"_s).value(u"people_represented"_s).toLongLong(), 80);
    }

    void excelPolishWindows1250()
    {
        QString encoding;
        const auto report = importCsv(u"excel-pl-people-1250.csv"_s, Kind::Person, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(encoding, u"windows-1250"_s);
        const Record lukasz = one(Kind::Person, u"Łukasz Wiśniewski"_s);
        QCOMPARE(lukasz.value(u"email"_s).toString(), u"lukasz@example.pl"_s);
        QCOMPARE(organizationOf(lukasz), u"Związek Zawodowy Śląsk"_s);
        QCOMPARE(lukasz.value(u"notes"_s).toString(), u"City: Łódź"_s);
        QCOMPARE(one(Kind::Person, u"Zdeněk Dvořák"_s).value(u"email"_s).toString(), u"zd@example.cz"_s);
    }

    void frenchIso885915WithEuroSign()
    {
        QString encoding;
        const auto report = importCsv(u"fr-people-iso885915.csv"_s, Kind::Person, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(encoding, u"ISO-8859-15"_s);
        const Record eloise = one(Kind::Person, u"Éloïse Dupont"_s);
        QCOMPARE(eloise.value(u"email"_s).toString(), u"eloise@example.fr"_s);
        QCOMPARE(eloise.value(u"notes"_s).toString(), u"Cotisation 20 €"_s);
        QCOMPARE(organizationOf(eloise), u"Cœur Solidaire"_s);
    }

    void excelForMacCsvMacintosh()
    {
        QString encoding;
        const auto report = importCsv(u"excel-mac-csv-macintosh.csv"_s, Kind::Person, &encoding);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(encoding, u"macintosh"_s);
        QCOMPARE(organizationOf(one(Kind::Person, u"José Pérez"_s)), u"Café Ñ"_s);
    }

    void evolutionVCardWithEscapedSemicolons()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"evolution.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record hiro = one(Kind::Person, u"Hiro Nakamura"_s);
        QCOMPARE(organizationOf(hiro), u"Tokyo Rail Union"_s);
        const QString notes = hiro.value(u"notes"_s).toString();
        QVERIFY2(notes.startsWith(u"Speaks Japanese and English; prefers e-mail.\nCall after 6pm."_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"Other e-mail: hiro@home.example"_s), qPrintable(notes));
    }

    void nextcloudVCardWithPhotoAsDataUri()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"nextcloud.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record ingrid = one(Kind::Person, u"Ingrid Solberg"_s);
        QCOMPARE(organizationOf(ingrid), u"Klimaaksjonen Oslo"_s);
        QCOMPARE(ingrid.value(u"phone"_s).toString(), u"+47 400 00 000"_s);
        QVERIFY(ingrid.value(u"photo"_s).toByteArray().startsWith("\x89PNG"));
    }

    void protonVCardWithGroupedPreferredAddresses()
    {
        const auto imported = VCard::importPeople(*m_store, fixture(u"proton.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record amara = one(Kind::Person, u"Amara Nwosu"_s);
        QCOMPARE(amara.value(u"email"_s).toString(), u"amara@proton.example"_s);
        QCOMPARE(amara.value(u"notes"_s).toString(), u"Other e-mail: amara.nwosu@work.example"_s);
        QCOMPARE(organizationOf(amara), u"Lagos Climate Network"_s);
    }

    void vcard21WithACharsetOnSomeLinesOnly()
    {
        // An old phone's Latin-1 file: quoted-printable lines name their charset, the others not.
        const auto imported = VCard::importPeople(*m_store, fixture(u"vcard21-latin1-charset-on-some-lines.vcf"_s));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(organizationOf(one(Kind::Person, u"Jürgen Müller"_s)), u"Grüne Straße e.V."_s);
        QCOMPARE(one(Kind::Person, u"Lucía Ibáñez"_s).value(u"phone"_s).toString(), u"91 555 01 02"_s);
    }

    void contactGroupsAreLeftOutAndOrganizationCardsBecomeOrganizations()
    {
        // GIVEN a vCard 4.0 group, an Apple group, an Apple company card, a KIND:org card and a
        // person of that organization
        ImportOptions options;
        const auto report = VCard::importPeople(*m_store, fixture(u"groups-and-company-cards.vcf"_s), options);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        // THEN the people are people, the organizations organizations, and the groups left out
        QStringList names;
        for (const Record &person : m_store->fetchAll(Kind::Person)) {
            names << person.value(u"name"_s).toString();
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"Maria Lopez"_s, u"Real Person"_s}));
        QCOMPARE(m_store->count(Kind::Organization), 2);
        const Record acme = one(Kind::Organization, u"Acme Tenants Union"_s);
        QCOMPARE(acme.value(u"notes"_s).toString(), u"Other e-mail: info@acme.example"_s);
        const Record greenpeace = one(Kind::Organization, u"Greenpeace Local Chapter"_s);
        QCOMPARE(greenpeace.value(u"notes"_s).toString(), u"Other e-mail: info@gp.example"_s);
        QCOMPARE(organizationOf(one(Kind::Person, u"Maria Lopez"_s)), u"Greenpeace Local Chapter"_s);
        QCOMPARE(report.value().organizationsCreated, 2);
        QCOMPARE(report.value().leftOut.size(), 2);
        QVERIFY2(report.value().leftOut.at(0).message.contains(u"“Press list” is a contact group"_s), qPrintable(report.value().leftOut.at(0).message));
        QVERIFY2(report.value().leftOut.at(1).message.contains(u"“Board” is a contact group"_s), qPrintable(report.value().leftOut.at(1).message));
    }
};

CHORUS_TEST_MAIN(RealWorldImportTest)

#include "realworldimporttest.moc"
