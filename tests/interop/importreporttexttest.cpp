// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/importreporttext.h"

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;

class ImportReportTextTest : public QObject
{
    Q_OBJECT

    static QStringList texts(const QList<ImportReportLine> &lines)
    {
        QStringList result;
        for (const ImportReportLine &line : lines) {
            result << (line.detail ? u"- "_s : QString()) + line.text;
        }
        return result;
    }

private Q_SLOTS:
    void shouldSayWhatWasAddedInTheKindImported()
    {
        ImportReport report;
        report.created = 2;
        QCOMPARE(ImportReportText::added(report, Kind::Organization), QStringList{u"2 organizations added"_s});
        report.organizationsCreated = 1;
        QCOMPARE(ImportReportText::added(report, Kind::Person), (QStringList{u"2 people added"_s, u"1 organization added by name"_s}));
    }

    void shouldSayNothingMoreAfterACleanImport()
    {
        ImportReport report;
        report.created = 5;
        QVERIFY(ImportReportText::details(report, false, ImportReportText::Reader::App).isEmpty());
    }

    void shouldListWhatWasLeftOutInOrderWithTheBadRowsAsDetails()
    {
        // GIVEN an import that left out a column, merged and skipped duplicates, a totals row and two bad rows
        ImportReport report;
        report.unusedColumns = {u"Colour"_s, u"Shoe size"_s};
        report.merged = 3;
        report.mergeIds = {u"m1"_s};
        report.keptBoth = 1;
        report.skippedDuplicates = 1;
        report.leftOut = {{9, 0, u"Line 9: a row of totals, not a record: left out."_s}};
        report.skippedRows = {{3, 2, u"Line 3: bad"_s}, {5, 0, u"Line 5: worse"_s}};
        // WHEN
        const QStringList app = texts(ImportReportText::details(report, false, ImportReportText::Reader::App));
        // THEN
        QCOMPARE(
            app,
            (QStringList{
                u"2 columns not imported, as Chorus did not recognise them (choose a field for one in the column table to import it): “Colour”, “Shoe size”"_s,
                u"1 duplicate merged into an existing record"_s,
                u"2 duplicates already there, with nothing new to merge"_s,
                u"1 duplicate added as a separate record"_s,
                u"1 duplicate skipped"_s,
                u"Line 9: a row of totals, not a record: left out."_s,
                u"2 bad rows skipped:"_s,
                u"- Line 3: bad"_s,
                u"- Line 5: worse"_s}));
    }

    void shouldNameTheCommandLineWaysToGetBackWhatWasLeftOut()
    {
        ImportReport report;
        report.unusedColumns = {u"Colour"_s};
        report.merged = 1;
        report.mergeIds = {u"m1"_s};
        report.skippedRows = {{2, 0, u"Card 1: bad"_s}};
        const QStringList shell = texts(ImportReportText::details(report, true, ImportReportText::Reader::CommandLine));
        QCOMPARE(shell.size(), 4);
        QCOMPARE(shell.at(0), u"1 column not imported, as Chorus did not recognise it (--map \"COLUMN=FIELD\" imports it): “Colour”"_s);
        QCOMPARE(shell.at(1), u"1 duplicate merged into an existing record (“chorus-cli merges” lists them, to undo one)"_s);
        QCOMPARE(shell.at(2), u"1 bad card skipped:"_s);
        QCOMPARE(shell.at(3), u"- Card 1: bad"_s);
    }
};

CHORUS_TEST_MAIN(ImportReportTextTest)

#include "importreporttexttest.moc"
