// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "composition.h"

#include "domain/quotelint.h"
#include "domain/validation.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QGlyphRun>
#include <QGuiApplication>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRawFont>
#include <QSet>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::PressKit
{

namespace
{

QStringList idList(const QVariant &value)
{
    QStringList ids;
    for (const QJsonValue &id : QJsonDocument::fromJson(value.toString().toUtf8()).array()) {
        ids << id.toString();
    }
    return ids;
}

bool isUsable(const Record &quote, const QDateTime &now)
{
    const QDateTime expiry = parseInstant(quote.value(u"expires_at"_s).toString());
    return quote.value(u"state"_s).toString() == u"approved" && (!expiry.isValid() || expiry > now);
}

/**
 * Which characters the fonts of this computer can draw. A PDF prints an empty box for a character
 * that no font has: a quote in Chinese on a computer without a Chinese font, an emoji without an
 * emoji font. The kit's own fonts answer at once; for the rest, Qt's font fallback is asked once
 * per character, by laying it out alone. Needs a QGuiApplication (fonts); without one, it finds
 * nothing missing.
 */
class FontCoverage
{
public:
    FontCoverage()
        : m_enabled(qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr)
    {
        if (m_enabled) {
            m_fonts = {QRawFont::fromFont(QFont(u"Noto Serif"_s)), QRawFont::fromFont(QFont(u"Noto Sans"_s))};
        }
    }

    /// The distinct characters of text that no font here can draw, in their order.
    [[nodiscard]] QString missing(const QString &text)
    {
        QString found;
        if (!m_enabled) {
            return found;
        }
        for (const char32_t c : QStringView(text).toUcs4()) {
            if (c < 0x80 || !drawable(c) || covered(c)) {
                continue;
            }
            const QString character = QString::fromUcs4(&c, 1);
            if (!found.contains(character)) {
                found += character;
            }
        }
        return found;
    }

private:
    /// Characters that are drawn as part of others, or not at all.
    static bool drawable(char32_t c)
    {
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
        case QChar::Other_Control:
        case QChar::Separator_Space:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
        case QChar::Symbol_Modifier:
            return false;
        default:
            // Emoji skin tones go with the emoji before them.
            return !(c >= 0x1F3FB && c <= 0x1F3FF);
        }
    }

    bool covered(char32_t c)
    {
        if (const auto it = m_known.constFind(c); it != m_known.constEnd()) {
            return it.value();
        }
        bool drawn = std::any_of(m_fonts.cbegin(), m_fonts.cend(), [c](const QRawFont &font) {
            return font.isValid() && font.supportsCharacter(c);
        });
        if (!drawn) {
            QTextLayout layout(QString::fromUcs4(&c, 1), QFont(u"Noto Serif"_s));
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            const QList<QGlyphRun> runs = layout.glyphRuns();
            drawn = !runs.isEmpty() && std::all_of(runs.cbegin(), runs.cend(), [](const QGlyphRun &run) {
                const QList<quint32> glyphs = run.glyphIndexes();
                return !glyphs.isEmpty() && !glyphs.contains(0);
            });
        }
        m_known.insert(c, drawn);
        return drawn;
    }

    bool m_enabled;
    QList<QRawFont> m_fonts;
    QHash<char32_t, bool> m_known;
};

/**
 * The name of the language code in a message to the user: in English for an English reader; in
 * the reader's own words when it is their language ("español"); otherwise as its speakers write
 * it, with its code ("Deutsch (de)"), as Qt knows no language's name in a third language.
 */
QString languageName(const QString &code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::C) {
        return code;
    }
    const QStringList readers = KLocalizedString::languages();
    const QLocale reader(readers.isEmpty() ? u"en"_s : readers.first());
    if (reader.language() == QLocale::English || reader.language() == QLocale::C) {
        return QLocale::languageToString(locale.language());
    }
    if (reader.language() == locale.language()) {
        return locale.nativeLanguageName();
    }
    return u"%1 (%2)"_s.arg(locale.nativeLanguageName(), code);
}

} // namespace

QStringList labelLanguages(const QString &language)
{
    QString code = language.trimmed();
    code.replace(u'-', u'_');
    const QString base = code.section(u'_', 0, 0).toLower();
    return base == code || base.isEmpty() ? QStringList{code} : QStringList{code, base};
}

bool isSameLanguage(const QString &a, const QString &b)
{
    return labelLanguages(a).constLast() == labelLanguages(b).constLast();
}

bool hasLabelsIn(const QString &language)
{
    // Labels come from the translation catalogs, which a C locale or a missing catalog disable.
    const QStringList languages = labelLanguages(language);
    return languages.constLast() == u"en" || ki18nc("@title press kit section", "Press release").toString(languages) != u"Press release";
}

bool hasUnbalancedQuotationMarks(const QString &text)
{
    return Domain::unbalancedQuotationMark(text) >= 0;
}

QString withoutEnclosingQuotationMarks(const QString &text)
{
    static const QList<std::pair<QChar, QChar>> pairs{{u'“', u'”'},
                                                      {u'"', u'"'},
                                                      {u'«', u'»'},
                                                      {u'»', u'«'},
                                                      {u'”', u'”'},
                                                      {u'„', u'“'},
                                                      {u'„', u'”'},
                                                      {u'‘', u'’'},
                                                      {u'‹', u'›'},
                                                      {u'「', u'」'},
                                                      {u'『', u'』'}};
    const QString trimmed = text.trimmed();
    if (trimmed.size() < 3) {
        return text;
    }
    for (const auto &[open, close] : pairs) {
        if (trimmed.front() != open || trimmed.back() != close) {
            continue;
        }
        // The first mark must be closed by the last one: “Yes,” she said, “now.” is no one quote.
        const QStringView inner = QStringView(trimmed).sliced(1, trimmed.size() - 2);
        int depth = 0;
        for (const QChar c : inner) {
            if (open == close ? c == open : (c == close && --depth < 0)) {
                return text;
            }
            if (open != close && c == open) {
                ++depth;
            }
        }
        return depth == 0 ? inner.trimmed().toString() : text;
    }
    return text;
}

bool Composition::hasErrors() const
{
    return std::any_of(guards.cbegin(), guards.cend(), [](const Guard &guard) {
        return guard.severity == Guard::Severity::Error;
    });
}

QList<Guard> Composition::errors() const
{
    QList<Guard> list;
    std::copy_if(guards.cbegin(), guards.cend(), std::back_inserter(list), [](const Guard &guard) {
        return guard.severity == Guard::Severity::Error;
    });
    return list;
}

QList<Guard> Composition::warnings() const
{
    QList<Guard> list;
    std::copy_if(guards.cbegin(), guards.cend(), std::back_inserter(list), [](const Guard &guard) {
        return guard.severity == Guard::Severity::Warning;
    });
    return list;
}

bool Composition::isEmbargoed(const QDateTime &now) const
{
    return embargo.isValid() && embargo > now;
}

Result<Composition> compose(Store::Store &store, const QString &kitId, const ComposeOptions &options)
{
    const std::optional<Record> kit = store.fetch(Kind::PressKit, kitId);
    if (!kit) {
        return Error(Error::Code::NotFound, i18nc("@info", "There is no press kit with the id %1.", kitId));
    }
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const QString kitLabel = store.recordLabel(Kind::PressKit, *kit);

    Composition result;
    result.kit = *kit;
    result.campaign = store.fetch(Kind::Campaign, kit->value(u"campaign_id"_s).toString()).value_or(Record());
    result.language = options.language.isEmpty() ? kit->value(u"language"_s).toString() : options.language;
    if (result.language.isEmpty()) {
        result.language = u"en"_s;
    }
    if (!hasLabelsIn(result.language)) {
        result.guards.append({Guard::Severity::Warning,
                              Kind::PressKit,
                              kitId,
                              i18nc("@info press kit guard; %2 is a language name",
                                    "%1: Chorus has no %2 labels here (no catalog, or a C locale), so headings and dates stay in English.",
                                    kitLabel,
                                    languageName(result.language))});
    }
    const auto guard = [&result](Guard::Severity severity, Kind kind, const QString &id, const QString &message) {
        result.guards.append({severity, kind, id, message});
    };
    using S = Guard::Severity;

    // Sections: all of them unless the kit says which.
    const QJsonObject settings = QJsonDocument::fromJson(kit->value(u"settings"_s).toString().toUtf8()).object();
    if (settings.contains(u"sections")) {
        const QJsonArray chosen = settings.value(u"sections").toArray();
        for (const QString &section : pressKitSections()) {
            if (chosen.contains(section)) {
                result.sections << section;
            }
        }
    } else {
        result.sections = pressKitSections();
    }

    if (const QString eventId = kit->value(u"event_id"_s).toString(); !eventId.isEmpty()) {
        result.event = store.fetch(Kind::Event, eventId);
        if (result.event) {
            result.sites = store.fetchAll(Kind::Site, u"event_id"_s, eventId);
            std::stable_sort(result.sites.begin(), result.sites.end(), [](const Record &a, const Record &b) {
                return a.value(u"starts_at"_s).toString() < b.value(u"starts_at"_s).toString();
            });
        }
    }
    if (!result.event && result.sections.contains(u"media_advisory"_s)) {
        result.sections.removeAll(u"media_advisory"_s);
        guard(S::Warning, Kind::PressKit, kitId, i18nc("@info press kit guard", "%1: the kit is not tied to an event, so it has no media advisory.", kitLabel));
    }

    // Embargo.
    result.embargo = parseInstant(kit->value(u"embargo_until"_s).toString());
    if (result.embargo.isValid() && result.embargo <= now) {
        guard(S::Warning, Kind::PressKit, kitId, i18nc("@info press kit guard", "%1: the embargo is in the past, so the kit is printed without it.", kitLabel));
    }

    // Quotes, in the chosen order.
    QList<Record> printedQuotes; // the words printed: each quote, or its translation
    QList<Record> printedOrganizations; // the organizations the quotes are attributed to
    QSet<QString> quotedPeople;
    for (const QString &quoteId : idList(kit->value(u"quote_ids"_s))) {
        const std::optional<Record> quote = store.fetch(Kind::Quote, quoteId);
        if (!quote) {
            guard(S::Warning, Kind::PressKit, kitId, i18nc("@info press kit guard", "%1: a quote of the kit has been deleted; it is left out.", kitLabel));
            continue;
        }
        const QString quoteLabel = store.recordLabel(Kind::Quote, *quote);
        if (!isUsable(*quote, now)) {
            guard(S::Warning,
                  Kind::Quote,
                  quoteId,
                  i18nc("@info press kit guard", "%1 is no longer approved or has expired; it is left out of the kit.", quoteLabel));
            continue;
        }
        Record used = *quote;
        if (!isSameLanguage(quote->value(u"language"_s).toString(), result.language)) {
            std::optional<Record> translation;
            bool draftOnly = false;
            for (const Record &candidate : store.fetchAll(Kind::Quote, u"translation_of"_s, quoteId)) {
                if (!isSameLanguage(candidate.value(u"language"_s).toString(), result.language)) {
                    continue;
                }
                if (isUsable(candidate, now)) {
                    translation = candidate;
                    break;
                }
                draftOnly = true;
            }
            if (translation) {
                used = *translation;
            } else {
                guard(S::Warning,
                      Kind::Quote,
                      quoteId,
                      draftOnly ? i18nc("@info press kit guard; %2 is a language name",
                                        "%1: its %2 translation is not approved yet, so the kit prints the original words.",
                                        quoteLabel,
                                        languageName(result.language))
                                : i18nc("@info press kit guard; %2 is a language name",
                                        "%1 has no %2 translation, so the kit prints the original words.",
                                        quoteLabel,
                                        languageName(result.language)));
            }
        }

        ComposedQuote composed;
        composed.quoteId = quoteId;
        composed.usedQuoteId = used.value(u"id"_s).toString();
        // The kit puts the quotation marks itself: a quote typed with its own would get two.
        composed.text = withoutEnclosingQuotationMarks(used.value(u"text"_s).toString());
        composed.language = used.value(u"language"_s).toString();
        composed.personId = quote->value(u"spokesperson_id"_s).toString();
        const Record person = store.fetch(Kind::Person, composed.personId).value_or(Record());
        composed.speaker = person.value(u"name"_s).toString();
        composed.title = person.value(u"title"_s).toString();
        composed.organizationId = person.value(u"organization_id"_s).toString();
        if (!composed.organizationId.isEmpty()) {
            const Record organization = store.fetch(Kind::Organization, composed.organizationId).value_or(Record());
            composed.organization = organization.value(u"name"_s).toString();
            printedOrganizations << organization;
        }
        printedQuotes << used;
        if (composed.title.isEmpty() && composed.organization.isEmpty()) {
            guard(S::Error,
                  Kind::Person,
                  composed.personId,
                  i18nc("@info press kit guard",
                        "%1: %2 has neither a title nor an organization, so the quote cannot be attributed.",
                        quoteLabel,
                        composed.speaker));
        } else if (composed.organization.isEmpty()) {
            guard(S::Warning,
                  Kind::Person,
                  composed.personId,
                  i18nc("@info press kit guard", "%1: %2 has no organization; the quote is attributed to the title alone.", quoteLabel, composed.speaker));
        } else if (composed.title.isEmpty()) {
            guard(S::Warning,
                  Kind::Person,
                  composed.personId,
                  i18nc("@info press kit guard", "%1: %2 has no title; the quote is attributed to the organization alone.", quoteLabel, composed.speaker));
        }
        if (hasUnbalancedQuotationMarks(composed.text)) {
            guard(S::Error,
                  Kind::Quote,
                  composed.usedQuoteId,
                  i18nc("@info press kit guard", "%1: the quotation marks in its text are unbalanced (an opening mark without a closing one).", quoteLabel));
        }
        if (!quotedPeople.contains(composed.personId) && !person.isEmpty()) {
            quotedPeople.insert(composed.personId);
            result.spokespeople << person;
        }
        result.quotes << composed;
    }
    if (result.quotes.isEmpty()) {
        guard(S::Error, Kind::PressKit, kitId, i18nc("@info press kit guard", "%1 has no approved quote. Add at least one approved quote.", kitLabel));
    }

    // The coalition: who signed on.
    const QString campaignId = kit->value(u"campaign_id"_s).toString();
    for (Record membership : store.fetchAll(Kind::Membership, u"campaign_id"_s, campaignId)) {
        if (membership.value(u"status"_s).toString() != u"signed_on") {
            continue;
        }
        const std::optional<Record> organization = store.fetch(Kind::Organization, membership.value(u"organization_id"_s).toString());
        if (!organization) {
            continue;
        }
        membership.insert(u"organization"_s, *organization);
        result.roster << membership;
    }
    // The lead organizations first, then partners, endorsers, supporters; by name within each.
    const QStringList roles{u"lead"_s, u"partner"_s, u"endorser"_s, u"supporter"_s};
    std::stable_sort(result.roster.begin(), result.roster.end(), [&roles](const Record &a, const Record &b) {
        const auto ra = roles.indexOf(a.value(u"role"_s).toString());
        const auto rb = roles.indexOf(b.value(u"role"_s).toString());
        if (ra != rb) {
            return ra < rb;
        }
        return QString::localeAwareCompare(a.value(u"organization"_s).toMap().value(u"name"_s).toString(),
                                           b.value(u"organization"_s).toMap().value(u"name"_s).toString())
            < 0;
    });

    for (const Record &membership : std::as_const(result.roster)) {
        if (membership.value(u"consent_to_name"_s).toBool()) {
            result.signers << membership.value(u"organization"_s).toMap();
        }
    }

    result.facts = store.fetchAll(Kind::Fact, u"campaign_id"_s, campaignId);

    // A kit that has not chosen its organizations speaks for the coalition: its signers.
    QStringList organizationIds = idList(kit->value(u"organization_ids"_s));
    if (kit->value(u"organization_ids"_s).isNull()) {
        for (const Record &signer : std::as_const(result.signers)) {
            organizationIds << signer.value(u"id"_s).toString();
        }
    }
    for (const QString &organizationId : std::as_const(organizationIds)) {
        const std::optional<Record> organization = store.fetch(Kind::Organization, organizationId);
        if (!organization) {
            continue;
        }
        if (organization->value(u"boilerplate"_s).toString().trimmed().isEmpty()) {
            guard(S::Warning,
                  Kind::Organization,
                  organizationId,
                  i18nc("@info press kit guard",
                        "%1 has no boilerplate, so the kit has no “About” paragraph for it.",
                        store.recordLabel(Kind::Organization, *organization)));
            continue;
        }
        result.boilerplates << *organization;
    }

    // Logos: of the signers (the first page) and of the organizations with an “About” paragraph.
    // One that is no image is left out, and said so.
    QList<Record> shown = result.signers;
    shown << result.boilerplates;
    for (const Record &organization : std::as_const(shown)) {
        const QString organizationId = organization.value(u"id"_s).toString();
        const QByteArray bytes = organization.value(u"logo"_s).toByteArray();
        if (bytes.isEmpty() || result.logos.contains(organizationId)) {
            continue;
        }
        QImage logo;
        // Told the format and not to guess, Qt reads a PNG or a JPEG at once; left to guess, it
        // first loads every image format plugin installed to ask each whether it can.
        const char *format = bytes.startsWith("\x89PNG\r\n\x1a\n") ? "png" : bytes.startsWith("\xff\xd8\xff") ? "jpeg" : nullptr;
        if (format) {
            QBuffer buffer;
            buffer.setData(bytes);
            QImageReader reader(&buffer, format);
            reader.setAutoDetectImageFormat(false);
            logo = reader.read();
        }
        if (logo.isNull() && !logo.loadFromData(bytes)) {
            logo = QImage();
        }
        if (logo.isNull()) {
            guard(S::Warning,
                  Kind::Organization,
                  organizationId,
                  i18nc("@info press kit guard",
                        "%1: its logo is not an image Chorus can read, so the kit shows no logo for it.",
                        store.recordLabel(Kind::Organization, organization)));
            // Remembered as unreadable so that it is reported once.
            result.logos.insert(organizationId, QImage());
            continue;
        }
        result.logos.insert(organizationId, logo);
    }
    result.logos.removeIf([](const auto &entry) {
        return entry.value().isNull();
    });

    // Media contacts: only what may be published. A phone not marked public stays here.
    for (const QString &personId : idList(kit->value(u"contact_ids"_s))) {
        const std::optional<Record> person = store.fetch(Kind::Person, personId);
        if (!person) {
            continue;
        }
        Record contact;
        contact.insert(u"id"_s, personId);
        contact.insert(u"name"_s, person->value(u"name"_s));
        contact.insert(u"title"_s, person->value(u"title"_s));
        contact.insert(u"email"_s, person->value(u"email"_s));
        contact.insert(u"pronouns"_s, person->value(u"pronouns"_s));
        contact.insert(u"languages"_s, person->value(u"languages"_s));
        if (person->value(u"phone_public"_s).toBool()) {
            contact.insert(u"phone"_s, person->value(u"phone"_s));
        }
        if (const QString organizationId = person->value(u"organization_id"_s).toString(); !organizationId.isEmpty()) {
            contact.insert(u"organization"_s, store.fetch(Kind::Organization, organizationId).value_or(Record()).value(u"name"_s));
        }
        if (contact.value(u"email"_s).toString().isEmpty() && contact.value(u"phone"_s).toString().isEmpty()) {
            guard(S::Warning,
                  Kind::Person,
                  personId,
                  i18nc("@info press kit guard",
                        "%1 has neither an e-mail address nor a public phone number, so reporters cannot reach them.",
                        store.recordLabel(Kind::Person, *person)));
        }
        result.contacts << contact;
    }
    if (result.contacts.isEmpty()) {
        guard(S::Error, Kind::PressKit, kitId, i18nc("@info press kit guard", "%1 has no media contact. Add the person reporters should call.", kitLabel));
    }

    // Characters no font here can draw, per record that holds them.
    FontCoverage coverage;
    QSet<QString> checked;
    const auto checkFonts = [&](Kind kind, const Record &record) {
        const QString id = record.value(u"id"_s).toString();
        if (record.isEmpty() || checked.contains(id)) {
            return;
        }
        checked.insert(id);
        // Only what a kit may print: not ids, settings, private notes or who approved a quote.
        static const QSet<QString> neverPrinted{u"id"_s, u"settings"_s, u"notes"_s, u"approved_by"_s, u"state"_s, u"language"_s};
        QString text;
        for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
            if (it.value().typeId() == QMetaType::QString && !neverPrinted.contains(it.key()) && !it.key().endsWith(u"_id") && !it.key().endsWith(u"_ids")) {
                text += it.value().toString();
            }
        }
        if (const QString missing = coverage.missing(text); !missing.isEmpty()) {
            guard(S::Warning,
                  kind,
                  id,
                  i18nc("@info press kit guard; %2 is a list of characters",
                        "%1 has characters that no font on this computer can draw (%2): the PDF would show empty boxes in their place. Install a "
                        "font for that script (Noto Sans CJK for Chinese, Japanese and Korean; Noto Color Emoji for emoji) and export again.",
                        store.recordLabel(kind, record),
                        missing.left(12)));
        }
    };
    checkFonts(Kind::PressKit, result.kit);
    checkFonts(Kind::Campaign, result.campaign);
    for (const Record &quote : std::as_const(printedQuotes)) {
        checkFonts(Kind::Quote, quote);
    }
    for (const Record &person : std::as_const(result.spokespeople)) {
        checkFonts(Kind::Person, person);
    }
    for (const Record &membership : std::as_const(result.roster)) {
        checkFonts(Kind::Organization, membership.value(u"organization"_s).toMap());
    }
    for (const Record &organization : std::as_const(result.boilerplates)) {
        checkFonts(Kind::Organization, organization);
    }
    for (const Record &organization : std::as_const(printedOrganizations)) {
        checkFonts(Kind::Organization, organization);
    }
    for (const Record &fact : std::as_const(result.facts)) {
        checkFonts(Kind::Fact, fact);
    }
    for (const Record &site : std::as_const(result.sites)) {
        checkFonts(Kind::Site, site);
    }
    if (result.event) {
        checkFonts(Kind::Event, *result.event);
    }
    for (const Record &contact : std::as_const(result.contacts)) {
        checkFonts(Kind::Person, contact);
    }

    // A section with nothing to say is left out, rather than printed as a heading on an empty page.
    const bool anyBio = std::any_of(result.spokespeople.cbegin(), result.spokespeople.cend(), [](const Record &person) {
        return !person.value(u"bio"_s).toString().trimmed().isEmpty();
    });
    const QString campaignLabel = store.recordLabel(Kind::Campaign, result.campaign);
    const auto leaveOut = [&](const QString &section, bool empty, const QString &message) {
        if (empty && result.sections.removeAll(section) > 0) {
            guard(S::Warning, Kind::PressKit, kitId, message);
        }
    };
    leaveOut(u"fact_sheet"_s,
             result.facts.isEmpty(),
             i18nc("@info press kit guard", "%1: %2 has no facts yet, so the kit has no fact sheet.", kitLabel, campaignLabel));
    leaveOut(u"roster"_s,
             result.roster.isEmpty(),
             i18nc("@info press kit guard", "%1: no organization has signed on to %2 yet, so the kit has no coalition roster.", kitLabel, campaignLabel));
    leaveOut(u"bios"_s, !anyBio, i18nc("@info press kit guard", "%1: none of the people quoted has a bio, so the kit has no spokesperson bios.", kitLabel));
    // The organizations without a boilerplate have a warning each already.
    if (result.boilerplates.isEmpty()) {
        result.sections.removeAll(u"boilerplates"_s);
    }
    return result;
}

} // namespace Chorus::PressKit
