// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "presskitcomposer.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QPdfView>
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
