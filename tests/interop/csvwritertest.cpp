// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/csvreader.h"
#include "interop/csvwriter.h"
#include "store/store.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;

class CsvWriterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void shouldEscapeCellsAgainstFormulaInjection_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << u"Ana Ruiz"_s << u"Ana Ruiz"_s;
        QTest::newRow("formula") << u"=HYPERLINK(\"http://evil\")"_s << u"\"'=HYPERLINK(\"\"http://evil\"\")\""_s;
        QTest::newRow("plus") << u"+1 555 0100"_s << u"'+1 555 0100"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"\"'\t=1\""_s;
        QTest::newRow("carriage return") << u"\r=1"_s << u"\"'\r=1\""_s;
        QTest::newRow("comma and quote") << u"Ruiz, \"Ana\""_s << u"\"Ruiz, \"\"Ana\"\"\""_s;
        QTest::newRow("at inside is fine") << u"ana@x.example"_s << u"ana@x.example"_s;
    }

    void shouldEscapeCellsAgainstFormulaInjection()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        QCOMPARE(CsvWriter::cell(value), cell);
    }

    void shouldExportAListThatReadsBack()
    {
        // GIVEN people, one with a dangerous title and a line break in the notes
        auto opened = Store::Store::open(m_dir.filePath(u"csv.chorus"_s));
        QVERIFY(opened);
        auto &store = *opened.value();
        const QString organization = store.create(Kind::Organization, {{u"name"_s, u"Río Verde"_s}}).value();
        QVERIFY(store.create(Kind::Person,
                             {{u"name"_s, u"Ana Ruiz"_s}, {u"title"_s, u"=1+1"_s}, {u"organization_id"_s, organization}, {u"notes"_s, u"one\ntwo"_s}}));
        // WHEN
        auto csv = CsvWriter::exportList(store, Kind::Person);
        QVERIFY(csv);
        // THEN it reads back with the organization's name and the escaped title
        auto table = CsvReader::read(csv.value());
        QVERIFY2(table, table ? "" : qPrintable(table.error().message()));
        QCOMPARE(table.value().rows.size(), 1);
        const QStringList headers = table.value().headers;
        const QStringList row = table.value().rows.first().fields;
        QCOMPARE(row.value(headers.indexOf(u"title"_s)), u"'=1+1"_s);
        QCOMPARE(row.value(headers.indexOf(u"organization"_s)), u"Río Verde"_s);
        QCOMPARE(row.value(headers.indexOf(u"notes"_s)), u"one\ntwo"_s);
    }
};

CHORUS_TEST_MAIN(CsvWriterTest)

#include "csvwritertest.moc"
