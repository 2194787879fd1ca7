// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/vcard.h"
#include "store/store.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

class VCardTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Store::Store> newStore()
    {
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"vcard-%1.chorus"_s.arg(++counter)));
        return store ? std::move(store).value() : nullptr;
    }

    /// People as comparable text: every field but the organization's id, plus its name.
    QStringList people(Store::Store &store)
    {
        QStringList lines;
        for (Record person : store.fetchAll(Kind::Person)) {
            const auto organization = store.fetch(Kind::Organization, person.take(u"organization_id"_s).toString());
            person.insert(u"organization"_s, organization ? organization->value(u"name"_s) : QVariant());
            QStringList parts;
            for (auto it = person.constBegin(); it != person.constEnd(); ++it) {
                const QString value =
                    it.value().typeId() == QMetaType::QByteArray ? QString::fromLatin1(it.value().toByteArray().toHex()) : it.value().toString();
                parts << it.key() + u'=' + value;
            }
            lines << parts.join(u'|');
        }
        return lines;
    }

private Q_SLOTS:
    void shouldRoundTripPeople_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("3.0") << 3;
        QTest::newRow("4.0") << 4;
    }

    void shouldRoundTripPeople()
    {
        QFETCH(int, version);
        // GIVEN people with an organization, title, e-mails, phones and a note
        auto store = newStore();
        const QString organization = store->create(Kind::Organization, {{u"name"_s, u"Alianza Río Verde"_s}}).value();
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
        QVERIFY(store->create(Kind::Person,
                              {{u"photo"_s, png},
                               {u"name"_s, u"Lucía Martínez"_s},
                               {u"title"_s, u"Directora"_s},
                               {u"organization_id"_s, organization},
                               {u"email"_s, u"lucia@rioverde.example"_s},
                               {u"phone"_s, u"+34 600 000 000"_s},
                               {u"notes"_s, u"Prefers mornings; speaks at rallies.\nOther e-mail: lm@home.example\nOther phone: +34 900 111 222"_s}}));
        QVERIFY(store->create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}}));
        // WHEN exporting and importing into an empty database
        const QByteArray cards = VCard::exportPeople(*store, version);
        QVERIFY(cards.contains(version == 4 ? "VERSION:4.0" : "VERSION:3.0"));
        // AND the photo is written the way each version writes it: vCard 4.0 has no ENCODING
        // parameter (RFC 6350), only data: URIs
        const QByteArray unfolded = QByteArray(cards).replace("\r\n ", "");
        if (version == 4) {
            QVERIFY2(unfolded.contains(QByteArray("PHOTO:data:image/png;base64," + png.toBase64() + "\r\n")), unfolded.constData());
            QVERIFY(!unfolded.contains("ENCODING="));
        } else {
            QVERIFY2(unfolded.contains(QByteArray("PHOTO;ENCODING=b;TYPE=png:" + png.toBase64() + "\r\n")), unfolded.constData());
        }
        auto copy = newStore();
        auto imported = VCard::importPeople(*copy, cards);
        // THEN
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        QCOMPARE(imported.value(), 2);
        QCOMPARE(people(*copy), people(*store));
        QCOMPARE(copy->fetchAll(Kind::Person).last().value(u"photo"_s).toByteArray(), png);
        // AND exporting again gives the same cards
        QCOMPARE(VCard::exportPeople(*copy, version), cards);
    }

    void shouldImportACardFromAnotherProgram()
    {
        auto store = newStore();
        const QByteArray card =
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Whitfield;Dana;;;\r\nFN:Dana Whitfield\r\nORG:Tech Workers United\r\n"
            "TITLE:Spokesperson\r\nEMAIL;TYPE=work:dana@twu.example\r\nTEL;TYPE=cell:555-0100\r\nNOTE:Met at the march\r\nEND:VCARD\r\n";
        auto imported = VCard::importPeople(*store, card);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        const Record dana = store->fetchAll(Kind::Person).first();
        QCOMPARE(dana.value(u"name"_s).toString(), u"Dana Whitfield"_s);
        QCOMPARE(dana.value(u"email"_s).toString(), u"dana@twu.example"_s);
        QCOMPARE(dana.value(u"phone"_s).toString(), u"555-0100"_s);
        QCOMPARE(dana.value(u"notes"_s).toString(), u"Met at the march"_s);
        QCOMPARE(store->fetchAll(Kind::Organization).first().value(u"name"_s).toString(), u"Tech Workers United"_s);
    }

    void shouldRefuseBadCardsAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a vCard") << QByteArray("name,email\nAna,a@x.example\n") << u"not a vCard file"_s;
        QTest::newRow("unknown version") << QByteArray("BEGIN:VCARD\nVERSION:5.0\nFN:Ana\nEND:VCARD\n") << u"Card 1 (line 2): vCard version 5.0"_s;
        QTest::newRow("no name") << QByteArray("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:x@y.example\nEND:VCARD\n")
                                 << u"Card 2 (line 5), FN: the name is empty"_s;
        QTest::newRow("a card that does not end") << QByteArray("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bo\n")
                                                  << u"Card 2 (line 5): the card does not end"_s;
        // A quoted-printable value that goes on after a soft line break ("=") into the card's
        // last line, as in a file cut off in the middle of a note: once a hang in the vCard reader.
        QTest::newRow("cut off after a soft line break") << QByteArray(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Ib\xc3\xa1\xc3\xb1\x65z;Jos\xc3\xa9\r\nNOTE;ENCODING=QUOTED-PRINTABLE:L=C3=ADnea uno=\r\nEND:VCARD\r\n")
                                                         << u"Card 1 (line 1): the card could not be read"_s;
        QTest::newRow("soft line break without a property name") << QByteArray("BEGIN:VCARD\n;QUOTED-PRINTABLE:=\nEND:VCARD") << u"could not be read"_s;
        QTest::newRow("soft line breaks in a row at the end")
            << QByteArray("BEGIN:VCARD\nVERSION:2.1\nFN:Ana\nNOTE;ENCODING=QUOTED-PRINTABLE:a=====\n=\nEND:VCARD\n") << u"could not be read"_s;
    }

    void shouldRefuseBadCardsAndChangeNothing()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        auto store = newStore();
        auto imported = VCard::importPeople(*store, data);
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().contains(expected), qPrintable(imported.error().message()));
        QCOMPARE(store->count(Kind::Person), 0);
    }

    void shouldSkipBadCardsAndNameEachWhenAsked()
    {
        // GIVEN a file whose second card has an unknown version, third no name, fifth no end
        auto store = newStore();
        const QByteArray data =
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEND:VCARD\n" // card 1, lines 1-4
            "BEGIN:VCARD\nVERSION:9.9\nFN:Bo Chen\nEND:VCARD\n" // card 2, lines 5-8
            "BEGIN:VCARD\nVERSION:3.0\nTEL:555-0100\nEND:VCARD\n" // card 3, lines 9-12
            "BEGIN:VCARD\nVERSION:4.0\nFN:Dana Whitfield\nEND:VCARD\n" // card 4, lines 13-16
            "BEGIN:VCARD\nVERSION:3.0\nFN:Eve Unfinished\n"; // card 5, line 17-
        ImportOptions options;
        options.skipBadRows = true;
        // WHEN it is imported skipping bad rows
        auto report = VCard::importPeople(*store, data, options);
        // THEN the good cards are in, and each bad one is reported, in the order of the file
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().rows, 5);
        QCOMPARE(report.value().created, 2);
        QCOMPARE(store->count(Kind::Person), 2);
        const QList<RowProblem> &skipped = report.value().skippedRows;
        QCOMPARE(skipped.size(), 3);
        QVERIFY2(skipped.at(0).message.startsWith(u"Card 2 (line 6): vCard version 9.9"_s), qPrintable(skipped.at(0).message));
        QVERIFY2(skipped.at(1).message.startsWith(u"Card 3 (line 9), FN: the name is empty"_s), qPrintable(skipped.at(1).message));
        QVERIFY2(skipped.at(2).message.startsWith(u"Card 5 (line 17): the card does not end"_s), qPrintable(skipped.at(2).message));

        // WHEN the same file is imported into an empty database without skipping
        auto strictStore = newStore();
        auto strict = VCard::importPeople(*strictStore, data, ImportOptions());
        // THEN the first bad card stops it and nothing is imported
        QVERIFY(!strict);
        QVERIFY2(strict.error().message().startsWith(u"Card 2 (line 6): vCard version 9.9"_s), qPrintable(strict.error().message()));
        QCOMPARE(strictStore->count(Kind::Person), 0);
    }

    void shouldNameACardWhoseIdIsTakenBeforeALaterBadCard()
    {
        // GIVEN two cards with the same Chorus id, then a card without a name
        const QByteArray data =
            "BEGIN:VCARD\nVERSION:3.0\nUID:0b7e2c4a-9f1d-4e5f-8a9b-2c3d4e5f6a7b\nFN:Ana Ruiz\nEND:VCARD\n" // card 1, lines 1-5
            "BEGIN:VCARD\nVERSION:3.0\nUID:0b7e2c4a-9f1d-4e5f-8a9b-2c3d4e5f6a7b\nFN:Bo Chen\nEND:VCARD\n" // card 2, lines 6-10
            "BEGIN:VCARD\nVERSION:3.0\nTEL:555-0100\nEND:VCARD\n"; // card 3, lines 11-14

        // WHEN it is imported without skipping bad cards
        auto strictStore = newStore();
        auto strict = VCard::importPeople(*strictStore, data, ImportOptions());
        // THEN the first bad card in the file stops it (the taken id, not the missing name) and nothing is imported
        QVERIFY(!strict);
        QVERIFY2(strict.error().message().startsWith(u"Card 2 (line 6)"_s) && strict.error().message().contains(u"already exists"_s),
                 qPrintable(strict.error().message()));
        QCOMPARE(strictStore->count(Kind::Person), 0);

        // WHEN it is imported skipping bad cards
        auto store = newStore();
        ImportOptions options;
        options.skipBadRows = true;
        auto report = VCard::importPeople(*store, data, options);
        // THEN the first card is in with its id, and both bad ones are reported in the order of the file
        QVERIFY2(report, report ? "" : qPrintable(report.error().message()));
        QCOMPARE(report.value().created, 1);
        QCOMPARE(store->fetch(Kind::Person, u"0b7e2c4a-9f1d-4e5f-8a9b-2c3d4e5f6a7b"_s)->value(u"name"_s).toString(), u"Ana Ruiz"_s);
        QCOMPARE(report.value().skippedRows.size(), 2);
        QVERIFY2(report.value().skippedRows.at(0).message.startsWith(u"Card 2 (line 6)"_s), qPrintable(report.value().skippedRows.at(0).message));
        QVERIFY2(report.value().skippedRows.at(1).message.startsWith(u"Card 3 (line 11), FN"_s), qPrintable(report.value().skippedRows.at(1).message));
        QCOMPARE(store->count(Kind::Person), 1);
    }
};

CHORUS_TEST_MAIN(VCardTest)

#include "vcardtest.moc"
