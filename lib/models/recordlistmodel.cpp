// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordlistmodel.h"

#include "models_debug.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Models
{

namespace
{

QString nameOf(const QString &table, const QString &column)
{
    return u"(SELECT name FROM %1 WHERE id = t.%2)"_s.arg(table, column);
}

QList<RecordListModel::Column> columnsFor(Kind kind)
{
    const QString nocase = u" COLLATE NOCASE"_s;
    const auto textColumn = [&](const QString &heading, const QString &expression) {
        return RecordListModel::Column{heading, expression, u"coalesce(%1, '')"_s.arg(expression) + nocase, {}, {}, {}};
    };
    const auto choiceColumn = [&](const QString &heading, const QString &field) {
        return RecordListModel::Column{heading, u"t."_s + field, u"coalesce(t.%1, '')"_s.arg(field), field, {}, {}};
    };
    const auto countColumn = [&](const QString &heading, const QString &field) {
        return RecordListModel::Column{heading, u"t."_s + field, u"coalesce(t.%1, -1)"_s.arg(field), {}, {}, {}};
    };
    // The name of the record a required reference points to. Sorted by it, the rows are read by
    // walking the other table in name order and each one's rows through the reference's index,
    // which stops after a page, rather than by naming and sorting every row.
    const auto referenceColumn = [&](const QString &heading, const QString &table, const QString &field) {
        RecordListModel::Column column = textColumn(heading, nameOf(table, field));
        const Field *reference = entity(kind).field(field);
        if (reference && reference->required) {
            column.sortFromExpression = u"s.name"_s + nocase;
            column.sortFrom = u"%1 s CROSS JOIN %2 t ON s.id = t.%3"_s.arg(table, entity(kind).table, field);
        }
        return column;
    };
    switch (kind) {
    case Kind::Organization:
        return {textColumn(i18nc("@title:column", "Name"), u"t.name"_s),
                textColumn(i18nc("@title:column", "Kind"), u"t.kind"_s),
                countColumn(i18nc("@title:column", "People represented"), u"people_represented"_s)};
    case Kind::Person:
        return {textColumn(i18nc("@title:column", "Name"), u"t.name"_s),
                textColumn(i18nc("@title:column", "Title"), u"t.title"_s),
                textColumn(i18nc("@title:column", "Organization"), nameOf(u"organizations"_s, u"organization_id"_s))};
    case Kind::Campaign:
        return {textColumn(i18nc("@title:column", "Name"), u"t.name"_s),
                textColumn(i18nc("@title:column", "Target"), u"t.target"_s),
                textColumn(i18nc("@title:column", "Starts"), u"t.starts_on"_s)};
    case Kind::Membership:
        return {textColumn(i18nc("@title:column", "Organization"), nameOf(u"organizations"_s, u"organization_id"_s)),
                textColumn(i18nc("@title:column", "Campaign"), nameOf(u"campaigns"_s, u"campaign_id"_s)),
                choiceColumn(i18nc("@title:column", "Role"), u"role"_s),
                choiceColumn(i18nc("@title:column", "Status"), u"status"_s)};
    case Kind::Petition:
        return {textColumn(i18nc("@title:column", "Title"), u"t.title"_s),
                choiceColumn(i18nc("@title:column", "Kind"), u"kind"_s),
                countColumn(i18nc("@title:column", "Signatures"), u"signature_count"_s)};
    case Kind::Event:
        return {textColumn(i18nc("@title:column", "Title"), u"t.title"_s),
                choiceColumn(i18nc("@title:column", "Kind"), u"kind"_s),
                textColumn(i18nc("@title:column", "Campaign"), nameOf(u"campaigns"_s, u"campaign_id"_s))};
    case Kind::Site:
        return {textColumn(i18nc("@title:column", "Venue"), u"t.venue"_s),
                textColumn(i18nc("@title:column", "Starts (UTC)"), u"t.starts_at"_s),
                textColumn(i18nc("@title:column", "Time zone"), u"t.time_zone"_s)};
    case Kind::RunOfShowItem:
        return {countColumn(i18nc("@title:column", "Position"), u"position"_s), textColumn(i18nc("@title:column", "Description"), u"t.description"_s)};
    case Kind::Quote:
        // Each order has an index (schema v9): a quote's text and language are never empty, and
        // the text is ordered by its first 64 characters (then by age within equal ones).
        {
            RecordListModel::Column state = choiceColumn(i18nc("@title:column", "State"), u"state"_s);
            state.indexedOrder = true;
            return {{i18nc("@title:column", "Quote"), u"substr(t.text, 1, 300)"_s, u"substr(t.text, 1, 64)"_s + nocase, {}, {}, {}, true},
                    referenceColumn(i18nc("@title:column", "Spokesperson"), u"people"_s, u"spokesperson_id"_s),
                    state,
                    {i18nc("@title:column", "Language"), u"t.language"_s, u"t.language"_s + nocase, {}, {}, {}, true}};
        }
    case Kind::Task:
        return {textColumn(i18nc("@title:column", "Title"), u"t.title"_s),
                textColumn(i18nc("@title:column", "Due (UTC)"), u"t.due_at"_s),
                choiceColumn(i18nc("@title:column", "Status"), u"status"_s)};
    case Kind::Fact:
        return {textColumn(i18nc("@title:column", "Fact"), u"substr(t.text, 1, 300)"_s), textColumn(i18nc("@title:column", "Source"), u"t.source"_s)};
    case Kind::MediaRsvp:
        return {textColumn(i18nc("@title:column", "Journalist"), u"t.journalist_name"_s),
                textColumn(i18nc("@title:column", "Outlet"), u"t.outlet"_s),
                choiceColumn(i18nc("@title:column", "RSVP"), u"rsvp_status"_s)};
    case Kind::PressKit:
        return {textColumn(i18nc("@title:column", "Name"), u"t.name"_s),
                textColumn(i18nc("@title:column", "Headline"), u"t.headline"_s),
                textColumn(i18nc("@title:column", "Language"), u"t.language"_s)};
    }
    return {};
}

/// The kinds with a full-text index (its rowid is the record's rid).
bool hasSearchIndex(Kind kind)
{
    switch (kind) {
    case Kind::Organization:
    case Kind::Person:
    case Kind::Quote:
    case Kind::Campaign:
    case Kind::Event:
    case Kind::Fact:
        return true;
    default:
        return false;
    }
}

/// Words only, each a prefix: FTS5 syntax in the user's text is never interpreted.
QString matchExpression(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        terms << u'"' + word + u"\"*"_s;
    }
    return terms.join(u' ');
}

} // namespace

RecordListModel::RecordListModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(columnsFor(kind))
{
}

RecordListModel::~RecordListModel() = default;

void RecordListModel::setStore(Store::Store *store)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_store = store;
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, &RecordListModel::storeChanged);
    }
    reload();
}

void RecordListModel::setFilterText(const QString &text)
{
    if (text == m_filterText) {
        return;
    }
    m_filterText = text;
    reload();
}

void RecordListModel::setCondition(const QString &field, const QVariant &value)
{
    if (!entity(m_kind).field(field)) {
        qCWarning(CHORUS_MODELS) << "no field" << field << "in" << entity(m_kind).table;
        return;
    }
    m_conditions.removeIf([&](const auto &condition) {
        return condition.first == field;
    });
    m_conditions.append({field, value});
    reload();
}

void RecordListModel::clearConditions()
{
    if (m_conditions.isEmpty()) {
        return;
    }
    m_conditions.clear();
    reload();
}

int RecordListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

QString RecordListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const QVariant &value = row.values.at(index.column());
        const Column &column = m_columns.at(index.column());
        if (!column.choiceField.isEmpty()) {
            return choiceLabel(column.choiceField, value.toString());
        }
        if (value.typeId() == QMetaType::LongLong) {
            return QLocale().toString(value.toLongLong());
        }
        // A list row is one line, whatever the paragraphs of a quote.
        return value.toString().simplified();
    }
    case IdRole:
        return row.id;
    case KindRole:
        return int(m_kind);
    default:
        return {};
    }
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_columns.size()) {
        return m_columns.at(section).heading;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_store && !m_rows.isEmpty();
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    // A view (or a model tester) may ask for more while it hears of a reset: rows come after.
    if (!canFetchMore(parent) || m_resetting) {
        return;
    }
    // The next page starts after the last row loaded (keyset paging): reading rows deep in a
    // million costs what reading the first ones does, unlike an OFFSET.
    const Row &last = m_rows.constLast();
    const QString after = descending() ? u"<"_s : u">"_s;
    const QString order = orderExpression();
    const QString rid = joinsSearchIndex() ? entity(m_kind).table + u"_fts.rowid"_s : u"t.rid"_s;
    // Written so that the index of the order gives the range (SQLite does not take one from a
    // row value over an indexed expression).
    const QList<Row> page = order == u"t.rid"
        ? query(u"%1 %2 ?"_s.arg(rid, after), {last.sortKey}, PageSize, 0)
        : query(u"%1 %2= ? AND (%1 %2 ? OR t.rid %2 ?)"_s.arg(order, after), {last.sortKey, last.sortKey, last.rid}, PageSize, 0);
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty()) {
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void RecordListModel::sort(int column, Qt::SortOrder order)
{
    if (column >= m_columns.size() || (column >= 0 && m_columns.at(column).sortExpression.isEmpty())) {
        return;
    }
    if (column < 0) {
        order = Qt::AscendingOrder;
    }
    if (column == m_sortColumn && order == m_sortOrder) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "recordId");
    names.insert(KindRole, "kind");
    return names;
}

void RecordListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = !m_store;
    if (m_store) {
        m_readsOrderIndex = m_sortColumn >= 0 && (m_columns.at(m_sortColumn).indexedOrder || !m_columns.at(m_sortColumn).sortFrom.isEmpty()) && matchesMany();
        m_rows = query({}, {}, PageSize, 0);
        m_atEnd = m_rows.size() < PageSize;
    }
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

bool RecordListModel::usesSortFrom() const
{
    // Words that few rows match narrow the rows first; walking the other table would read
    // them all. When many rows match, the walk finds a page of them soonest.
    return m_sortColumn >= 0 && !m_columns.at(m_sortColumn).sortFrom.isEmpty() && (m_filterText.trimmed().isEmpty() || m_readsOrderIndex);
}

QString RecordListModel::fromClause() const
{
    return usesSortFrom() ? m_columns.at(m_sortColumn).sortFrom : entity(m_kind).table + u" t"_s;
}

QString RecordListModel::orderExpression() const
{
    if (m_sortColumn >= 0) {
        const Column &column = m_columns.at(m_sortColumn);
        return usesSortFrom() ? column.sortFromExpression : column.sortExpression;
    }
    // Quotes are many and have no name: the newest come first, straight from the primary key.
    if (m_kind == Kind::Quote) {
        return u"t.rid"_s;
    }
    return m_columns.constFirst().sortExpression;
}

bool RecordListModel::descending() const
{
    if (m_sortColumn < 0) {
        return m_kind == Kind::Quote;
    }
    return m_sortOrder == Qt::DescendingOrder;
}

bool RecordListModel::joinsSearchIndex() const
{
    // Newest quotes matching words: read in the index's own order, it stops after one page.
    return hasSearchIndex(m_kind) && !matchExpression(m_filterText).isEmpty() && orderExpression() == u"t.rid";
}

bool RecordListModel::matchesMany() const
{
    // Sorting a few thousand matches costs a few milliseconds; sorting 150,000 of a million
    // quotes costs 300 ms, while walking the order's index finds a page of them in a fraction.
    // With few matches the walk would read the whole index for nothing.
    constexpr int Many = 5000;
    const QString match = matchExpression(m_filterText);
    if (!hasSearchIndex(m_kind) || match.isEmpty()) {
        return false;
    }
    const QString index = entity(m_kind).table + u"_fts"_s;
    Storage::Statement statement = m_store->database().prepare(u"SELECT count(*) FROM (SELECT rowid FROM %1 WHERE %1 MATCH ? LIMIT %2)"_s.arg(index).arg(Many));
    statement.bind(1, match);
    return statement.step() && statement.value(0).toInt() >= Many;
}

QString RecordListModel::whereClause(QVariantList &bindings, bool joined) const
{
    QStringList conditions;
    const QString match = matchExpression(m_filterText);
    if (!m_filterText.trimmed().isEmpty()) {
        if (hasSearchIndex(m_kind)) {
            const QString index = entity(m_kind).table + u"_fts"_s;
            if (match.isEmpty()) {
                // Only punctuation: nothing a word index can match.
                conditions << u"0"_s;
            } else if (joined) {
                conditions << u"%1 MATCH ?"_s.arg(index);
                bindings << match;
            } else {
                // "+" keeps SQLite from reading the rows by the matches' ids and sorting them.
                conditions << u"%1t.rid IN (SELECT rowid FROM %2 WHERE %2 MATCH ?)"_s.arg(m_readsOrderIndex ? u"+"_s : QString(), index);
                bindings << match;
            }
        } else {
            // Small kinds without a search index match their first column's text.
            QString pattern = m_filterText.trimmed();
            pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
            conditions << m_columns.constFirst().expression + u" LIKE ? ESCAPE '\\'"_s;
            bindings << QVariant(u'%' + pattern + u'%');
        }
    }
    // Field names come from the entity description (setCondition checks them), never from text.
    for (const auto &[field, value] : m_conditions) {
        if (value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty())) {
            conditions << u"t.%1 IS NULL"_s.arg(field);
        } else {
            conditions << u"t.%1 = ?"_s.arg(field);
            bindings << value;
        }
    }
    return conditions.isEmpty() ? u"1"_s : conditions.join(u" AND "_s);
}

QList<RecordListModel::Row> RecordListModel::query(const QString &extraCondition, const QVariantList &extraBindings, int limit, int offset) const
{
    QList<Row> rows;
    if (!m_store) {
        return rows;
    }
    const bool joined = joinsSearchIndex();
    const QString table = entity(m_kind).table;
    const QString from = joined ? u"%1_fts JOIN %1 t ON t.rid = %1_fts.rowid"_s.arg(table) : fromClause();
    const QString order = orderExpression();
    QVariantList bindings;
    QString where = whereClause(bindings, joined);
    if (!extraCondition.isEmpty()) {
        where += u" AND "_s + extraCondition;
        bindings += extraBindings;
    }
    QStringList expressions;
    for (const Column &column : m_columns) {
        expressions << column.expression;
    }
    expressions << order << u"t.rid"_s;
    const QString direction = descending() ? u"DESC"_s : u"ASC"_s;
    // The row id is unique: no tie to break, and the primary key (or the index) gives the order.
    // Ties are broken by it too, which every index holds after the value it orders by.
    const QString orderBy =
        order == u"t.rid" ? u"%1 %2"_s.arg(joined ? table + u"_fts.rowid"_s : order, direction) : u"%1 %2, t.rid %2"_s.arg(order, direction);
    const QString sql = u"SELECT t.id, %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?"_s.arg(expressions.join(u", "_s), from, where, orderBy);
    Storage::Statement statement = m_store->database().prepare(sql);
    int index = 1;
    for (const QVariant &value : std::as_const(bindings)) {
        statement.bind(index++, value);
    }
    statement.bind(index++, qint64(limit));
    statement.bind(index, qint64(offset));
    while (statement.step()) {
        Row row{statement.text(0), statement.value(int(m_columns.size()) + 2).toLongLong(), {}, {}};
        row.values.reserve(m_columns.size());
        for (int column = 0; column < m_columns.size(); ++column) {
            row.values << statement.value(column + 1);
        }
        row.sortKey = statement.value(int(m_columns.size()) + 1);
        rows.append(std::move(row));
    }
    if (!statement.ok()) {
        qCWarning(CHORUS_MODELS) << "listing" << entity(m_kind).table << "failed:" << m_store->database().lastError().message();
    }
    return rows;
}

void RecordListModel::storeChanged(const QList<Store::Change> &changes)
{
    QStringList ids;
    for (const Store::Change &change : changes) {
        if (change.kind == m_kind && !ids.contains(change.id)) {
            ids << change.id;
        }
    }
    // Each record's place is counted among the records in the database, so that records created
    // together would each count the others not yet listed: they are listed afresh.
    const auto created = std::count_if(changes.cbegin(), changes.cend(), [this](const Store::Change &change) {
        return change.kind == m_kind && change.operation == Store::Change::Operation::Created;
    });
    if (ids.size() > ResetThreshold || created > 1) {
        reload();
        return;
    }
    for (const QString &id : std::as_const(ids)) {
        follow(id);
    }
    // Names of other records shown in the columns (a person's organization) may have changed.
    const bool othersRenamed = std::any_of(changes.cbegin(), changes.cend(), [this](const Store::Change &change) {
        return change.kind != m_kind
            && (change.operation == Store::Change::Operation::Deleted
                || (change.operation == Store::Change::Operation::Updated && change.fields.contains(u"name"_s)));
    });
    if (othersRenamed && !m_rows.isEmpty()) {
        const QList<Row> fresh = query({}, {}, int(m_rows.size()), 0);
        if (fresh.size() == m_rows.size()) {
            for (int row = 0; row < fresh.size(); ++row) {
                if (fresh.at(row).id == m_rows.at(row).id && fresh.at(row).values != m_rows.at(row).values) {
                    m_rows[row] = fresh.at(row);
                    Q_EMIT dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
                }
            }
        }
    }
}

void RecordListModel::follow(const QString &id)
{
    const int oldRow = rowOf(id);
    const QString order = orderExpression();
    const QString from = fromClause();

    // Does the record (still) belong in the list, and where?
    QVariantList bindings;
    const QString where = whereClause(bindings);
    std::optional<QVariant> key;
    qint64 rid = 0;
    {
        Storage::Statement read = m_store->database().prepare(u"SELECT %1, t.rid FROM %2 WHERE t.id = ? AND %3"_s.arg(order, from, where));
        read.bind(1, id);
        int index = 2;
        for (const QVariant &value : std::as_const(bindings)) {
            read.bind(index++, value);
        }
        if (read.step()) {
            key = read.value(0);
            rid = read.value(1).toLongLong();
        }
    }
    int newRow = -1;
    if (key) {
        const QString before = descending() ? u">"_s : u"<"_s;
        Storage::Statement count = m_store->database().prepare(
            u"SELECT count(*) FROM %1 WHERE %2 AND t.rid <> ? AND (%3 %4 ? OR (%3 = ? AND t.rid %4 ?))"_s.arg(from, where, order, before));
        int index = 1;
        for (const QVariant &value : std::as_const(bindings)) {
            count.bind(index++, value);
        }
        count.bind(index++, rid);
        count.bind(index++, *key);
        count.bind(index++, *key);
        count.bind(index, rid);
        newRow = count.step() ? int(count.integer(0)) : -1;
    }

    if (oldRow >= 0 && newRow == oldRow) {
        const QList<Row> fresh = query(u"t.id = ?"_s, {id}, 1, 0);
        if (!fresh.isEmpty()) {
            m_rows[oldRow] = fresh.constFirst();
            Q_EMIT dataChanged(index(oldRow, 0), index(oldRow, int(m_columns.size()) - 1));
        }
        return;
    }
    // A record that moves among the loaded rows is moved, not removed and inserted again: the
    // view's current row (the record being edited) goes with it.
    if (oldRow >= 0 && newRow >= 0 && newRow < m_rows.size()) {
        const QList<Row> fresh = query(u"t.id = ?"_s, {id}, 1, 0);
        if (!fresh.isEmpty() && beginMoveRows({}, oldRow, oldRow, {}, newRow > oldRow ? newRow + 1 : newRow)) {
            m_rows.move(oldRow, newRow);
            m_rows[newRow] = fresh.constFirst();
            endMoveRows();
            Q_EMIT dataChanged(index(newRow, 0), index(newRow, int(m_columns.size()) - 1));
            return;
        }
    }
    if (oldRow >= 0) {
        beginRemoveRows({}, oldRow, oldRow);
        m_rows.removeAt(oldRow);
        endRemoveRows();
    }
    // Beyond the loaded rows, the record comes with a later fetchMore().
    if (newRow >= 0 && newRow <= m_rows.size()) {
        const QList<Row> fresh = query(u"t.id = ?"_s, {id}, 1, 0);
        if (!fresh.isEmpty()) {
            beginInsertRows({}, newRow, newRow);
            m_rows.insert(newRow, fresh.constFirst());
            endInsertRows();
        }
    }
}

} // namespace Chorus::Models
