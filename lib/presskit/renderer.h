// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "presskit/composition.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QPageSize>
#include <QString>

#include <optional>

class QTextDocument;

namespace Chorus::PressKit
{

enum class Format {
    Pdf,
    Odt,
    Html,
    Text,
    Markdown
};

/// The format called name ("pdf", "odt", "html", "txt", "md"); nothing for another name.
CHORUS_CORE_EXPORT std::optional<Format> formatFromName(const QString &name);

struct RenderOptions {
    /// The paper; when unset, the kit's own setting, else the usual paper where its language is spoken.
    std::optional<QPageSize::PageSizeId> paper;
    /// A folder of the user's own templates (kit.html, kit.txt, kit.md), used before the built-in ones.
    QString templateFolder;
    /// When valid, written as the creation date so that the same kit gives the same bytes (in
    /// another process too, once it uses QHashSeed::setDeterministicGlobalSeed()).
    QDateTime creationDate;
    /// The moment to judge the embargo against; current time when invalid.
    QDateTime now;
};

/**
 * Renders a composed press kit with KTextTemplate templates (built in, or from the user's
 * folder) into PDF (QTextDocument painted page by page on QPdfWriter, with a running header,
 * page numbers and an EMBARGOED mark on every page while embargoed), ODT, HTML, plain text
 * wrapped for an e-mail, or Markdown. Labels and dates are in the kit's language.
 *
 * All user text is escaped before it reaches a document, and neither templates nor the document
 * can load local files or network resources.
 */
class CHORUS_CORE_EXPORT Renderer
{
public:
    explicit Renderer(RenderOptions options = {});

    [[nodiscard]] Result<QByteArray> render(const Composition &composition, Format format) const;
    /// Renders and writes path atomically: the old file stays whole if anything fails.
    [[nodiscard]] Result<void> exportTo(const Composition &composition, Format format, const QString &path) const;
    /// The paper a kit is printed on with these options.
    [[nodiscard]] QPageSize::PageSizeId paperFor(const Composition &composition) const;
    /// The number of pages of the last PDF rendered (for benchmarks and previews).
    [[nodiscard]] int lastPageCount() const
    {
        return m_lastPageCount;
    }

private:
    /// embedLogos: logos as data: URIs (a file on its own), else as resources of the QTextDocument.
    Result<QString> renderTemplate(const Composition &composition, const QString &name, bool embedLogos = false) const;
    Result<QByteArray> renderPdf(const Composition &composition) const;
    Result<QByteArray> renderOdt(const Composition &composition) const;

    RenderOptions m_options;
    mutable int m_lastPageCount = 0;
};

} // namespace Chorus::PressKit
