// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "exportkitcommand.h"

#include "domain/validation.h"
#include "presskit/composition.h"
#include "presskit/renderer.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus
{

namespace
{

/// The records of kind whose id is nameOrId or whose title is nameOrId (ignoring case).
QList<Record> matching(const QList<Record> &records, Kind kind, const QString &nameOrId)
{
    const QString titleField = entity(kind).titleField;
    QList<Record> found;
    for (const Record &record : records) {
        if (record.value(u"id"_s).toString() == nameOrId) {
            return {record};
        }
        if (record.value(titleField).toString().compare(nameOrId.trimmed(), Qt::CaseInsensitive) == 0) {
            found << record;
        }
    }
    return found;
}

QStringList names(const QList<Record> &records, Kind kind)
{
    QStringList list;
    for (const Record &record : records) {
        list << u"“%1” (%2)"_s.arg(record.value(entity(kind).titleField).toString(), record.value(u"id"_s).toString());
    }
    return list;
}

} // namespace

void ExportKitCommand::addOptions(QCommandLineParser &parser)
{
    const QString value = i18nc("@info:shell placeholder of an option's value", "NAME_OR_ID");
    parser.addOption(QCommandLineOption(u"campaign"_s, i18nc("@info:shell", "The campaign whose press kit to export, by name or id."), value));
    parser.addOption(QCommandLineOption(u"kit"_s, i18nc("@info:shell", "The press kit, by name or id; needed when the campaign has several."), value));
    parser.addOption(QCommandLineOption(u"format"_s,
                                        i18nc("@info:shell", "The file format: pdf, odt, html, txt or md."),
                                        i18nc("@info:shell placeholder of an option's value", "FORMAT")));
    parser.addOption(QCommandLineOption(u"lang"_s,
                                        i18nc("@info:shell", "The language of the kit (such as en or es), instead of the kit's own."),
                                        i18nc("@info:shell placeholder of an option's value", "LANG")));
    parser.addOption(
        QCommandLineOption(u"paper"_s,
                           i18nc("@info:shell", "The paper of a PDF: a4 or letter (default: the kit's choice, else the usual paper for its language)."),
                           i18nc("@info:shell placeholder of an option's value", "PAPER")));
    parser.addOption(QCommandLineOption(u"out"_s,
                                        i18nc("@info:shell", "The file to write; an existing file is replaced only once the new one is complete."),
                                        i18nc("@info:shell placeholder of an option's value", "FILE")));
    parser.addOption(
        QCommandLineOption(u"templates"_s,
                           i18nc("@info:shell", "A folder with your own templates (kit.html, kit.txt, kit.md) to use instead of the built-in ones."),
                           i18nc("@info:shell placeholder of an option's value", "FOLDER")));
    parser.addOption(QCommandLineOption(
        u"fixed-date"_s,
        i18nc("@info:shell",
              "Export as if it were this moment (such as 2027-05-01T12:00:00Z), with it as the creation date: the same kit then gives the same bytes."),
        i18nc("@info:shell placeholder of an option's value", "DATETIME")));
}

ExportKitCommand::ExportKitCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int ExportKitCommand::fail(int code, const QString &message)
{
    m_err << u"chorus-cli: "_s << message << u'\n';
    return code;
}

int ExportKitCommand::run(Store::Store &store, const QCommandLineParser &parser)
{
    constexpr int usage = 2;
    if (!parser.positionalArguments().isEmpty()) {
        return fail(usage,
                    i18nc("@info:shell %1 is what the user typed",
                          "The export-kit command takes only options, but was given “%1”.",
                          parser.positionalArguments().join(u' ')));
    }
    for (const QString &required : {u"campaign"_s, u"format"_s, u"out"_s}) {
        if (parser.value(required).trimmed().isEmpty()) {
            return fail(usage, i18nc("@info:shell %1 is an option", "The export-kit command needs --%1.", required));
        }
    }
    const std::optional<PressKit::Format> format = PressKit::formatFromName(parser.value(u"format"_s));
    if (!format) {
        return fail(usage,
                    i18nc("@info:shell %1 is what the user typed",
                          "“%1” is not a format export-kit can write. Use pdf, odt, html, txt or md.",
                          parser.value(u"format"_s)));
    }
    PressKit::RenderOptions options;
    if (parser.isSet(u"paper"_s)) {
        const QString paper = parser.value(u"paper"_s).trimmed().toLower();
        if (paper == u"a4") {
            options.paper = QPageSize::A4;
        } else if (paper == u"letter") {
            options.paper = QPageSize::Letter;
        } else {
            return fail(usage, i18nc("@info:shell %1 is what the user typed", "“%1” is not a paper size. Use a4 or letter.", parser.value(u"paper"_s)));
        }
    }
    PressKit::ComposeOptions compose;
    if (parser.isSet(u"lang"_s)) {
        compose.language = parser.value(u"lang"_s).trimmed();
        if (compose.language.isEmpty() || QLocale(compose.language).language() == QLocale::C) {
            return fail(usage, i18nc("@info:shell %1 is what the user typed", "“%1” is not a language code (such as en or es).", parser.value(u"lang"_s)));
        }
    }
    if (parser.isSet(u"fixed-date"_s)) {
        const QDateTime fixed = parseInstant(parser.value(u"fixed-date"_s).trimmed());
        if (!fixed.isValid()) {
            return fail(usage,
                        i18nc("@info:shell %1 is what the user typed",
                              "“%1” is not a date and time with a time zone, such as 2027-05-01T12:00:00Z.",
                              parser.value(u"fixed-date"_s)));
        }
        options.creationDate = fixed;
        options.now = fixed;
        compose.now = fixed;
    }
    if (parser.isSet(u"templates"_s)) {
        options.templateFolder = parser.value(u"templates"_s);
        if (!QFileInfo(options.templateFolder).isDir()) {
            return fail(usage, i18nc("@info:shell %1 is a folder", "The template folder %1 does not exist.", QDir::toNativeSeparators(options.templateFolder)));
        }
    }

    const QList<Record> campaigns = matching(store.fetchAll(Kind::Campaign), Kind::Campaign, parser.value(u"campaign"_s));
    if (campaigns.isEmpty()) {
        return fail(usage, i18nc("@info:shell %1 is what the user typed", "There is no campaign called “%1”.", parser.value(u"campaign"_s)));
    }
    if (campaigns.size() > 1) {
        return fail(
            usage,
            i18nc("@info:shell %1 is a list", "Several campaigns have that name; give the id of one: %1", names(campaigns, Kind::Campaign).join(u", "_s)));
    }
    const QString campaignName = campaigns.first().value(u"name"_s).toString();
    const QList<Record> allKits = store.fetchAll(Kind::PressKit, u"campaign_id"_s, campaigns.first().value(u"id"_s));
    QList<Record> kits = allKits;
    if (parser.isSet(u"kit"_s)) {
        kits = matching(allKits, Kind::PressKit, parser.value(u"kit"_s));
        if (kits.isEmpty()) {
            return fail(usage,
                        i18nc("@info:shell %1 is what the user typed, %2 a campaign",
                              "The campaign “%2” has no press kit called “%1”.",
                              parser.value(u"kit"_s),
                              campaignName));
        }
    }
    if (kits.isEmpty()) {
        return fail(usage, i18nc("@info:shell %1 is a campaign", "The campaign “%1” has no press kit yet.", campaignName));
    }
    if (kits.size() > 1) {
        return fail(usage,
                    i18nc("@info:shell %1 is a campaign, %2 a list",
                          "The campaign “%1” has several press kits; choose one with --kit: %2",
                          campaignName,
                          names(kits, Kind::PressKit).join(u", "_s)));
    }

    auto composition = PressKit::compose(store, kits.first().value(u"id"_s).toString(), compose);
    if (!composition) {
        return fail(1, composition.error().message());
    }
    for (const PressKit::Guard &warning : composition.value().warnings()) {
        m_err << i18nc("@info:shell a warning about the press kit; %1 is the message", "Warning: %1", warning.message) << u'\n';
    }
    if (composition.value().hasErrors()) {
        for (const PressKit::Guard &error : composition.value().errors()) {
            m_err << i18nc("@info:shell an error that blocks the export; %1 is the message", "Error: %1", error.message) << u'\n';
        }
        return fail(usage, i18nc("@info:shell", "The press kit was not exported: fix the errors above first."));
    }

    const PressKit::Renderer renderer(options);
    const QString out = parser.value(u"out"_s);
    if (auto written = renderer.exportTo(composition.value(), *format, out); !written) {
        return fail(1, written.error().message());
    }
    m_out << i18nc("@info:shell %1 is a file", "Wrote the press kit to %1.", QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath())) << u'\n';
    return 0;
}

} // namespace Chorus
