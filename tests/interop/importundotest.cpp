// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/duplicates.h"
#include "interop/importundo.h"
#include "interop/jsonbackup.h"
#include "store/store.h"
#include "sync/replica.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Interop;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace
{

/// New people and an organization, a row that fills in an existing person, and a row that fills
/// in a person added by an earlier row of the same file.
const QByteArray PeopleFile =
    "Name,Email,Organization,Title,Phone\n"
    "Ana Ruiz,ANA@river.example,River Alliance,Director,+1 202 555 0100\n"
    "Bo Chen,bo@harbor.example,Harbor Tenants,Organizer,\n"
    "Cy Diaz,cy@river.example,River Alliance,,\n"
    "Bo Chen,bo@harbor.example,Harbor Tenants,,+1 202 555 0199\n";

} // namespace

class ImportUndoTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_river;
    QString m_ana;

    /// The whole database as its JSON backup writes it.
    QByteArray dump()
    {
        auto json = JsonBackup::exportData(*m_store);
        return json ? json.value() : QByteArray();
    }

    Result<ImportUndo> import(const QByteArray &file, Kind kind = Kind::Person)
    {
        auto table = CsvReader::read(file);
        if (!table) {
            return table.error();
        }
        ImportOptions options;
        options.kind = kind;
        options.mapping = ColumnMapping::guess(kind, table.value().headers);
        options.source = kind == Kind::Person ? u"people.csv"_s : u"groups.csv"_s;
        return ImportUndo::import(*m_store, table.value(), options);
    }

    QString idOf(Kind kind, const QString &name)
    {
        const QList<Record> found = m_store->fetchAll(kind, u"name"_s, name);
        return found.size() == 1 ? found.first().value(u"id"_s).toString() : QString();
    }

    qint64 loggedDeletes()
    {
        Storage::Statement read = m_store->database().prepare(u"SELECT count(*) FROM change_log WHERE op = 'delete'"_s);
        return read.step() ? read.integer(0) : -1;
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN a coalition with an organization, its spokesperson (no title, no phone yet) and her quote
        static int counter = 0;
        auto store = Store::Store::open(m_dir.filePath(u"undo-%1.chorus"_s.arg(++counter)));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message()));
        m_store = std::move(store).value();
        m_river = m_store->create(Kind::Organization, {{u"name"_s, u"River Alliance"_s}}).value();
        m_ana = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@river.example"_s}, {u"organization_id"_s, m_river}}).value();
        QVERIFY(m_store->create(Kind::Quote, {{u"text"_s, u"Cancel the contract."_s}, {u"spokesperson_id"_s, m_ana}}));
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldTakeTheWholeImportBackAndMakeItAgain()
    {
        const QByteArray before = dump();
        // WHEN a file of people is imported
        auto imported = import(PeopleFile);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
        ImportUndo &step = imported.value();
        const QByteArray after = dump();
        QCOMPARE(step.report().created, 2);
        QCOMPARE(step.report().organizationsCreated, 1);
        QCOMPARE(step.report().mergeIds.size(), 2);
        QCOMPARE(step.text(), u"Import of people.csv (2 people added, 1 organization added, 2 rows merged)"_s);
        QVERIFY(!step.isEmpty());
        QCOMPARE(m_store->fetch(Kind::Person, m_ana)->value(u"title"_s).toString(), u"Director"_s);

        // AND undone, in one write
        QSignalSpy changed(m_store.get(), &Store::Store::changed);
        const qint64 deletesBefore = loggedDeletes();
        auto undone = step.undo(*m_store);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message()));
        // THEN the database is as it was before the import, and the change log has the deletes for sync
        QCOMPARE(dump(), before);
        QVERIFY(step.isUndone());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(loggedDeletes() - deletesBefore, 3);
        QVERIFY(idOf(Kind::Person, u"Bo Chen"_s).isEmpty());
        QVERIFY(idOf(Kind::Organization, u"Harbor Tenants"_s).isEmpty());
        QVERIFY(m_store->fetch(Kind::Person, m_ana)->value(u"title"_s).isNull());
        // and the audit says the merges were undone
        for (const MergeEntry &entry : Duplicates::history(*m_store)) {
            QVERIFY(entry.undone);
        }

        // WHEN redone
        auto redone = step.redo(*m_store);
        QVERIFY2(redone, redone ? "" : qPrintable(redone.error().message()));
        // THEN the same records with the same ids and values are back
        QCOMPARE(dump(), after);
        QVERIFY(!step.isUndone());

        // AND it can be undone and redone again
        QVERIFY(step.undo(*m_store));
        QCOMPARE(dump(), before);
        QVERIFY(step.redo(*m_store));
        QCOMPARE(dump(), after);
    }

    void shouldUndoAnImportOfOrganizations()
    {
        // GIVEN River Alliance without website
        const QByteArray before = dump();
        auto imported = import(
            "Organization,Website\n"
            "river alliance,https://river.example\n"
            "Harbor Tenants,https://harbor.example\n",
            Kind::Organization);
        QVERIFY(imported);
        QCOMPARE(imported.value().text(), u"Import of groups.csv (1 organization added, 1 row merged)"_s);
        const QByteArray after = dump();
        QVERIFY(after != before);
        // WHEN undone THEN as before; redone, as after
        QVERIFY(imported.value().undo(*m_store));
        QCOMPARE(dump(), before);
        QVERIFY(imported.value().redo(*m_store));
        QCOMPARE(dump(), after);
    }

    void shouldKeepLaterEditsOfOtherRecords()
    {
        auto imported = import(PeopleFile);
        QVERIFY(imported);
        // GIVEN a later edit of a record the import did not touch, and of a field of Ana it did not fill
        QVERIFY(m_store->update(Kind::Organization, m_river, {{u"website"_s, u"https://river.example"_s}}));
        QVERIFY(m_store->update(Kind::Person, m_ana, {{u"bio"_s, u"Organizer since 2009."_s}}));
        // WHEN the import is undone
        auto undone = imported.value().undo(*m_store);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message()));
        // THEN the edits stay, and what the import did is gone
        QCOMPARE(m_store->fetch(Kind::Organization, m_river)->value(u"website"_s).toString(), u"https://river.example"_s);
        const Record ana = *m_store->fetch(Kind::Person, m_ana);
        QCOMPARE(ana.value(u"bio"_s).toString(), u"Organizer since 2009."_s);
        QVERIFY(ana.value(u"title"_s).isNull());
        QVERIFY(ana.value(u"phone"_s).isNull());
        QCOMPARE(m_store->count(Kind::Person), 1);
    }

    void shouldRefuseWhenALaterEditTouchedAnImportedRecord_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a person it added, changed") << u"change"_s << u"Person “Cy Diaz”, which it added, has been changed since."_s;
        QTest::newRow("a person it added, deleted") << u"delete"_s << u"Person “Cy Diaz”, which it added, has been deleted since."_s;
        QTest::newRow("a value it filled in, changed") << u"filled"_s << u"it filled in the title of Person “Ana Ruiz”, which has been changed since."_s;
        QTest::newRow("a quote by a person it added") << u"quote"_s << u"Quote by Bo Chen refers to Person “Bo Chen”, which it added."_s;
        QTest::newRow("a person joined an organization it added")
            << u"join"_s << u"Person “Ana Ruiz” refers to Organization “Harbor Tenants”, which it added."_s;
    }

    void shouldRefuseWhenALaterEditTouchedAnImportedRecord()
    {
        QFETCH(QString, edit);
        QFETCH(QString, expected);
        auto imported = import(PeopleFile);
        QVERIFY(imported);
        const QString cy = idOf(Kind::Person, u"Cy Diaz"_s);
        const QString bo = idOf(Kind::Person, u"Bo Chen"_s);
        QVERIFY(!cy.isEmpty() && !bo.isEmpty());
        // GIVEN a later edit that touches what the import wrote
        QString quote;
        if (edit == u"change") {
            QVERIFY(m_store->update(Kind::Person, cy, {{u"title"_s, u"Treasurer"_s}}));
        } else if (edit == u"delete") {
            QVERIFY(m_store->remove(Kind::Person, cy));
        } else if (edit == u"filled") {
            QVERIFY(m_store->update(Kind::Person, m_ana, {{u"title"_s, u"Co-director"_s}}));
        } else if (edit == u"quote") {
            quote = m_store->create(Kind::Quote, {{u"text"_s, u"Homes, not contracts."_s}, {u"spokesperson_id"_s, bo}}).value();
        } else {
            QVERIFY(m_store->update(Kind::Person, m_ana, {{u"organization_id"_s, idOf(Kind::Organization, u"Harbor Tenants"_s)}}));
        }
        const QByteArray edited = dump();
        // WHEN the import is undone
        auto undone = imported.value().undo(*m_store);
        // THEN it is refused with a message that names the record, and nothing changed
        QVERIFY(!undone);
        QCOMPARE(undone.error().code(), Error::Code::Refused);
        QVERIFY2(undone.error().message().startsWith(u"The import of people.csv cannot be undone: "_s), qPrintable(undone.error().message()));
        QVERIFY2(undone.error().message().contains(expected), qPrintable(undone.error().message()));
        QCOMPARE(dump(), edited);
        QVERIFY(!imported.value().isUndone());
    }

    void shouldUndoOnceTheLaterEditIsTakenBack()
    {
        const QByteArray before = dump();
        auto imported = import(PeopleFile);
        QVERIFY(imported);
        const QString cy = idOf(Kind::Person, u"Cy Diaz"_s);
        QVERIFY(m_store->update(Kind::Person, cy, {{u"title"_s, u"Treasurer"_s}}));
        QVERIFY(!imported.value().undo(*m_store));
        // WHEN the later edit is taken back
        QVERIFY(m_store->update(Kind::Person, cy, {{u"title"_s, QVariant()}}));
        // THEN the import can be undone
        auto undone = imported.value().undo(*m_store);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message()));
        QCOMPARE(dump(), before);
    }

    void shouldReachAnotherLaptopThroughSync()
    {
        // GIVEN another laptop with the same coalition
        const QString otherPath = m_dir.filePath(u"other.chorus"_s);
        QVERIFY(m_store->database().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        QVERIFY(QFile::copy(m_store->database().path(), otherPath));
        auto opened = Store::Store::open(otherPath);
        QVERIFY(opened);
        std::unique_ptr<Store::Store> other = std::move(opened).value();
        Sync::Replica here(*m_store);
        Sync::Replica there(*other);
        const auto send = [&] {
            auto bundle = here.makeBundle();
            QVERIFY(bundle);
            auto received = there.importBundle(bundle.value());
            QVERIFY2(received, received ? "" : qPrintable(received.error().message()));
        };
        const auto otherDump = [&] {
            auto json = JsonBackup::exportData(*other);
            return json ? json.value() : QByteArray();
        };
        // WHEN the import, its undo and its redo each reach it
        auto imported = import(PeopleFile);
        QVERIFY(imported);
        send();
        QCOMPARE(otherDump(), dump());
        QVERIFY(imported.value().undo(*m_store));
        send();
        // THEN it has what this laptop has at each step
        QCOMPARE(otherDump(), dump());
        QVERIFY(imported.value().redo(*m_store));
        send();
        QCOMPARE(otherDump(), dump());
    }

    void shouldLeaveNothingToUndoWhenTheImportFailsIsCancelledOrChangesNothing()
    {
        const QByteArray before = dump();
        // A bad row stops the import.
        auto failed = import("Name,Email\nDee Ekwueme,dee@x.example\nEd Fox,not an address\n");
        QVERIFY(!failed);
        QCOMPARE(dump(), before);
        // A cancel rolls it back.
        auto table = CsvReader::read(PeopleFile);
        QVERIFY(table);
        ImportOptions options;
        options.kind = Kind::Person;
        options.mapping = ColumnMapping::guess(Kind::Person, table.value().headers);
        options.progress = [](qint64, qint64) {
            return false;
        };
        QVERIFY(!ImportUndo::import(*m_store, table.value(), options));
        QCOMPARE(dump(), before);
        // A row that brings nothing new changes nothing: no step to undo.
        auto same = import("Name,Email\nAna Ruiz,ana@river.example\n");
        QVERIFY(same);
        QCOMPARE(same.value().report().merged, 1);
        QVERIFY(same.value().isEmpty());
        QCOMPARE(dump(), before);
    }
};

CHORUS_TEST_MAIN(ImportUndoTest)

#include "importundotest.moc"
