// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "models/edithistory.h"
#include "recordeditor.h"
#include "store/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;

class RecordEditorTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Store> m_store;
    std::unique_ptr<Models::EditHistory> m_history;
    std::unique_ptr<Desktop::RecordEditor> m_editor;
    QString m_river;
    QString m_person;

    template<typename T>
    T *field(const QString &name) const
    {
        return m_editor->findChild<T *>(u"field_"_s + name);
    }
    QVariant stored(const QString &name) const
    {
        return m_store->fetch(Kind::Person, m_person)->value(name);
    }

private Q_SLOTS:
    void init()
    {
        // GIVEN a person, two organizations, and the person's editor on screen
        auto opened = Store::Store::open(u":memory:"_s);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        m_river = m_store->create(Kind::Organization, {{u"name"_s, u"River Alliance"_s}}).value();
        QVERIFY(m_store->create(Kind::Organization, {{u"name"_s, u"Tech Workers United"_s}}));
        m_person = m_store->create(Kind::Person, {{u"name"_s, u"Ana Ruiz"_s}}).value();
        m_history = std::make_unique<Models::EditHistory>();
        m_history->setStore(m_store.get());
        m_editor = std::make_unique<Desktop::RecordEditor>(Kind::Person);
        m_editor->setHistory(m_history.get());
        m_editor->setRecord(m_person);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == m_editor.get());
    }

    void cleanup()
    {
        m_editor.reset();
        m_history.reset();
        m_store.reset();
    }

    void shouldOfferAnEditorForEachFieldOfTheKind()
    {
        QVERIFY(field<QLineEdit>(u"name"_s));
        QVERIFY(field<QLineEdit>(u"email"_s));
        QVERIFY(field<QPlainTextEdit>(u"bio"_s));
        QVERIFY(field<QCheckBox>(u"media_contact"_s));
        QVERIFY(field<QLineEdit>(u"organization_id"_s));
        QCOMPARE(field<QLineEdit>(u"name"_s)->text(), u"Ana Ruiz"_s);
        QCOMPARE(field<QLineEdit>(u"name"_s)->accessibleName(), u"name"_s);
    }

    void shouldLinkTheOrganizationTypedWhenOnlyOneMatches()
    {
        // WHEN the start of an organization's name is typed and the field is left
        auto *organization = field<QLineEdit>(u"organization_id"_s);
        organization->setFocus();
        QTest::keyClicks(organization, u"river"_s);
        QTest::keyClick(organization, Qt::Key_Tab);
        // THEN the person belongs to it, and the field shows its whole name
        QCOMPARE(stored(u"organization_id"_s).toString(), m_river);
        QCOMPARE(organization->text(), u"River Alliance"_s);
        // AND emptying the field removes the link
        organization->setFocus();
        organization->clear();
        QTest::keyClick(organization, Qt::Key_Tab);
        QVERIFY(stored(u"organization_id"_s).toString().isEmpty());
        QCOMPARE(m_history->undoStack()->count(), 2);
    }

    void shouldSayWhenTheTypedNameMatchesNoSingleRecord()
    {
        auto *organization = field<QLineEdit>(u"organization_id"_s);
        organization->setFocus();
        QTest::keyClicks(organization, u"zebra"_s);
        QTest::keyClick(organization, Qt::Key_Tab);
        QVERIFY(stored(u"organization_id"_s).toString().isEmpty());
        auto *message = m_editor->findChild<QWidget *>(u"editorMessage"_s);
        QTRY_VERIFY(message->isVisible());
    }

    void shouldSaveACheckBoxAtOnce()
    {
        // (By keyboard: Space toggles the focused box.)
        field<QCheckBox>(u"media_contact"_s)->setFocus();
        QTest::keyClick(field<QCheckBox>(u"media_contact"_s), Qt::Key_Space);
        QCOMPARE(stored(u"media_contact"_s).toBool(), true);
    }

    void shouldSaveLongTextWhenItIsLeft()
    {
        auto *bio = field<QPlainTextEdit>(u"bio"_s);
        bio->setFocus();
        QTest::keyClicks(bio, u"Organizer since 2010."_s);
        // Not yet: the user is still typing
        QVERIFY(stored(u"bio"_s).isNull());
        field<QLineEdit>(u"name"_s)->setFocus();
        QCOMPARE(stored(u"bio"_s).toString(), u"Organizer since 2010."_s);
    }

    void shouldSetShowAndRemoveAPicture()
    {
        // GIVEN a large image file and a file that is no image
        QTemporaryDir dir;
        QImage picture(1600, 1000, QImage::Format_RGB32);
        picture.fill(QColor(0x1d, 0x5f, 0xa8));
        const QString file = dir.filePath(u"photo.jpg"_s);
        QVERIFY(picture.save(file));
        const QString notAnImage = dir.filePath(u"notes.png"_s);
        QFile notes(notAnImage);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a picture at all");
        notes.close();
        auto *preview = m_editor->findChild<QLabel *>(u"picture_photo"_s);
        auto *remove = m_editor->findChild<QPushButton *>(u"remove_photo"_s);
        QVERIFY(preview && remove && m_editor->findChild<QPushButton *>(u"choose_photo"_s));
        QVERIFY(!remove->isEnabled());

        // WHEN the image is chosen
        QVERIFY(m_editor->setImageFromFile(u"photo"_s, file));

        // THEN it is stored as a PNG no larger than 800 pixels, and previewed
        QImage stored;
        QVERIFY(stored.loadFromData(this->stored(u"photo"_s).toByteArray(), "PNG"));
        QCOMPARE(stored.size(), QSize(800, 500));
        QVERIFY(!preview->pixmap().isNull());
        QVERIFY(remove->isEnabled());

        // WHEN a file that is no image is chosen THEN it says so and the picture stays
        QVERIFY(!m_editor->setImageFromFile(u"photo"_s, notAnImage));
        QTRY_VERIFY(m_editor->findChild<QWidget *>(u"editorMessage"_s)->isVisible());
        QVERIFY(!this->stored(u"photo"_s).toByteArray().isEmpty());

        // WHEN the picture is removed THEN the person has none
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(this->stored(u"photo"_s).toByteArray().isEmpty());
        QVERIFY(preview->pixmap().isNull());
    }

    void shouldFollowChangesMadeElsewhere()
    {
        QVERIFY(m_store->update(Kind::Person, m_person, {{u"title"_s, u"Director"_s}}));
        QCOMPARE(field<QLineEdit>(u"title"_s)->text(), u"Director"_s);
        QVERIFY(m_store->remove(Kind::Person, m_person));
        QVERIFY(m_editor->recordId().isEmpty());
        QVERIFY(!field<QLineEdit>(u"title"_s)->isVisible());
    }
};

CHORUS_TEST_MAIN_IMPL(RecordEditorTest, QApplication)

#include "recordeditortest.moc"
