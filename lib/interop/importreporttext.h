// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "interop/importer.h"

namespace Chorus::Interop
{

/// One line of an import's report; a detail belongs to the line above it (a skipped row under "2 bad rows skipped:").
struct ImportReportLine {
    QString text;
    bool detail = false;
};

/**
 * What an import did and left out, in the words a person reads (translated): the one wording
 * of chorus-cli import and of the app's import dialog. Each says how to bring back what was
 * left out in its own terms (an option of the command, or the column table of the dialog).
 */
class CHORUS_CORE_EXPORT ImportReportText
{
public:
    enum class Reader {
        App,
        CommandLine,
    };

    /// What was added: "2 people added", then the organizations added by name, if any.
    [[nodiscard]] static QStringList added(const ImportReport &report, Domain::Kind kind);
    /**
     * Everything else, in this order: the columns not imported, duplicates merged, kept or
     * skipped, rows or cards left out on purpose (totals, repeated header, contact groups),
     * then the bad rows skipped, each as a detail. Empty when there is nothing more to say.
     */
    [[nodiscard]] static QList<ImportReportLine> details(const ImportReport &report, bool vcard, Reader reader);
};

} // namespace Chorus::Interop
