// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/runofshowmodel.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class RunOfShowModelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_store = std::move(Store::Store::open(m_dir.filePath(u"ros-model-%1.chorus"_s.arg(++counter))).value());
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldListARunOfShowInRunningOrder()
    {
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Rally"_s}}).value();
        const QString site =
            m_store
                ->create(Kind::Site,
                         {{u"event_id"_s, event}, {u"venue"_s, u"Plaza"_s}, {u"time_zone"_s, u"Europe/Madrid"_s}, {u"starts_at"_s, u"2026-10-25T10:00:00Z"_s}})
                .value();
        Models::RunOfShowModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSite(site);
        QCOMPARE(model.rowCount(), 0);
        auto speech = m_store->create(Kind::RunOfShowItem,
                                      {{u"site_id"_s, site}, {u"offset_minutes"_s, 15}, {u"duration_minutes"_s, 10}, {u"description"_s, u"Speech"_s}});
        QVERIFY2(speech, speech ? "" : qPrintable(speech.error().message()));
        QVERIFY(m_store->create(Kind::RunOfShowItem,
                                {{u"site_id"_s, site}, {u"offset_minutes"_s, 0}, {u"duration_minutes"_s, 15}, {u"description"_s, u"Welcome"_s}}));
        // The day Europe falls back: 10:00 UTC is 11:00 CET.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, Models::RunOfShowModel::What).data().toString(), u"Welcome"_s);
        QCOMPARE(model.index(0, Models::RunOfShowModel::Time).data().toString(), u"11:00 a.m. CET"_s);
        QCOMPARE(model.index(1, Models::RunOfShowModel::Time).data().toString(), u"11:15 a.m. CET"_s);
        QCOMPARE(model.runOfShow().totalMinutes, 25);
    }
};

CHORUS_TEST_MAIN(RunOfShowModelTest)

#include "runofshowmodeltest.moc"
