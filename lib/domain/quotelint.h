// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QList>
#include <QString>

namespace Chorus::Domain
{

/// One thing a quote's lint found.
struct QuoteFinding {
    enum class Check {
        UnbalancedQuotationMarks,
        SpokespersonWithoutOrganization,
        SpokespersonWithoutTitle,
        DoubleSpace,
        MissingSpaceAfterSentence,
        RepeatedWord,
        TooLong,
    };
    Check check;
    QString message; ///< translated, says what is wrong and where
    int position = -1; ///< where in the text, or -1 when it is not about the text
    int length = 0;
};

/// What the lint knows about a quote besides its text.
struct QuoteContext {
    QString text;
    QString spokespersonName;
    QString spokespersonTitle;
    bool spokespersonHasOrganization = true;
};

/// Longer than this many words, a quote is flagged as long for a press release.
inline constexpr int QuoteWordLimit = 80;

/**
 * Where text leaves a quotation mark unbalanced: the innermost mark opened and never closed (or
 * closed without an opening one), as the languages pair them: “…” in English, „…“ in German,
 * „…” in Polish, ”…” in Swedish, «…» in French and Spanish, »…« in German and Danish, "…"
 * anywhere. -1 when every mark is balanced.
 */
CHORUS_CORE_EXPORT qsizetype unbalancedQuotationMark(const QString &text);

/**
 * The checks a communications lead runs by eye before a quote goes into a release: unbalanced
 * quotation marks, a spokesperson without organization or title, double spaces, a missing space
 * after a sentence, a repeated word ("stop they they"), and length. Returns the findings in
 * text order, the ones about the spokesperson first; none means the quote is clean.
 */
CHORUS_CORE_EXPORT QList<QuoteFinding> lintQuote(const QuoteContext &quote);

} // namespace Chorus::Domain
