// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Chorus::Store
{
class Store;
struct Change;
} // namespace Chorus::Store

namespace Chorus::Models
{

/**
 * The records of one kind as a lazy list, for the master lists of the app.
 *
 * Filtering and sorting happen in SQL: rows arrive a page at a time (canFetchMore() /
 * fetchMore()), so a list over a million quotes holds only the rows that were scrolled to.
 * The filter text matches words as prefixes through the full-text index where the kind has
 * one, else the record's name. Conditions narrow the list to records whose field equals a value
 * (the quotes in a state, the memberships of a campaign).
 *
 * The model follows the store's changed() signal: a created record appears at its sorted place,
 * a deleted one disappears, a changed one is updated or moved, without reloading what is loaded.
 */
class CHORUS_CORE_EXPORT RecordListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the record's id (QString)
        KindRole, ///< the record's kind (int)
    };

    /// How many rows one fetchMore() reads.
    static constexpr int PageSize = 200;
    /// A write touching more records than this reloads the list instead of following each one.
    static constexpr int ResetThreshold = 100;

    explicit RecordListModel(Domain::Kind kind, QObject *parent = nullptr);
    ~RecordListModel() override;

    [[nodiscard]] Domain::Kind kind() const
    {
        return m_kind;
    }

    /// Lists the records of store (none when null) and follows its changes.
    void setStore(Store::Store *store);
    [[nodiscard]] Store::Store *store() const
    {
        return m_store;
    }

    /// Shows only records matching text (words, the last one as a prefix); empty shows all.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const
    {
        return m_filterText;
    }

    /// Shows only records whose field equals value (a null value: whose field is empty).
    void setCondition(const QString &field, const QVariant &value);
    void clearConditions();

    /// The row of the record with id among the rows loaded so far; -1 when not loaded.
    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] QString idAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// Sorts by column; -1 restores the kind's natural order (names A-Z, newest quotes first).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// One column of the list: its heading, the SQL that computes it and how to sort by it.
    struct Column {
        QString heading;
        QString expression; ///< over the table aliased "t"
        QString sortExpression; ///< empty: the column cannot be sorted
        QString choiceField; ///< when set, values are shown with Domain::choiceLabel()
        /// When sorting by this column without words to match: the FROM clause that reads the
        /// rows in this order from an index (the table stays aliased "t"), and the expression to
        /// sort by over it; empty: the table alone and sortExpression.
        QString sortFrom;
        QString sortFromExpression;
        /// An index holds sortExpression (then the row id): when many rows match the words,
        /// they are read in the index's order (as with sortFrom) and checked against the
        /// matches, rather than sorted.
        bool indexedOrder = false;
    };

private:
    struct Row {
        QString id;
        qint64 rid = 0; ///< the row id, which breaks ties in every order
        QVariantList values;
        QVariant sortKey; ///< where the row stands in the order, to read the page after it
    };

    void reload();
    void storeChanged(const QList<Store::Change> &changes);
    void follow(const QString &id);
    [[nodiscard]] QString whereClause(QVariantList &bindings, bool joined = false) const;
    [[nodiscard]] bool joinsSearchIndex() const;
    [[nodiscard]] bool matchesMany() const;
    [[nodiscard]] QString orderExpression() const;
    [[nodiscard]] QString fromClause() const;
    [[nodiscard]] bool usesSortFrom() const;
    [[nodiscard]] bool descending() const;
    [[nodiscard]] QList<Row> query(const QString &extraCondition, const QVariantList &extraBindings, int limit, int offset) const;

    Domain::Kind m_kind;
    QList<Column> m_columns;
    QPointer<Store::Store> m_store;
    QString m_filterText;
    QList<std::pair<QString, QVariant>> m_conditions;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<Row> m_rows;
    bool m_atEnd = true;
    bool m_resetting = false;
    bool m_readsOrderIndex = false; ///< see Column::indexedOrder, decided at each reload
};

} // namespace Chorus::Models
