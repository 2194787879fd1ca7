// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "presskitcomposer.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <KConfigGroup>
#include <KSharedConfig>
#include <QApplication>

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QPdfView>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Chorus;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace
{

std::unique_ptr<Store::Store> demoStore()
{
    auto store = Store::Store::open(u":memory:"_s);
    if (!store || !Store::loadDemoCoalition(*store.value())) {
        return nullptr;
    }
    return std::move(store).value();
}

QStringList quoteOrder(Store::Store &store)
{
    QStringList ids;
    for (const QJsonValue &id : QJsonDocument::fromJson(store.fetchAll(Kind::PressKit).first().value(u"quote_ids"_s).toString().toUtf8()).array()) {
        ids << id.toString();
    }
    return ids;
}

QStringList texts(QListWidget *list)
{
    QStringList result;
    for (int row = 0; row < list->count(); ++row) {
        result << list->item(row)->text();
    }
    return result;
}

} // namespace

class PressKitComposerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Each test starts with no remembered kit.
        KSharedConfig::openConfig()->deleteGroup(u"PressKitComposer"_s);
        KSharedConfig::openConfig()->sync();
    }

    void shouldPickAnotherKitOfTheCampaignAndRememberIt()
    {
        // GIVEN the demo campaign with a second press kit
        auto store = demoStore();
        QVERIFY(store);
        const Record demoKit = store->fetchAll(Kind::PressKit).first();
        auto second = store->create(Kind::PressKit,
                                    {{u"campaign_id"_s, demoKit.value(u"campaign_id"_s)},
                                     {u"name"_s, u"Rally kit"_s},
                                     {u"language"_s, u"es"_s},
                                     {u"quote_ids"_s, demoKit.value(u"quote_ids"_s)},
                                     {u"contact_ids"_s, demoKit.value(u"contact_ids"_s)}});
        QVERIFY(second);

        // WHEN the composer opens with no kit named, and the person picks the second kit
        {
            PressKitComposer composer(*store);
            QCOMPARE(composer.kitId(), demoKit.value(u"id"_s).toString());
            auto *kits = composer.findChild<QComboBox *>(u"kitPicker"_s);
            auto *campaigns = composer.findChild<QComboBox *>(u"campaignPicker"_s);
            QVERIFY(kits && campaigns);
            QCOMPARE(campaigns->currentText(), u"Cancel Sentinel Grid"_s);
            QCOMPARE(kits->count(), 2);
            const int row = kits->findData(second.value());
            QVERIFY(row >= 0);
            kits->setFocus();
            while (kits->currentIndex() != row) {
                QTest::keyClick(kits, row > kits->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
            }

            // THEN the composer shows that kit
            QCOMPARE(composer.kitId(), second.value());
            QTRY_VERIFY(composer.previewPageCount() > 0);
        }

        // AND the next composer opens on it again
        PressKitComposer again(*store);
        QCOMPARE(again.kitId(), second.value());
        QCOMPARE(again.findChild<QComboBox *>(u"kitPicker"_s)->currentText(), u"Rally kit"_s);
    }

    void shouldCreateANewKitForACampaignThatHasNone()
    {
        // GIVEN the composer, and the demo's second campaign, which has no kit
        auto store = demoStore();
        QVERIFY(store);
        PressKitComposer composer(*store);
        auto *campaigns = composer.findChild<QComboBox *>(u"campaignPicker"_s);
        auto *kits = composer.findChild<QComboBox *>(u"kitPicker"_s);
        const int row = campaigns->findText(u"Public Cloud, Public Accountability"_s);
        QVERIFY(row >= 0);

        // (one of its quotes is approved)
        const QString campaignId = campaigns->itemData(row).toString();
        QString approvedQuote;
        for (const Record &quote : store->fetchAll(Kind::Quote, u"campaign_id"_s, campaignId)) {
            approvedQuote = quote.value(u"id"_s).toString();
        }
        QVERIFY(!approvedQuote.isEmpty());
        QVERIFY(store->update(Kind::Quote, approvedQuote, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Grace Liu"_s}}));

        // WHEN the person picks that campaign
        campaigns->setFocus();
        while (campaigns->currentIndex() != row) {
            QTest::keyClick(campaigns, row > campaigns->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        }

        // THEN there is nothing to compose yet, and saying so
        QVERIFY(composer.kitId().isEmpty());
        QVERIFY(!kits->isEnabled());
        QVERIFY(!composer.findChild<QPushButton *>(u"duplicateKitButton"_s)->isEnabled());
        QVERIFY(texts(composer.findChild<QListWidget *>(u"guardList"_s)).join(u'\n').contains(u"no press kit yet"_s));

        // WHEN the person clicks New Kit
        QTest::mouseClick(composer.findChild<QPushButton *>(u"newKitButton"_s), Qt::LeftButton);

        // THEN the campaign has a kit, composed now, with the campaign's approved quote
        QCOMPARE(campaigns->currentData().toString(), campaignId);
        const QList<Record> campaignKits = store->fetchAll(Kind::PressKit, u"campaign_id"_s, campaignId);
        QCOMPARE(campaignKits.size(), 1);
        QCOMPARE(composer.kitId(), campaignKits.first().value(u"id"_s).toString());
        QCOMPARE(campaignKits.first().value(u"name"_s).toString(), u"New press kit"_s);
        QVERIFY(kits->isEnabled());
        QCOMPARE(kits->currentText(), u"New press kit"_s);
        QCOMPARE(composer.findChild<QListWidget *>(u"quoteList"_s)->count(), 1);
        QTRY_VERIFY(composer.previewPageCount() > 0);
    }

    void shouldDuplicateTheKitUnderANewName()
    {
        // GIVEN the composer on the demo kit
        auto store = demoStore();
        QVERIFY(store);
        const Record original = store->fetchAll(Kind::PressKit).first();
        PressKitComposer composer(*store, original.value(u"id"_s).toString());

        // WHEN the person duplicates it twice
        auto *duplicate = composer.findChild<QPushButton *>(u"duplicateKitButton"_s);
        QTest::mouseClick(duplicate, Qt::LeftButton);
        const QString firstCopy = composer.kitId();
        composer.setKit(original.value(u"id"_s).toString());
        QTest::mouseClick(duplicate, Qt::LeftButton);

        // THEN there are two copies with distinct names and the original's quotes, the last one composed
        QVERIFY(firstCopy != original.value(u"id"_s).toString());
        const std::optional<Record> copy = store->fetch(Kind::PressKit, firstCopy);
        QVERIFY(copy);
        QCOMPARE(copy->value(u"name"_s).toString(), original.value(u"name"_s).toString() + u" (copy)"_s);
        QCOMPARE(copy->value(u"quote_ids"_s), original.value(u"quote_ids"_s));
        QCOMPARE(copy->value(u"headline"_s), original.value(u"headline"_s));
        const std::optional<Record> second = store->fetch(Kind::PressKit, composer.kitId());
        QVERIFY(second);
        QCOMPARE(second->value(u"name"_s).toString(), original.value(u"name"_s).toString() + u" (copy) 2"_s);
        QCOMPARE(composer.findChild<QComboBox *>(u"kitPicker"_s)->count(), 3);
    }

    void shouldShowTheKitItsGuardsAndAPreview()
    {
        // GIVEN the demo kit
        auto store = demoStore();
        QVERIFY(store);

        // WHEN the composer opens it
        PressKitComposer composer(*store, store->fetchAll(Kind::PressKit).first().value(u"id"_s).toString());

        // THEN its quotes are listed in order, its warning about Sam Reyes is shown, and the
        // preview has pages
        auto *quotes = composer.findChild<QListWidget *>(u"quoteList"_s);
        auto *guards = composer.findChild<QListWidget *>(u"guardList"_s);
        QVERIFY(quotes && guards && composer.findChild<QPdfView *>(u"preview"_s));
        QCOMPARE(quotes->count(), 9);
        QVERIFY(quotes->item(0)->text().startsWith(u"Quote by Lucía Martínez"_s));
        QVERIFY(texts(guards).join(u'\n').contains(u"Sam Reyes has no organization"_s));
        QTRY_VERIFY(composer.previewPageCount() > 1);
        QVERIFY(composer.findChild<QCheckBox *>(u"section_release"_s)->isChecked());
    }

    void shouldStoreANewQuoteOrderWhenAQuoteIsMoved()
    {
        auto store = demoStore();
        QVERIFY(store);
        PressKitComposer composer(*store, store->fetchAll(Kind::PressKit).first().value(u"id"_s).toString());
        auto *quotes = composer.findChild<QListWidget *>(u"quoteList"_s);
        const QStringList before = quoteOrder(*store);

        // WHEN the first quote is dragged below the third
        QVERIFY(quotes->model()->moveRow(QModelIndex(), 0, QModelIndex(), 3));

        // THEN the kit keeps the new order
        const QStringList after = quoteOrder(*store);
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after.at(2), before.at(0));
        QCOMPARE(after.at(0), before.at(1));
    }

    void shouldSwitchASectionOffAndRefreshThePreview()
    {
        // GIVEN the composer on the demo kit
        auto store = demoStore();
        QVERIFY(store);
        PressKitComposer composer(*store, store->fetchAll(Kind::PressKit).first().value(u"id"_s).toString());
        QTRY_VERIFY(composer.previewPageCount() > 1);
        const int pagesBefore = composer.previewPageCount();
        QSignalSpy refreshed(&composer, &PressKitComposer::refreshed);

        // WHEN the person switches the fact sheet and the roster off
        composer.findChild<QCheckBox *>(u"section_fact_sheet"_s)->click();
        composer.findChild<QCheckBox *>(u"section_roster"_s)->click();

        // THEN the kit no longer has them, and the preview follows with fewer pages
        const QString settings = store->fetchAll(Kind::PressKit).first().value(u"settings"_s).toString();
        QVERIFY(!settings.contains(u"fact_sheet"_s));
        QVERIFY(!settings.contains(u"roster"_s));
        QTRY_VERIFY(refreshed.count() > 0);
        QTRY_VERIFY(composer.previewPageCount() < pagesBefore);
    }

    void shouldShowAnErrorWhenAGuardBlocksTheExport()
    {
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = store->fetchAll(Kind::PressKit).first().value(u"id"_s).toString();
        PressKitComposer composer(*store, kitId);
        auto *guards = composer.findChild<QListWidget *>(u"guardList"_s);

        // WHEN the kit loses its media contacts elsewhere in the app
        QVERIFY(store->update(Kind::PressKit, kitId, {{u"contact_ids"_s, QVariant()}}));

        // THEN the composer says so
        QTRY_VERIFY(texts(guards).join(u'\n').contains(u"has no media contact"_s));
    }
};

CHORUS_TEST_MAIN_IMPL(PressKitComposerTest, QApplication)

#include "presskitcomposertest.moc"
