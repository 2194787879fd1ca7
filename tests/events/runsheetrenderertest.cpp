// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "events/runsheetrenderer.h"
#include "store/store.h"

#include <QGuiApplication>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class RunSheetRendererTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Store> m_store;
    QString m_site;
    QString m_other;

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_store = std::move(Store::Store::open(m_dir.filePath(u"sheet-%1.chorus"_s.arg(++counter))).value());
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Rally <for> “Justice” & more"_s}}).value();
        const QString speaker = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}, {u"phone"_s, u"+1 555 0100"_s}}).value();
        m_site = m_store
                     ->create(Kind::Site,
                              {{u"event_id"_s, event},
                               {u"venue"_s, u"Plaza <b>Mayor</b>"_s},
                               {u"time_zone"_s, u"Europe/Madrid"_s},
                               {u"starts_at"_s, u"2026-10-24T10:00:00Z"_s},
                               {u"ends_at"_s, u"2026-10-24T10:30:00Z"_s},
                               {u"contact_person_id"_s, speaker},
                               {u"permit_status"_s, u"granted"_s}})
                     .value();
        m_other = m_store
                      ->create(Kind::Site,
                               {{u"event_id"_s, event},
                                {u"venue"_s, u"Puerta del Sol"_s},
                                {u"time_zone"_s, u"Europe/Madrid"_s},
                                {u"starts_at"_s, u"2026-10-24T10:00:00Z"_s}})
                      .value();
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Bring the banner"_s}, {u"site_id"_s, m_site}}));
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Sweep the square"_s}, {u"site_id"_s, m_other}}));
        QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Print flyers"_s}, {u"site_id"_s, m_site}, {u"status"_s, u"done"_s}}));
        QVERIFY(m_store->create(Kind::RunOfShowItem,
                                {{u"site_id"_s, m_site}, {u"duration_minutes"_s, 40}, {u"speaker_id"_s, speaker}, {u"description"_s, u"Speeches & chants"_s}}));
        QVERIFY(m_store->create(Kind::RunOfShowItem,
                                {{u"site_id"_s, m_other}, {u"duration_minutes"_s, 10}, {u"speaker_id"_s, speaker}, {u"description"_s, u"Welcome"_s}}));
    }

    void cleanup()
    {
        m_store.reset();
    }

    void shouldEscapeUserTextAndListWhatToCheck()
    {
        Events::RunSheetRenderer renderer(*m_store);
        const QString html = renderer.html(m_site);
        // User text is text, never markup.
        QVERIFY(html.contains(u"Plaza &lt;b&gt;Mayor&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"Rally &lt;for&gt; “Justice” &amp; more"_s));
        QVERIFY(!html.contains(u"<b>Mayor"_s));
        // Times on the site's clock, the contact with a phone number, the permit in words.
        QVERIFY(html.contains(u"12:00 p.m. CEST to 12:30 p.m. CEST"_s));
        QVERIFY(html.contains(u"Ana Ruiz, +1 555 0100"_s));
        QVERIFY(html.contains(u">granted<"_s));
        // What an organizer must check: the run of show runs 10 minutes over, and Ana is at two sites at once.
        QVERIFY(html.contains(u"Check before the day"_s));
        QVERIFY(html.contains(u"10 minutes after the site’s end"_s));
        QVERIFY(html.contains(u"Ana Ruiz is booked at two sites at once"_s));
        // The site's open tasks, not another site's, not done ones.
        QVERIFY(html.contains(u"Open tasks"_s));
        QVERIFY(html.contains(u"Bring the banner"_s));
        QVERIFY(!html.contains(u"Sweep the square"_s));
        QVERIFY(!html.contains(u"Print flyers"_s));
        QVERIFY(renderer.html(u"no-such-site"_s).isEmpty());
    }

    void shouldWriteAPdfOrNothing()
    {
        Events::RunSheetRenderer renderer(*m_store);
        const QString path = m_dir.filePath(u"sheet.pdf"_s);
        auto written = renderer.writePdf(m_site, path);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        const QString nowhere = m_dir.filePath(u"missing-folder/sheet.pdf"_s);
        auto failed = renderer.writePdf(m_site, nowhere);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message().startsWith(u"Cannot write the run sheet "_s), qPrintable(failed.error().message()));
        QVERIFY(!QFile::exists(nowhere));
    }
};

CHORUS_TEST_MAIN_IMPL(RunSheetRendererTest, QGuiApplication)

#include "runsheetrenderertest.moc"
