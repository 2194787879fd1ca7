// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/validation.h"

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

class ValidationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAcceptOnlyPlausibleEmailAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"ana@rioverde.example"_s << true;
        QTest::newRow("plus and subdomain") << u"press+kit@mail.rioverde.org"_s << true;
        QTest::newRow("accented local part") << u"lucía@rioverde.example"_s << true;
        QTest::newRow("no at") << u"ana.rioverde.example"_s << false;
        QTest::newRow("two ats") << u"ana@@rioverde.example"_s << false;
        QTest::newRow("space") << u"ana ruiz@rioverde.example"_s << false;
        QTest::newRow("no domain dot") << u"ana@localhost"_s << false;
        QTest::newRow("double dot") << u"ana@rio..example"_s << false;
        QTest::newRow("display name") << u"Ana <ana@rioverde.example>"_s << false;
    }

    void shouldAcceptOnlyPlausibleEmailAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QCOMPARE(isValidEmail(address), valid);
        const QStringList problems = validate(Kind::Person, {{u"name"_s, u"Ana"_s}, {u"email"_s, address}}, u"Person “Ana”"_s);
        QCOMPARE(problems.isEmpty(), valid);
    }

    void shouldCheckEachFieldType_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("problem");

        const int org = int(Kind::Organization);
        QTest::newRow("website without scheme") << org << u"website"_s << QVariant(u"rioverde.example"_s) << u"is not a web address"_s;
        QTest::newRow("website ftp") << org << u"website"_s << QVariant(u"ftp://rioverde.example"_s) << u"is not a web address"_s;
        QTest::newRow("website ok") << org << u"website"_s << QVariant(u"https://rioverde.example/about"_s) << QString();
        QTest::newRow("count text") << org << u"people_represented"_s << QVariant(u"about 3000"_s) << u"must be a whole number"_s;
        QTest::newRow("count fraction") << org << u"people_represented"_s << QVariant(12.5) << u"must be a whole number"_s;
        QTest::newRow("count zero") << org << u"people_represented"_s << QVariant(0) << QString();
        QTest::newRow("date in wrong order") << org << u"people_represented_as_of"_s << QVariant(u"05/01/2026"_s) << u"is not a valid date"_s;
        QTest::newRow("leap day in a common year") << org << u"people_represented_as_of"_s << QVariant(u"2027-02-29"_s) << u"is not a valid date"_s;
        QTest::newRow("leap day in a leap year") << org << u"people_represented_as_of"_s << QVariant(u"2028-02-29"_s) << QString();
        QTest::newRow("long boilerplate") << org << u"boilerplate"_s << QVariant(QString(MaxLongText + 1, u'a')) << u"is too long"_s;
        QTest::newRow("huge logo") << org << u"logo"_s << QVariant(QByteArray(MaxBlobBytes + 1, 'x')) << u"is too large"_s;
        QTest::newRow("language code") << int(Kind::Quote) << u"language"_s << QVariant(u"Spanish"_s) << u"is not a language code"_s;
        QTest::newRow("regional language code") << int(Kind::Quote) << u"language"_s << QVariant(u"es-MX"_s) << QString();
        QTest::newRow("membership role") << int(Kind::Membership) << u"role"_s << QVariant(u"boss"_s) << u"is not a valid role"_s;
        QTest::newRow("task status") << int(Kind::Task) << u"status"_s << QVariant(u"done"_s) << QString();
        QTest::newRow("damaged settings") << int(Kind::PressKit) << u"settings"_s << QVariant(u"{\"sections\": ["_s) << u"are damaged"_s;
        QTest::newRow("zone with offset only") << int(Kind::Site) << u"time_zone"_s << QVariant(u"PDT"_s) << u"is not a known time zone"_s;
        QTest::newRow("zone outside the US") << int(Kind::Site) << u"time_zone"_s << QVariant(u"Europe/Madrid"_s) << QString();
    }

    void shouldCheckEachFieldType()
    {
        QFETCH(int, kind);
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, problem);

        // A record of kind with its required fields filled in, then the field under test.
        Record record;
        for (const Field &f : entity(Kind(kind)).fields) {
            if (f.required) {
                switch (f.type) {
                case FieldType::Choice:
                    record.insert(f.name, f.choices.first());
                    break;
                case FieldType::TimeZone:
                    record.insert(f.name, u"UTC"_s);
                    break;
                case FieldType::DateTime:
                    record.insert(f.name, u"2027-05-20T20:30:00Z"_s);
                    break;
                case FieldType::Language:
                    record.insert(f.name, u"en"_s);
                    break;
                default:
                    record.insert(f.name, u"x"_s);
                }
            }
        }
        record.insert(field, value);
        const QStringList problems = validate(Kind(kind), normalized(Kind(kind), record), u"The record"_s);
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().startsWith(u"The record: "_s), qPrintable(problems.first()));
            QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
        }
    }

    void shouldNormalizeInstantsToUtc()
    {
        const Record record = normalized(Kind::Site, {{u"starts_at"_s, u"2027-03-14T02:30:00-07:00"_s}, {u"venue"_s, u"  Campus   Plaza "_s}});
        QCOMPARE(record.value(u"starts_at"_s).toString(), u"2027-03-14T09:30:00Z"_s);
        QCOMPARE(record.value(u"venue"_s).toString(), u"Campus Plaza"_s);
        QVERIFY(!parseInstant(u"2027-03-14T02:30:00"_s).isValid());
    }

    void shouldDropUnknownFields()
    {
        const Record record = normalized(Kind::Fact, {{u"text"_s, u"x"_s}, {u"rid"_s, 5}, {u"; DROP TABLE facts"_s, 1}});
        QCOMPARE(record.keys(), QStringList{u"text"_s});
    }
};

CHORUS_TEST_MAIN(ValidationTest)

#include "validationtest.moc"
