// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "instantedit.h"
#include "models/edithistory.h"
#include "recordeditor.h"
#include "store/store.h"

#include <KMessageWidget>

#include <QApplication>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

/// Dates and instants in the record editors: shown and typed on the right clock, stored in UTC.
class InstantEditTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;
    std::unique_ptr<Models::EditHistory> m_history;
    std::unique_ptr<Desktop::RecordEditor> m_editor;
    QString m_site;

    Desktop::InstantEdit *field(const QString &name) const
    {
        return m_editor->findChild<Desktop::InstantEdit *>(u"field_"_s + name);
    }
    QVariant stored(Kind kind, const QString &id, const QString &name) const
    {
        return m_store->fetch(kind, id)->value(name);
    }
    void showEditor(Kind kind, const QString &id)
    {
        m_editor = std::make_unique<Desktop::RecordEditor>(kind);
        m_editor->setHistory(m_history.get());
        m_editor->setRecord(id);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }
    /// Types date and time into the field, as the user would, and presses Return.
    static void type(Desktop::InstantEdit *edit, const QDate &date, const QTime &time = {})
    {
        edit->setFocus();
        edit->setLocalDateTime(date, time);
        QTest::keyClick(edit->dateTimeEdit(), Qt::Key_Return);
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN a press conference at a site in Los Angeles, from 10 a.m. to 3 p.m. local time
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        const QString event = m_store->create(Kind::Event, {{u"title"_s, u"Press conference"_s}}).value();
        m_site = m_store
                     ->create(Kind::Site,
                              {{u"event_id"_s, event},
                               {u"venue"_s, u"Campus plaza"_s},
                               {u"time_zone"_s, u"America/Los_Angeles"_s},
                               {u"starts_at"_s, u"2027-05-20T17:00:00Z"_s},
                               {u"ends_at"_s, u"2027-05-20T22:00:00Z"_s}})
                     .value();
        m_history = std::make_unique<Models::EditHistory>();
        m_history->setStore(m_store.get());
        showEditor(Kind::Site, m_site);
    }

    void cleanup()
    {
        m_editor.reset();
        m_history.reset();
        m_store.reset();
    }

    void shouldShowASiteTimeOnTheSiteClockWithItsAbbreviation()
    {
        Desktop::InstantEdit *starts = field(u"starts_at"_s);
        QVERIFY(starts);
        QCOMPARE(starts->date(), QDate(2027, 5, 20));
        QCOMPARE(starts->time(), QTime(10, 0));
        QCOMPARE(starts->findChild<QLabel *>(u"zone"_s)->text(), u"PDT"_s);
        QVERIFY(starts->dateTimeEdit()->calendarPopup());
        QCOMPARE(starts->dateTimeEdit()->accessibleName(), fieldLabel(Kind::Site, u"starts_at"));
    }

    void shouldStoreTheLocalTimeTypedInUtc_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("utc");
        QTest::addColumn<QString>("abbreviation");
        QTest::newRow("summer: UTC-7") << QDate(2027, 5, 20) << QTime(13, 30) << u"2027-05-20T20:30:00Z"_s << u"PDT"_s;
        QTest::newRow("winter: UTC-8") << QDate(2027, 1, 14) << QTime(13, 30) << u"2027-01-14T21:30:00Z"_s << u"PST"_s;
        QTest::newRow("early morning") << QDate(2027, 5, 20) << QTime(6, 5) << u"2027-05-20T13:05:00Z"_s << u"PDT"_s;
    }

    void shouldStoreTheLocalTimeTypedInUtc()
    {
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QString, utc);
        QFETCH(QString, abbreviation);
        // WHEN the start is set to a time on the site's clock and the field is left
        Desktop::InstantEdit *starts = field(u"starts_at"_s);
        type(starts, date, time);
        // THEN the store holds that moment in UTC, and the zone's abbreviation follows the date
        QCOMPARE(stored(Kind::Site, m_site, u"starts_at"_s).toString(), utc);
        QCOMPARE(starts->findChild<QLabel *>(u"zone"_s)->text(), abbreviation);
        QVERIFY(!m_editor->findChild<KMessageWidget *>(u"editorMessage"_s)->isVisible());
        // AND the change can be undone
        m_history->undoStack()->undo();
        QCOMPARE(stored(Kind::Site, m_site, u"starts_at"_s).toString(), u"2027-05-20T17:00:00Z"_s);
        QCOMPARE(starts->time(), QTime(10, 0));
    }

    void shouldRefuseATimeTheClocksJumpOver()
    {
        // WHEN 2:30 a.m. is chosen on the night the clocks in Los Angeles jump from 2 to 3 a.m.
        type(field(u"starts_at"_s), QDate(2027, 3, 14), QTime(2, 30));
        // THEN nothing is stored, and the message says why and what to choose
        QCOMPARE(stored(Kind::Site, m_site, u"starts_at"_s).toString(), u"2027-05-20T17:00:00Z"_s);
        auto *message = m_editor->findChild<KMessageWidget *>(u"editorMessage"_s);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"does not exist"_s), qPrintable(message->text()));
        QVERIFY2(message->text().contains(u"Campus plaza"_s), qPrintable(message->text()));
        QCOMPARE(m_history->undoStack()->count(), 0);
        // AND a time that exists is taken
        type(field(u"starts_at"_s), QDate(2027, 3, 14), QTime(3, 30));
        QCOMPARE(stored(Kind::Site, m_site, u"starts_at"_s).toString(), u"2027-03-14T10:30:00Z"_s);
        QVERIFY(!message->isVisible());
    }

    void shouldClearAnOptionalInstantButNotARequiredOne()
    {
        Desktop::InstantEdit *ends = field(u"ends_at"_s);
        auto *clear = ends->findChild<QToolButton *>(u"clear"_s);
        QVERIFY(clear->isVisible());
        QVERIFY(!field(u"starts_at"_s)->findChild<QToolButton *>(u"clear"_s)->isVisible());
        // WHEN the end is cleared
        QTest::mouseClick(clear, Qt::LeftButton);
        // THEN the site has no end, and the field says so
        QVERIFY(stored(Kind::Site, m_site, u"ends_at"_s).isNull());
        QVERIFY(ends->isEmpty());
        QCOMPARE(ends->dateTimeEdit()->text(), u"(not set)"_s);
        // AND undo brings it back
        m_history->undoStack()->undo();
        QCOMPARE(stored(Kind::Site, m_site, u"ends_at"_s).toString(), u"2027-05-20T22:00:00Z"_s);
        QCOMPARE(ends->time(), QTime(15, 0));
    }

    void shouldShowTheSameMomentWhenTheSiteMovesToAnotherZone()
    {
        QVERIFY(m_store->update(Kind::Site, m_site, {{u"time_zone"_s, u"America/New_York"_s}}));
        QCOMPARE(field(u"starts_at"_s)->time(), QTime(13, 0));
        QCOMPARE(field(u"starts_at"_s)->findChild<QLabel *>(u"zone"_s)->text(), u"EDT"_s);
    }

    void shouldShowATaskDueTimeOnItsOwnZoneOrTheUsersClock()
    {
        const QString zoned =
            m_store
                ->create(Kind::Task, {{u"title"_s, u"Print the banners"_s}, {u"due_at"_s, u"2027-05-19T22:00:00Z"_s}, {u"due_time_zone"_s, u"Europe/Madrid"_s}})
                .value();
        showEditor(Kind::Task, zoned);
        QCOMPARE(field(u"due_at"_s)->time(), QTime(0, 0));
        QCOMPARE(field(u"due_at"_s)->date(), QDate(2027, 5, 20));
        // Without a zone of its own, the user's clock (UTC in tests)
        QVERIFY(m_store->update(Kind::Task, zoned, {{u"due_time_zone"_s, QVariant()}}));
        QCOMPARE(field(u"due_at"_s)->time(), QTime(22, 0));
        type(field(u"due_at"_s), QDate(2027, 5, 21), QTime(9, 0));
        QCOMPARE(stored(Kind::Task, zoned, u"due_at"_s).toString(), u"2027-05-21T09:00:00Z"_s);
    }

    void shouldEditADateWithoutATime()
    {
        const QString campaign = m_store->create(Kind::Campaign, {{u"name"_s, u"Cancel the contract"_s}}).value();
        showEditor(Kind::Campaign, campaign);
        Desktop::InstantEdit *starts = field(u"starts_on"_s);
        QVERIFY(starts->isEmpty());
        QVERIFY(!starts->findChild<QLabel *>(u"zone"_s)->isVisible());
        type(starts, QDate(2027, 5, 1));
        QCOMPARE(stored(Kind::Campaign, campaign, u"starts_on"_s).toString(), u"2027-05-01"_s);
        QTest::mouseClick(starts->findChild<QToolButton *>(u"clear"_s), Qt::LeftButton);
        QVERIFY(stored(Kind::Campaign, campaign, u"starts_on"_s).isNull());
    }
    void shouldLetTabLeaveAnEmptyDateField_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("editable") << false;
        QTest::newRow("read-only") << true;
    }

    void shouldLetTabLeaveAnEmptyDateField()
    {
        // GIVEN a form with an empty date and time field between two text fields
        QWidget form;
        auto *layout = new QVBoxLayout(&form);
        auto *before = new QLineEdit(&form);
        auto *edit = new Desktop::InstantEdit(Desktop::InstantEdit::Mode::DateTime, true, &form);
        auto *after = new QLineEdit(&form);
        layout->addWidget(before);
        layout->addWidget(edit);
        layout->addWidget(after);
        QFETCH(bool, readOnly);
        edit->setReadOnly(readOnly);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == &form);
        before->setFocus();
        QVERIFY(edit->isEmpty());
        // WHEN the user tabs into it and on
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), edit->dateTimeEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        // THEN the next Tab leaves it (it kept the focus on "(not set)" for ever)
        if (!readOnly) {
            QCOMPARE(QApplication::focusWidget(), edit->findChild<QToolButton *>(u"clear"_s));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(QApplication::focusWidget(), after);
        // AND Shift+Tab goes back through it
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        if (!readOnly) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        }
        QCOMPARE(QApplication::focusWidget(), edit->dateTimeEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), before);
    }
};

CHORUS_TEST_MAIN_IMPL(InstantEditTest, QApplication)

#include "instantedittest.moc"
