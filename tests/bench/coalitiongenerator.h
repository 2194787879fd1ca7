// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Bench
{

/**
 * Makes a large synthetic coalition for benchmarks: organizations, their people, campaigns,
 * memberships and quotes, always the same for the same size and seed.
 *
 * Every record is a pure function of (seed, kind, index), so any record can be made again in any
 * order, and two runs (or a store and a raw SQLite insert) get exactly the same rows. Quote texts
 * have 20 to 60 words drawn with a Zipf distribution from an English or a Spanish vocabulary of a
 * few thousand words (advocacy words first, so two-word queries such as "climate justice" match
 * many quotes, and a tail of rare words that match few); names carry accents.
 */
class CoalitionGenerator
{
public:
    /// How many records of each kind.
    struct Size {
        qint64 organizations = 0;
        qint64 people = 0;
        qint64 campaigns = 0;
        qint64 quotes = 0;
    };

    /// The kinds of query that queries() mixes, for reporting latency per kind.
    enum class QueryKind {
        Topic, ///< two common words that often stand together ("climate justice")
        CommonAndRare, ///< a common word and a rare one
        RareAndRare, ///< two rare words
        Prefix, ///< a common word and the start of another ("justice clim")
        SpanishWithoutAccents, ///< a Spanish phrase typed without accents ("justicia climatica")
        Name, ///< a person's first and last name, without accents
    };

    struct Query {
        QueryKind kind = QueryKind::Topic;
        QString text;
    };

    static constexpr quint64 DefaultSeed = 20260501;

    /// Scale 1.0: 20,000 organizations, 100,000 people, 200 campaigns and 1,000,000 quotes.
    [[nodiscard]] static Size sizeFor(double scale);

    explicit CoalitionGenerator(const Size &size, quint64 seed = DefaultSeed);

    [[nodiscard]] const Size &size() const
    {
        return m_size;
    }
    /// Organizations + people + campaigns + memberships (one per organization) + quotes.
    [[nodiscard]] qint64 recordCount() const;

    [[nodiscard]] QString organizationId(qint64 index) const;
    [[nodiscard]] QString personId(qint64 index) const;
    [[nodiscard]] QString campaignId(qint64 index) const;
    [[nodiscard]] QString membershipId(qint64 index) const;
    [[nodiscard]] QString quoteId(qint64 index) const;

    [[nodiscard]] Domain::Record organization(qint64 index) const;
    [[nodiscard]] Domain::Record person(qint64 index) const;
    [[nodiscard]] Domain::Record campaign(qint64 index) const;
    /// The membership of organization index in one campaign.
    [[nodiscard]] Domain::Record membership(qint64 index) const;
    [[nodiscard]] Domain::Record quote(qint64 index) const;

    /// count search queries, a fixed mix of every QueryKind.
    [[nodiscard]] QList<Query> queries(int count) const;
    [[nodiscard]] static QString queryKindName(QueryKind kind);

    /// Called after each batch with the kind written, the records of that kind done and their total.
    using Progress = std::function<void(Domain::Kind kind, qint64 done, qint64 total)>;

    /**
     * Writes the whole coalition through store's one write path (Store::create inside
     * Store::transact, batchSize records per transaction): organizations, campaigns, people,
     * memberships, then quotes.
     */
    Result<void> writeTo(Store::Store &store, int batchSize, const Progress &progress = {}) const;

    /// The kinds writeTo() writes, in that order (references first), with their counts.
    [[nodiscard]] QList<std::pair<Domain::Kind, qint64>> writeOrder() const;

    /// Writes only the records of kind with indexes [first, last), in transactions of batchSize.
    Result<void> writeKind(Store::Store &store, Domain::Kind kind, qint64 first, qint64 last, int batchSize, const Progress &progress = {}) const;

    /// The text of quote index, on its own (what quote() puts in "text").
    [[nodiscard]] QString quoteText(qint64 index, bool spanish) const;

private:
    [[nodiscard]] QString uuid(quint64 tag, qint64 index) const;
    [[nodiscard]] quint64 streamSeed(quint64 tag, qint64 index) const;

    Size m_size;
    quint64 m_seed;
};

} // namespace Chorus::Bench
