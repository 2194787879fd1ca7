// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/entity.h"
#include "store/store.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Chorus;

class TranslationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The catalogs built from translations/ (ki18n_install) in the build tree.
        KLocalizedString::addDomainLocaleDir("chorus", QStringLiteral(CHORUS_BUILD_DIR "/locale"));
        QVERIFY(QFile::exists(QStringLiteral(CHORUS_BUILD_DIR "/locale/es/LC_MESSAGES/chorus.mo")));
    }

    void cleanup()
    {
        KLocalizedString::setLanguages({u"en_US"_s});
    }

    void shouldTranslateLabelsIntoSpanish()
    {
        KLocalizedString::setLanguages({u"es"_s});
        QVERIFY(KLocalizedString::isApplicationTranslatedInto(u"es"_s));
        QCOMPARE(Domain::kindPluralLabel(Domain::Kind::Quote), u"Citas"_s);
        QCOMPARE(Domain::kindPluralLabel(Domain::Kind::Organization), u"Organizaciones"_s);
        QCOMPARE(Domain::choiceLabel(u"status", u"signed_on"), u"adherida"_s);
    }

    void shouldGiveSpanishErrorsWhenTheUserReadsSpanish()
    {
        // GIVEN a Spanish-speaking user and a file that is not a database
        KLocalizedString::setLanguages({u"es"_s});
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lista.chorus"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("nombre,correo\n");
        file.close();

        // WHEN Chorus opens it
        auto store = Store::Store::open(path);

        // THEN the error is in Spanish and names the file
        QVERIFY(!store);
        QVERIFY2(store.error().message().contains(u"no es una base de datos de Chorus"_s), qPrintable(store.error().message()));
        QVERIFY(store.error().message().contains(u"lista.chorus"_s));
    }

    void shouldStayInEnglishForEnglishUsers()
    {
        KLocalizedString::setLanguages({u"en_US"_s});
        QCOMPARE(Domain::kindPluralLabel(Domain::Kind::Quote), u"Quotes"_s);
    }
};

CHORUS_TEST_MAIN(TranslationTest)

#include "translationtest.moc"
