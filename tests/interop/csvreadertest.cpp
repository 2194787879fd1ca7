// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/csvreader.h"

#include <QRegularExpression>
#include <QStringEncoder>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;

class CsvReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldDetectEncoding_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("encoding");
        const QString text = u"name,city\nLucía Martínez,Málaga\n"_s;
        QTest::newRow("UTF-8") << text.toUtf8() << u"UTF-8"_s;
        QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << u"UTF-8"_s;
        QStringEncoder le(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("UTF-16LE with BOM") << QByteArray(le.encode(text)) << u"UTF-16LE"_s;
        QStringEncoder be(QStringEncoder::Utf16BE);
        QTest::newRow("UTF-16BE without BOM") << QByteArray(be.encode(text)) << u"UTF-16BE"_s;
        QTest::newRow("Windows-1252") << QByteArray(
            "name,city\nLuc"
            "\xED"
            "a Mart"
            "\xED"
            "nez,M"
            "\xE1"
            "laga\n") << u"windows-1252"_s;
    }

    void shouldKeepTheUtf8LinesOfAFileWithAFewWindows1252Lines()
    {
        // GIVEN a UTF-8 file into which a line from a Windows-1252 file was pasted
        const QByteArray data =
            QByteArray("name,organization\nJos\xC3\xA9 N\xC3\xBA\xC3\xB1\x65z,R\xC3\xADo Verde\nMar\xC3\xAD\x61 Ruiz,Caf") + QByteArray("\xE9 Colectivo\n");
        // WHEN it is read
        const auto table = CsvReader::read(data);
        // THEN each line is read in its own encoding, and the encoding says which line was which
        QVERIFY(table);
        QCOMPARE(table.value().rows.at(0).fields, QStringList({u"José Núñez"_s, u"Río Verde"_s}));
        QCOMPARE(table.value().rows.at(1).fields, QStringList({u"María Ruiz"_s, u"Café Colectivo"_s}));
        QCOMPARE(table.value().encoding, u"UTF-8, but line 3 in Windows-1252"_s);
    }

    void shouldDetectEncoding()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, encoding);
        // WHEN
        const auto table = CsvReader::read(data);
        // THEN
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().encoding, encoding);
        QCOMPARE(table.value().headers, QStringList({u"name"_s, u"city"_s}));
        QCOMPARE(table.value().rows.first().fields, QStringList({u"Lucía Martínez"_s, u"Málaga"_s}));
    }

    void shouldTellSingleByteCodePagesApart_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("text");
        const auto encoded = [](const char *encoding, const QString &text) {
            QStringEncoder encoder(encoding);
            return QByteArray(encoder.encode(text));
        };
        // Polish from Windows in Central Europe: Windows-1252 would read "Wiœniewski", "£ód".
        const QString polish = u"imię,miasto\nŁukasz Wiśniewski,Łódź\nZofia Kołodziej,Świętochłowice\n"_s;
        QTest::newRow("Windows-1250") << encoded("windows-1250", polish) << u"windows-1250"_s << polish;
        // ISO-8859-15 has the euro sign where Windows-1252 has "¤".
        const QString french = u"nom,notes\nÉloïse Dupont,Cotisation 20 €\n"_s;
        QTest::newRow("ISO-8859-15") << encoded("ISO-8859-15", french) << u"ISO-8859-15"_s << french;
        // Excel for Mac's "CSV (Macintosh)": MacRoman, with CR line ends.
        const QString mac = u"name,city\rJosé Pérez,Málaga\r"_s;
        QTest::newRow("MacRoman") << encoded("macintosh", mac) << u"macintosh"_s << mac;
        // Windows-1252 stays Windows-1252, euro sign and typographic quotes included.
        const QString western = u"name,notes\nRenée Faure,Dues 20 € paid – “thanks”\n"_s;
        QTest::newRow("Windows-1252") << encoded("windows-1252", western) << u"windows-1252"_s << western;
    }

    void shouldTellSingleByteCodePagesApart()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, encoding);
        QFETCH(QString, text);
        const auto table = CsvReader::read(data);
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().encoding, encoding);
        const QStringList lines = text.split(QRegularExpression(u"[\r\n]"_s), Qt::SkipEmptyParts);
        QCOMPARE(table.value().headers, lines.at(0).split(u','));
        QCOMPARE(table.value().rows.first().fields, lines.at(1).split(u','));
    }

    void shouldReadTheEncodingTheUserNames()
    {
        // GIVEN Czech in Windows-1250, whose letters all exist in Windows-1252 too ("Dvoøák")
        QStringEncoder encoder("windows-1250");
        const QByteArray data = encoder.encode(u"name,city\nZdeněk Dvořák,Brno\n"_s);
        // WHEN the user names the encoding
        const auto table = CsvReader::readAs(data, u"windows-1250"_s);
        // THEN it is read in it
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().encoding, u"windows-1250"_s);
        QCOMPARE(table.value().rows.first().fields, QStringList({u"Zdeněk Dvořák"_s, u"Brno"_s}));
        // and a name Qt does not know, or bytes that are not in it, are refused with a message
        const auto unknown = CsvReader::readAs(data, u"latin-42"_s);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message().contains(u"does not know the encoding “latin-42”"_s), qPrintable(unknown.error().message()));
        const auto notUtf8 = CsvReader::readAs(data, u"UTF-8"_s);
        QVERIFY(!notUtf8);
        QVERIFY2(notUtf8.error().message().contains(u"not written in UTF-8"_s), qPrintable(notUtf8.error().message()));
    }

    void shouldDetectDelimiter_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << QByteArray("a,b;c,d\n1,2;3,4\n") << QChar(u',');
        QTest::newRow("semicolon (Excel in Europe)") << QByteArray("a;b;c,d\n1;2;3,4\n") << QChar(u';');
        QTest::newRow("tab") << QByteArray("a\tb\tc,d\n1\t2\t3,4\n") << QChar(u'\t');
        QTest::newRow("Excel's sep= hint") << QByteArray("sep=;\r\na,b;c,d\r\n1,2;3,4\r\n") << QChar(u';');
        QTest::newRow("the hint with a byte order mark") << QByteArray("\xEF\xBB\xBFsep=;\r\na,b;c,d\r\n1,2;3,4\r\n") << QChar(u';');
        QTest::newRow("the hint quoted by a program that saved the file again") << QByteArray("\"sep=;\"\r\na,b;c,d\r\n1,2;3,4\r\n") << QChar(u';');
        QTest::newRow("comma inside quotes does not count") << QByteArray("\"a,b,c\";d\n1;2\n") << QChar(u';');
    }

    void shouldDetectDelimiter()
    {
        QFETCH(QByteArray, data);
        QFETCH(QChar, delimiter);
        const auto table = CsvReader::read(data);
        QVERIFY(table);
        QCOMPARE(table.value().delimiter, delimiter);
        QCOMPARE(table.value().rows.first().fields.size(), table.value().headers.size());
        QVERIFY(!table.value().headers.first().startsWith(u"sep"_s));
        // Lines count from the top of the file, hint line included.
        QCOMPARE(table.value().rows.first().line, data.contains("sep=") ? 3 : 2);
    }

    void shouldReadQuotedFieldsWithLineBreaksAndQuotesWhileCountingLines()
    {
        // GIVEN a value over two lines and one with doubled quotes, in CRLF lines
        const QByteArray data = "name,bio\r\n\"Ruiz, Ana\",\"Line one\r\nline two\"\r\nBo,\"She said \"\"no\"\"\"\r\n";
        // WHEN
        const auto table = CsvReader::read(data);
        // THEN
        QVERIFY(table);
        QCOMPARE(table.value().rows.size(), 2);
        QCOMPARE(table.value().rows.at(0).fields, QStringList({u"Ruiz, Ana"_s, u"Line one\nline two"_s}));
        QCOMPARE(table.value().rows.at(0).line, 2);
        QCOMPARE(table.value().rows.at(1).fields, QStringList({u"Bo"_s, u"She said \"no\""_s}));
        QCOMPARE(table.value().rows.at(1).line, 4);
    }

    void shouldReadEachKindOfValueAsWritten_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("blank around plain values") << QByteArray("  Ana Ruiz , ana@x.example\t,x") << QStringList{u"Ana Ruiz"_s, u"ana@x.example"_s, u"x"_s};
        QTest::newRow("blank inside quotes kept") << QByteArray("\" Ana \",b,c") << QStringList{u" Ana "_s, u"b"_s, u"c"_s};
        QTest::newRow("blank before a quote") << QByteArray("a,  \"Ruiz, Ana\",c") << QStringList{u"a"_s, u"Ruiz, Ana"_s, u"c"_s};
        QTest::newRow("quote inside a plain value") << QByteArray("5\" screen,b,c") << QStringList{u"5\" screen"_s, u"b"_s, u"c"_s};
        QTest::newRow("text after the closing quote") << QByteArray("\"Ruiz\" Ana ,b,c") << QStringList{u"Ruiz Ana "_s, u"b"_s, u"c"_s};
        QTest::newRow("empty values") << QByteArray("a,,\"\"") << QStringList{u"a"_s, QString(), QString()};
        QTest::newRow("no line break at the end") << QByteArray("a,b,last one") << QStringList{u"a"_s, u"b"_s, u"last one"_s};
        QTest::newRow("CR line breaks") << QByteArray("a,b,c\r") << QStringList{u"a"_s, u"b"_s, u"c"_s};
    }

    void shouldReadEachKindOfValueAsWritten()
    {
        // GIVEN a header and one row
        QFETCH(QByteArray, row);
        QFETCH(QStringList, fields);
        // WHEN
        const auto table = CsvReader::read("one,two,three\n" + row);
        // THEN the row holds the values as a spreadsheet shows them
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().rows.size(), 1);
        QCOMPARE(table.value().rows.at(0).fields, fields);
        QCOMPARE(table.value().rows.at(0).line, 2);
    }

    void shouldSkipTheEmptyRowsSpreadsheetsWriteBelowTheData()
    {
        // GIVEN Excel's export of a sheet whose rows below the data were once formatted
        const auto table = CsvReader::read("Name,Email,Organization\r\nAna Ruiz,ana@x.example,Verde\r\n,,\r\n\"\",,\r\nBo Li,bo@x.example,\r\n,,\r\n");
        // THEN the rows of empty cells are no rows, and the others keep their lines
        QVERIFY(table);
        QCOMPARE(table.value().rows.size(), 2);
        QCOMPARE(table.value().rows.at(1).fields, QStringList({u"Bo Li"_s, u"bo@x.example"_s, QString()}));
        QCOMPARE(table.value().rows.at(1).line, 5);
    }

    void shouldNameAColumnWithoutANameByItsPlace()
    {
        // GIVEN pandas' to_csv, which writes its row numbers under an empty header
        const auto table = CsvReader::read(",Name,Email\n0,Ana Ruiz,ana@x.example\n1,Bo Li,bo@x.example\n");
        // THEN the file is read, and the column is there to be left out or mapped by number
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().headers, QStringList({u"column 1"_s, u"Name"_s, u"Email"_s}));
        QCOMPARE(table.value().rows.size(), 2);
    }

    void shouldSkipBlankLinesAndKeepRaggedRowsAsRead()
    {
        const auto table = CsvReader::read("a,b\n\n1,2\n3\n4,5,6\n");
        QVERIFY(table);
        QCOMPARE(table.value().rows.size(), 3);
        QCOMPARE(table.value().rows.at(1).fields.size(), 1);
        QCOMPARE(table.value().rows.at(1).line, 4);
        QCOMPARE(table.value().rows.at(2).fields.size(), 3);
    }

    void shouldSkipNotesAboveTheHeader_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<int>("linesAboveHeader");
        // LinkedIn's Connections.csv: a "Notes:" line, a quoted paragraph with commas, a blank line.
        QTest::newRow("LinkedIn") << QByteArray(
            "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing, "
            "as you will see.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Aisha,Bello,https://example.org/aisha,,Tenants Together,Organizer,12 Mar 2024\n"
            "Lars,\xc3\x98\x62\x65rg,https://example.org/lars,lars@fjord.example,\"Fjord Climate, Inc.\",Policy Lead,03 Jan 2025\n")
                                  << QChar(u',') << 3;
        QTest::newRow("a title above a semicolon table")
            << QByteArray("Contacts exported on 2 May 2025\r\nname;email\r\nAna;ana@x.example\r\n") << QChar(u';') << 1;
    }

    void shouldSkipNotesAboveTheHeader()
    {
        QFETCH(QByteArray, data);
        QFETCH(QChar, delimiter);
        QFETCH(int, linesAboveHeader);
        const auto table = CsvReader::read(data);
        QVERIFY(table);
        QCOMPARE(table.value().delimiter, delimiter);
        QCOMPARE(table.value().linesAboveHeader, linesAboveHeader);
        QCOMPARE(table.value().headers.size(), table.value().rows.last().fields.size());
        QVERIFY(table.value().headers.size() >= 2);
        // Lines still count from the top of the file.
        QCOMPARE(table.value().rows.first().line, linesAboveHeader + 2);
    }

    void shouldKeepTheHeaderOfAOneColumnFile()
    {
        // A one-column file is no notes, even when its rows are ragged: they are reported as such.
        for (const QByteArray &data : {QByteArray("Name\nAna\nLuis\n"), QByteArray("Name\nAna,x\nLuis,y\n")}) {
            const auto table = CsvReader::read(data);
            QVERIFY(table);
            QCOMPARE(table.value().headers, QStringList{u"Name"_s});
            QCOMPARE(table.value().linesAboveHeader, 0);
            QCOMPARE(table.value().rows.size(), 2);
        }
    }

    void shouldRefuseBadFilesNamingWhere_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << u"The file is empty"_s;
        QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << u"The file is empty"_s;
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24) << u"binary data"_s;
        QTest::newRow("an Excel workbook") << QByteArray("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml", 34) << u"spreadsheet workbook"_s;
        QTest::newRow("an old Excel workbook") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12) << u"save the sheet as CSV"_s;
        QTest::newRow("header only") << QByteArray("name,email\n") << u"header line but no rows"_s;
        QTest::newRow("unterminated quote") << QByteArray("name,bio\nAna,ok\nBo,\"never closed\nCy,x\n")
                                            << u"Line 3, column 2: a quoted value is never closed"_s;
        QTest::newRow("duplicate header") << QByteArray("name,Email,e-mail,EMAIL\nA,b,c,d\n") << u"Line 1, column 4: the column name “EMAIL” appears twice"_s;
    }

    void shouldRefuseBadFilesNamingWhere()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const auto table = CsvReader::read(data);
        QVERIFY(!table);
        QVERIFY2(table.error().message().contains(expected), qPrintable(table.error().message()));
    }

    void shouldRefuseAFieldOfTenMegabytes()
    {
        // GIVEN a 10 MB value on line 2
        QByteArray data = "name,bio\nAna,";
        data.append(QByteArray(10 * 1024 * 1024, 'x'));
        data.append('\n');
        // WHEN
        const auto table = CsvReader::read(data);
        // THEN
        QVERIFY(!table);
        QVERIFY2(table.error().message().startsWith(u"Line 2, column 2: the value is longer than"_s), qPrintable(table.error().message()));
    }
};

CHORUS_TEST_MAIN(CsvReaderTest)

#include "csvreadertest.moc"
