// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "cli/clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;

/// chorus-cli list, show, create, update, delete and quote, run as a script would run them.
class RecordCommandsTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    Chorus::Test::CliRun cli(const QStringList &arguments)
    {
        return Chorus::Test::runCli(m_dir->path(), QStringList{u"--db"_s, m_db} + arguments);
    }

    /// The id of the one person called name, read with list --where.
    QString personId(const QString &name)
    {
        const auto run = cli({u"list"_s, u"person"_s, u"--where"_s, u"name="_s + name});
        return run.out.section(u'\t', 0, 0);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(u"coalition.chorus"_s);
        const auto made = cli({u"init"_s, u"--demo"_s});
        QVERIFY2(made.exitCode == 0, made.describe().constData());
    }

    void shouldCreateARecordNamingItsReferencesAndPrintItsIdAlone()
    {
        // WHEN a script creates a quote, naming the spokesperson and the campaign
        const auto created = cli(
            {u"create"_s, u"quote"_s, u"text=We will not stop until they stop."_s, u"spokesperson_id=Lucía Martínez"_s, u"campaign_id=Cancel Sentinel Grid"_s});
        // THEN it gets the new id alone on standard output
        QVERIFY2(created.exitCode == 0, created.describe().constData());
        const QString id = created.out.trimmed();
        QVERIFY2(!QUuid::fromString(id).isNull(), created.describe().constData());
        // AND show --json gives the record with the ids of what was named
        const auto shown = cli({u"show"_s, u"quotes"_s, id, u"--json"_s});
        QVERIFY2(shown.exitCode == 0, shown.describe().constData());
        const QJsonObject quote = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(quote.value(u"text"_s).toString(), u"We will not stop until they stop."_s);
        QCOMPARE(quote.value(u"spokesperson_id"_s).toString(), personId(u"Lucía Martínez"_s));
        QCOMPARE(quote.value(u"state"_s).toString(), u"draft"_s);
        // AND the plain show names the spokesperson beside the id
        const auto plain = cli({u"show"_s, u"quote"_s, id});
        QVERIFY2(plain.out.contains(u"(Person “Lucía Martínez”)"_s), plain.describe().constData());
    }

    void shouldListOnlyTheRecordsThatMatchEveryCondition()
    {
        const auto run = cli({u"list"_s, u"quotes"_s, u"--where"_s, u"state=approved"_s, u"--where"_s, u"language=es"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonArray quotes = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QVERIFY2(!quotes.isEmpty(), run.describe().constData());
        for (const QJsonValue &quote : quotes) {
            QCOMPARE(quote[u"state"_s].toString(), u"approved"_s);
            QCOMPARE(quote[u"language"_s].toString(), u"es"_s);
        }
        // AND the same conditions in text: one line per record, id first, state last
        const auto text = cli({u"list"_s, u"quote"_s, u"--where"_s, u"state=approved"_s, u"--where"_s, u"language=es"_s});
        const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), quotes.size());
        for (const QString &line : lines) {
            QVERIFY2(line.endsWith(u"\tapproved"_s), qPrintable(line));
        }
        // AND --limit stops the list
        const auto two = cli({u"list"_s, u"organizations"_s, u"--limit"_s, u"2"_s});
        QCOMPARE(two.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
    }

    void shouldMoveAQuoteThroughItsApprovalAsTheAppDoes()
    {
        const QString id = cli({u"create"_s, u"quote"_s, u"text=Workers deserve a say."_s, u"spokesperson_id=Lucía Martínez"_s}).out.trimmed();
        QVERIFY(!id.isEmpty());
        // An approval must say who approved
        const auto anonymous = cli({u"quote"_s, u"approve"_s, id});
        QCOMPARE(anonymous.exitCode, 2);
        QVERIFY2(anonymous.err.contains(u"--by NAME"_s), anonymous.describe().constData());

        const auto submitted = cli({u"quote"_s, u"submit"_s, id});
        QVERIFY2(submitted.exitCode == 0, submitted.describe().constData());
        const auto approved = cli({u"quote"_s, u"approve"_s, id, u"--by"_s, u"Lucía Martínez"_s});
        QVERIFY2(approved.exitCode == 0, approved.describe().constData());
        QJsonObject quote = QJsonDocument::fromJson(cli({u"show"_s, u"quote"_s, id, u"--json"_s}).out.toUtf8()).object();
        QCOMPARE(quote.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(quote.value(u"approved_by"_s).toString(), u"Lucía Martínez"_s);
        QVERIFY(!quote.value(u"approved_at"_s).toString().isEmpty());

        // An approved quote is not submitted again
        const auto again = cli({u"quote"_s, u"submit"_s, id});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"only a draft can be submitted"_s), again.describe().constData());

        // Changing approved words makes the quote a draft again, as in the app
        const auto edited = cli({u"update"_s, u"quote"_s, id, u"text=Workers deserve a real say."_s});
        QVERIFY2(edited.exitCode == 0, edited.describe().constData());
        quote = QJsonDocument::fromJson(cli({u"show"_s, u"quote"_s, id, u"--json"_s}).out.toUtf8()).object();
        QCOMPARE(quote.value(u"state"_s).toString(), u"draft"_s);
        QVERIFY(quote.value(u"approved_by"_s).isNull());
    }

    void shouldRefuseBadCommandsAndLeaveTheDatabaseAsItWas_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind") << QStringList{u"list"_s, u"widgets"_s} << 2 << u"“widgets” is not a kind of record"_s;
        QTest::newRow("unknown field") << QStringList{u"create"_s, u"person"_s, u"colour=red"_s} << 2 << u"A person has no field “colour”"_s;
        QTest::newRow("not an assignment") << QStringList{u"create"_s, u"person"_s, u"Ana"_s} << 2 << u"is not of the form FIELD=VALUE"_s;
        QTest::newRow("field twice") << QStringList{u"create"_s, u"person"_s, u"name=A"_s, u"name=B"_s} << 2 << u"given twice"_s;
        QTest::newRow("empty required field") << QStringList{u"create"_s, u"person"_s, u"name="_s} << 1 << u"the name is empty"_s;
        QTest::newRow("nobody by that name") << QStringList{u"create"_s, u"quote"_s, u"text=Hi"_s, u"spokesperson_id=Nobody Here"_s} << 2
                                             << u"No person is called “Nobody Here”"_s;
        QTest::newRow("invalid value") << QStringList{u"create"_s, u"person"_s, u"name=Ana"_s, u"email=not-an-address"_s} << 1
                                       << u"is not a valid e-mail address"_s;
        QTest::newRow("no such record") << QStringList{u"show"_s, u"person"_s, u"0192f000-0000-7000-8000-000000000000"_s} << 1 << u"There is no person"_s;
        QTest::newRow("update without changes") << QStringList{u"update"_s, u"campaign"_s, u"x"_s} << 1 << u"There is no campaign"_s;
        QTest::newRow("wrong quote action") << QStringList{u"quote"_s, u"publish"_s, u"x"_s} << 2 << u"submit, approve, withdraw or reopen"_s;
        QTest::newRow("picture not a file") << QStringList{u"create"_s, u"person"_s, u"name=Ana"_s, u"photo=abc"_s} << 2 << u"photo=@FILE"_s;
    }

    void shouldRefuseBadCommandsAndLeaveTheDatabaseAsItWas()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QByteArray before = Chorus::Test::fileHash(m_db);
        const auto run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(Chorus::Test::fileHash(m_db), before);
    }

    void shouldDeleteOnlyWhatTheScriptAllows()
    {
        const QString person = personId(u"Lucía Martínez"_s);
        QVERIFY(!person.isEmpty());
        // Her quotes depend on her: refused unless said otherwise
        const auto refused = cli({u"delete"_s, u"person"_s, person});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(!refused.err.isEmpty(), refused.describe().constData());
        QCOMPARE(cli({u"show"_s, u"person"_s, person}).exitCode, 0);

        const auto removed = cli({u"delete"_s, u"person"_s, person, u"--with-dependents"_s});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QCOMPARE(cli({u"show"_s, u"person"_s, person}).exitCode, 1);
        const auto quotes = cli({u"list"_s, u"quote"_s, u"--where"_s, u"spokesperson_id="_s + person});
        QVERIFY2(quotes.out.isEmpty(), quotes.describe().constData());
    }

    void shouldCarryAScriptedEditToAnotherLaptop()
    {
        // GIVEN a second laptop with a copy of the coalition's changes
        const QString other = m_dir->filePath(u"other.chorus"_s);
        QCOMPARE(Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"init"_s}).exitCode, 0);
        const QString bundle = m_dir->filePath(u"changes.chorus-bundle"_s);
        // WHEN a volunteer's script edits a bio here and the changes travel by file
        const QString person = personId(u"Lucía Martínez"_s);
        QCOMPARE(cli({u"update"_s, u"person"_s, person, u"bio=Organizer since 2009."_s}).exitCode, 0);
        QCOMPARE(cli({u"bundle"_s, u"export"_s, u"--out"_s, bundle}).exitCode, 0);
        const auto imported = Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"bundle"_s, u"import"_s, bundle});
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        // THEN the other laptop shows the edit
        const auto shown = Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"show"_s, u"person"_s, person, u"--json"_s});
        QVERIFY2(shown.exitCode == 0, shown.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(u"bio"_s).toString(), u"Organizer since 2009."_s);
        // AND nothing was in conflict, said without a word on standard error
        const auto conflicts = Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"conflicts"_s, u"list"_s});
        QCOMPARE(conflicts.exitCode, 0);
        QVERIFY2(conflicts.err.isEmpty(), conflicts.describe().constData());
        QVERIFY2(conflicts.out.startsWith(u"No conflicts"_s), conflicts.describe().constData());
    }

    void shouldResolveAConflictOfTwoScriptedEdits()
    {
        // GIVEN two laptops that changed the same bio at once and exchanged their changes
        const QString other = m_dir->filePath(u"other.chorus"_s);
        const QString seed = m_dir->filePath(u"seed.bundle"_s);
        QCOMPARE(cli({u"bundle"_s, u"export"_s, u"--out"_s, seed}).exitCode, 0);
        const auto otherCli = [&](const QStringList &arguments) {
            return Chorus::Test::runCli(m_dir->path(), QStringList{u"--db"_s, other} + arguments);
        };
        QCOMPARE(otherCli({u"init"_s}).exitCode, 0);
        QCOMPARE(otherCli({u"bundle"_s, u"import"_s, seed}).exitCode, 0);
        const QString person = personId(u"Lucía Martínez"_s);
        QCOMPARE(cli({u"update"_s, u"person"_s, person, u"bio=Mine."_s}).exitCode, 0);
        QCOMPARE(otherCli({u"update"_s, u"person"_s, person, u"bio=Theirs."_s}).exitCode, 0);
        const QString bundle = m_dir->filePath(u"other.bundle"_s);
        QCOMPARE(otherCli({u"bundle"_s, u"export"_s, u"--out"_s, bundle}).exitCode, 0);
        QCOMPARE(cli({u"bundle"_s, u"import"_s, bundle}).exitCode, 0);
        const QJsonArray conflicts = QJsonDocument::fromJson(cli({u"conflicts"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array();
        QCOMPARE(conflicts.size(), 1);
        const QString number = QString::number(conflicts.first()[u"id"_s].toInteger());
        const QString lost = conflicts.first()[u"other"_s].toString();
        const QString kept = conflicts.first()[u"current"_s].toString();
        QCOMPARE(QSet<QString>({lost, kept}), QSet<QString>({u"Mine."_s, u"Theirs."_s}));

        // WHEN the script resolves it badly, then well
        QCOMPARE(cli({u"conflicts"_s, u"resolve"_s, number}).exitCode, 2);
        QCOMPARE(cli({u"conflicts"_s, u"resolve"_s, number, u"--keep"_s, u"both"_s}).exitCode, 2);
        QCOMPARE(cli({u"conflicts"_s, u"resolve"_s, u"999"_s, u"--keep"_s, u"mine"_s}).exitCode, 1);
        const auto resolved = cli({u"conflicts"_s, u"resolve"_s, number, u"--keep"_s, u"theirs"_s});
        QVERIFY2(resolved.exitCode == 0, resolved.describe().constData());

        // THEN the version that had lost is the bio now, and nothing is left to resolve
        const auto shown = cli({u"show"_s, u"person"_s, person, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(u"bio"_s).toString(), lost);
        QCOMPARE(QJsonDocument::fromJson(cli({u"conflicts"_s, u"list"_s, u"--json"_s}).out.toUtf8()).array().size(), 0);
    }

    void shouldNameADeletedRecordInItsConflictAsItWasKnown()
    {
        // GIVEN a person deleted here while another laptop changed her bio
        const QString other = m_dir->filePath(u"other.chorus"_s);
        const QString seed = m_dir->filePath(u"seed.bundle"_s);
        QCOMPARE(cli({u"bundle"_s, u"export"_s, u"--out"_s, seed}).exitCode, 0);
        QCOMPARE(Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"init"_s}).exitCode, 0);
        QCOMPARE(Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"bundle"_s, u"import"_s, seed}).exitCode, 0);
        const QString person = personId(u"Lucía Martínez"_s);
        QCOMPARE(Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"update"_s, u"person"_s, person, u"bio=Still here."_s}).exitCode, 0);
        QCOMPARE(cli({u"delete"_s, u"person"_s, person, u"--with-dependents"_s}).exitCode, 0);
        const QString bundle = m_dir->filePath(u"other.bundle"_s);
        QCOMPARE(Chorus::Test::runCli(m_dir->path(), {u"--db"_s, other, u"bundle"_s, u"export"_s, u"--out"_s, bundle}).exitCode, 0);
        QCOMPARE(cli({u"bundle"_s, u"import"_s, bundle}).exitCode, 0);
        // THEN the conflict names her, though she is gone
        const auto listed = cli({u"conflicts"_s, u"list"_s});
        QVERIFY2(listed.out.contains(u"Person “Lucía Martínez” was deleted"_s), listed.describe().constData());
        QVERIFY2(listed.out.contains(u"Still here."_s), listed.describe().constData());
    }
};

CHORUS_TEST_MAIN(RecordCommandsTest)

#include "recordcommandstest.moc"
