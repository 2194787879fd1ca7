// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "presskit/composition.h"
#include "chorustest.h"
#include "presskittesthelpers.h"

#include <KLocalizedString>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Testing;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;
using Chorus::PressKit::Guard;

namespace
{

const QDateTime beforeTheEvent(QDate(2027, 1, 10), QTime(12, 0), QTimeZone::UTC);

PressKit::Composition composed(Store::Store &store, const QString &language = {}, const QDateTime &now = beforeTheEvent)
{
    auto result = PressKit::compose(store, demoKit(store).value(u"id"_s).toString(), {language, now});
    if (!result) {
        qFatal("compose failed: %s", qPrintable(result.error().message()));
    }
    return result.value();
}

/// The guards of severity about the record id.
QList<Guard> guardsAbout(const PressKit::Composition &composition, const QString &id, Guard::Severity severity)
{
    QList<Guard> found;
    for (const Guard &guard : composition.guards) {
        if (guard.recordId == id && guard.severity == severity) {
            found << guard;
        }
    }
    return found;
}

} // namespace

class CompositionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldTakeTheChosenApprovedQuotesInTheirOrder()
    {
        // GIVEN the demo kit, whose nine quotes are approved
        auto store = demoStore();
        QVERIFY(store);
        const QStringList chosen = ids(demoKit(*store).value(u"quote_ids"_s));
        QCOMPARE(chosen.size(), 9);

        // WHEN it is composed
        const PressKit::Composition kit = composed(*store);

        // THEN every quote is there, in the chosen order, attributed to its spokesperson
        QCOMPARE(kit.quotes.size(), 9);
        for (int i = 0; i < chosen.size(); ++i) {
            QCOMPARE(kit.quotes.at(i).quoteId, chosen.at(i));
        }
        QCOMPARE(kit.quotes.first().speaker, u"Lucía Martínez"_s);
        QCOMPARE(kit.quotes.first().organization, u"Río Verde Alliance"_s);
        QVERIFY(!kit.hasErrors());
    }

    void shouldFollowANewOrder()
    {
        // GIVEN the demo kit with its quotes reversed
        auto store = demoStore();
        QVERIFY(store);
        const Record kitRecord = demoKit(*store);
        QStringList reversed = ids(kitRecord.value(u"quote_ids"_s));
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(store->update(Kind::PressKit, kitRecord.value(u"id"_s).toString(), {{u"quote_ids"_s, idList(reversed)}}));

        // WHEN it is composed THEN the quotes come in the new order
        const PressKit::Composition kit = composed(*store);
        QCOMPARE(kit.quotes.size(), reversed.size());
        QCOMPARE(kit.quotes.first().quoteId, reversed.first());
        QCOMPARE(kit.quotes.last().quoteId, reversed.last());
    }

    void shouldRefuseToAddAQuoteThatIsNotApproved()
    {
        // GIVEN the demo kit and a draft quote
        auto store = demoStore();
        QVERIFY(store);
        const Record kitRecord = demoKit(*store);
        const Record draft = findRecord(*store, Kind::Quote, u"state"_s, u"draft"_s);
        QStringList withDraft = ids(kitRecord.value(u"quote_ids"_s));
        withDraft << draft.value(u"id"_s).toString();

        // WHEN someone adds it to the kit
        auto added = store->update(Kind::PressKit, kitRecord.value(u"id"_s).toString(), {{u"quote_ids"_s, idList(withDraft)}});

        // THEN it is refused with a message naming the quote, and the kit is unchanged
        QVERIFY(!added);
        QVERIFY2(added.error().message().contains(u"is not approved"_s), qPrintable(added.error().message()));
        QCOMPARE(ids(demoKit(*store).value(u"quote_ids"_s)).size(), 9);
    }

    void shouldLeaveOutAQuoteWithdrawnAfterItWasChosen()
    {
        // GIVEN the demo kit whose second quote is then withdrawn
        auto store = demoStore();
        QVERIFY(store);
        const QString second = ids(demoKit(*store).value(u"quote_ids"_s)).at(1);
        QVERIFY(store->update(Kind::Quote, second, {{u"state"_s, u"withdrawn"_s}}));

        // WHEN it is composed
        const PressKit::Composition kit = composed(*store);

        // THEN the quote is left out, with a warning about it
        QCOMPARE(kit.quotes.size(), 8);
        QVERIFY(std::none_of(kit.quotes.cbegin(), kit.quotes.cend(), [&second](const PressKit::ComposedQuote &q) {
            return q.quoteId == second;
        }));
        QCOMPARE(guardsAbout(kit, second, Guard::Severity::Warning).size(), 1);
    }

    void shouldLeaveOutAQuoteThatHasExpired()
    {
        // GIVEN the demo kit, one of whose quotes expires at the end of June 2027
        auto store = demoStore();
        QVERIFY(store);

        // WHEN it is composed in July 2027
        const PressKit::Composition kit = composed(*store, {}, QDateTime(QDate(2027, 7, 1), QTime(0, 0), QTimeZone::UTC));

        // THEN that quote is left out
        QCOMPARE(kit.quotes.size(), 8);
    }

    void shouldBlockAKitWithoutApprovedQuotes()
    {
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = demoKit(*store).value(u"id"_s).toString();
        QVERIFY(store->update(Kind::PressKit, kitId, {{u"quote_ids"_s, u"[]"_s}}));

        const PressKit::Composition kit = composed(*store);

        QVERIFY(kit.hasErrors());
        QCOMPARE(guardsAbout(kit, kitId, Guard::Severity::Error).size(), 1);
    }

    void shouldBlockAQuoteWithUnbalancedQuotationMarks()
    {
        // GIVEN an approved quote whose text opens a quotation mark it never closes, in the kit
        auto store = demoStore();
        QVERIFY(store);
        const Record kitRecord = demoKit(*store);
        const Record lucia = findRecord(*store, Kind::Person, u"name"_s, u"Lucía Martínez"_s);
        auto quote = store->create(Kind::Quote,
                                   {{u"text"_s, u"They called it “public safety. It is not."_s},
                                    {u"language"_s, u"en"_s},
                                    {u"spokesperson_id"_s, lucia.value(u"id"_s)},
                                    {u"state"_s, u"approved"_s},
                                    {u"approved_by"_s, u"Lucía Martínez"_s}});
        QVERIFY(quote);
        QVERIFY(store->update(Kind::PressKit,
                              kitRecord.value(u"id"_s).toString(),
                              {{u"quote_ids"_s, idList(ids(kitRecord.value(u"quote_ids"_s)) << quote.value())}}));

        // WHEN the kit is composed THEN that quote blocks the export
        const PressKit::Composition kit = composed(*store);
        QCOMPARE(guardsAbout(kit, quote.value(), Guard::Severity::Error).size(), 1);
        QVERIFY(guardsAbout(kit, quote.value(), Guard::Severity::Error).first().message.contains(u"Lucía Martínez"_s));
    }

    void shouldWarnAboutASpokespersonWithoutOrganization()
    {
        // The demo's Sam Reyes speaks personally: a title, no organization.
        auto store = demoStore();
        QVERIFY(store);
        const Record sam = findRecord(*store, Kind::Person, u"name"_s, u"Sam Reyes"_s);

        const PressKit::Composition kit = composed(*store);

        QCOMPARE(guardsAbout(kit, sam.value(u"id"_s).toString(), Guard::Severity::Warning).size(), 1);
        QVERIFY(guardsAbout(kit, sam.value(u"id"_s).toString(), Guard::Severity::Error).isEmpty());
    }

    void shouldBlockASpokespersonWithNeitherTitleNorOrganization()
    {
        auto store = demoStore();
        QVERIFY(store);
        const Record sam = findRecord(*store, Kind::Person, u"name"_s, u"Sam Reyes"_s);
        QVERIFY(store->update(Kind::Person, sam.value(u"id"_s).toString(), {{u"title"_s, QVariant()}}));

        const PressKit::Composition kit = composed(*store);

        QCOMPARE(guardsAbout(kit, sam.value(u"id"_s).toString(), Guard::Severity::Error).size(), 1);
    }

    void shouldBlockAKitWithoutMediaContact()
    {
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = demoKit(*store).value(u"id"_s).toString();
        QVERIFY(store->update(Kind::PressKit, kitId, {{u"contact_ids"_s, QVariant()}}));

        const PressKit::Composition kit = composed(*store);

        QCOMPARE(guardsAbout(kit, kitId, Guard::Severity::Error).size(), 1);
    }

    void shouldWarnWhenTheEmbargoIsPast()
    {
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = demoKit(*store).value(u"id"_s).toString();
        const QDateTime afterTheEmbargo(QDate(2027, 5, 21), QTime(0, 0), QTimeZone::UTC);

        const PressKit::Composition kit = composed(*store, {}, afterTheEmbargo);

        QCOMPARE(guardsAbout(kit, kitId, Guard::Severity::Warning).size(), 1);
        QVERIFY(!kit.isEmbargoed(afterTheEmbargo));
        QVERIFY(kit.isEmbargoed(beforeTheEvent));
    }

    void shouldWarnAboutAListedOrganizationWithoutBoilerplate()
    {
        auto store = demoStore();
        QVERIFY(store);
        const Record guild = findRecord(*store, Kind::Organization, u"name"_s, u"Cloud Workers Guild"_s);
        QVERIFY(store->update(Kind::Organization, guild.value(u"id"_s).toString(), {{u"boilerplate"_s, QVariant()}}));

        const PressKit::Composition kit = composed(*store);

        QCOMPARE(guardsAbout(kit, guild.value(u"id"_s).toString(), Guard::Severity::Warning).size(), 1);
        QVERIFY(!kit.hasErrors());
    }

    void shouldTakeTheSignersBoilerplatesWhenTheKitListsNoOrganization()
    {
        // GIVEN the demo kit without its list of organizations
        auto store = demoStore();
        QVERIFY(store);
        QVERIFY(store->update(Kind::PressKit, demoKit(*store).value(u"id"_s).toString(), {{u"organization_ids"_s, QVariant()}}));

        // WHEN it is composed THEN the About section has the signers
        const PressKit::Composition kit = composed(*store);
        QVERIFY(!kit.signers.isEmpty());
        QCOMPARE(kit.boilerplates.size(), kit.signers.size());
        QCOMPARE(kit.boilerplates.first().value(u"name"_s), kit.signers.first().value(u"name"_s));
    }

    void shouldNameTheKitsLanguageInTheUsersLanguage()
    {
        // GIVEN the demo kit, one of whose quotes has no Spanish translation, and a reader of Spanish
        KLocalizedString::addDomainLocaleDir("chorus", QStringLiteral(CHORUS_BUILD_DIR "/locale"));
        auto store = demoStore();
        QVERIFY(store);
        const QString untranslated = ids(demoKit(*store).value(u"quote_ids"_s)).at(2);
        KLocalizedString::setLanguages({u"es"_s});
        const auto warningAbout = [&store, &untranslated](const QString &language) {
            const QList<Guard> found = guardsAbout(composed(*store, language), untranslated, Guard::Severity::Warning);
            return found.isEmpty() ? QString() : found.first().message;
        };

        // WHEN the kit is composed in Spanish, then in German
        const QString spanish = warningAbout(u"es"_s);
        const QString german = warningAbout(u"de"_s);
        KLocalizedString::setLanguages({u"en_US"_s});
        const QString english = warningAbout(u"es"_s);

        // THEN the warnings name the language as the reader would, not "Spanish" in a Spanish sentence
        QVERIFY2(spanish.contains(u"traducción al español"_s), qPrintable(spanish));
        QVERIFY2(german.contains(u"Deutsch (de)"_s), qPrintable(german));
        QVERIFY2(english.contains(u"no Spanish translation"_s), qPrintable(english));
    }

    void shouldMarkALongNameCutShortInAGuard()
    {
        // GIVEN a signer with a name of 70 characters and no boilerplate
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition before = composed(*store);
        QVERIFY(!before.boilerplates.isEmpty());
        const QString id = before.boilerplates.first().value(u"id"_s).toString();
        const QString name = u"Verbraucherzentrale für Energie- und Nebenkostenabrechnungsprüfung e.V."_s;
        QVERIFY(name.size() > 60);
        QVERIFY(store->update(Kind::Organization, id, {{u"name"_s, name}, {u"boilerplate"_s, QString()}}));

        // WHEN the kit is composed THEN the warning about it shows where its name was cut
        const QList<Guard> guards = guardsAbout(composed(*store), id, Guard::Severity::Warning);
        QCOMPARE(guards.size(), 1);
        QVERIFY2(guards.first().message.contains(name.left(59) + u"…”"_s), qPrintable(guards.first().message));
    }

    void shouldUseTheSpanishTranslationAndWarnWhereThereIsNone()
    {
        // GIVEN the demo kit, where Lucía's quote has an approved Spanish translation and Zoe's none
        auto store = demoStore();
        QVERIFY(store);
        const QStringList chosen = ids(demoKit(*store).value(u"quote_ids"_s));

        // WHEN it is composed in Spanish
        const PressKit::Composition kit = composed(*store, u"es"_s);

        // THEN Lucía speaks Spanish, and Zoe's quote (third) stays in English with a warning
        QCOMPARE(kit.language, u"es"_s);
        QVERIFY(kit.quotes.first().text.startsWith(u"Trescientas mil personas"_s));
        QCOMPARE(kit.quotes.first().quoteId, chosen.first());
        QCOMPARE(kit.quotes.at(2).language, u"en"_s);
        QCOMPARE(guardsAbout(kit, chosen.at(2), Guard::Severity::Warning).size(), 1);
        QVERIFY(guardsAbout(kit, chosen.first(), Guard::Severity::Warning).isEmpty());
    }

    void shouldNeverCopyAPrivatePhone()
    {
        // GIVEN a media contact whose phone is private
        auto store = demoStore();
        QVERIFY(store);
        const Record ines = findRecord(*store, Kind::Person, u"name"_s, u"Inés Álvarez"_s);
        QVERIFY(!ines.isEmpty());
        QVERIFY(store->update(Kind::Person, ines.value(u"id"_s).toString(), {{u"phone_public"_s, false}}));

        // WHEN the kit is composed THEN her contact has her e-mail but no phone
        const PressKit::Composition kit = composed(*store);
        const auto contact = std::find_if(kit.contacts.cbegin(), kit.contacts.cend(), [&ines](const Record &c) {
            return c.value(u"id"_s) == ines.value(u"id"_s);
        });
        QVERIFY(contact != kit.contacts.cend());
        QVERIFY(!contact->value(u"email"_s).toString().isEmpty());
        QVERIFY(!contact->contains(u"phone"_s));
    }

    void shouldDropQuotationMarksThatEncloseTheWholeQuote_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("plain") << u"We are here."_s << u"We are here."_s;
        QTest::newRow("curly") << u" “We have waited forty years.” "_s << u"We have waited forty years."_s;
        QTest::newRow("straight") << u"\"Enough.\""_s << u"Enough."_s;
        QTest::newRow("guillemets") << u"«El agua no se vende»"_s << u"El agua no se vende"_s;
        QTest::newRow("German") << u"„Wasser ist ein Recht“"_s << u"Wasser ist ein Recht"_s;
        QTest::newRow("German guillemets") << u"»Wasser ist ein Recht«"_s << u"Wasser ist ein Recht"_s;
        QTest::newRow("Swedish") << u"”Vatten är en rättighet”"_s << u"Vatten är en rättighet"_s;
        QTest::newRow("corner brackets") << u"「水是生命之源。」"_s << u"水是生命之源。"_s;
        QTest::newRow("nested") << u"“They told us “wait” for years.”"_s << u"They told us “wait” for years."_s;
        QTest::newRow("two quotes") << u"“Yes,” she said, “now.”"_s << u"“Yes,” she said, “now.”"_s;
        QTest::newRow("straight, two quotes") << u"\"Yes,\" she said, \"now.\""_s << u"\"Yes,\" she said, \"now.\""_s;
        QTest::newRow("starts with a quote") << u"«Basta», dijo la vecina."_s << u"«Basta», dijo la vecina."_s;
        QTest::newRow("ends with an emoji") << u"“Water now.” 💧"_s << u"“Water now.” 💧"_s;
    }

    void shouldDropQuotationMarksThatEncloseTheWholeQuote()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        QCOMPARE(PressKit::withoutEnclosingQuotationMarks(text), printed);
    }

    void shouldPrintAQuoteTypedWithItsOwnQuotationMarksOnce()
    {
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition before = composed(*store);
        QVERIFY(!before.quotes.isEmpty());
        const QString quoteId = before.quotes.first().usedQuoteId;
        const QString words = before.quotes.first().text;
        QVERIFY(store->update(Kind::Quote, quoteId, {{u"text"_s, QString(u"“"_s + words + u"”"_s)}}));
        // (editing an approved quote's text would reopen it: approve it again)
        if (store->fetch(Kind::Quote, quoteId)->value(u"state"_s).toString() != u"approved") {
            QVERIFY(store->update(Kind::Quote, quoteId, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Sam Reyes"_s}}));
        }

        const PressKit::Composition kit = composed(*store);
        QCOMPARE(kit.quotes.first().text, words);
    }

    void shouldLeaveOutSectionsWithNothingToSay()
    {
        // GIVEN a campaign without facts, members or bios
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = demoKit(*store).value(u"id"_s).toString();
        const PressKit::Composition full = composed(*store);
        QVERIFY(full.sections.contains(u"fact_sheet"_s) && full.sections.contains(u"roster"_s) && full.sections.contains(u"bios"_s));
        for (const Record &fact : full.facts) {
            QVERIFY(store->remove(Kind::Fact, fact.value(u"id"_s).toString()));
        }
        for (const Record &membership : full.roster) {
            QVERIFY(store->update(Kind::Membership, membership.value(u"id"_s).toString(), {{u"status"_s, u"considering"_s}}));
        }
        for (const Record &person : full.spokespeople) {
            QVERIFY(store->update(Kind::Person, person.value(u"id"_s).toString(), {{u"bio"_s, QVariant()}}));
        }

        // WHEN it is composed THEN those sections are left out, each with a warning, and the rest stays
        const PressKit::Composition kit = composed(*store);
        QVERIFY(!kit.sections.contains(u"fact_sheet"_s));
        QVERIFY(!kit.sections.contains(u"roster"_s));
        QVERIFY(!kit.sections.contains(u"bios"_s));
        QVERIFY(kit.sections.contains(u"release"_s));
        QCOMPARE(guardsAbout(kit, kitId, Guard::Severity::Warning).size(), guardsAbout(full, kitId, Guard::Severity::Warning).size() + 3);
        QVERIFY(!kit.hasErrors());
    }

    void shouldDetectUnbalancedQuotationMarks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unbalanced");
        QTest::newRow("plain") << u"We are here."_s << false;
        QTest::newRow("curly pair") << u"They said “never” and meant it."_s << false;
        QTest::newRow("curly open only") << u"They said “never and meant it."_s << true;
        QTest::newRow("close before open") << u"They said ”never“."_s << true;
        QTest::newRow("straight odd") << u"They said \"never."_s << true;
        QTest::newRow("apostrophes") << u"Meridian’s workers don’t agree."_s << false;
        QTest::newRow("guillemets") << u"Dijeron «nunca» y «basta"_s << true;
        QTest::newRow("German low-high") << u"Wer „bezahlbar“ sagt, meint ‚unbezahlbar‘."_s << false;
        QTest::newRow("German open only") << u"Wer „bezahlbar sagt, meint es nicht."_s << true;
        QTest::newRow("German guillemets") << u"Sie nennen es »Sicherheit«."_s << false;
        QTest::newRow("Polish low-high") << u"Mówią „nigdy” i tak myślą."_s << false;
        QTest::newRow("Swedish") << u"De sa ”aldrig” och menade det."_s << false;
        QTest::newRow("Swedish open only") << u"De sa ”aldrig och menade det."_s << true;
        QTest::newRow("crossed") << u"They said “never «again” now»."_s << true;
    }

    void shouldDetectUnbalancedQuotationMarks()
    {
        QFETCH(QString, text);
        QFETCH(bool, unbalanced);
        QCOMPARE(PressKit::hasUnbalancedQuotationMarks(text), unbalanced);
    }
};

CHORUS_TEST_MAIN(CompositionTest)

#include "compositiontest.moc"
