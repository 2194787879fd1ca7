// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"
#include "presskittesthelpers.h"

#include "storage/statement.h"

#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Testing;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

/// The press kit record through the store's one write path: its lists and settings.
class PressKitRecordTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRefuseInvalidListsAndSettings_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << u"quote_ids"_s << u"{\"a\": 1}"_s << u"the quotes are not a list of records"_s;
        QTest::newRow("numbers") << u"contact_ids"_s << u"[1, 2]"_s << u"the media contacts are not a list of records"_s;
        QTest::newRow("unknown quote") << u"quote_ids"_s << u"[\"%1\"]"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                                       << u"the quotes does not exist"_s;
        QTest::newRow("unknown section") << u"settings"_s << u"{\"sections\": [\"release\", \"horoscope\"]}"_s
                                         << u"there is no press kit section called “horoscope”"_s;
        QTest::newRow("unknown paper") << u"settings"_s << u"{\"paper\": \"a3\"}"_s << u"the paper size “a3” is neither a4 nor letter"_s;
    }

    void shouldRefuseInvalidListsAndSettings()
    {
        // GIVEN the demo kit
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        auto store = demoStore();
        QVERIFY(store);
        const Record before = demoKit(*store);

        // WHEN a field gets a wrong value
        auto updated = store->update(Kind::PressKit, before.value(u"id"_s).toString(), {{field, value}});

        // THEN it is refused with a message naming the kit and the field, and nothing changed
        QVERIFY(!updated);
        QVERIFY2(updated.error().message().contains(message), qPrintable(updated.error().message()));
        QVERIFY2(updated.error().message().startsWith(u"Press kit"_s), qPrintable(updated.error().message()));
        QCOMPARE(demoKit(*store), before);
    }

    void shouldRefuseTheSameQuoteTwice()
    {
        auto store = demoStore();
        QVERIFY(store);
        const Record kit = demoKit(*store);
        QStringList quotes = ids(kit.value(u"quote_ids"_s));
        quotes << quotes.first();

        auto updated = store->update(Kind::PressKit, kit.value(u"id"_s).toString(), {{u"quote_ids"_s, idList(quotes)}});

        QVERIFY(!updated);
        QVERIFY2(updated.error().message().contains(u"twice"_s), qPrintable(updated.error().message()));
    }

    void shouldKeepAKitEditableAfterAListedRecordIsDeleted()
    {
        // GIVEN the demo kit, one of whose quotes is deleted
        auto store = demoStore();
        QVERIFY(store);
        const Record kit = demoKit(*store);
        QVERIFY(store->remove(Kind::Quote, ids(kit.value(u"quote_ids"_s)).constLast()));

        // WHEN its headline is changed THEN that works
        QVERIFY(store->update(Kind::PressKit, kit.value(u"id"_s).toString(), {{u"headline"_s, u"A new headline"_s}}));
    }

    void shouldRecordListChangesInTheChangeLog()
    {
        // GIVEN the demo kit
        auto store = demoStore();
        QVERIFY(store);
        const Record kit = demoKit(*store);
        QStringList quotes = ids(kit.value(u"quote_ids"_s));
        std::swap(quotes[0], quotes[1]);

        // WHEN its quotes are reordered
        QVERIFY(store->update(Kind::PressKit, kit.value(u"id"_s).toString(), {{u"quote_ids"_s, idList(quotes)}}));

        // THEN the new order is stored and logged as one field change, ready for sync
        QCOMPARE(ids(demoKit(*store).value(u"quote_ids"_s)), quotes);
        Storage::Statement log = store->database().prepare(u"SELECT value FROM change_log WHERE record_id = ? AND op = 'update' AND field = 'quote_ids'"_s);
        log.bind(1, kit.value(u"id"_s).toString());
        QVERIFY(log.step());
        QVERIFY(log.text(0).contains(quotes.first()));
    }
};

CHORUS_TEST_MAIN(PressKitRecordTest)

#include "presskitrecordtest.moc"
