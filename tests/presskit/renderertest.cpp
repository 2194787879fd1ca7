// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "presskit/renderer.h"
#include "chorustest.h"
#include "presskit/composition.h"
#include "presskittesthelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Testing;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace
{

const QDateTime fixedMoment(QDate(2027, 1, 10), QTime(12, 0), QTimeZone::UTC);

PressKit::Composition composed(Store::Store &store, const QString &language = {})
{
    auto result = PressKit::compose(store, demoKit(store).value(u"id"_s).toString(), {language, fixedMoment});
    if (!result) {
        qFatal("compose failed: %s", qPrintable(result.error().message()));
    }
    return result.value();
}

PressKit::RenderOptions stableOptions()
{
    PressKit::RenderOptions options;
    options.creationDate = fixedMoment;
    options.now = fixedMoment;
    return options;
}

QString render(const PressKit::Composition &kit, PressKit::Format format, const PressKit::RenderOptions &options = stableOptions())
{
    auto bytes = PressKit::Renderer(options).render(kit, format);
    if (!bytes) {
        qWarning() << bytes.error().message();
        return {};
    }
    return QString::fromUtf8(bytes.value());
}

/// Runs a poppler or qpdf tool; the test is skipped when it is not installed.
struct Tool {
    int exitCode = -1;
    QString out;
};
Tool runTool(const QString &program, const QStringList &arguments)
{
    Tool result;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        return result;
    }
    QProcess process;
    process.start(path, arguments);
    process.waitForFinished(60000);
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    return result;
}

/// The text of each page of the PDF, as pdftotext reads it.
QStringList pdfPages(const QString &pdf)
{
    return runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s}).out.split(u'\f', Qt::SkipEmptyParts);
}

/// The words of the PDF as one line: page headers and footers removed, spaces simplified.
QString pdfText(const QString &pdf, const QString &campaign)
{
    QString text = runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s}).out;
    static const QRegularExpression footer(u"Page \\d+ of \\d+"_s);
    text.remove(footer);
    text.remove(u"EMBARGOED\n"_s);
    text.remove(campaign + u'\n');
    text.remove(u'\f');
    return text.simplified();
}

} // namespace

class RendererTest : public QObject
{
    Q_OBJECT

    /// The papers a layout test runs on: A4 and US Letter cut pages at different lines.
    static void addPapers()
    {
        QTest::addColumn<QString>("paper");
        QTest::addRow("a4") << u"a4"_s;
        QTest::addRow("letter") << u"letter"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KLocalizedString::addDomainLocaleDir("chorus", QStringLiteral(CHORUS_BUILD_DIR "/locale"));
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {
            QSKIP("poppler-utils (pdftotext, pdffonts) are needed to read the PDFs");
        }
    }

    void shouldPrintEveryQuoteWholeAttributedAndInOrderInThePdf()
    {
        // GIVEN the demo kit
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);

        // WHEN it is exported to PDF
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(kit, PressKit::Format::Pdf, pdf));

        // THEN the text of the PDF has every quote, whole, with curly quotes, dashes and
        // accents intact, attributed, in the chosen order
        const QString text = pdfText(pdf, kit.campaign.value(u"name"_s).toString());
        qsizetype last = -1;
        for (const PressKit::ComposedQuote &quote : kit.quotes) {
            QString words = quote.text.simplified();
            words.chop(1); // the final period becomes a comma
            const qsizetype at = text.indexOf(u"“"_s + words);
            QVERIFY2(at >= 0, qPrintable(u"missing: "_s + words));
            QVERIFY2(at > last, qPrintable(u"out of order: "_s + words));
            last = at;
            // pdftotext joins a name hyphenated at the end of a line without its hyphen.
            QVERIFY2(QString(text).remove(u'-').indexOf(u"said "_s + QString(quote.speaker).remove(u'-'), at) >= 0, qPrintable(quote.speaker));
        }
        QVERIFY(text.contains(u"said Lucía Martínez, Executive Director at Río Verde Alliance."_s));
        QVERIFY(text.contains(u"OAKLAND — May 20, 2027 —"_s));
        QVERIFY(text.contains(u"###"_s));
    }

    void shouldMakeAValidPdfWithEmbeddedFontsAndMetadata()
    {
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(composed(*store), PressKit::Format::Pdf, pdf));

        const Tool check = runTool(u"qpdf"_s, {u"--check"_s, pdf});
        if (check.exitCode == -1 && QStandardPaths::findExecutable(u"qpdf"_s).isEmpty()) {
            QSKIP("qpdf is not installed");
        }
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));

        // Every font is embedded: the "emb" column of pdffonts says yes on every row.
        const QStringList fonts = runTool(u"pdffonts"_s, {pdf}).out.split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY(!fonts.isEmpty());
        for (const QString &row : fonts) {
            QVERIFY2(row.contains(u" yes "_s), qPrintable(row));
        }

        const QString info = runTool(u"pdfinfo"_s, {pdf}).out;
        QVERIFY2(info.contains(u"300,000 people tell Meridian Cloud Systems: cancel Sentinel Grid"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Page size:       612 x 792 pts (letter)"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Author:          Río Verde Alliance"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Subject:         A dozen organizations and 850 Meridian employees"_s), qPrintable(info));
        QVERIFY2(info.contains(u"CreationDate:    Sun Jan 10 12:00:00 2027 UTC"_s), qPrintable(info));
    }

    void shouldPrintTheEmbargoOnEveryPageWhileItHolds()
    {
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(stableOptions());
        QVERIFY(renderer.exportTo(kit, PressKit::Format::Pdf, pdf));
        QVERIFY(renderer.lastPageCount() > 1);

        const QStringList pages = runTool(u"pdftotext"_s, {pdf, u"-"_s}).out.split(u'\f', Qt::SkipEmptyParts);
        int marked = 0;
        for (const QString &page : pages) {
            marked += page.contains(u"EMBARGOED"_s) && page.contains(kit.campaign.value(u"name"_s).toString()) ? 1 : 0;
        }
        QCOMPARE(marked, renderer.lastPageCount());
    }

    void shouldNeverPrintAPrivatePhone_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("pdf") << int(PressKit::Format::Pdf);
        QTest::newRow("html") << int(PressKit::Format::Html);
        QTest::newRow("text") << int(PressKit::Format::Text);
        QTest::newRow("markdown") << int(PressKit::Format::Markdown);
    }

    void shouldNeverPrintAPrivatePhone()
    {
        // GIVEN the demo, where Grace Liu's phone is public and Inés Álvarez's is made private
        QFETCH(int, format);
        auto store = demoStore();
        QVERIFY(store);
        const Record ines = findRecord(*store, Kind::Person, u"name"_s, u"Inés Álvarez"_s);
        QVERIFY(store->update(Kind::Person, ines.value(u"id"_s).toString(), {{u"phone_public"_s, false}}));
        const QString privatePhone = ines.value(u"phone"_s).toString();
        QVERIFY(!privatePhone.isEmpty());

        // WHEN the kit is exported
        QString text;
        if (PressKit::Format(format) == PressKit::Format::Pdf) {
            QTemporaryDir dir;
            QVERIFY(PressKit::Renderer(stableOptions()).exportTo(composed(*store), PressKit::Format::Pdf, dir.filePath(u"kit.pdf"_s)));
            text = runTool(u"pdftotext"_s, {dir.filePath(u"kit.pdf"_s), u"-"_s}).out;
        } else {
            text = render(composed(*store), PressKit::Format(format));
        }

        // THEN no private phone number of anyone appears, and her e-mail does
        QVERIFY(text.contains(ines.value(u"email"_s).toString()));
        text.replace(QChar::Nbsp, u' ');
        for (const Record &person : store->fetchAll(Kind::Person)) {
            if (!person.value(u"phone_public"_s).toBool() && !person.value(u"phone"_s).toString().isEmpty()) {
                QVERIFY2(!text.contains(person.value(u"phone"_s).toString()), qPrintable(person.value(u"name"_s).toString()));
            }
        }
    }

    void shouldKeepEachPublicPhoneNumberOnOneLine()
    {
        // GIVEN the demo kit, whose media contacts have public phone numbers with spaces
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store);
        QStringList phones;
        for (const Record &contact : kit.contacts) {
            if (contact.value(u"phone"_s).toString().contains(u' ')) {
                phones << contact.value(u"phone"_s).toString();
            }
        }
        QVERIFY(!phones.isEmpty());

        // WHEN the kit is rendered THEN its spaces do not break: a line never ends inside one
        const QString html = render(kit, PressKit::Format::Html);
        const QString text = render(kit, PressKit::Format::Text);
        for (const QString &phone : std::as_const(phones)) {
            const QString unbroken = QString(phone).replace(u' ', QChar::Nbsp);
            QVERIFY2(html.contains(unbroken), qPrintable(phone));
            QVERIFY2(text.contains(unbroken), qPrintable(phone));
        }
    }

    void shouldSayWhomEachSpokespersonSpeaksForInTheirBio()
    {
        // GIVEN the demo kit, where Lucía Martínez is Executive Director at Río Verde Alliance
        auto store = demoStore();
        QVERIFY(store);

        // WHEN it is rendered
        const QString text = render(composed(*store), PressKit::Format::Text);
        const QString html = render(composed(*store), PressKit::Format::Html);

        // THEN her bio is headed with her title and her organization
        const qsizetype bios = text.indexOf(u"== Spokespeople =="_s);
        QVERIFY(bios > 0);
        QVERIFY2(text.indexOf(u"\nLucía Martínez, Executive Director, Río Verde Alliance\n"_s, bios) > bios, qPrintable(text.mid(bios, 400)));
        QVERIFY(html.contains(u"<p class=\"small\">Executive Director, Río Verde Alliance</p>"_s));
    }

    void shouldWriteASpanishKitWithSpanishLabels()
    {
        // GIVEN an English user interface and the demo kit
        auto store = demoStore();
        QVERIFY(store);

        // WHEN the kit is rendered in Spanish
        const QString text = render(composed(*store, u"es"_s), PressKit::Format::Text);

        // THEN labels, dates and translated quotes are Spanish
        QVERIFY2(text.contains(u"Contactos de prensa"_s), qPrintable(text));
        QVERIFY(text.contains(u"Acerca de Río Verde Alliance"_s));
        QVERIFY(text.contains(u"20 de mayo de 2027"_s));
        QVERIFY(text.contains(u"“Trescientas mil personas"_s));
        QVERIFY(text.contains(u"dijo Lucía Martínez"_s));
        QVERIFY(!text.contains(u"Media contacts"_s));
        // and the user interface is still English
        QCOMPARE(Domain::kindPluralLabel(Kind::Quote), u"Quotes"_s);
    }

    void shouldEndAnAttributionWithOnePeriodWhenTheNameHasItsOwn()
    {
        // GIVEN quotes attributed to an organization and a person whose names end in a period
        auto store = demoStore();
        QVERIFY(store);
        PressKit::Composition kit = composed(*store);
        QVERIFY(kit.quotes.size() >= 2);
        kit.quotes[0].organization = u"Mieterschutzverein Köln e. V."_s;
        kit.quotes[1].title.clear();
        kit.quotes[1].organization.clear();
        kit.quotes[1].speaker = u"Martin Reyes Jr."_s;

        // WHEN the kit is rendered, in English and in Spanish
        const QString english = render(kit, PressKit::Format::Text).simplified();
        PressKit::Composition spanish = composed(*store, u"es"_s);
        spanish.quotes[0].organization = u"Acme S.A."_s;
        const QString inSpanish = render(spanish, PressKit::Format::Text).simplified();

        // THEN each sentence ends with one period
        QVERIFY2(english.contains(u"at Mieterschutzverein Köln e. V. "_s), qPrintable(english));
        QVERIFY(english.contains(u"said Martin Reyes Jr. "_s));
        QVERIFY2(inSpanish.contains(u"de Acme S.A. "_s), qPrintable(inSpanish));
        QVERIFY(!english.contains(u".. "_s) && !inSpanish.contains(u".. "_s));
    }

    void shouldWriteTheOffsetOfAZoneWhoseDataHasNoAbbreviation()
    {
        // GIVEN the demo kit embargoed on Bogotá's clock, and its first site in Kathmandu: the
        // time zone data names neither with letters, only "-05" and "+0545"
        auto store = demoStore();
        QVERIFY(store);
        QVERIFY(store->update(Kind::PressKit, demoKit(*store).value(u"id"_s).toString(), {{u"embargo_time_zone"_s, u"America/Bogota"_s}}));
        const PressKit::Composition before = composed(*store);
        QVERIFY(!before.sites.isEmpty());
        QVERIFY(store->update(Kind::Site, before.sites.first().value(u"id"_s).toString(), {{u"time_zone"_s, u"Asia/Kathmandu"_s}}));

        // WHEN the kit is rendered
        const QString text = render(composed(*store), PressKit::Format::Text).simplified();

        // THEN those times carry their offset from UTC as readers know it, and no bare "-05"
        QVERIFY2(text.contains(u"EMBARGOED UNTIL 3:30 PM UTC\u22125, May 20, 2027"_s), qPrintable(text));
        QVERIFY2(text.contains(u"UTC+5:45"_s), qPrintable(text));
        QVERIFY(!text.contains(u" -05"_s) && !text.contains(u"+0545"_s));
        // and the zones that have letters keep them
        QVERIFY(text.contains(u"PDT"_s));
    }

    void shouldKeepTheExclamationOrQuestionThatEndsAQuote()
    {
        auto store = demoStore();
        QVERIFY(store);
        PressKit::Composition kit = composed(*store);
        QVERIFY(kit.quotes.size() >= 3);
        kit.quotes[0].text = u"Water is a right, not a business!"_s;
        kit.quotes[1].text = u"Who will answer for this?"_s;
        kit.quotes[2].text = u"水是生命之源。"_s;
        const QString speaker = kit.quotes[0].speaker;

        const QString text = render(kit, PressKit::Format::Text).simplified();
        QVERIFY2(text.contains(u"“Water is a right, not a business!” said "_s + speaker), qPrintable(text));
        QVERIFY(text.contains(u"“Who will answer for this?” said "_s));
        QVERIFY(text.contains(u"“水是生命之源,” said "_s));
        QVERIFY(!text.contains(u"!,”"_s) && !text.contains(u"?,”"_s));

        // An ellipsis at the end stays whole.
        kit.quotes[2].text = u"We will not stop..."_s;
        QVERIFY(render(kit, PressKit::Format::Text).simplified().contains(u"“We will not stop...,” said "_s));

        // A quotation inside the quote takes single marks; one with single marks of its own stays as typed.
        kit.quotes[0].text = u"They told us “wait” for years."_s;
        kit.quotes[1].text = u"He said “we’ll fix it ‘soon’” again."_s;
        const QString nested = render(kit, PressKit::Format::Text).simplified();
        QVERIFY2(nested.contains(u"“They told us ‘wait’ for years,” said "_s), qPrintable(nested));
        QVERIFY2(nested.contains(u"“He said “we’ll fix it ‘soon’” again,” said "_s), qPrintable(nested));

        // Spanish keeps its comma after the closing mark.
        PressKit::Composition spanish = composed(*store, u"es"_s);
        spanish.quotes[0].text = u"¡El agua es un derecho!"_s;
        QVERIFY(render(spanish, PressKit::Format::Text).simplified().contains(u"“¡El agua es un derecho!”, dijo"_s));
    }

    void shouldWarnAboutCharactersNoFontCanDraw()
    {
        // GIVEN the demo kit, whose English and Spanish text every font here draws
        auto store = demoStore();
        QVERIFY(store);
        const auto aboutFonts = [](const PressKit::Composition &kit) {
            QList<PressKit::Guard> found;
            for (const PressKit::Guard &guard : kit.warnings()) {
                if (guard.message.contains(u"no font on this computer"_s)) {
                    found << guard;
                }
            }
            return found;
        };
        QVERIFY(aboutFonts(composed(*store)).isEmpty());
        QVERIFY(aboutFonts(composed(*store, u"es"_s)).isEmpty());

        // WHEN an organization's boilerplate holds a character that is in no font (U+0378 is
        // unassigned), next to accents and curly quotes that are
        const Record guild = findRecord(*store, Kind::Organization, u"name"_s, u"Cloud Workers Guild"_s);
        const QString id = guild.value(u"id"_s).toString();
        QVERIFY(store->update(Kind::Organization, id, {{u"boilerplate"_s, QString(u"Fundada en 1998 — “Ñandú” "_s + QChar(0x0378) + u"."_s)}}));

        // THEN one warning names that organization and the character, and the export goes on
        const QList<PressKit::Guard> guards = aboutFonts(composed(*store));
        QCOMPARE(guards.size(), 1);
        QCOMPARE(guards.first().kind, Kind::Organization);
        QCOMPARE(guards.first().recordId, id);
        QVERIFY2(guards.first().message.contains(QChar(0x0378)) && !guards.first().message.contains(u"(Ñ"_s), qPrintable(guards.first().message));
        QVERIFY(!composed(*store).hasErrors());
    }

    void shouldEscapeUserTextInHtml()
    {
        // GIVEN a headline that looks like markup and points at a local file
        auto store = demoStore();
        QVERIFY(store);
        QVERIFY(store->update(Kind::PressKit,
                              demoKit(*store).value(u"id"_s).toString(),
                              {{u"headline"_s, u"<img src=\"file:///etc/hostname\"> <script>alert(1)</script> & more"_s}}));

        // WHEN the kit is rendered to HTML
        const QString html = render(composed(*store), PressKit::Format::Html);

        // THEN the text is shown as text
        QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"_s));
        QVERIFY(!html.contains(u"<script>"_s));
        QVERIFY(html.contains(u"&lt;img src=&quot;file:///etc/hostname&quot;&gt;"_s));
        QVERIFY(!html.contains(u"<img src=\"file:"_s));
    }

    void shouldEscapeUserTextInMarkdown()
    {
        // GIVEN user text that Markdown would read as a list, a numbered list, a heading, struck
        // through text, and a web address with underscores
        auto store = demoStore();
        QVERIFY(store);
        const QString kitId = demoKit(*store).value(u"id"_s).toString();
        QVERIFY(store->update(Kind::PressKit,
                              kitId,
                              {{u"headline"_s, u"Tenants ~~lose~~ win"_s},
                               {u"body"_s, u"- not a list\n\n2027. A year of action\n\n+ not a list either\n\n=== not a heading"_s}}));
        const PressKit::Composition before = composed(*store);
        QVERIFY(!before.boilerplates.isEmpty());
        const QString organizationId = before.boilerplates.first().value(u"id"_s).toString();
        QVERIFY(store->update(Kind::Organization,
                              organizationId,
                              {{u"website"_s, u"https://example.org/our_story_2027"_s}, {u"boilerplate"_s, u"Founded in 1998.\n\n- Members: 4,000"_s}}));

        // WHEN the kit is written in Markdown and read back by a Markdown reader
        const QString markdown = render(composed(*store), PressKit::Format::Markdown);
        QTextDocument document;
        document.setMarkdown(markdown);
        const QString shown = document.toPlainText();

        // THEN every text reads as typed, nothing became a list, a heading or struck through
        for (const QString &typed : {u"Tenants ~~lose~~ win"_s,
                                     u"- not a list"_s,
                                     u"2027. A year of action"_s,
                                     u"+ not a list either"_s,
                                     u"=== not a heading"_s,
                                     u"Founded in 1998. - Members: 4,000"_s}) {
            QVERIFY2(shown.contains(typed), qPrintable(typed + u"\n---\n"_s + shown));
        }
        QStringList links;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            QVERIFY2(!block.textList() || !block.text().contains(u"list"_s), qPrintable(block.text()));
            QVERIFY2(block.blockFormat().headingLevel() == 0 || !block.text().trimmed().isEmpty(), "an empty heading");
            QVERIFY2(!block.charFormat().fontStrikeOut(), qPrintable(block.text()));
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().fontStrikeOut()) {
                    QFAIL(qPrintable(u"struck through: "_s + it.fragment().text()));
                }
                if (it.fragment().charFormat().isAnchor()) {
                    links << it.fragment().charFormat().anchorHref();
                }
            }
        }
        // AND the end mark is there, and the web address links to itself
        QVERIFY2(shown.contains(u"\n###\n"_s), qPrintable(shown));
        QVERIFY2(links.contains(u"https://example.org/our_story_2027"_s), qPrintable(links.join(u' ')));
    }

    void shouldRefuseTemplatesThatReadFiles()
    {
        // GIVEN a user template that tries to include a file from disk
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        QFile secret(dir.filePath(u"secret.txt"_s));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("the secret word is pumpkin");
        secret.close();
        QFile tmpl(dir.filePath(u"kit.txt"_s));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write(QStringLiteral("{{ headline }} {% ssi \"%1\" %}").arg(secret.fileName()).toUtf8());
        tmpl.close();
        PressKit::RenderOptions options = stableOptions();
        options.templateFolder = dir.path();

        // WHEN the kit is rendered with it
        const QString text = render(composed(*store), PressKit::Format::Text, options);

        // THEN the file's content never appears
        QVERIFY(!text.contains(u"pumpkin"_s));
        // AND the export fails, naming the template, rather than write a kit without its text
        auto result = PressKit::Renderer(options).render(composed(*store), PressKit::Format::Text);
        QVERIFY(!result);
        QVERIFY2(result.error().message().contains(QDir::toNativeSeparators(tmpl.fileName())), qPrintable(result.error().message()));
        QVERIFY(!result.error().message().contains(u"pumpkin"_s));
    }

    void shouldSayWhyAKitCannotBeWritten()
    {
        // GIVEN the demo kit and a folder with a good kit in it
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store);
        QTemporaryDir dir;
        const PressKit::Renderer renderer(stableOptions());

        // WHEN it is written into a folder that does not exist THEN the error names that folder
        const QString missing = dir.filePath(u"no-such-folder/kit.pdf"_s);
        auto written = renderer.exportTo(kit, PressKit::Format::Pdf, missing);
        QVERIFY(!written);
        QVERIFY2(written.error().message().contains(u"the folder %1 does not exist"_s.arg(QDir::toNativeSeparators(dir.filePath(u"no-such-folder"_s)))),
                 qPrintable(written.error().message()));
        QVERIFY(!QFileInfo::exists(missing));

        // WHEN it is written onto a folder THEN the error says it is one, and the folder stays
        written = renderer.exportTo(kit, PressKit::Format::Html, dir.path());
        QVERIFY(!written);
        QVERIFY2(written.error().message().contains(u"it is a folder, not a file"_s), qPrintable(written.error().message()));
        QVERIFY(QFileInfo(dir.path()).isDir());
    }

    void shouldUseTheUsersOwnTemplate()
    {
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        QFile tmpl(dir.filePath(u"kit.md"_s));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write("# Our kit: {{ headline }}\n{% for quote in quotes %}- {{ quote.speaker }}\n{% endfor %}");
        tmpl.close();
        PressKit::RenderOptions options = stableOptions();
        options.templateFolder = dir.path();

        const QString markdown = render(composed(*store), PressKit::Format::Markdown, options);

        QVERIFY2(markdown.startsWith(u"# Our kit: 300,000 people"_s), qPrintable(markdown));
        QVERIFY2(markdown.contains(u"- Lucía Martínez"_s), qPrintable(markdown));
    }

    void shouldPrintAnImageTallerThanAPage()
    {
        // GIVEN the user's own template that shows a partner's logo taller than a page
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        QFile tmpl(dir.filePath(u"kit.html"_s));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write(
            "<p>Before the logo</p>{% for logo in logos %}{% if forloop.first %}<p><img src=\"{{ logo.src }}\" width=\"500\" height=\"1500\"></p>"
            "{% endif %}{% endfor %}<p>After the logo</p>");
        tmpl.close();
        PressKit::RenderOptions options = stableOptions();
        options.templateFolder = dir.path();

        // WHEN it is printed
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(options);
        QVERIFY(renderer.exportTo(composed(*store), PressKit::Format::Pdf, pdf));

        // THEN the logo has a page of its own, cut at the page's end, and the text goes on after it
        QCOMPARE(renderer.lastPageCount(), 3);
        const QStringList pages = pdfPages(pdf);
        QCOMPARE(pages.size(), 3);
        QVERIFY(pages.at(0).contains(u"Before the logo"_s));
        QVERIFY(pages.at(2).contains(u"After the logo"_s));
    }

    void shouldKeepEachListItemOfAUsersTemplateOnOnePage()
    {
        // GIVEN the user's own template with a list of long items, each of numbered words
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        QByteArray html("<ul>");
        int word = 0;
        for (int item = 0; item < 30; ++item) {
            html += "<li>";
            for (int i = 0; i < 80; ++i) {
                html += QByteArray("w") + QByteArray::number(++word).rightJustified(4, '0') + ' ';
            }
            html += "</li>";
        }
        html += "</ul>";
        QFile tmpl(dir.filePath(u"kit.html"_s));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write(html);
        tmpl.close();
        PressKit::RenderOptions options = stableOptions();
        options.templateFolder = dir.path();

        // WHEN it is printed
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(options);
        QVERIFY(renderer.exportTo(composed(*store), PressKit::Format::Pdf, pdf));
        QVERIFY(renderer.lastPageCount() > 1);

        // THEN every item's first and last words are on the same page, and every word is there once
        const QStringList pages = pdfPages(pdf);
        const auto pageOf = [&pages](const QString &text) {
            int found = -1;
            for (int page = 0; page < pages.size(); ++page) {
                if (pages.at(page).count(text) == 1 && found < 0) {
                    found = page;
                } else if (pages.at(page).contains(text)) {
                    return -2; // on two pages, or twice on one
                }
            }
            return found;
        };
        for (int item = 0; item < 30; ++item) {
            const QString first = u"w%1"_s.arg(item * 80 + 1, 4, 10, QLatin1Char('0'));
            const QString last = u"w%1"_s.arg(item * 80 + 80, 4, 10, QLatin1Char('0'));
            QVERIFY2(pageOf(first) >= 0, qPrintable(first));
            QCOMPARE(pageOf(last), pageOf(first));
        }
    }

    void shouldMatchTheGoldenTextOfTheDemoKit()
    {
        // GIVEN the demo kit exported to PDF at a fixed moment
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(composed(*store), PressKit::Format::Pdf, pdf));

        // WHEN its text is extracted THEN it is the text checked in
        const QString text = runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s}).out;
        QFile golden(QStringLiteral(CHORUS_TEST_DATA "/presskit/demo-kit.txt"));
        if (qEnvironmentVariableIsSet("CHORUS_UPDATE_GOLDEN")) {
            QVERIFY(golden.open(QIODevice::WriteOnly));
            golden.write(text.toUtf8());
            golden.close();
        }
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(text, QString::fromUtf8(golden.readAll()));
    }

    void shouldKeepTheOldFileWhenAnExportFails()
    {
        // GIVEN a good kit already written, and a broken user template
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"kit.html"_s);
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(composed(*store), PressKit::Format::Html, out));
        QFile before(out);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray good = before.readAll();
        before.close();
        QTemporaryDir templates;
        QFile tmpl(templates.filePath(u"kit.html"_s));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write("{% for quote in quotes %}never closed");
        tmpl.close();
        PressKit::RenderOptions options = stableOptions();
        options.templateFolder = templates.path();

        // WHEN the export fails
        auto written = PressKit::Renderer(options).exportTo(composed(*store), PressKit::Format::Html, out);

        // THEN the error says so and the good kit is still there, whole
        QVERIFY(!written);
        QFile after(out);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), good);
    }

    void shouldChoosePaperByLanguageUnlessTold()
    {
        auto store = demoStore();
        QVERIFY(store);
        QVERIFY(store->update(Kind::PressKit, demoKit(*store).value(u"id"_s).toString(), {{u"settings"_s, u"{}"_s}}));
        QCOMPARE(PressKit::Renderer().paperFor(composed(*store, u"en"_s)), QPageSize::Letter);
        QCOMPARE(PressKit::Renderer().paperFor(composed(*store, u"es"_s)), QPageSize::A4);
        PressKit::RenderOptions options;
        options.paper = QPageSize::A4;
        QCOMPARE(PressKit::Renderer(options).paperFor(composed(*store, u"en"_s)), QPageSize::A4);
    }

    void shouldKeepEachHeadingOnThePageOfItsText_data()
    {
        QTest::addColumn<int>("shift");
        QTest::addColumn<QString>("paper");
        // Each row moves everything down by about a line: some heading lands at a page's end.
        for (int shift = 0; shift < 6; ++shift) {
            QTest::addRow("letter, shift %d", shift) << shift << u"letter"_s;
            QTest::addRow("a4, shift %d", shift) << shift << u"a4"_s;
        }
    }

    void shouldKeepEachHeadingOnThePageOfItsText()
    {
        QFETCH(int, shift);
        QFETCH(QString, paper);
        // GIVEN a kit of spokespeople bios of uneven lengths, each under its name as a heading
        PressKit::Composition kit;
        kit.language = u"en"_s;
        kit.kit = Record{{u"id"_s, u"kit"_s}, {u"name"_s, u"Bios"_s}, {u"settings"_s, u"{\"paper\":\"%1\"}"_s.arg(paper)}};
        kit.campaign = Record{{u"name"_s, u"Campaign"_s}};
        kit.sections = {u"bios"_s};
        const QString sentence = u"This sentence is long enough to fill most of a line in a printed bio. "_s;
        for (int i = 1; i <= 28; ++i) {
            QString bio = u"Biography %1 begins here. "_s.arg(i, 2, 10, QLatin1Char('0'));
            bio += sentence.repeated(i == 1 ? 2 + shift : 1 + (i * 7) % 9);
            kit.spokespeople << Record{{u"name"_s, u"Speaker %1"_s.arg(i, 2, 10, QLatin1Char('0'))}, {u"title"_s, u"Director"_s}, {u"bio"_s, bio}};
        }

        // WHEN it is printed
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(stableOptions());
        QVERIFY(renderer.exportTo(kit, PressKit::Format::Pdf, pdf));
        QVERIFY(renderer.lastPageCount() > 2);

        // THEN every name is on the page where its bio begins. Only the text printed inside the
        // page's body counts: a line cut by a page end keeps a clipped, invisible copy in the PDF.
        const int bodyTop = 81; // points: the body starts 28 mm down the page and ends 24 mm above its foot
        const int bodyHeight = (paper == u"a4" ? 842 : 792) - bodyTop - 70;
        QStringList pages;
        for (int page = 1; page <= renderer.lastPageCount(); ++page) {
            pages << runTool(u"pdftotext"_s,
                             {u"-enc"_s,
                              u"UTF-8"_s,
                              u"-f"_s,
                              QString::number(page),
                              u"-l"_s,
                              QString::number(page),
                              u"-x"_s,
                              u"0"_s,
                              u"-y"_s,
                              QString::number(bodyTop),
                              u"-W"_s,
                              u"700"_s,
                              u"-H"_s,
                              QString::number(bodyHeight),
                              pdf,
                              u"-"_s})
                         .out;
        }
        const auto pageOf = [&pages](const QString &text) {
            for (int page = 0; page < pages.size(); ++page) {
                if (pages.at(page).contains(text)) {
                    return page;
                }
            }
            return -1;
        };
        for (int i = 1; i <= 28; ++i) {
            const QString number = u"%1"_s.arg(i, 2, 10, QLatin1Char('0'));
            const int heading = pageOf(u"Speaker "_s + number);
            QVERIFY2(heading >= 0, qPrintable(number));
            QVERIFY2(
                heading == pageOf(u"Biography "_s + number),
                qPrintable(
                    u"Speaker %1 is on page %2, the start of the bio on page %3"_s.arg(number).arg(heading + 1).arg(pageOf(u"Biography "_s + number) + 1)));
        }
    }

    void shouldPrintEachLineOnExactlyOnePage_data()
    {
        addPapers();
    }

    void shouldPrintEachLineOnExactlyOnePage()
    {
        QFETCH(QString, paper);
        // GIVEN a kit of several pages whose every line is different: a roster table whose rows
        // have two lines, and long bios, so that page ends cut rows and paragraphs
        PressKit::Composition kit;
        kit.language = u"en"_s;
        kit.kit = Record{{u"id"_s, u"kit"_s}, {u"name"_s, u"Pages"_s}, {u"settings"_s, u"{\"paper\":\"%1\"}"_s.arg(paper)}};
        kit.campaign = Record{{u"name"_s, u"Campaign"_s}};
        kit.sections = {u"roster"_s, u"bios"_s};
        int word = 0;
        const auto words = [&word](int count) {
            QStringList list;
            for (int i = 0; i < count; ++i) {
                list << u"w%1"_s.arg(++word, 4, 10, QLatin1Char('0'));
            }
            return list.join(u' ');
        };
        for (int i = 1; i <= 40; ++i) {
            kit.roster << Record{
                {u"role"_s, u"partner"_s},
                {u"organization"_s,
                 QVariantMap{{u"name"_s, QString(u"Organization "_s + words(3))}, {u"people_represented_source"_s, QString(u"Source "_s + words(3))}}}};
        }
        for (int i = 1; i <= 12; ++i) {
            kit.spokespeople << Record{{u"name"_s, QString(u"Speaker "_s + words(1))}, {u"title"_s, u"Director"_s}, {u"bio"_s, words(60 + 23 * i)}};
        }

        // WHEN it is printed
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(stableOptions());
        QVERIFY(renderer.exportTo(kit, PressKit::Format::Pdf, pdf));
        QVERIFY(renderer.lastPageCount() > 3);

        // THEN the text copied from the PDF holds each line once, on one page
        const QStringList pages = pdfPages(pdf);
        QCOMPARE(pages.size(), renderer.lastPageCount());
        static const QRegularExpression footer(u"^Page \\d+ of \\d+$"_s);
        QHash<QString, int> pageOfLine;
        int lines = 0;
        for (int page = 0; page < pages.size(); ++page) {
            for (const QString &raw : pages.at(page).split(u'\n')) {
                const QString line = raw.trimmed();
                if (line.isEmpty() || line == u"Campaign" || footer.match(line).hasMatch() || !line.contains(u'w')) {
                    continue;
                }
                QVERIFY2(!pageOfLine.contains(line),
                         qPrintable(u"“%1” is on page %2 and again on page %3"_s.arg(line).arg(pageOfLine.value(line) + 1).arg(page + 1)));
                pageOfLine.insert(line, page);
                ++lines;
            }
        }
        // AND every word is there, in order
        QVERIFY(lines > 100);
        const QString text = pdfText(pdf, u"Campaign"_s);
        qsizetype at = 0;
        for (int i = 1; i <= word; ++i) {
            const QString expected = u"w%1"_s.arg(i, 4, 10, QLatin1Char('0'));
            const qsizetype found = text.indexOf(expected, at);
            QVERIFY2(found >= 0, qPrintable(expected));
            at = found;
        }
    }

    void shouldCutALongQuotationRatherThanLeaveMostOfAPageEmpty_data()
    {
        addPapers();
    }

    void shouldCutALongQuotationRatherThanLeaveMostOfAPageEmpty()
    {
        QFETCH(QString, paper);
        // GIVEN a release with a short lede and body, then a quote of a whole paragraph (300
        // words), then a short one
        PressKit::Composition kit;
        kit.language = u"en"_s;
        kit.kit = Record{{u"id"_s, u"kit"_s},
                         {u"name"_s, u"Long quote"_s},
                         {u"headline"_s, u"A headline"_s},
                         {u"lede"_s, u"A short lede."_s},
                         {u"body"_s, QString(u"A paragraph of the body. "_s.repeated(40) + u"\n\n"_s + u"Another paragraph. "_s.repeated(30))},
                         {u"settings"_s, u"{\"paper\":\"%1\"}"_s.arg(paper)}};
        kit.campaign = Record{{u"name"_s, u"Campaign"_s}};
        kit.sections = {u"release"_s};
        QStringList words;
        for (int i = 1; i <= 300; ++i) {
            words << u"w%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        }
        PressKit::ComposedQuote quote;
        quote.text = words.join(u' ') + u'.';
        quote.speaker = u"Ana Ruiz"_s;
        quote.title = u"Director"_s;
        quote.organization = u"Union"_s;
        kit.quotes << quote;
        quote.text = u"Short and sweet."_s;
        kit.quotes << quote;

        // WHEN it is printed
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(stableOptions());
        QVERIFY(renderer.exportTo(kit, PressKit::Format::Pdf, pdf));

        // THEN the long quote begins on the first page, under the lede, and goes on to the next
        const QStringList pages = pdfPages(pdf);
        QVERIFY(pages.size() >= 2);
        QVERIFY2(pages.at(0).contains(u"“w0001"_s), qPrintable(pages.at(0)));
        QVERIFY2(pages.at(1).simplified().contains(u"w0300,” said Ana Ruiz"_s), qPrintable(pages.at(1)));
        // AND at least two of its lines are on each page
        const auto linesWithWords = [](const QString &page) {
            return page.split(u'\n').filter(QRegularExpression(u"\\bw\\d{4}\\b"_s)).size();
        };
        QVERIFY2(linesWithWords(pages.at(0)) >= 2, qPrintable(pages.at(0)));
        QVERIFY2(linesWithWords(pages.at(1)) >= 2, qPrintable(pages.at(1)));
    }

    void shouldWriteAKitForASpanishSpeakingCountryInSpanish_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Mexico") << u"es_MX"_s;
        QTest::newRow("Latin America, as BCP 47") << u"es-419"_s;
    }

    void shouldWriteAKitForASpanishSpeakingCountryInSpanish()
    {
        // GIVEN the demo kit, whose first quote has a Spanish translation
        QFETCH(QString, language);
        auto store = demoStore();
        QVERIFY(store);
        const QString firstQuote = ids(demoKit(*store).value(u"quote_ids"_s)).first();

        // WHEN it is composed and rendered for Spanish of a region
        const PressKit::Composition kit = composed(*store, language);
        const QString text = render(kit, PressKit::Format::Text);

        // THEN it has Spanish labels, the Spanish words of the quote, and no warning about them
        QVERIFY2(text.contains(u"Contactos de prensa"_s), qPrintable(text.left(600)));
        QVERIFY(text.contains(u"“Trescientas mil personas"_s));
        for (const PressKit::Guard &guard : kit.warnings()) {
            QVERIFY2(guard.recordId != firstQuote && !guard.message.contains(u"labels"_s), qPrintable(guard.message));
        }
    }

    void shouldWriteAKitInALanguageWithoutLabelsInEnglishThroughout()
    {
        // GIVEN the demo kit, and German, for which Chorus has no catalog (the kit warns of it)
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store, u"de"_s);
        QVERIFY(!PressKit::hasLabelsIn(u"de"_s));

        // WHEN it is rendered
        const QString text = render(kit, PressKit::Format::Text).simplified();

        // THEN its dates and lists are English like its labels, not "Mai 20, 2027" or "und"
        QVERIFY2(text.contains(u"OAKLAND — May 20, 2027 —"_s), qPrintable(text));
        QVERIFY(text.contains(u"Media contacts"_s));
        QVERIFY(!text.contains(u"Mai "_s));
        QVERIFY(!text.contains(u" und "_s));
        // while a language with labels keeps its own
        QVERIFY(render(composed(*store, u"es"_s), PressKit::Format::Text).contains(u"20 de mayo de 2027"_s));
    }

    void shouldKeepShortAboutParagraphsTogetherBeforeTheNextSection()
    {
        // GIVEN "About" paragraphs of one line each, then the media contacts, which start a page
        PressKit::Composition kit;
        kit.language = u"en"_s;
        kit.kit = Record{{u"id"_s, u"kit"_s}, {u"name"_s, u"Short"_s}, {u"settings"_s, u"{\"paper\":\"a4\"}"_s}};
        kit.campaign = Record{{u"name"_s, u"Campaign"_s}};
        kit.sections = {u"boilerplates"_s, u"contacts"_s};
        for (int i = 1; i <= 4; ++i) {
            kit.boilerplates << Record{{u"id"_s, u"org%1"_s.arg(i)},
                                       {u"name"_s, u"Organization %1"_s.arg(i)},
                                       {u"boilerplate"_s, u"Founded in 19%1."_s.arg(70 + i)}};
        }
        kit.contacts << Record{{u"id"_s, u"contact"_s}, {u"name"_s, u"Ana Ruiz"_s}, {u"email"_s, u"ana@example.org"_s}};

        // WHEN it is printed
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        PressKit::Renderer renderer(stableOptions());
        QVERIFY(renderer.exportTo(kit, PressKit::Format::Pdf, pdf));

        // THEN the four paragraphs share the first page (once the last two were pushed onto a page
        // of their own, as if they led into the contacts), and the contacts have the second
        QCOMPARE(renderer.lastPageCount(), 2);
        const QString first = pdfPages(pdf).value(0);
        for (int i = 1; i <= 4; ++i) {
            QVERIFY2(first.contains(u"About Organization %1"_s.arg(i)) && first.contains(u"Founded in 19%1."_s.arg(70 + i)), qPrintable(first));
        }
        QVERIFY(!first.contains(u"Ana Ruiz"_s));
    }

    void shouldShowPartnerLogosEmbeddedAndNothingFromOutside()
    {
        // GIVEN the demo kit, some of whose organizations have logos
        auto store = demoStore();
        QVERIFY(store);
        const PressKit::Composition kit = composed(*store);
        QVERIFY(kit.logos.size() >= 3);

        // WHEN it is rendered to HTML
        const QString html = render(kit, PressKit::Format::Html);

        // THEN each logo is in the file itself, beside its "About" heading and in the first page's strip
        static const QRegularExpression source(u"src=\"([^\"]*)\""_s);
        int images = 0;
        for (auto it = source.globalMatch(html); it.hasNext();) {
            const QString url = it.next().captured(1);
            QVERIFY2(url.startsWith(u"data:image/png;base64,"_s), qPrintable(url.left(60)));
            QImage logo;
            QVERIFY(logo.loadFromData(QByteArray::fromBase64(url.mid(22).toLatin1()), "PNG"));
            ++images;
        }
        QCOMPARE(images, int(kit.logos.size()) * 2);
        QVERIFY(!html.contains(u"file:"_s));
        QVERIFY(html.contains(u"alt=\"Río Verde Alliance\""_s));

        // AND the PDF and the ODT hold them as pictures
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"kit.pdf"_s);
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(kit, PressKit::Format::Pdf, pdf));
        if (!QStandardPaths::findExecutable(u"pdfimages"_s).isEmpty()) {
            const QStringList listed = runTool(u"pdfimages"_s, {u"-list"_s, pdf}).out.split(u'\n', Qt::SkipEmptyParts);
            QVERIFY2(listed.size() - 2 >= int(kit.logos.size()), qPrintable(listed.join(u'\n')));
        }
        auto odt = PressKit::Renderer(stableOptions()).render(kit, PressKit::Format::Odt);
        QVERIFY(odt);
        QVERIFY(odt.value().contains("Pictures/"));
    }

    void shouldSkipALogoThatIsNoImageWithAWarning()
    {
        // GIVEN an organization of the kit whose logo is not an image
        auto store = demoStore();
        QVERIFY(store);
        const Record river = findRecord(*store, Kind::Organization, u"name"_s, u"Río Verde Alliance"_s);
        QVERIFY(store->update(Kind::Organization, river.value(u"id"_s).toString(), {{u"logo"_s, QByteArray("<html>not a picture</html>")}}));

        // WHEN the kit is composed and rendered
        const PressKit::Composition kit = composed(*store);
        const QString html = render(kit, PressKit::Format::Html);

        // THEN a warning names the organization, and the kit is made without that logo
        bool warned = false;
        for (const PressKit::Guard &guard : kit.warnings()) {
            warned = warned
                || (guard.recordId == river.value(u"id"_s).toString() && guard.message.contains(u"Río Verde Alliance"_s) && guard.message.contains(u"logo"_s));
        }
        QVERIFY(warned);
        QVERIFY(!kit.logos.contains(river.value(u"id"_s).toString()));
        QVERIFY(!html.contains(u"alt=\"Río Verde Alliance\""_s));
        QVERIFY(html.contains(u"About Río Verde Alliance"_s));
        QVERIFY(!render(kit, PressKit::Format::Pdf).isEmpty());
    }

    void shouldWriteOdt()
    {
        auto store = demoStore();
        QVERIFY(store);
        auto odt = PressKit::Renderer(stableOptions()).render(composed(*store), PressKit::Format::Odt);
        QVERIFY(odt);
        QVERIFY(odt.value().startsWith("PK"));
        QVERIFY(odt.value().contains("application/vnd.oasis.opendocument.text"));
    }

    void shouldWriteAnOdtThatAWordProcessorReadsWhole()
    {
        const QString office = QStandardPaths::findExecutable(u"soffice"_s);
        if (office.isEmpty()) {
            QSKIP("LibreOffice (soffice) is needed to read the ODT as a word processor does");
        }
        // GIVEN the demo kit, whose media advisory lists five sites in one table cell
        auto store = demoStore();
        QVERIFY(store);
        QTemporaryDir dir;
        const QString odt = dir.filePath(u"kit.odt"_s);
        QVERIFY(PressKit::Renderer(stableOptions()).exportTo(composed(*store), PressKit::Format::Odt, odt));

        // WHEN LibreOffice reads it (and writes it out as text)
        QProcess process;
        process.start(office,
                      {u"--headless"_s,
                       u"-env:UserInstallation=file://"_s + dir.filePath(u"profile"_s),
                       u"--convert-to"_s,
                       u"txt:Text"_s,
                       u"--outdir"_s,
                       dir.path(),
                       odt});
        QVERIFY(process.waitForFinished(120000));
        QFile converted(dir.filePath(u"kit.txt"_s));
        QVERIFY2(converted.open(QIODevice::ReadOnly), qPrintable(QString::fromUtf8(process.readAllStandardError())));
        const QString text = QString::fromUtf8(converted.readAll());

        // THEN every site's local time is there, not only the first site's
        for (const QString &time : {u"1:30 PM PDT"_s, u"3:30 PM CDT"_s, u"1:30 PM MST"_s, u"4:30 PM EDT"_s}) {
            QVERIFY2(text.contains(time), qPrintable(time + u"\n---\n"_s + text.left(3000)));
        }
    }

    void shouldWriteAnOdtWhoseFilesCarryTheFixedDate()
    {
        // GIVEN the demo kit exported to ODT with a fixed creation date (2027-01-10 12:00 UTC)
        auto store = demoStore();
        QVERIFY(store);
        auto odt = PressKit::Renderer(stableOptions()).render(composed(*store), PressKit::Format::Odt);
        QVERIFY(odt);
        const QByteArray zip = odt.value();

        // THEN every file in it, in its own header and in the directory, is dated then, not now:
        // the same kit gives the same bytes whenever it is exported
        const auto read16 = [&zip](qsizetype at) {
            return int(quint8(zip.at(at)) | (quint8(zip.at(at + 1)) << 8));
        };
        const int time = (12 << 11);
        const int date = ((2027 - 1980) << 9) | (1 << 5) | 10;
        int files = 0;
        for (qsizetype at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) {
            QCOMPARE(read16(at + 10), time);
            QCOMPARE(read16(at + 12), date);
            ++files;
        }
        for (qsizetype at = zip.indexOf("PK\x01\x02"); at >= 0; at = zip.indexOf("PK\x01\x02", at + 4)) {
            QCOMPARE(read16(at + 12), time);
            QCOMPARE(read16(at + 14), date);
        }
        QVERIFY(files >= 3);
    }
};

CHORUS_TEST_MAIN_IMPL(RendererTest, QGuiApplication)

#include "renderertest.moc"
