// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::PressKit
{

/// Something to fix before (error) or to know about (warning) an export, about one record.
struct Guard {
    enum class Severity {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    Domain::Kind kind = Domain::Kind::PressKit; ///< the record the guard is about
    QString recordId;
    QString message; ///< translated, in the user's language; names the record
};

/// One quote as the kit prints it: in the kit's language when a translation exists.
struct ComposedQuote {
    QString quoteId; ///< the quote chosen for the kit
    QString usedQuoteId; ///< the quote whose words are printed (its translation, or itself)
    QString text;
    QString language;
    QString personId;
    QString speaker;
    QString title;
    QString organizationId;
    QString organization;
};

/// A press kit gathered from the database, ready to render: only what may be printed.
struct CHORUS_CORE_EXPORT Composition {
    Domain::Record kit;
    Domain::Record campaign;
    std::optional<Domain::Record> event;
    QList<Domain::Record> sites; ///< of the event, by start
    QList<ComposedQuote> quotes; ///< approved, unexpired, in the kit's order
    QList<Domain::Record> signers; ///< organizations signed on to the campaign that consent to be named
    QList<Domain::Record> roster; ///< memberships signed on, each with "organization" (a Record)
    QList<Domain::Record> facts;
    QList<Domain::Record> spokespeople; ///< the people quoted, for the bios
    QList<Domain::Record> boilerplates; ///< the organizations listed in the kit (its signers when it lists none)
    QList<Domain::Record> contacts; ///< media contacts, public fields only (no private phone)
    /// Organization id → its logo, for the signers and listed organizations whose logo is an image.
    QHash<QString, QImage> logos;
    QString language; ///< the kit's language ("en", "es")
    QStringList sections; ///< switched on, in the order of Domain::pressKitSections()
    QDateTime embargo; ///< UTC; invalid when there is none
    QList<Guard> guards;

    [[nodiscard]] bool hasErrors() const;
    [[nodiscard]] QList<Guard> errors() const;
    [[nodiscard]] QList<Guard> warnings() const;
    /// True while the embargo has not been lifted at now.
    [[nodiscard]] bool isEmbargoed(const QDateTime &now) const;
};

struct ComposeOptions {
    QString language; ///< overrides the kit's language when not empty
    QDateTime now; ///< the moment to judge expiry and embargo against; current time when invalid
};

/**
 * Gathers the press kit kitId from store: the chosen quotes that are approved and unexpired, in
 * their order (each in the kit's language when an approved translation exists), the signers,
 * roster, facts, bios, boilerplates and public contact details, and the guards that say what is
 * wrong. Private phone numbers are never copied out of the database.
 */
CHORUS_CORE_EXPORT Result<Composition> compose(Store::Store &store, const QString &kitId, const ComposeOptions &options = {});

/// True when Chorus can write a kit's labels in language: English, or a language with a catalog here.
CHORUS_CORE_EXPORT bool hasLabelsIn(const QString &language);

/// The catalogs a kit in language reads its labels from, in order: "es_MX", then "es".
CHORUS_CORE_EXPORT QStringList labelLanguages(const QString &language);

/// True when a and b are the same language, whatever its region: "es", "es_MX" and "es-419".
CHORUS_CORE_EXPORT bool isSameLanguage(const QString &a, const QString &b);

/// text without the quotation marks that enclose it whole (“...”, «...», "..."), if any.
CHORUS_CORE_EXPORT QString withoutEnclosingQuotationMarks(const QString &text);

/// True when the quotation marks in text are unbalanced (“ without ”, an odd number of ").
CHORUS_CORE_EXPORT bool hasUnbalancedQuotationMarks(const QString &text);

} // namespace Chorus::PressKit
