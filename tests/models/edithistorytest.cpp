// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "interop/importundo.h"
#include "models/edithistory.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Models::EditHistory;

class EditHistoryTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;
    std::unique_ptr<EditHistory> m_history;
    QString m_organization;
    QString m_person;
    QString m_quote;

    QVariant value(Kind kind, const QString &id, const QString &field)
    {
        const auto record = m_store->fetch(kind, id);
        return record ? record->value(field) : QVariant();
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN an organization, its spokesperson and her approved quote
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        m_organization = m_store->create(Kind::Organization, {{u"name"_s, u"River Alliance"_s}}).value();
        m_person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"organization_id"_s, m_organization}}).value();
        m_quote =
            m_store
                ->create(
                    Kind::Quote,
                    {{u"text"_s, u"Cancel the contract."_s}, {u"spokesperson_id"_s, m_person}, {u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Ana Ruiz"_s}})
                .value();
        // AND an edit history over the store
        m_history = std::make_unique<EditHistory>();
        m_history->setStore(m_store.get());
    }

    void cleanup()
    {
        m_history.reset();
        m_store.reset();
    }

    void shouldUndoAndRedoAFieldChange()
    {
        // WHEN a field is changed through the history
        QVERIFY(m_history->update(Kind::Person, m_person, {{u"title"_s, u"Director"_s}}));
        // THEN it is written at once, and can be undone and redone
        QCOMPARE(value(Kind::Person, m_person, u"title"_s).toString(), u"Director"_s);
        QCOMPARE(m_history->undoStack()->count(), 1);
        QCOMPARE(m_history->undoStack()->undoText(), u"Change title of Person “Ana Ruiz”"_s);
        m_history->undoStack()->undo();
        QVERIFY(value(Kind::Person, m_person, u"title"_s).isNull());
        m_history->undoStack()->redo();
        QCOMPARE(value(Kind::Person, m_person, u"title"_s).toString(), u"Director"_s);
    }

    void shouldLeaveNoStepWhenTheStoreRefuses()
    {
        const auto refused = m_history->update(Kind::Person, m_person, {{u"email"_s, u"not an address"_s}});
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(u"Ana Ruiz"_s));
        QCOMPARE(m_history->undoStack()->count(), 0);
        // Nor for a change that changes nothing.
        QVERIFY(m_history->update(Kind::Person, m_person, {{u"name"_s, u"Ana Ruiz"_s}}));
        QCOMPARE(m_history->undoStack()->count(), 0);
    }

    void shouldBringBackTheApprovalWhenNewWordsAreUndone()
    {
        // WHEN the approved words are edited (which returns the quote to draft)
        QVERIFY(m_history->update(Kind::Quote, m_quote, {{u"text"_s, u"Cancel the contract now."_s}}));
        QCOMPARE(value(Kind::Quote, m_quote, u"state"_s).toString(), u"draft"_s);
        const QString approvedAt = value(Kind::Quote, m_quote, u"approved_at"_s).toString();
        QVERIFY(approvedAt.isEmpty());
        // THEN undo restores the words and the approval, with who approved it
        m_history->undoStack()->undo();
        QCOMPARE(value(Kind::Quote, m_quote, u"text"_s).toString(), u"Cancel the contract."_s);
        QCOMPARE(value(Kind::Quote, m_quote, u"state"_s).toString(), u"approved"_s);
        QCOMPARE(value(Kind::Quote, m_quote, u"approved_by"_s).toString(), u"Ana Ruiz"_s);
        QVERIFY(!value(Kind::Quote, m_quote, u"approved_at"_s).toString().isEmpty());
        m_history->undoStack()->redo();
        QCOMPARE(value(Kind::Quote, m_quote, u"state"_s).toString(), u"draft"_s);
    }

    void shouldUndoACreation()
    {
        const auto created = m_history->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}});
        QVERIFY(created);
        QCOMPARE(m_store->count(Kind::Organization), 2);
        m_history->undoStack()->undo();
        QCOMPARE(m_store->count(Kind::Organization), 1);
        // Redo brings back the same record, with the same id.
        m_history->undoStack()->redo();
        QCOMPARE(value(Kind::Organization, created.value(), u"name"_s).toString(), u"Tech Workers United"_s);
    }

    void shouldBringBackEverythingADeleteTook()
    {
        // GIVEN the organization is in a campaign and the person is its press contact
        const auto campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}});
        QVERIFY(campaign);
        QVERIFY(
            m_store->create(Kind::Membership, {{u"campaign_id"_s, campaign.value()}, {u"organization_id"_s, m_organization}, {u"status"_s, u"signed_on"_s}}));
        QVERIFY(m_store->update(Kind::Organization, m_organization, {{u"press_contact_id"_s, m_person}}));
        // WHEN the person is deleted with her quotes
        QVERIFY(m_history->remove(Kind::Person, m_person, Store::DeletePolicy::DeleteDependents));
        QVERIFY(!m_store->fetch(Kind::Quote, m_quote));
        QVERIFY(value(Kind::Organization, m_organization, u"press_contact_id"_s).isNull());
        // AND the organization too, which takes its membership
        QVERIFY(m_history->remove(Kind::Organization, m_organization));
        QCOMPARE(m_store->count(Kind::Membership), 0);
        // THEN undoing both brings back all of it, links included
        m_history->undoStack()->undo();
        QCOMPARE(m_store->count(Kind::Membership), 1);
        m_history->undoStack()->undo();
        QCOMPARE(value(Kind::Quote, m_quote, u"state"_s).toString(), u"approved"_s);
        QCOMPARE(value(Kind::Person, m_person, u"organization_id"_s).toString(), m_organization);
        QCOMPARE(value(Kind::Organization, m_organization, u"press_contact_id"_s).toString(), m_person);
        // AND redo deletes again
        m_history->undoStack()->redo();
        QVERIFY(!m_store->fetch(Kind::Person, m_person));
        QVERIFY(m_store->check().isEmpty());
    }

    void shouldRefuseADeleteThatWouldOrphanQuotes()
    {
        const auto refused = m_history->remove(Kind::Person, m_person);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Refused);
        QCOMPARE(m_history->undoStack()->count(), 0);
    }

    void shouldReportAnUndoTheStoreRefuses()
    {
        QVERIFY(m_history->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}}));
        const QString id = m_store->fetchAll(Kind::Organization).constLast().value(u"id"_s).toString();
        // GIVEN someone gave the new organization a person meanwhile, outside the history
        QVERIFY(m_store->create(Kind::Person, {{u"name"_s, u"Bo Chen"_s}, {u"organization_id"_s, id}}));
        QSignalSpy failed(m_history.get(), &EditHistory::failed);
        // WHEN its creation is undone
        m_history->undoStack()->undo();
        // THEN the store refuses, and the history says why
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"Tech Workers United"_s));
        QVERIFY(m_store->fetch(Kind::Organization, id));
    }

    void shouldForgetTheHistoryOfAnotherDatabase()
    {
        QVERIFY(m_history->update(Kind::Person, m_person, {{u"title"_s, u"Director"_s}}));
        m_history->setStore(nullptr);
        QCOMPARE(m_history->undoStack()->count(), 0);
        QVERIFY(!m_history->update(Kind::Person, m_person, {{u"title"_s, u"Chair"_s}}));
    }

    void shouldKeepTheHistoryOfTheSameDatabaseReopened()
    {
        QVERIFY(m_history->update(Kind::Person, m_person, {{u"title"_s, u"Director"_s}}));
        m_history->setStore(m_store.get(), EditHistory::History::Keep);
        QCOMPARE(m_history->undoStack()->count(), 1);
        m_history->undoStack()->undo();
        QVERIFY(value(Kind::Person, m_person, u"title"_s).isNull());
    }

    /// An import of people.csv into the store: Ana Ruiz again, with a title, and Bo Chen.
    std::shared_ptr<Interop::ImportUndo> importPeople(const QByteArray &file)
    {
        auto table = Interop::CsvReader::read(file);
        if (!table) {
            return {};
        }
        Interop::ImportOptions options;
        options.mapping = Interop::ColumnMapping::guess(Kind::Person, table.value().headers);
        options.source = u"people.csv"_s;
        auto imported = Interop::ImportUndo::import(*m_store, table.value(), options);
        return imported ? std::make_shared<Interop::ImportUndo>(std::move(imported).value()) : nullptr;
    }

    void shouldUndoAnImportAsOneStepAndKeepTheStepWhenRefused()
    {
        // GIVEN an import that added Bo Chen and gave Ana Ruiz a title, added to the history
        const auto import = importPeople("Name,Organization,Title\nAna Ruiz,River Alliance,Director\nBo Chen,,\n");
        QVERIFY(import);
        m_history->addImport(import);
        QCOMPARE(m_history->undoStack()->count(), 1);
        QCOMPARE(m_history->undoStack()->undoText(), u"Import of people.csv (1 person added, 1 row merged)"_s);
        const QString bo = m_store->fetchAll(Kind::Person, u"name"_s, u"Bo Chen"_s).value(0).value(u"id"_s).toString();
        QVERIFY(!bo.isEmpty());
        // WHEN undone THEN all of it goes; redone, it comes back
        m_history->undoStack()->undo();
        QVERIFY(!m_store->fetch(Kind::Person, bo));
        QVERIFY(value(Kind::Person, m_person, u"title"_s).isNull());
        m_history->undoStack()->redo();
        QVERIFY(m_store->fetch(Kind::Person, bo));
        QCOMPARE(value(Kind::Person, m_person, u"title"_s).toString(), u"Director"_s);

        // GIVEN Bo Chen was changed since, outside the history
        QVERIFY(m_store->update(Kind::Person, bo, {{u"title"_s, u"Treasurer"_s}}));
        QSignalSpy failed(m_history.get(), &EditHistory::failed);
        // WHEN the import is undone
        m_history->undoStack()->undo();
        // THEN it is refused with the record's name, nothing changes, and the step stays to be undone later
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"Person “Bo Chen”"_s), qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(m_history->undoStack()->index(), 1);
        QVERIFY(m_history->undoStack()->canUndo());
        QCOMPARE(value(Kind::Person, bo, u"title"_s).toString(), u"Treasurer"_s);
        QCOMPARE(value(Kind::Person, m_person, u"title"_s).toString(), u"Director"_s);
        // and once the change is taken back, the undo goes through
        QVERIFY(m_store->update(Kind::Person, bo, {{u"title"_s, QVariant()}}));
        m_history->undoStack()->undo();
        QVERIFY(!m_store->fetch(Kind::Person, bo));
        QCOMPARE(failed.size(), 1);
    }

    void shouldAddNoStepForAnImportThatChangedNothing()
    {
        const auto import = importPeople("Name,Organization\nAna Ruiz,River Alliance\n");
        QVERIFY(import);
        QVERIFY(import->isEmpty());
        m_history->addImport(import);
        QCOMPARE(m_history->undoStack()->count(), 0);
    }
};

CHORUS_TEST_MAIN(EditHistoryTest)

#include "edithistorytest.moc"
