// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "quotelint.h"

#include <KLocalizedString>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Chorus::Domain
{

namespace
{

QString excerpt(const QString &text, int position, int length)
{
    return text.mid(position, length).simplified();
}

} // namespace

qsizetype unbalancedQuotationMark(const QString &text)
{
    // The marks still open, innermost last, with where each is. A closing mark must close the
    // innermost open one; one that closes nothing opens (Swedish ”…”, Danish »…«) and is left
    // open at the end if it was a stray.
    QList<std::pair<QChar, qsizetype>> open;
    const auto closes = [&open](QStringView openers) {
        if (!open.isEmpty() && openers.contains(open.constLast().first)) {
            open.removeLast();
            return true;
        }
        return false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        QStringView openers;
        if (c == u'“') {
            openers = u"„";
        } else if (c == u'”') {
            openers = u"“„”";
        } else if (c == u'«') {
            openers = u"»";
        } else if (c == u'»') {
            openers = u"«";
        } else if (c == u'"') {
            openers = u"\"";
        } else if (c != u'„') {
            continue;
        }
        if (!closes(openers)) {
            open.append({c, i});
        }
    }
    return open.isEmpty() ? -1 : open.constLast().second;
}

QList<QuoteFinding> lintQuote(const QuoteContext &quote)
{
    using Check = QuoteFinding::Check;
    QList<QuoteFinding> findings;
    const QString &text = quote.text;

    if (!quote.spokespersonName.isEmpty() && !quote.spokespersonHasOrganization) {
        findings.append(
            {Check::SpokespersonWithoutOrganization,
             i18nc("@info lint; %1 is a person's name", "%1 has no organization: a release names who a spokesperson speaks for.", quote.spokespersonName),
             -1,
             0});
    }
    if (!quote.spokespersonName.isEmpty() && quote.spokespersonTitle.trimmed().isEmpty()) {
        findings.append({Check::SpokespersonWithoutTitle,
                         i18nc("@info lint; %1 is a person's name", "%1 has no title (such as “Executive Director”).", quote.spokespersonName),
                         -1,
                         0});
    }

    if (const qsizetype position = unbalancedQuotationMark(text); position >= 0) {
        findings.append({Check::UnbalancedQuotationMarks,
                         i18nc("@info lint", "A quotation mark is opened and never closed, or closed and never opened."),
                         int(position),
                         1});
    }

    static const QRegularExpression doubleSpace(u"[ \\t\\x{00A0}]{2,}"_s);
    for (auto it = doubleSpace.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        // Spaces that indent a new line are layout, not a typing slip.
        if (match.capturedStart() == 0 || text.at(match.capturedStart() - 1) == u'\n') {
            continue;
        }
        findings.append({Check::DoubleSpace,
                         i18nc("@info lint; %1 is the text around the spaces",
                               "Two spaces in a row after “%1”.",
                               excerpt(text, std::max(0, int(match.capturedStart()) - 20), int(std::min<qsizetype>(20, match.capturedStart())))),
                         int(match.capturedStart()),
                         int(match.capturedLength())});
    }

    // "end.Next": a sentence ends on a lower-case word and the next starts at once (not "U.S.A").
    static const QRegularExpression missingSpace(u"(?<=\\p{Ll}\\p{Ll})[.!?](?=\\p{Lu})"_s);
    for (auto it = missingSpace.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        findings.append({Check::MissingSpaceAfterSentence,
                         i18nc("@info lint; %1 is the text where a space is missing",
                               "A space is missing after a sentence: “%1”.",
                               excerpt(text, std::max(0, int(match.capturedStart()) - 12), 24)),
                         int(match.capturedStart()),
                         1});
    }

    static const QRegularExpression repeated(u"\\b(\\w+)\\s+\\1\\b"_s,
                                             QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    for (auto it = repeated.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        findings.append({Check::RepeatedWord,
                         i18nc("@info lint; %1 is the repeated word", "The word “%1” is repeated.", match.captured(1)),
                         int(match.capturedStart()),
                         int(match.capturedLength())});
    }

    static const QRegularExpression words(u"[\\p{L}\\p{N}]+(['’-][\\p{L}\\p{N}]+)*"_s);
    int wordCount = 0;
    for (auto it = words.globalMatch(text); it.hasNext(); it.next()) {
        ++wordCount;
    }
    if (wordCount > QuoteWordLimit) {
        findings.append({Check::TooLong,
                         i18nc("@info lint; %1 is the number of words, %2 the limit",
                               "The quote has %1 words: reporters rarely use more than %2. Consider shortening it.",
                               wordCount,
                               QuoteWordLimit),
                         -1,
                         0});
    }

    std::stable_sort(findings.begin(), findings.end(), [](const QuoteFinding &a, const QuoteFinding &b) {
        return a.position < b.position;
    });
    return findings;
}

} // namespace Chorus::Domain
