// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include "domain/entity.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;

namespace
{

using Run = Chorus::Test::CliRun;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

using Chorus::Test::fileHash;

} // namespace

/// chorus-cli's import and export commands, run as a user would.
class InteropCliTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    [[nodiscard]] QString path(const QString &name) const
    {
        return m_dir->filePath(name);
    }

    Run cli(const QStringList &arguments)
    {
        return Chorus::Test::runCli(m_dir->path(), arguments);
    }

    QString database(bool demo = false)
    {
        const QString file = path(u"coalition.chorus"_s);
        QStringList arguments{u"--db"_s, file, u"init"_s};
        if (demo) {
            arguments << u"--demo"_s;
        }
        const Run init = cli(arguments);
        if (init.exitCode != 0) {
            qWarning() << init.describe();
        }
        return file;
    }

    void write(const QString &name, const QByteArray &content)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    qint64 count(const QString &db, Kind kind)
    {
        auto store = Store::Store::open(db, false);
        return store ? store.value()->count(kind) : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir(m_dir->path()).mkpath(u"home"_s));
    }

    void shouldImportACrmExportAndReportWhatItDid()
    {
        // GIVEN a semicolon-separated Windows-1252 export with a CiviCRM header
        const QString db = database();
        write(u"civicrm.csv"_s,
              (u"First Name;Last Name;Email;Current Employer;Job Title\r\n"
               u"Lucía;Martínez;lucia@rioverde.example;Alianza Río Verde;\r\n"
               u"Bo;Chen;bo@harbor.example;Harbor Tenants Union;Organizer\r\n"
               u"Lucía;Martínez;LUCIA@rioverde.example;Alianza Río Verde;Directora\r\n"_s)
                  .toLatin1());
        // WHEN
        const Run run = cli({u"--db"_s, db, u"import"_s, path(u"civicrm.csv"_s)});
        // THEN
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(u"3 rows (windows-1252)"_s), run.describe().constData());
        QVERIFY(run.out.contains(u"2 people added"_s));
        QVERIFY(run.out.contains(u"2 organizations added by name"_s));
        QVERIFY(run.out.contains(u"1 duplicate merged"_s));
        const Run merges = cli({u"--db"_s, db, u"merges"_s});
        QVERIFY2(merges.out.contains(u"“Lucía Martínez (Line 4 — civicrm.csv)” merged into “Lucía Martínez”"_s), merges.describe().constData());
        QCOMPARE(count(db, Kind::Person), 2);
        const Run search = cli({u"--db"_s, db, u"search"_s, u"martinez"_s});
        QVERIFY(search.out.contains(u"Lucía Martínez"_s));
    }

    void shouldSkipBadCardsOfAVCardFileOnlyWhenAsked()
    {
        // GIVEN an address book with a card of an unknown version and a card without a name
        const QString db = database();
        write(u"contacts.vcf"_s,
              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nEMAIL:dana@twu.example\r\nEND:VCARD\r\n" // lines 1-5
              "BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Future Person\r\nEND:VCARD\r\n" // lines 6-9
              "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nobody@example.org\r\nEND:VCARD\r\n" // lines 10-13
              "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kwame Mensah\r\nEND:VCARD\r\n"); // lines 14-17
        // WHEN it is imported without --skip-bad-rows
        const Run strict = cli({u"--db"_s, db, u"import"_s, path(u"contacts.vcf"_s)});
        // THEN the first bad card stops it, named, and nothing is imported
        QVERIFY2(strict.exitCode != 0, strict.describe().constData());
        QVERIFY2(strict.err.contains(u"Card 2 (line 7): vCard version 5.0 is not one Chorus reads"_s), strict.describe().constData());
        QCOMPARE(count(db, Kind::Person), 0);

        // WHEN it is imported with --skip-bad-rows
        const Run lenient = cli({u"--db"_s, db, u"import"_s, path(u"contacts.vcf"_s), u"--skip-bad-rows"_s});
        // THEN the good cards come in and each bad one is listed with why
        QVERIFY2(lenient.exitCode == 0, lenient.describe().constData());
        QVERIFY2(lenient.out.contains(u"Read "_s) && lenient.out.contains(u"4 contacts"_s), lenient.describe().constData());
        QVERIFY2(lenient.out.contains(u"2 people added"_s), lenient.describe().constData());
        QVERIFY2(lenient.out.contains(u"2 bad cards skipped:"_s), lenient.describe().constData());
        QVERIFY2(lenient.out.contains(u"- Card 2 (line 7): vCard version 5.0"_s), lenient.describe().constData());
        QVERIFY2(lenient.out.contains(u"- Card 3 (line 10), FN: the name is empty"_s), lenient.describe().constData());
        QCOMPARE(count(db, Kind::Person), 2);
    }

    void shouldImportRealWorldExportsAsAScriptWould()
    {
        // GIVEN the exports of other tools (tests/data/realworld), imported one after the other
        const QString db = database();
        const QString folder = QStringLiteral(CHORUS_TEST_DATA "/realworld/");
        const QList<std::pair<QString, QString>> files = {
            {u"actionnetwork-people.csv"_s, u"people"_s},
            {u"civicrm-individuals.csv"_s, u"people"_s},
            {u"googlesheets-people.csv"_s, u"people"_s},
            {u"excel-es-people-1252.csv"_s, u"people"_s},
            {u"civicrm-organizations.csv"_s, u"organizations"_s},
            {u"excel-organizations-utf8-bom.csv"_s, u"organizations"_s},
            {u"google-contacts.vcf"_s, u"people"_s},
            {u"apple-contacts.vcf"_s, u"people"_s},
            {u"thunderbird.vcf"_s, u"people"_s},
            {u"vcard21-quoted-printable.vcf"_s, u"people"_s},
        };
        for (const auto &[file, kind] : files) {
            // WHEN
            const Run run = cli({u"--db"_s, db, u"import"_s, folder + file, u"--kind"_s, kind});
            // THEN each one goes in
            QVERIFY2(run.exitCode == 0, QByteArray(file.toUtf8() + "\n" + run.describe()).constData());
        }
        // the same people and organizations, met in several files, are merged by e-mail and by name
        // (Apple's "Grace Okafor" into CiviCRM's "Ms. Grace Okafor": the same address)
        auto store = Store::Store::open(db, false);
        QVERIFY(store);
        QStringList people;
        for (const auto &person : store.value()->fetchAll(Kind::Person)) {
            people << person.value(u"name"_s).toString();
        }
        people.sort();
        QCOMPARE(people,
                 QStringList({u"Aiyana Whitehorse"_s,
                              u"Baptiste, Jean-Luc"_s,
                              u"Begoña Ruíz"_s,
                              u"Dmitri O'Neill"_s,
                              u"Dr. Li Wei"_s,
                              u"José Ibáñez"_s,
                              u"José Martínez Ibáñez"_s,
                              u"Kenji Watanabe"_s,
                              u"Ms. Grace Okafor"_s,
                              u"Priya Raman"_s,
                              u"Rosa Martínez"_s,
                              u"Sam Lee"_s,
                              u"Tomás Ñúñez"_s,
                              u"Zoë Ångström"_s}));
        QCOMPARE(count(db, Kind::Organization), 6);
    }

    void shouldApplyTheMappingGivenOnTheCommandLine()
    {
        const QString db = database();
        write(u"orgs.tsv"_s, "Group\tWeb\tHeadcount\nHarbor Tenants Union\thttps://harbor.example\t3,400\n");
        const Run run =
            cli({u"--db"_s, db, u"import"_s, path(u"orgs.tsv"_s), u"--kind"_s, u"organizations"_s, u"--map"_s, u"Group=name,Headcount=people_represented"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        auto store = Store::Store::open(db, false);
        const auto organizations = store.value()->fetchAll(Kind::Organization);
        QCOMPARE(organizations.size(), 1);
        QCOMPARE(organizations.first().value(u"website"_s).toString(), u"https://harbor.example"_s);
        QCOMPARE(organizations.first().value(u"people_represented"_s).toLongLong(), 3400);
    }

    void shouldRefuseBadInputClearlyAndLeaveTheDatabaseUnchanged_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("empty file") << QByteArray() << QStringList() << u"The file is empty"_s << 1;
        QTest::newRow("binary file") << QByteArray(
            "\x7f"
            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
            20) << QStringList() << u"binary data"_s
                                     << 1;
        QTest::newRow("header only") << QByteArray("name,email\r\n") << QStringList() << u"no rows to import"_s << 1;
        QTest::newRow("duplicate headers") << QByteArray("name,email,Email\nA,a@x.example,b@x.example\n") << QStringList() << u"“Email” appears twice"_s << 1;
        QTest::newRow("ragged row") << QByteArray("name,email\nAna,a@x.example\nBo,b@x.example,surprise\n") << QStringList()
                                    << u"Line 3: the row has 3 values"_s << 1;
        QTest::newRow("unterminated quote") << QByteArray("name,bio\nAna,\"She said\n") << QStringList()
                                            << u"Line 2, column 2: a quoted value is never closed"_s << 1;
        QTest::newRow("10 MB field") << QByteArray("name,bio\nAna,") + QByteArray(10 * 1024 * 1024, 'y') + QByteArray("\n") << QStringList()
                                     << u"Line 2, column 2: the value is longer than"_s << 1;
        QTest::newRow("bad e-mail") << QByteArray("name,email\nAna,a@x.example\nBo,bo at home\n") << QStringList() << u"Line 3, column 2 (email)"_s << 1;
        QTest::newRow("no name column") << QByteArray("colour,size\nred,L\n") << QStringList() << u"No column of the file gives the name"_s << 1;
        QTest::newRow("unknown mapping") << QByteArray("name\nAna\n") << QStringList{u"--map"_s, u"name=shoe"_s} << u"“shoe” is not a field"_s << 2;
        QTest::newRow("unknown duplicate action") << QByteArray("name\nAna\n") << QStringList{u"--on-duplicate"_s, u"maybe"_s} << u"merge, keep or skip"_s << 2;
        QTest::newRow("bad vCard version") << QByteArray("BEGIN:VCARD\nVERSION:9.9\nFN:Ana\nEND:VCARD\n") << QStringList() << u"vCard version 9.9"_s << 1;
        QTest::newRow("a vCard as organizations") << QByteArray("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n") << QStringList{u"--kind"_s, u"organizations"_s}
                                                  << u"--kind organizations does not apply to it"_s << 2;
        QTest::newRow("unknown encoding") << QByteArray("name\nAna\n") << QStringList{u"--encoding"_s, u"latin-42"_s}
                                          << u"does not know the encoding “latin-42”"_s << 1;
        QByteArray longFile("name,email\n");
        for (int i = 0; i < 1500; ++i) {
            longFile += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@x.example\n";
        }
        longFile += "Bo,bo at home\n";
        QTest::newRow("bad row far down: its line as an editor numbers it") << longFile << QStringList() << u"Line 1502, column 2 (email)"_s << 1;
    }

    void shouldRefuseBadInputClearlyAndLeaveTheDatabaseUnchanged()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        QFETCH(int, exitCode);
        // GIVEN the demo coalition
        const QString db = database(true);
        QVERIFY(QFile::exists(db));
        const Run checkpoint = cli({u"--db"_s, db, u"check"_s});
        QCOMPARE(checkpoint.exitCode, 0);
        const QByteArray before = fileHash(db);
        write(u"bad.csv"_s, content);
        // WHEN
        const Run run = cli(QStringList{u"--db"_s, db, u"import"_s, path(u"bad.csv"_s)} + options);
        // THEN
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY2(run.err.contains(expected), run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(fileHash(db), before);
    }

    void shouldListTheColumnsNotImportedAndTheTotalsRowLeftOut()
    {
        // GIVEN a spreadsheet with a column Chorus has no field for, and a totals row
        const QString db = database();
        write(u"groups.csv"_s, "Group name,Members,Colour\nHarbor Tenants Union,3400,red\nRío Verde,600,green\nTotal,4000,\n");
        // WHEN
        const Run run = cli({u"--db"_s, db, u"import"_s, path(u"groups.csv"_s), u"--kind"_s, u"organizations"_s});
        // THEN the script is told what was not imported, and the totals are no organization
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(u"1 column not imported, as Chorus did not recognise it (--map \"COLUMN=FIELD\" imports it): “Colour”"_s),
                 run.describe().constData());
        QVERIFY2(run.out.contains(u"Line 4: a row of totals, not a record: left out."_s), run.describe().constData());
        QCOMPARE(count(db, Kind::Organization), 2);
    }

    void shouldSkipBadRowsWhenAskedAndListThem()
    {
        const QString db = database();
        write(u"people.csv"_s, "name,email\nAna,a@x.example\nBo,bo at home\nCy,c@x.example\n");
        const Run run = cli({u"--db"_s, db, u"import"_s, path(u"people.csv"_s), u"--skip-bad-rows"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(run.out.contains(u"1 bad row skipped"_s));
        QVERIFY(run.out.contains(u"Line 3, column 2 (email)"_s));
        QCOMPARE(count(db, Kind::Person), 2);
    }

    void shouldRoundTripTheDemoThroughJson()
    {
        // GIVEN the demo coalition
        const QString db = database(true);
        // WHEN exporting, importing into a new database and exporting again
        Run run = cli({u"--db"_s, db, u"export-json"_s, u"--out"_s, path(u"first.json"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(cli({u"--db"_s, path(u"copy.chorus"_s), u"init"_s}).exitCode == 0);
        run = cli({u"--db"_s, path(u"copy.chorus"_s), u"import-json"_s, path(u"first.json"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = cli({u"--db"_s, path(u"copy.chorus"_s), u"export-json"_s, u"--out"_s, path(u"second.json"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        // THEN
        QVERIFY(!fileBytes(path(u"first.json"_s)).isEmpty());
        QCOMPARE(fileBytes(path(u"second.json"_s)), fileBytes(path(u"first.json"_s)));
    }

    void shouldRefuseJsonFromANewerChorus()
    {
        const QString db = database(true);
        const QByteArray before = fileHash(db);
        write(u"newer.json"_s, "{\"format\": \"chorus-backup\", \"version\": 7, \"records\": {}}");
        const Run run = cli({u"--db"_s, db, u"import-json"_s, path(u"newer.json"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"newer Chorus (format version 7)"_s), run.describe().constData());
        QCOMPARE(fileHash(db), before);
    }

    void shouldExportListsVCardsAndCampaigns()
    {
        const QString db = database(true);
        for (const QString &list : {u"people"_s, u"organizations"_s, u"quotes"_s}) {
            const Run run = cli({u"--db"_s, db, u"export-csv"_s, u"--list"_s, list, u"--out"_s, path(list + u".csv"_s)});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            QVERIFY(fileBytes(path(list + u".csv"_s)).startsWith("\xEF\xBB\xBF"));
        }
        Run run = cli({u"--db"_s, db, u"export-csv"_s, u"--list"_s, u"petitions"_s, u"--out"_s, path(u"x.csv"_s)});
        QCOMPARE(run.exitCode, 2);
        run = cli({u"--db"_s, db, u"export-vcf"_s, u"--out"_s, path(u"people.vcf"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(fileBytes(path(u"people.vcf"_s)).count("BEGIN:VCARD"), count(db, Kind::Person));
        run = cli({u"--db"_s, db, u"export-json"_s, u"--campaign"_s, u"Nobody's Campaign"_s, u"--out"_s, path(u"c.json"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"There is no campaign"_s));
        QVERIFY(!QFile::exists(path(u"c.json"_s)));
    }

    void shouldTakeAVCardForOneWhateverItsNameAndEncoding()
    {
        // GIVEN vCards saved as .txt: in lower case with a byte order mark, and in UTF-16
        const QString db = database();
        write(u"contacts.txt"_s,
              "\xEF\xBB\xBF"
              "begin:vcard\r\nversion:3.0\r\nfn:Ana Ruiz\r\nemail:ana@x.example\r\nend:vcard\r\n");
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        write(u"outlook.txt"_s, utf16.encode(u"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nEND:VCARD\r\n"_s));
        // WHEN they are imported
        for (const QString &name : {u"contacts.txt"_s, u"outlook.txt"_s}) {
            const Run run = cli({u"--db"_s, db, u"import"_s, path(name)});
            // THEN they are read as contacts, not as CSV files
            QVERIFY2(run.exitCode == 0 && run.out.contains(u"1 contact."_s), run.describe().constData());
        }
        QCOMPARE(count(db, Kind::Person), 2);
    }

    void shouldListTheValuesThatLostInAMerge()
    {
        // GIVEN Ana as organizer, then a file that calls her director
        const QString db = database();
        write(u"first.csv"_s, "name,email,title\nAna Ruiz,ana@x.example,Organizer\n");
        QVERIFY(cli({u"--db"_s, db, u"import"_s, path(u"first.csv"_s)}).exitCode == 0);
        write(u"second.csv"_s, "name,email,title\nAna Ruiz,ana@x.example,Director\n");
        Run run = cli({u"--db"_s, db, u"import"_s, path(u"second.csv"_s)});
        QVERIFY2(run.out.contains(u"1 duplicate merged"_s), run.describe().constData());
        // (the first file again brings nothing new, and says so)
        const Run again = cli({u"--db"_s, db, u"import"_s, path(u"first.csv"_s)});
        QVERIFY2(again.out.contains(u"1 duplicate already there, with nothing new to merge"_s) && !again.out.contains(u"merges"_s),
                 again.describe().constData());
        // WHEN the merges are listed, THEN the title that lost is there, and the merge can be undone
        run = cli({u"--db"_s, db, u"merges"_s});
        QVERIFY2(run.out.contains(u"“Ana Ruiz (Line 2 — second.csv)” merged into “Ana Ruiz”"_s), run.describe().constData());
        QVERIFY2(run.out.contains(u"not taken, as the kept record had its own: title “Director”"_s), run.describe().constData());
        const QRegularExpression id(u"\\[([0-9a-f-]{36})\\]"_s);
        QVERIFY(cli({u"--db"_s, db, u"undo-merge"_s, id.match(run.out).captured(1)}).exitCode == 0);
    }

    void shouldMergeDuplicatesAndUndoTheMerge()
    {
        // GIVEN one person twice
        const QString db = database();
        write(u"people.csv"_s, "name,email,phone\nAna Ruiz,ana@x.example,\nAna R.,ANA@x.example,555-0100\n");
        QVERIFY(cli({u"--db"_s, db, u"import"_s, path(u"people.csv"_s), u"--on-duplicate"_s, u"keep"_s}).exitCode == 0);
        const QByteArray before = fileHash(db);
        Run run = cli({u"--db"_s, db, u"find-duplicates"_s});
        QVERIFY2(run.out.contains(u"same e-mail address ana@x.example"_s), run.describe().constData());
        const QRegularExpression ids(u"\\[([0-9a-f-]{36})\\]"_s);
        QStringList found;
        for (const auto &match : ids.globalMatch(run.out)) {
            found << match.captured(1);
        }
        QCOMPARE(found.size(), 2);
        // WHEN merging, THEN one person is left
        run = cli({u"--db"_s, db, u"merge"_s, u"--kind"_s, u"people"_s, found.at(0), found.at(1)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(count(db, Kind::Person), 1);
        // WHEN undoing, THEN both are back
        const QString mergeId = run.out.section(u"undo-merge "_s, 1).trimmed();
        run = cli({u"--db"_s, db, u"undo-merge"_s, mergeId});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(count(db, Kind::Person), 2);
        QVERIFY(fileHash(db) != before); // the audit remembers the undone merge
        run = cli({u"--db"_s, db, u"merges"_s});
        QVERIFY2(run.out.contains(mergeId) && run.out.contains(u"(undone)"_s), run.describe().constData());
        QVERIFY(cli({u"--db"_s, db, u"find-duplicates"_s}).out.contains(u"ana@x.example"_s));
    }
};

CHORUS_TEST_MAIN(InteropCliTest)

#include "interopclitest.moc"
