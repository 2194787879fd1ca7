// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "renderer.h"

#include "domain/validation.h"
#include "events/sitetime.h"
#include "filereason.h"
#include "presskit_debug.h"

#include <KLocalizedString>
#include <KTextTemplate/Context>
#include <KTextTemplate/Engine>
#include <KTextTemplate/Template>
#include <KTextTemplate/TemplateLoader>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextFragment>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::PressKit
{

namespace
{

/// A document that never fetches anything: no file, no network, no image from a path.
class SealedDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        qCDebug(CHORUS_PRESSKIT) << "refused to load resource" << type << name;
        return {};
    }
};

/**
 * Finds templates by plain file name in the user's folder, then among the built-in ones. Names
 * with a path, and templates that include files from disk ({% ssi %}), are refused.
 */
class TemplateLoader : public KTextTemplate::AbstractTemplateLoader
{
public:
    explicit TemplateLoader(const QString &userFolder)
    {
        if (!userFolder.isEmpty()) {
            m_folders << userFolder;
        }
        m_folders << u":/chorus/presskit"_s;
    }

    KTextTemplate::Template loadByName(const QString &name, const KTextTemplate::Engine *engine) const override
    {
        const QString path = find(name);
        if (path.isEmpty()) {
            return {};
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        const QString content = QString::fromUtf8(file.readAll());
        static const QRegularExpression fileTag(u"\\{%-?\\s*(ssi|load)\\b"_s);
        if (fileTag.match(content).hasMatch()) {
            // Rendered as nothing; the renderer then fails the export, naming the file.
            m_refused << path;
            return engine->newTemplate(QString(), name);
        }
        return engine->newTemplate(content, name);
    }

    /// The templates refused so far because they read files or load tag libraries.
    [[nodiscard]] QStringList refused() const
    {
        return m_refused;
    }

    std::pair<QString, QString> getMediaUri(const QString &) const override
    {
        return {};
    }

    bool canLoadTemplate(const QString &name) const override
    {
        return !find(name).isEmpty();
    }

private:
    QString find(const QString &name) const
    {
        static const QRegularExpression plainName(u"^[A-Za-z0-9_-]+\\.(html|txt|md)$"_s);
        if (!plainName.match(name).hasMatch()) {
            return {};
        }
        for (const QString &folder : m_folders) {
            const QString path = folder + u'/' + name;
            if (QFileInfo(path).isFile()) {
                return path;
            }
        }
        return {};
    }

    QStringList m_folders;
    mutable QStringList m_refused;
};

/// Labels, dates and sentences in the kit's language, whatever the user interface speaks.
class KitLanguage
{
public:
    /// A language without labels here is written in English throughout: its dates, numbers and
    /// lists too, not English labels around "März 28" and "5.000 people".
    explicit KitLanguage(const QString &language)
        : m_languages(labelLanguages(language))
        , m_locale(hasLabelsIn(language) ? QLocale(language) : QLocale(QLocale::English, QLocale::UnitedStates))
    {
    }

    [[nodiscard]] QString operator()(const KLocalizedString &text) const
    {
        return text.toString(m_languages);
    }

    [[nodiscard]] QString date(const QDate &date) const
    {
        if (!date.isValid()) {
            return {};
        }
        return m_locale.toString(date, (*this)(ki18nc("@info date in a press kit, a QDate::toString format; keep the letters", "MMMM d, yyyy")));
    }

    /// The time zone called zoneId; each is read from the system's time zone data once.
    [[nodiscard]] QTimeZone zone(const QString &zoneId) const
    {
        auto it = m_zones.constFind(zoneId);
        if (it == m_zones.constEnd()) {
            it = m_zones.insert(zoneId, QTimeZone(zoneId.toUtf8()));
        }
        return it.value();
    }

    /// "1:30 PM PDT" in the time zone of zoneId.
    [[nodiscard]] QString localTime(const QDateTime &instant, const QString &zoneId) const
    {
        const QTimeZone zone = this->zone(zoneId);
        const QDateTime local = zone.isValid() ? instant.toTimeZone(zone) : instant;
        const QString time = m_locale.toString(local.time(), (*this)(ki18nc("@info time in a press kit, a QTime::toString format", "h:mm AP")));
        return u"%1 %2"_s.arg(time, zone.isValid() ? Events::zoneAbbreviation(zone, instant) : u"UTC"_s);
    }

    [[nodiscard]] QString number(qint64 value) const
    {
        return m_locale.toString(value);
    }

    [[nodiscard]] QString list(const QStringList &items) const
    {
        return m_locale.createSeparatedList(items);
    }

private:
    QStringList m_languages;
    QLocale m_locale;
    mutable QHash<QString, QTimeZone> m_zones;
};

QString roleLabel(const KitLanguage &tr, const QString &role)
{
    if (role == u"lead") {
        return tr(ki18nc("@item membership role", "lead"));
    }
    if (role == u"partner") {
        return tr(ki18nc("@item membership role", "partner"));
    }
    if (role == u"endorser") {
        return tr(ki18nc("@item membership role", "endorser"));
    }
    return tr(ki18nc("@item membership role", "supporter"));
}

/// How a quote is attributed: “Words,” said Name, Title at Organization. A quote that ends in
/// an exclamation or a question keeps its mark, without the comma: “Now!” said Name.
QString attributionOf(const KitLanguage &tr, const ComposedQuote &quote)
{
    QString words = quote.text.trimmed();
    // A quotation inside the quote takes single marks, as the kit puts double ones around it:
    // “They told us ‘wait’ for years.” Where single marks are used already, for a third level or
    // as apostrophes, the words are left as they were typed.
    if (words.contains(u'“') && !words.contains(u'‘')) {
        words.replace(u'“', u'‘').replace(u'”', u'’');
    }
    // The final period gives way to the comma; an ellipsis ("...") stays whole.
    if ((words.endsWith(u'.') && !words.endsWith(u"..")) || words.endsWith(u'。')) {
        words.chop(1);
    }
    static const QString exclaimsOrAsks = u"!?！？"_s;
    if (!words.isEmpty() && exclaimsOrAsks.contains(words.back())) {
        if (!quote.title.isEmpty() && !quote.organization.isEmpty()) {
            return tr(ki18nc("@info press release; %1 quote ending in ! or ?, %2 name, %3 title, %4 organization", "“%1” said %2, %3 at %4.")
                          .subs(words)
                          .subs(quote.speaker)
                          .subs(quote.title)
                          .subs(quote.organization));
        }
        if (!quote.organization.isEmpty()) {
            return tr(ki18nc("@info press release; %1 quote ending in ! or ?, %2 name, %3 organization", "“%1” said %2 of %3.")
                          .subs(words)
                          .subs(quote.speaker)
                          .subs(quote.organization));
        }
        if (!quote.title.isEmpty()) {
            return tr(ki18nc("@info press release; %1 quote ending in ! or ?, %2 name, %3 title", "“%1” said %2, %3.")
                          .subs(words)
                          .subs(quote.speaker)
                          .subs(quote.title));
        }
        return tr(ki18nc("@info press release; %1 quote ending in ! or ?, %2 name", "“%1” said %2.").subs(words).subs(quote.speaker));
    }
    if (!quote.title.isEmpty() && !quote.organization.isEmpty()) {
        return tr(ki18nc("@info press release; %1 quote without its final period, %2 name, %3 title, %4 organization", "“%1,” said %2, %3 at %4.")
                      .subs(words)
                      .subs(quote.speaker)
                      .subs(quote.title)
                      .subs(quote.organization));
    }
    if (!quote.organization.isEmpty()) {
        return tr(ki18nc("@info press release; %1 quote without its final period, %2 name, %3 organization", "“%1,” said %2 of %3.")
                      .subs(words)
                      .subs(quote.speaker)
                      .subs(quote.organization));
    }
    if (!quote.title.isEmpty()) {
        return tr(ki18nc("@info press release; %1 quote without its final period, %2 name, %3 title", "“%1,” said %2, %3.")
                      .subs(words)
                      .subs(quote.speaker)
                      .subs(quote.title));
    }
    return tr(ki18nc("@info press release; %1 quote without its final period, %2 name", "“%1,” said %2.").subs(words).subs(quote.speaker));
}

/// The attributed quote, as one sentence: a name or organization that ends with its own period
/// ("Jr.", "Acme Inc.", "e. V.") ends the sentence without a second one.
QString attributed(const KitLanguage &tr, const ComposedQuote &quote)
{
    QString sentence = attributionOf(tr, quote);
    if (sentence.endsWith(u"..") && !sentence.endsWith(u"...")) {
        sentence.chop(1);
    }
    return sentence;
}

/// Escapes what Markdown would read as markup, on one line: a line break in a value would end
/// the quotation or the list item it is in.
QString markdownEscaped(const QString &text)
{
    const QString line = text.simplified();
    QString result;
    result.reserve(line.size() + 8);
    for (const QChar c : line) {
        if (u"\\`*_[]<>#|~"_s.contains(c)) {
            result += u'\\';
        }
        result += c;
    }
    // What would begin a list or a heading at the start of a line: "- ", "+ ", "1. ", "2) ", "===".
    static const QRegularExpression blockStart(u"^([-+=]|\\d{1,9}(?=[.)]))"_s);
    if (const QRegularExpressionMatch match = blockStart.match(result); match.hasMatch()) {
        result.insert(match.captured().front().isDigit() ? match.capturedEnd() : 0, u'\\');
    }
    return result;
}

QStringList paragraphs(const QString &text)
{
    static const QRegularExpression blank(u"\\n\\s*\\n"_s);
    QStringList list;
    for (const QString &paragraph : text.split(blank, Qt::SkipEmptyParts)) {
        list << paragraph.simplified();
    }
    return list;
}

/// Wraps each line longer than width at spaces, keeping its indentation.
QString wrapped(const QString &text, int width)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (line.size() <= width) {
            out << line;
            continue;
        }
        qsizetype start = 0;
        while (start < line.size() && line.at(start).isSpace()) {
            ++start;
        }
        const QString indent = line.left(start);
        // List items continue under their text, not under their bullet.
        const QStringView rest = QStringView(line).mid(start);
        const QString hanging = indent + QString(rest.startsWith(u"- ") || rest.startsWith(u"* ") ? 2 : 0, u' ');
        QString current = indent;
        qsizetype lineStart = indent.size();
        for (const QString &word : line.trimmed().split(u' ', Qt::SkipEmptyParts)) {
            if (current.size() > lineStart && current.size() + 1 + word.size() > width) {
                out << current;
                current = hanging;
                lineStart = hanging.size();
            }
            if (current.size() > lineStart) {
                current += u' ';
            }
            current += word;
        }
        out << current;
    }
    return out.join(u'\n');
}

QString collapsedBlankLines(const QString &text)
{
    static const QRegularExpression blankRun(u"\\n[ \\t]*(\\n[ \\t]*)+\\n"_s);
    static const QRegularExpression trailingSpace(u"[ \\t]+\\n"_s);
    QString result = text;
    result.replace(trailingSpace, u"\n"_s);
    result.replace(blankRun, u"\n\n"_s);
    return result.trimmed() + u'\n';
}

/// Everything the templates can show. Text is plain; the engine escapes it for HTML.
/// The box a logo is fitted into, in CSS pixels: beside an “About” heading, and in the first page's strip.
constexpr QSize headingLogoBox(110, 28);
constexpr QSize stripLogoBox(150, 44);
/// Logos are kept at this many times their printed size, sharp on paper.
constexpr int logoDetail = 4;

/// The logo as the document holds it: never more detailed than it is printed.
QImage printedLogo(const QImage &logo)
{
    const QSize most = stripLogoBox * logoDetail;
    if (logo.width() <= most.width() && logo.height() <= most.height()) {
        return logo;
    }
    return logo.scaled(most, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

/// How a template links a logo: embedded as a data: URI (HTML export), or as a resource the document was given.
enum class LogoLinks {
    DataUri,
    Resource
};

QUrl logoResource(const QString &organizationId)
{
    return QUrl(u"chorus-logo:"_s + organizationId);
}

QVariantHash logoContext(const QImage &logo, const QString &source, const QString &name, QSize box)
{
    const QSize size = logo.size().scaled(box, Qt::KeepAspectRatio);
    return {{u"src"_s, source}, {u"width"_s, std::max(1, size.width())}, {u"height"_s, std::max(1, size.height())}, {u"name"_s, name}};
}

QVariantHash templateContext(const Composition &c, const QDateTime &now, bool markdown, LogoLinks links = LogoLinks::Resource)
{
    // Each logo's source; a data: URI holds a PNG made here, never the stored bytes as they came.
    QHash<QString, QString> logoSources;
    for (auto it = c.logos.constBegin(); it != c.logos.constEnd(); ++it) {
        if (links == LogoLinks::Resource) {
            logoSources.insert(it.key(), logoResource(it.key()).toString());
            continue;
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (printedLogo(it.value()).save(&buffer, "PNG")) {
            logoSources.insert(it.key(), u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64()));
        }
    }

    const KitLanguage tr(c.language);
    const auto text = [markdown](const QVariant &value) {
        return markdown ? markdownEscaped(value.toString()) : value.toString();
    };
    // A web address is valid (no space, no angle bracket): Markdown shows it between < and >,
    // where a backslash would become part of the link.
    const auto url = [](const QVariant &value) {
        return value.toString();
    };
    const Record &kit = c.kit;
    QVariantHash context;
    context[u"language"_s] = c.language;

    QVariantHash labels;
    labels[u"forImmediateRelease"_s] = tr(ki18nc("@title press release flag", "FOR IMMEDIATE RELEASE"));
    labels[u"embargoed"_s] = tr(ki18nc("@title mark on every page of an embargoed press kit", "EMBARGOED"));
    labels[u"pressRelease"_s] = tr(ki18nc("@title press kit section", "Press release"));
    labels[u"mediaAdvisory"_s] = tr(ki18nc("@title press kit section", "Media advisory"));
    labels[u"factSheet"_s] = tr(ki18nc("@title press kit section", "Fact sheet"));
    labels[u"roster"_s] = tr(ki18nc("@title press kit section", "The coalition"));
    labels[u"bios"_s] = tr(ki18nc("@title press kit section", "Spokespeople"));
    labels[u"about"_s] = tr(ki18nc("@title press kit section", "About the organizations"));
    labels[u"contacts"_s] = tr(ki18ncp("@title press kit section", "Media contact", "Media contacts").subs(int(c.contacts.size())));
    labels[u"what"_s] = tr(ki18nc("@title media advisory heading", "WHAT"));
    labels[u"when"_s] = tr(ki18nc("@title media advisory heading", "WHEN"));
    labels[u"where"_s] = tr(ki18nc("@title media advisory heading", "WHERE"));
    labels[u"who"_s] = tr(ki18nc("@title media advisory heading", "WHO"));
    labels[u"why"_s] = tr(ki18nc("@title media advisory heading", "WHY"));
    labels[u"visuals"_s] = tr(ki18nc("@title media advisory heading", "VISUALS"));
    labels[u"source"_s] = tr(ki18nc("@label source of a fact", "Source:"));
    labels[u"signedBy"_s] = tr(ki18nc("@label before the list of the coalition's organizations", "Issued by"));
    labels[u"role"_s] = tr(ki18nc("@title:column roster", "Role"));
    labels[u"organization"_s] = tr(ki18nc("@title:column roster", "Organization"));
    labels[u"peopleRepresented"_s] = tr(ki18nc("@title:column roster", "People represented"));
    labels[u"email"_s] = tr(ki18nc("@label contact", "E-mail"));
    labels[u"phone"_s] = tr(ki18nc("@label contact", "Phone"));
    labels[u"livestream"_s] = tr(ki18nc("@label media advisory", "Livestream"));
    // Alone on a line, ### is an empty heading in Markdown.
    labels[u"end"_s] = markdown ? u"\\#\\#\\#"_s : u"###"_s;
    context[u"labels"_s] = labels;

    QVariantHash sections;
    QVariantHash breakBefore;
    bool earlier = false;
    for (const QString &section : c.sections) {
        sections[section] = true;
        breakBefore[section] = earlier;
        earlier = true;
    }
    context[u"sections"_s] = sections;
    context[u"breakBefore"_s] = breakBefore;

    const bool embargoed = c.isEmbargoed(now);
    context[u"embargoed"_s] = embargoed;
    if (embargoed) {
        const QString zone = kit.value(u"embargo_time_zone"_s).toString();
        const QTimeZone timeZone = tr.zone(zone);
        const QDateTime local = timeZone.isValid() ? c.embargo.toTimeZone(timeZone) : c.embargo;
        context[u"embargo"_s] = tr(ki18nc("@title press release flag; %1 time with zone, %2 date", "EMBARGOED UNTIL %1, %2")
                                       .subs(tr.localTime(c.embargo, zone))
                                       .subs(tr.date(local.date())));
    }

    context[u"campaign"_s] = text(c.campaign.value(u"name"_s));
    context[u"headline"_s] = text(kit.value(u"headline"_s).toString().isEmpty() ? kit.value(u"name"_s) : kit.value(u"headline"_s));
    context[u"subhead"_s] = text(kit.value(u"subhead"_s));
    const QDate datelineDate = QDate::fromString(kit.value(u"dateline_date"_s).toString(), Qt::ISODate);
    QStringList dateline;
    if (const QString city = kit.value(u"dateline_city"_s).toString(); !city.isEmpty()) {
        dateline << QLocale(c.language).toUpper(city);
    }
    if (datelineDate.isValid()) {
        dateline << tr.date(datelineDate);
    }
    context[u"dateline"_s] = text(dateline.join(u" — "_s));
    context[u"lede"_s] = text(kit.value(u"lede"_s));
    QVariantList body;
    for (const QString &paragraph : paragraphs(kit.value(u"body"_s).toString())) {
        body << text(paragraph);
    }
    context[u"body"_s] = body;

    QVariantList quotes;
    for (const ComposedQuote &quote : c.quotes) {
        quotes << QVariantHash{{u"sentence"_s, text(attributed(tr, quote))},
                               {u"text"_s, text(quote.text)},
                               {u"speaker"_s, text(quote.speaker)},
                               {u"title"_s, text(quote.title)},
                               {u"organization"_s, text(quote.organization)}};
    }
    context[u"quotes"_s] = quotes;

    QStringList signerNames;
    for (const Record &organization : c.signers) {
        signerNames << organization.value(u"name"_s).toString();
    }
    context[u"signers"_s] = text(tr.list(signerNames));

    if (c.event) {
        QVariantHash advisory;
        advisory[u"what"_s] = text(c.event->value(u"title"_s));
        advisory[u"description"_s] = text(c.event->value(u"description"_s));
        QVariantList sites;
        QStringList leads;
        QStringList visuals;
        for (const Record &site : c.sites) {
            const QDateTime start = parseInstant(site.value(u"starts_at"_s).toString());
            const QString zone = site.value(u"time_zone"_s).toString();
            const QTimeZone timeZone = tr.zone(zone);
            QString when = tr.date((timeZone.isValid() ? start.toTimeZone(timeZone) : start).date()) + u", "_s + tr.localTime(start, zone);
            if (const QDateTime end = parseInstant(site.value(u"ends_at"_s).toString()); end.isValid()) {
                when = tr(ki18nc("@info time range in a media advisory", "%1 to %2").subs(when).subs(tr.localTime(end, zone)));
            }
            // Reporters in other zones convert from one fixed reference.
            when = tr(ki18nc("@info media advisory; %1 local time, %2 the start in UTC", "%1 (%2)").subs(when).subs(tr.localTime(start, u"UTC"_s)));
            sites << QVariantHash{{u"venue"_s, text(site.value(u"venue"_s))},
                                  {u"address"_s, text(site.value(u"address"_s))},
                                  {u"when"_s, text(when)},
                                  {u"livestream"_s, url(site.value(u"livestream_url"_s))}};
            if (const qint64 turnout = site.value(u"expected_turnout"_s).toLongLong(); turnout > 0) {
                visuals << tr(ki18nc("@info media advisory visuals; %1 number of people, %2 venue", "about %1 people at %2")
                                  .subs(tr.number(turnout))
                                  .subs(site.value(u"venue"_s).toString()));
            }
        }
        for (const Record &membership : c.roster) {
            if (membership.value(u"role"_s).toString() == u"lead") {
                leads << membership.value(u"organization"_s).toMap().value(u"name"_s).toString();
            }
        }
        QStringList speakers;
        for (const ComposedQuote &quote : c.quotes) {
            const QString who = quote.organization.isEmpty() ? quote.speaker : u"%1 (%2)"_s.arg(quote.speaker, quote.organization);
            if (!speakers.contains(who)) {
                speakers << who;
            }
        }
        advisory[u"sites"_s] = sites;
        advisory[u"who"_s] = text(speakers.isEmpty() ? tr.list(signerNames) : tr.list(speakers));
        advisory[u"why"_s] = text(c.campaign.value(u"demand"_s));
        advisory[u"visuals"_s] =
            text(visuals.isEmpty() ? QString() : tr(ki18nc("@info media advisory visuals; %1 list of crowds", "Crowds of %1.").subs(tr.list(visuals))));
        context[u"advisory"_s] = advisory;
    }

    QVariantList facts;
    for (const Record &fact : c.facts) {
        QString source = fact.value(u"source"_s).toString();
        if (const QDate asOf = QDate::fromString(fact.value(u"as_of"_s).toString(), Qt::ISODate); asOf.isValid()) {
            source = source.isEmpty() ? tr(ki18nc("@info fact sheet; %1 date", "as of %1").subs(tr.date(asOf)))
                                      : tr(ki18nc("@info fact sheet; %1 source, %2 date", "%1, as of %2").subs(source).subs(tr.date(asOf)));
        }
        facts << QVariantHash{{u"text"_s, text(fact.value(u"text"_s))}, {u"source"_s, text(source)}, {u"url"_s, url(fact.value(u"source_url"_s))}};
    }
    context[u"facts"_s] = facts;

    QVariantList roster;
    for (const Record &membership : c.roster) {
        const QVariantMap organization = membership.value(u"organization"_s).toMap();
        QString represented;
        if (organization.value(u"people_represented"_s).isValid() && !organization.value(u"people_represented"_s).isNull()) {
            represented = tr.number(organization.value(u"people_represented"_s).toLongLong());
            const QDate asOf = QDate::fromString(organization.value(u"people_represented_as_of"_s).toString(), Qt::ISODate);
            if (asOf.isValid()) {
                represented = tr(ki18nc("@info roster; %1 number of people, %2 date", "%1 (as of %2)").subs(represented).subs(tr.date(asOf)));
            }
        }
        roster << QVariantHash{{u"name"_s, text(organization.value(u"name"_s))},
                               {u"role"_s, text(roleLabel(tr, membership.value(u"role"_s).toString()))},
                               {u"represented"_s, text(represented)},
                               {u"source"_s, text(organization.value(u"people_represented_source"_s))}};
    }
    context[u"roster"_s] = roster;

    // Each bio says whom its person speaks for: "Executive Director, Río Verde Alliance".
    QHash<QString, QString> organizationOf;
    for (const ComposedQuote &quote : c.quotes) {
        organizationOf.insert(quote.personId, quote.organization);
    }
    QVariantList bios;
    for (const Record &person : c.spokespeople) {
        if (person.value(u"bio"_s).toString().isEmpty()) {
            continue;
        }
        const QString organization = organizationOf.value(person.value(u"id"_s).toString());
        QStringList role;
        for (const QString &part : {person.value(u"title"_s).toString(), organization}) {
            if (!part.isEmpty()) {
                role << part;
            }
        }
        bios << QVariantHash{{u"name"_s, text(person.value(u"name"_s))},
                             {u"title"_s, text(person.value(u"title"_s))},
                             {u"organization"_s, text(organization)},
                             {u"role"_s, text(role.join(u", "_s))},
                             {u"bio"_s, text(person.value(u"bio"_s))}};
    }
    context[u"bios"_s] = bios;

    QVariantList about;
    for (const Record &organization : c.boilerplates) {
        const QString organizationId = organization.value(u"id"_s).toString();
        QVariantHash entry{{u"heading"_s, text(tr(ki18nc("@title press kit; %1 organization", "About %1").subs(organization.value(u"name"_s).toString())))},
                           {u"text"_s, text(organization.value(u"boilerplate"_s))},
                           {u"website"_s, url(organization.value(u"website"_s))}};
        if (logoSources.contains(organizationId)) {
            entry[u"logo"_s] =
                logoContext(c.logos.value(organizationId), logoSources.value(organizationId), organization.value(u"name"_s).toString(), headingLogoBox);
        }
        about << entry;
    }
    context[u"about"_s] = about;

    QVariantList logos;
    for (const Record &organization : c.signers) {
        const QString organizationId = organization.value(u"id"_s).toString();
        if (logoSources.contains(organizationId)) {
            logos << logoContext(c.logos.value(organizationId), logoSources.value(organizationId), organization.value(u"name"_s).toString(), stripLogoBox);
        }
    }
    context[u"logos"_s] = logos;

    QVariantList contacts;
    for (const Record &contact : c.contacts) {
        QStringList role;
        for (const QString &field : {u"title"_s, u"organization"_s}) {
            if (!contact.value(field).toString().isEmpty()) {
                role << contact.value(field).toString();
            }
        }
        contacts << QVariantHash{{u"name"_s, text(contact.value(u"name"_s))},
                                 {u"role"_s, text(role.join(u", "_s))},
                                 {u"email"_s, text(contact.value(u"email"_s))},
                                 // A phone number is never cut at the end of a line.
                                 {u"phone"_s, text(contact.value(u"phone"_s)).replace(u' ', QChar::Nbsp)},
                                 {u"languages"_s, text(contact.value(u"languages"_s))}};
    }
    context[u"contacts"_s] = contacts;
    return context;
}

/// A PDF text string: UTF-16BE with its byte order mark, in hex.
QByteArray pdfText(const QString &text)
{
    QByteArray utf16("FEFF");
    for (const QChar c : text) {
        utf16 += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    }
    return '<' + utf16 + '>';
}

/**
 * Appends an incremental update to pdf whose document information names the author and the
 * subject too (QPdfWriter writes only title and creator). The original bytes stay as they are.
 */
QByteArray withDocumentInfo(const QByteArray &pdf, const QString &title, const QString &author, const QString &subject, const QByteArray &date)
{
    static const QRegularExpression trailer(u"trailer\\s*<<(.*?)>>\\s*startxref\\s*(\\d+)\\s*%%EOF\\s*$"_s, QRegularExpression::DotMatchesEverythingOption);
    const QString latin = QString::fromLatin1(pdf.right(2048));
    const QRegularExpressionMatch match = trailer.match(latin);
    if (!match.hasMatch()) {
        qCWarning(CHORUS_PRESSKIT) << "no PDF trailer found; document information left as Qt wrote it";
        return pdf;
    }
    const QString dictionary = match.captured(1);
    static const QRegularExpression size(u"/Size\\s+(\\d+)"_s);
    static const QRegularExpression root(u"/Root\\s+(\\d+ \\d+ R)"_s);
    static const QRegularExpression id(u"/ID\\s*\\[[^\\]]*\\]"_s);
    const int object = size.match(dictionary).captured(1).toInt();
    if (object <= 0 || !root.match(dictionary).hasMatch()) {
        return pdf;
    }
    QByteArray result = pdf;
    if (!result.endsWith('\n')) {
        result += '\n';
    }
    const qsizetype offset = result.size();
    result += QByteArray::number(object) + " 0 obj\n<<\n/Title " + pdfText(title) + "\n/Author " + pdfText(author) + "\n/Subject " + pdfText(subject)
        + "\n/Creator (Chorus)\n/Producer (Chorus with Qt " QT_VERSION_STR ")\n/CreationDate (" + date + ")\n/ModDate (" + date + ")\n>>\nendobj\n";
    const qsizetype xref = result.size();
    result += "xref\n" + QByteArray::number(object) + " 1\n" + QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    result += "trailer\n<<\n/Size " + QByteArray::number(object + 1) + "\n/Root " + root.match(dictionary).captured(1).toLatin1() + "\n/Info "
        + QByteArray::number(object) + " 0 R\n" + id.match(dictionary).captured(0).toLatin1() + "\n/Prev " + match.captured(2).toLatin1() + "\n>>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return result;
}

bool isInTable(const QTextBlock &block)
{
    return qobject_cast<QTextTable *>(block.document()->frameAt(block.position())) != nullptr;
}

bool hasLines(const QTextBlock &block)
{
    return block.isValid() && block.layout() && block.layout()->lineCount() > 0 && !block.text().trimmed().isEmpty();
}

/// A line of a document laid out on one endless page, in document coordinates.
struct PrintedLine {
    qreal top = 0;
    qreal bottom = 0;
    QTextBlock block;
    int index = 0; // in its block
};

/**
 * Where the pages of a document laid out on one endless page begin: the top of each page's first
 * line, from the first page's 0. Qt's own pagination lays the document out again after every
 * page break a rule adds, and draws a line cut by a page end on both pages; here the document is
 * laid out once and each page is a window onto it that ends where the next page's first line
 * begins.
 *
 * A page ends before the first line that does not fit. QTextDocument has no keep-with-next, so
 * the rules are kept here: a heading goes to the page of the text under it (with a kicker or a
 * title under it), a list item, a paragraph of up to three lines or a quotation (an indented
 * paragraph) of up to six is never split, a longer one leaves at least two lines on each page,
 * and a page break the template asks for (page-break-before) is made. A rule gives way when
 * keeping it would leave a page empty.
 */
QList<qreal> pageStarts(const QTextDocument &document, qreal pageHeight)
{
    // The layout is made lazily, as far as it is asked for: finish it.
    document.documentLayout()->documentSize();
    QList<PrintedLine> lines;
    QList<qreal> forcedBreaks; // the tops of the blocks that begin a page
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        if (!layout || layout->lineCount() == 0) {
            continue;
        }
        const qreal top = document.documentLayout()->blockBoundingRect(block).top();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            lines.append({top + line.y(), top + line.y() + line.height(), block, i});
        }
        if (block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) {
            forcedBreaks.append(top + layout->lineAt(0).y());
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const PrintedLine &a, const PrintedLine &b) {
        return a.top < b.top;
    });
    const auto firstLineTop = [](const QTextBlock &block) {
        return block.document()->documentLayout()->blockBoundingRect(block).top() + block.layout()->lineAt(0).y();
    };
    const auto previousWithText = [](QTextBlock from) {
        from = from.previous();
        while (from.isValid() && !hasLines(from)) {
            from = from.previous();
        }
        return from;
    };
    const auto isHeading = [](const QTextBlock &block) {
        return block.blockFormat().headingLevel() > 0;
    };
    // A heading, or the one line under a heading (a title under a name): what leads into a text.
    const auto leadsIn = [&](const QTextBlock &block) {
        if (!hasLines(block) || isInTable(block)) {
            return false;
        }
        return isHeading(block) || (block.layout()->lineCount() == 1 && isHeading(previousWithText(block)));
    };
    constexpr qreal slack = 0.01;
    // A paragraph cut by a page end leaves at least this many lines on each page; a quotation of
    // up to this many lines is never cut.
    constexpr int minimumLinesAtACut = 2;
    constexpr int longestWholeQuotation = 6;

    QList<qreal> starts{0};
    qsizetype next = 0; // the first line not yet on a page
    while (true) {
        const qreal start = starts.last();
        const qreal limit = start + pageHeight;
        while (next < lines.size() && lines.at(next).top < start - slack) {
            ++next;
        }
        // The first line that does not fit: the page ends at the top of the highest such line
        // (beside it in a table, a longer cell's line may not fit either).
        qsizetype overflow = -1;
        qreal end = std::numeric_limits<qreal>::max();
        for (qsizetype i = next; i < lines.size() && lines.at(i).top < end; ++i) {
            if (lines.at(i).bottom > limit + slack && lines.at(i).top < end) {
                end = lines.at(i).top;
                overflow = i;
            }
        }
        for (const qreal forced : forcedBreaks) {
            if (forced > start + slack && forced < end - slack) {
                end = forced;
                overflow = -1;
                break;
            }
        }
        if (end == std::numeric_limits<qreal>::max()) {
            return starts;
        }
        if (end <= start + slack) {
            // A line taller than a page (a large image) begins this page: the page ends after it.
            const qreal tall = lines.at(overflow).bottom;
            end = std::numeric_limits<qreal>::max();
            for (qsizetype i = next; i < lines.size(); ++i) {
                if (lines.at(i).top >= tall - slack) {
                    end = lines.at(i).top;
                    break;
                }
            }
            if (end == std::numeric_limits<qreal>::max()) {
                return starts;
            }
            starts.append(end);
            continue;
        }
        qreal kept = end;
        if (overflow >= 0 && !isInTable(lines.at(overflow).block)) {
            QTextBlock block = lines.at(overflow).block;
            const bool indented = block.blockFormat().leftMargin() > 0 && !block.textList();
            const int index = lines.at(overflow).index;
            const int count = block.layout()->lineCount();
            // A list item too: cut in two, its second half would get a bullet of its own. A long
            // quotation is cut like any paragraph: kept whole, a paragraph-long quote would leave
            // most of a page empty.
            const bool whole = block.textList() || count <= (indented ? longestWholeQuotation : 3);
            bool moved = index == 0;
            if (index > 0 && (whole || index < minimumLinesAtACut)) {
                kept = firstLineTop(block); // the whole paragraph goes to the next page
                moved = true;
            } else if (index > 0 && count - index < minimumLinesAtACut) {
                // No line left alone at the top of the next page: one more goes with it.
                kept = document.documentLayout()->blockBoundingRect(block).top() + block.layout()->lineAt(count - minimumLinesAtACut).y();
            }
            if (moved) {
                // What leads into the block goes along (a kicker, a heading, a title under it).
                // A title line belongs to the heading above it: it leads into a text, not into the
                // next heading (short "About" paragraphs are one line each).
                QTextBlock led = block;
                for (QTextBlock above = previousWithText(block); leadsIn(above) && (isHeading(above) || !isHeading(led)); above = previousWithText(above)) {
                    kept = firstLineTop(above);
                    led = above;
                }
            }
        }
        starts.append(kept > start + slack ? kept : end);
    }
}

/**
 * Splits each paragraph that a page start cuts into two, one on each page. Qt draws a paragraph's
 * text line by line within the clip, and a line more above it: painted page by page, the last
 * line of a page would be written again, clipped away but still in the PDF's text, at the top of
 * the next. The halves keep the paragraph's place: no margin where it was cut.
 */
void splitParagraphsAtPageStarts(QTextDocument &document, const QList<qreal> &starts)
{
    QList<std::pair<int, QTextBlockFormat>> cuts; // positions where a page's first line starts
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        // A list item longer than a page stays whole: a second half would get a bullet of its own.
        if (!layout || layout->lineCount() < 2 || block.textList()) {
            continue;
        }
        const qreal top = document.documentLayout()->blockBoundingRect(block).top();
        const qreal blockEnd = top + layout->lineAt(layout->lineCount() - 1).y();
        for (const qreal start : starts) {
            if (start <= top + layout->lineAt(0).y() + 0.01 || start > blockEnd + 0.01) {
                continue;
            }
            for (int i = 1; i < layout->lineCount(); ++i) {
                if (top + layout->lineAt(i).y() >= start - 0.01) {
                    cuts.append({block.position() + layout->lineAt(i).textStart(), block.blockFormat()});
                    break;
                }
            }
        }
    }
    if (cuts.isEmpty()) {
        return;
    }
    std::sort(cuts.begin(), cuts.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    // From the end: the positions before a cut stay where they are.
    for (auto it = cuts.crbegin(); it != cuts.crend(); ++it) {
        cursor.setPosition(it->first);
        // A line break (<br>) where the paragraph is cut would leave an empty line behind it.
        if (document.characterAt(it->first - 1) == QChar::LineSeparator) {
            cursor.deletePreviousChar();
        }
        QTextBlockFormat before = it->second;
        before.setBottomMargin(0);
        QTextBlockFormat after = it->second;
        after.setTopMargin(0);
        after.setTextIndent(0);
        after.setPageBreakPolicy(after.pageBreakPolicy() & ~QTextFormat::PageBreak_AlwaysBefore);
        cursor.setBlockFormat(before);
        cursor.insertBlock(after);
    }
    cursor.endEditBlock();
}

/// Gives document the logos its HTML names: the only images it can show.
void addLogos(QTextDocument &document, const Composition &composition)
{
    for (auto it = composition.logos.constBegin(); it != composition.logos.constEnd(); ++it) {
        document.addResource(QTextDocument::ImageResource, logoResource(it.key()), printedLogo(it.value()));
    }
}

/// The width of the text on the page a word processor opens an ODT on: A4 with margins of 2 cm
/// (narrower than US Letter's), in points.
constexpr qreal odtTextWidth = (210.0 - 40.0) / 25.4 * 72.0;

/**
 * Gives the tables in frame, and in the frames inside it, their widths and their columns' as
 * lengths in points of a text textWidth wide. Qt's OpenDocument writer writes a table's
 * percentage width as points ("100pt" for 100%) and its columns' as percentages, which word
 * processors do not read: the tables of an ODT came out a few centimetres wide.
 */
void withTableWidthsInPoints(QTextFrame *frame, qreal textWidth)
{
    const QList<QTextFrame *> children = frame->childFrames();
    for (QTextFrame *child : children) {
        withTableWidthsInPoints(child, textWidth);
        auto *table = qobject_cast<QTextTable *>(child);
        if (!table) {
            continue;
        }
        QTextTableFormat format = table->format();
        const QTextLength width = format.width();
        const qreal total = width.type() == QTextLength::PercentageLength ? textWidth * width.rawValue() / 100.0
            : width.type() == QTextLength::FixedLength                    ? std::min(width.rawValue(), textWidth)
                                                                          : textWidth;
        QList<QTextLength> columns = format.columnWidthConstraints();
        columns.resize(table->columns(), QTextLength());
        qreal taken = 0;
        int free = 0;
        for (const QTextLength &column : std::as_const(columns)) {
            if (column.type() == QTextLength::PercentageLength) {
                taken += total * column.rawValue() / 100.0;
            } else if (column.type() == QTextLength::FixedLength) {
                taken += column.rawValue();
            } else {
                ++free;
            }
        }
        const qreal share = free > 0 ? std::max(0.0, total - taken) / free : 0;
        for (QTextLength &column : columns) {
            const qreal points = column.type() == QTextLength::PercentageLength ? total * column.rawValue() / 100.0
                : column.type() == QTextLength::FixedLength                     ? column.rawValue()
                                                                                : share;
            column = QTextLength(QTextLength::FixedLength, points);
        }
        format.setWidth(QTextLength(QTextLength::FixedLength, total));
        format.setColumnWidthConstraints(columns);
        table->setFormat(format);
    }
}

/**
 * Works around two more faults of Qt's OpenDocument writer. It writes each paragraph of a table
 * cell as a cell of its own, so that a word processor showed only the first of a media
 * advisory's sites: a cell's paragraphs become lines of one paragraph. And it writes the
 * "vertical-align: top" of a cell's text as a superscript, drawn at half size: the text is set
 * on the line again (the cell keeps its own alignment). Nor does it write a cell's background.
 */
void readableByWordProcessors(QTextDocument &document)
{
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (QTextBlock block = document.lastBlock(); block.isValid(); block = block.previous()) {
        const QTextBlock previous = block.previous();
        auto *table = qobject_cast<QTextTable *>(document.frameAt(block.position()));
        if (table && previous.isValid() && document.frameAt(previous.position()) == table
            && table->cellAt(block.position()) == table->cellAt(previous.position())) {
            cursor.setPosition(block.position());
            cursor.deletePreviousChar();
            cursor.insertText(QString(QChar::LineSeparator));
        }
    }
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        // The writer drops a cell's background: light text on it (a table's header) would
        // vanish, and a background behind the words alone looks like a highlighter. Such text
        // takes the background's colour instead.
        QBrush cellBackground;
        if (auto *table = qobject_cast<QTextTable *>(document.frameAt(block.position()))) {
            cellBackground = table->cellAt(block.position()).format().background();
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                continue;
            }
            bool changed = false;
            const auto alignment = format.verticalAlignment();
            if (format.hasProperty(QTextFormat::TextVerticalAlignment)
                && (alignment == QTextCharFormat::AlignTop || alignment == QTextCharFormat::AlignBottom)) {
                format.clearProperty(QTextFormat::TextVerticalAlignment);
                changed = true;
            }
            if (cellBackground.style() != Qt::NoBrush) {
                format.clearProperty(QTextFormat::BackgroundBrush);
                format.setForeground(cellBackground.color());
                changed = true;
            }
            if (changed) {
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                cursor.setCharFormat(format);
            }
        }
    }
    cursor.endEditBlock();
}

/**
 * Sets the date of every file in the zip archive zip (an ODT) to date: Qt stamps each with the
 * current time, and a test asks for fixed bytes. The archive is walked through its central
 * directory; one it cannot read is left as it is.
 */
void withFixedZipDates(QByteArray &zip, const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    const auto dosTime = quint16((utc.time().hour() << 11) | (utc.time().minute() << 5) | (utc.time().second() / 2));
    const auto dosDate = quint16((std::max(0, utc.date().year() - 1980) << 9) | (utc.date().month() << 5) | utc.date().day());
    const auto read16 = [&zip](qsizetype at) {
        return quint16(quint8(zip.at(at)) | (quint8(zip.at(at + 1)) << 8));
    };
    const auto read32 = [&zip, &read16](qsizetype at) {
        return quint32(read16(at)) | (quint32(read16(at + 2)) << 16);
    };
    const auto write16 = [&zip](qsizetype at, quint16 value) {
        zip[at] = char(value & 0xff);
        zip[at + 1] = char(value >> 8);
    };
    const qsizetype end = zip.lastIndexOf(QByteArrayView("PK\x05\x06", 4));
    if (end < 0 || end + 22 > zip.size()) {
        return;
    }
    const int entries = read16(end + 10);
    qsizetype at = read32(end + 16);
    for (int i = 0; i < entries; ++i) {
        if (at + 46 > zip.size() || read32(at) != 0x02014b50) {
            return;
        }
        write16(at + 12, dosTime);
        write16(at + 14, dosDate);
        const qsizetype local = read32(at + 42);
        if (local + 30 <= zip.size() && read32(local) == 0x04034b50) {
            write16(local + 10, dosTime);
            write16(local + 12, dosDate);
        }
        at += 46 + read16(at + 28) + read16(at + 30) + read16(at + 32);
    }
}

Error renderError(const QString &reason)
{
    return Error(Error::Code::Invalid, i18nc("@info %1 is the reason", "The press kit could not be rendered: %1", reason));
}

} // namespace

std::optional<Format> formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"pdf") {
        return Format::Pdf;
    }
    if (n == u"odt") {
        return Format::Odt;
    }
    if (n == u"html" || n == u"htm") {
        return Format::Html;
    }
    if (n == u"txt" || n == u"text") {
        return Format::Text;
    }
    if (n == u"md" || n == u"markdown") {
        return Format::Markdown;
    }
    return std::nullopt;
}

Renderer::Renderer(RenderOptions options)
    : m_options(std::move(options))
{
}

QPageSize::PageSizeId Renderer::paperFor(const Composition &composition) const
{
    if (m_options.paper) {
        return *m_options.paper;
    }
    const QString paper = QJsonDocument::fromJson(composition.kit.value(u"settings"_s).toString().toUtf8()).object().value(u"paper").toString();
    if (paper == u"letter") {
        return QPageSize::Letter;
    }
    if (paper == u"a4") {
        return QPageSize::A4;
    }
    return QLocale(composition.language).measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4;
}

Result<QString> Renderer::renderTemplate(const Composition &composition, const QString &name, bool embedLogos) const
{
    KTextTemplate::Engine engine;
    const auto loader = QSharedPointer<TemplateLoader>::create(m_options.templateFolder);
    engine.addTemplateLoader(loader);
    const auto refusal = [&loader]() -> std::optional<Error> {
        if (loader->refused().isEmpty()) {
            return std::nullopt;
        }
        return renderError(
            i18nc("@info %1 is a file",
                  "the template %1 reads files from disk or loads tag libraries (with its ssi or load tag), which a press kit template may not do.",
                  QDir::toNativeSeparators(loader->refused().first())));
    };
    // Plain text and Markdown keep the template's line breaks; runs of blank lines are collapsed
    // afterwards.
    engine.setSmartTrimEnabled(name.endsWith(u".html"_s));
    const KTextTemplate::Template tmpl = engine.loadByName(name);
    if (!tmpl) {
        return renderError(i18nc("@info", "there is no template called %1.", name));
    }
    if (auto refused = refusal()) {
        return *refused;
    }
    if (tmpl->error()) {
        return renderError(tmpl->errorString());
    }
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTimeUtc();
    KTextTemplate::Context context(templateContext(composition, now, name.endsWith(u".md"_s), embedLogos ? LogoLinks::DataUri : LogoLinks::Resource));
    context.setAutoEscape(name.endsWith(u".html"_s));
    const QString output = tmpl->render(&context);
    // A template it includes or extends may be refused too.
    if (auto refused = refusal()) {
        return *refused;
    }
    if (tmpl->error()) {
        return renderError(tmpl->errorString());
    }
    return output;
}

Result<QByteArray> Renderer::render(const Composition &composition, Format format) const
{
    switch (format) {
    case Format::Pdf:
        return renderPdf(composition);
    case Format::Odt:
        return renderOdt(composition);
    case Format::Html: {
        auto html = renderTemplate(composition, u"kit.html"_s, true);
        if (!html) {
            return html.error();
        }
        return QString(html.value().trimmed() + u'\n').toUtf8();
    }
    case Format::Text: {
        auto text = renderTemplate(composition, u"kit.txt"_s);
        if (!text) {
            return text.error();
        }
        return wrapped(collapsedBlankLines(text.value()), 72).toUtf8();
    }
    case Format::Markdown: {
        auto text = renderTemplate(composition, u"kit.md"_s);
        if (!text) {
            return text.error();
        }
        return collapsedBlankLines(text.value()).toUtf8();
    }
    }
    return QByteArray();
}

Result<QByteArray> Renderer::renderOdt(const Composition &composition) const
{
    auto html = renderTemplate(composition, u"kit.html"_s);
    if (!html) {
        return html.error();
    }
    SealedDocument document;
    addLogos(document, composition);
    document.setHtml(html.value());
    withTableWidthsInPoints(document.rootFrame(), odtTextWidth);
    readableByWordProcessors(document);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "odf");
    if (!writer.write(&document)) {
        return renderError(i18nc("@info", "the OpenDocument writer failed."));
    }
    if (m_options.creationDate.isValid()) {
        withFixedZipDates(bytes, m_options.creationDate);
    }
    return bytes;
}

Result<QByteArray> Renderer::renderPdf(const Composition &composition) const
{
    auto html = renderTemplate(composition, u"kit.html"_s);
    if (!html) {
        return html.error();
    }
    const KitLanguage tr(composition.language);
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTimeUtc();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);
    // CSS pixels: the template's lengths mean the same on paper as in a browser. Design metrics
    // keep glyph positions exact at this resolution.
    writer.setResolution(96);
    writer.setPageSize(QPageSize(paperFor(composition)));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    const QString headline = composition.kit.value(u"headline"_s).toString();
    writer.setTitle(headline.isEmpty() ? composition.kit.value(u"name"_s).toString() : headline);
    writer.setCreator(u"Chorus"_s);
    if (m_options.creationDate.isValid()) {
        // A fixed id with the fixed date: the same kit gives the same bytes.
        writer.setDocumentId(QUuid::createUuidV5(QUuid(), composition.kit.value(u"id"_s).toString()));
    }

    SealedDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setDocumentMargin(0);
    document.setUseDesignMetrics(true);
    // No ligatures: a reporter who copies “office” from the PDF must get o-f-f-i-c-e, not a
    // ligature character. Every format inherits the features of the default font.
    QFont plain = document.defaultFont();
    plain.setFeature("liga", 0);
    plain.setFeature("clig", 0);
    // Hinting fits glyphs to a screen's pixels; a PDF has none, and running every glyph's
    // TrueType instructions was a tenth of an export's time.
    plain.setHintingPreference(QFont::PreferNoHinting);
    document.setDefaultFont(plain);
    const qreal dpmm = writer.resolution() / 25.4;
    const QRectF paper = writer.pageLayout().fullRectPixels(writer.resolution());
    const QRectF body(22 * dpmm, 28 * dpmm, paper.width() - 44 * dpmm, paper.height() - 28 * dpmm - 24 * dpmm);
    // One endless page, laid out once, at its width from the start; the pages are windows onto it.
    document.setTextWidth(body.width());
    addLogos(document, composition);
    document.setHtml(html.value());
    QList<qreal> starts = pageStarts(document, body.height());
    splitParagraphsAtPageStarts(document, starts);
    const int pages = int(starts.size());
    m_lastPageCount = pages;
    starts.append(document.size().height() + 1);

    QPainter painter;
    if (!painter.begin(&writer)) {
        return renderError(i18nc("@info", "the PDF writer could not start."));
    }
    const QString campaign = composition.campaign.value(u"name"_s).toString();
    const bool embargoed = composition.isEmbargoed(now);
    const QString embargoMark = tr(ki18nc("@title mark on every page of an embargoed press kit", "EMBARGOED"));
    QFont small(u"Noto Sans"_s);
    small.setPointSizeF(8);
    small.setHintingPreference(QFont::PreferNoHinting);
    QFont mark(u"Noto Sans"_s);
    mark.setHintingPreference(QFont::PreferNoHinting);
    mark.setPointSizeF(9);
    mark.setBold(true);
    mark.setLetterSpacing(QFont::AbsoluteSpacing, 1.2);
    const QColor grey(0x55, 0x5b, 0x66);
    const QColor red(0xb0, 0x1e, 0x23);

    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            writer.newPage();
        }
        // Running header: the campaign, and the embargo while it holds.
        painter.setFont(small);
        painter.setPen(grey);
        const QRectF header(body.left(), 12 * dpmm, body.width(), 8 * dpmm);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, campaign);
        if (embargoed) {
            painter.setFont(mark);
            painter.setPen(red);
            painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, embargoMark);
        }
        painter.setPen(QPen(grey, 0.25 * dpmm));
        painter.drawLine(QPointF(body.left(), 21 * dpmm), QPointF(body.right(), 21 * dpmm));

        painter.save();
        const qreal top = starts.at(page);
        const qreal bottom = std::min(starts.at(page + 1), top + body.height());
        painter.translate(body.left(), body.top() - top);
        // Graphics (a cell's background, a logo) are clipped to the window; text is drawn line by
        // line: the lines that begin inside it, half a pixel in from its ends.
        painter.setClipRect(QRectF(0, top, body.width(), bottom - top));
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, top + 0.5, body.width(), std::max(0.5, bottom - top - 1.0));
        document.documentLayout()->draw(&painter, context);
        painter.restore();

        // Footer: page numbers.
        painter.setFont(small);
        painter.setPen(grey);
        const QRectF footer(body.left(), paper.height() - 16 * dpmm, body.width(), 6 * dpmm);
        painter.drawText(footer, Qt::AlignHCenter | Qt::AlignTop, tr(ki18nc("@info page footer of a press kit", "Page %1 of %2").subs(page + 1).subs(pages)));
    }
    painter.end();
    buffer.close();

    if (m_options.creationDate.isValid()) {
        // Qt stamps the current time; a test asks for fixed bytes. Same length, so the
        // cross-reference offsets stay right.
        static const QRegularExpression stamp(u"\\(D:\\d{14}[^)]*\\)"_s);
        QString latin = QString::fromLatin1(bytes);
        const QString fixed = u"(D:%1Z)"_s.arg(m_options.creationDate.toUTC().toString(u"yyyyMMddhhmmss"_s));
        QRegularExpressionMatchIterator it = stamp.globalMatch(latin);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            latin.replace(match.capturedStart(), match.capturedLength(), fixed.leftJustified(match.capturedLength(), u' ').left(match.capturedLength()));
        }
        // Qt writes the XMP dates as attributes (xmp:CreateDate="...+00:00"); elements are matched too.
        static const QRegularExpression xmpDate(u"(xmp:(?:CreateDate|ModifyDate|MetadataDate)(?:>|=\"))([^<\"]*)()"_s);
        it = xmpDate.globalMatch(latin);
        const QString iso = m_options.creationDate.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"+00:00"_s;
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            latin.replace(match.capturedStart(2), match.capturedLength(2), iso.leftJustified(match.capturedLength(2), u' ').left(match.capturedLength(2)));
        }
        bytes = latin.toLatin1();
    }

    // Author: the campaign's lead organizations (else the campaign); subject: the subhead.
    QStringList leads;
    for (const Record &membership : composition.roster) {
        if (membership.value(u"role"_s).toString() == u"lead") {
            leads << membership.value(u"organization"_s).toMap().value(u"name"_s).toString();
        }
    }
    const QString subhead = composition.kit.value(u"subhead"_s).toString();
    const QDateTime created = m_options.creationDate.isValid() ? m_options.creationDate : QDateTime::currentDateTimeUtc();
    return withDocumentInfo(bytes,
                            headline.isEmpty() ? composition.kit.value(u"name"_s).toString() : headline,
                            leads.isEmpty() ? campaign : tr.list(leads),
                            subhead.isEmpty() ? campaign : subhead,
                            "D:" + created.toUTC().toString(u"yyyyMMddhhmmss"_s).toLatin1() + 'Z');
}

Result<void> Renderer::exportTo(const Composition &composition, Format format, const QString &path) const
{
    auto bytes = render(composition, format);
    if (!bytes) {
        return bytes.error();
    }
    // The usual reasons in words a person knows, in their language; the system's words for the rest.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 file, %2 reason",
                           "The press kit could not be written to %1: %2",
                           QDir::toNativeSeparators(path),
                           FileReason::forWriting(path, file)));
    }
    file.write(bytes.value());
    if (!file.commit()) {
        return Error(Error::Code::CannotOpen,
                     i18nc("@info %1 file, %2 reason",
                           "The press kit could not be written to %1: %2",
                           QDir::toNativeSeparators(path),
                           FileReason::forWriting(path, file)));
    }
    return {};
}

} // namespace Chorus::PressKit
