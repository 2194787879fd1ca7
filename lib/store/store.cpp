// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "store.h"

#include "domain/validation.h"
#include "storage/transaction.h"
#include "store_debug.h"

#include <KLocalizedString>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUuid>
#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Store
{

namespace
{

bool runSchemaFile(Storage::Database &database, const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(CHORUS_STORE) << "schema resource missing:" << resource;
        return false;
    }
    return database.exec(QString::fromUtf8(file.readAll()));
}

QString columnList(const EntityInfo &info)
{
    QStringList columns{u"id"_s};
    for (const Field &field : info.fields) {
        columns << field.name;
    }
    return columns.join(u", ");
}

/// The statements of each kind, composed once from the entity descriptions.
struct KindSql {
    QString insert;
    QString logCreate;
    /// The creates of the records with rid ?3 to ?4 (their hlc ?1 + rid), from the rows as written;
    /// records with a picture are left out (SQLite writes no base64).
    QString logCreated;
    QString selectById;
    QString exists;
    QString titleById;
    QString erase;
    QString count;
};

const KindSql &sqlFor(Kind kind)
{
    static const QList<KindSql> all = [] {
        QList<KindSql> list;
        for (Kind k : allKinds()) {
            const EntityInfo &info = entity(k);
            // The change log keeps a created record as one JSON object, which SQLite writes from
            // the values bound (booleans as true/false, pictures bound as base64 text).
            QStringList members;
            QStringList columns;
            QStringList withoutBlobs{u"rid BETWEEN ?3 AND ?4"_s};
            for (int i = 0; i < info.fields.size(); ++i) {
                const Field &field = info.fields.at(i);
                const auto value = [&field](const QString &parameter) {
                    return field.type == FieldType::Boolean ? u"json(CASE WHEN %1 IS NULL THEN NULL WHEN %1 THEN 'true' ELSE 'false' END)"_s.arg(parameter)
                                                            : parameter;
                };
                members << u"'%1', %2"_s.arg(field.name, value(u"?%1"_s.arg(i + 5)));
                columns << u"'%1', %2"_s.arg(field.name, value(field.name));
                if (field.type == FieldType::Blob) {
                    withoutBlobs << u"%1 IS NULL"_s.arg(field.name);
                }
            }
            list.append({u"INSERT INTO %1 (%2) VALUES (?%3)"_s.arg(info.table, columnList(info), u", ?"_s.repeated(info.fields.size())),
                         u"INSERT INTO change_log (hlc, replica, kind, record_id, op, value) VALUES (?1, ?2, ?3, ?4, 'create', json_object(%1))"_s.arg(
                             members.join(u", ")),
                         u"INSERT INTO change_log (hlc, replica, kind, record_id, op, value) SELECT ?1 + rid, ?2, '%1', id, 'create', json_object(%2) "
                         "FROM %3 WHERE %4 ORDER BY rid"_s.arg(info.key, columns.join(u", "), info.table, withoutBlobs.join(u" AND ")),
                         u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(columnList(info), info.table),
                         u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(info.table),
                         u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(info.titleField, info.table),
                         u"DELETE FROM %1 WHERE id = ?"_s.arg(info.table),
                         u"SELECT count(*) FROM %1"_s.arg(info.table)});
        }
        return list;
    }();
    return all.at(int(kind));
}

QVariant readValue(const Storage::Statement &row, int column, FieldType type)
{
    if (row.isNull(column)) {
        return {};
    }
    switch (type) {
    case FieldType::Boolean:
        return row.integer(column) != 0;
    case FieldType::Count:
    case FieldType::Integer:
        return row.integer(column);
    case FieldType::Blob:
        return row.blob(column);
    default:
        return row.text(column);
    }
}

Record readRecord(const Storage::Statement &row, const EntityInfo &info)
{
    Record record;
    record.insert(u"id"_s, row.text(0));
    for (int i = 0; i < info.fields.size(); ++i) {
        record.insert(info.fields.at(i).name, readValue(row, i + 1, info.fields.at(i).type));
    }
    return record;
}

QJsonValue jsonValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        return QJsonValue::Null;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::LongLong:
    case QMetaType::Int:
        return value.toLongLong();
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toBase64());
    default:
        return value.toString();
    }
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    const bool aNull = !a.isValid() || a.isNull();
    const bool bNull = !b.isValid() || b.isNull();
    if (aNull || bNull) {
        return aNull == bNull;
    }
    return a == b;
}

/// What a new record of a kind holds where it gives no value, field by field (null: nothing).
const QList<QVariant> &defaultValues(Kind kind)
{
    static const QList<QList<QVariant>> all = [] {
        const QHash<QString, QVariant> defaults = {
            {u"membership.role"_s, u"partner"_s},
            {u"membership.status"_s, u"invited"_s},
            {u"petition.kind"_s, u"petition"_s},
            {u"event.kind"_s, u"other"_s},
            {u"event.scheduling"_s, u"same_moment"_s},
            {u"quote.state"_s, u"draft"_s},
            {u"quote.language"_s, u"en"_s},
            {u"task.status"_s, u"open"_s},
            {u"press_kit.language"_s, u"en"_s},
            {u"media_rsvp.rsvp_status"_s, u"invited"_s},
            {u"run_of_show_item.position"_s, qint64(0)},
            {u"run_of_show_item.offset_minutes"_s, qint64(0)},
            {u"run_of_show_item.duration_minutes"_s, qint64(0)},
        };
        QList<QList<QVariant>> list;
        for (Kind k : allKinds()) {
            QList<QVariant> values;
            for (const Field &field : entity(k).fields) {
                const QVariant fallback = defaults.value(entity(k).key + u'.' + field.name);
                values.append(fallback.isValid() ? fallback : field.type == FieldType::Boolean ? QVariant(false) : QVariant());
            }
            list.append(values);
        }
        return list;
    }();
    return all.at(int(kind));
}

/// The tables with a full-text search index, and the columns it covers.
struct IndexedTable {
    QString table;
    QStringList columns;
};

const QList<IndexedTable> &indexedTables()
{
    static const QList<IndexedTable> tables = {
        {u"organizations"_s, {u"name"_s, u"short_name"_s, u"boilerplate"_s}},
        {u"people"_s, {u"name"_s, u"title"_s, u"bio"_s}},
        {u"quotes"_s, {u"text"_s}},
        {u"events"_s, {u"title"_s, u"description"_s}},
        {u"facts"_s, {u"text"_s, u"source"_s}},
        {u"campaigns"_s, {u"name"_s, u"target"_s, u"demand"_s}},
    };
    return tables;
}

QString prefixed(const QStringList &columns, const QString &prefix)
{
    QStringList result;
    for (const QString &column : columns) {
        result << prefix + column;
    }
    return result.join(u", ");
}

/// People of an organization and quotes of a person are the links a delete must not cut silently.
/// Binds the change-log row of a record's create (KindSql::logCreate): its stamp, the replica, the
/// kind, the id and every field, a picture in base64 as the log's JSON keeps it.
void bindLogCreate(Storage::Statement &log, qint64 stamp, const QString &replica, const EntityInfo &info, const QString &id, const Record &record)
{
    log.bind(1, stamp);
    log.bind(2, replica);
    log.bind(3, info.key);
    log.bind(4, id);
    for (int i = 0; i < info.fields.size(); ++i) {
        const QVariant value = record.value(info.fields.at(i).name);
        if (value.typeId() == QMetaType::QByteArray) {
            log.bind(i + 5, QString::fromLatin1(value.toByteArray().toBase64()));
        } else {
            log.bind(i + 5, value);
        }
    }
}

/// Binds and runs the change log's creates of the rows from to to of a kind's table, written
/// together (KindSql::logCreated): each stamped stampBase plus its rid.
bool logCreatedRows(Storage::Statement &log, qint64 stampBase, const QString &replica, qint64 from, qint64 to)
{
    log.bind(1, stampBase);
    log.bind(2, replica);
    log.bind(3, from);
    log.bind(4, to);
    return log.exec();
}

bool isGuardedLink(Kind deleted, Kind dependent)
{
    return (deleted == Kind::Organization && dependent == Kind::Person) || (deleted == Kind::Person && dependent == Kind::Quote);
}

} // namespace

Store::Store(std::unique_ptr<Storage::Database> database)
    : m_database(std::move(database))
{
    qRegisterMetaType<Chorus::Store::Change>();
}

Store::~Store()
{
    // Records written outside a transaction of this connection have not been indexed yet.
    if (m_database && m_database->transactionDepth() == 0) {
        indexPendingRecords();
    }
}

QList<Storage::MigrationStep> Store::migrations()
{
    // Each step runs the schema file of its version, store/schema/vN.sql.
    const auto schemaStep = [](int version, const QString &description) {
        return Storage::MigrationStep{version, description, [version](Storage::Database &db) {
                                          return runSchemaFile(db, u":/chorus/schema/v%1.sql"_s.arg(version));
                                      }};
    };
    return {
        schemaStep(1, u"coalition records"_s),
        schemaStep(2, u"replica, change log and search index"_s),
        schemaStep(3, u"faster bulk writes"_s),
        schemaStep(4, u"event logistics: run-of-show clock starts, zoned task due dates, media RSVPs"_s),
        schemaStep(5, u"offline sync: coalition identity, operation bases, peers, conflicts"_s),
        schemaStep(6, u"photo of a person, audit of merged duplicates"_s),
        schemaStep(7, u"what a press kit includes"_s),
        schemaStep(8, u"index of quotes by campaign and state"_s),
        schemaStep(9, u"quote list sorting: indexes of quotes by text, state and language, and of people by name"_s),
        schemaStep(10, u"sync: memberships made apart on two laptops found as one"_s),
        schemaStep(11, u"sync: links lost to a delete made elsewhere are kept as conflicts"_s),
        schemaStep(12, u"indexes of the links to people and organizations that had none"_s),
    };
}

QString Store::newRecordId()
{
    // Within one millisecond a counter in the 12 bits after the version keeps the order.
    thread_local quint64 lastMilliseconds = 0;
    thread_local quint16 counter = 0;
    quint64 milliseconds = quint64(QDateTime::currentMSecsSinceEpoch());
    if (milliseconds <= lastMilliseconds) {
        milliseconds = lastMilliseconds;
        if (++counter > 0x0fff) {
            counter = 0;
            ++milliseconds;
        }
    } else {
        counter = 0;
    }
    lastMilliseconds = milliseconds;
    const quint64 random = QRandomGenerator::global()->generate64();
    const quint32 data1 = quint32(milliseconds >> 16);
    const quint16 data2 = quint16(milliseconds & 0xffff);
    const quint16 data3 = quint16(0x7000 | counter);
    // Variant 10 in the top two bits of the eighth byte, then 62 random bits.
    const quint64 tail = (random >> 2) | (quint64(0x2) << 62);
    const QUuid uuid(data1,
                     data2,
                     data3,
                     uchar(tail >> 56),
                     uchar(tail >> 48),
                     uchar(tail >> 40),
                     uchar(tail >> 32),
                     uchar(tail >> 24),
                     uchar(tail >> 16),
                     uchar(tail >> 8),
                     uchar(tail));
    return uuid.toString(QUuid::WithoutBraces);
}

int Store::schemaVersion()
{
    return migrations().constLast().version;
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, bool create)
{
    Storage::Database::Options options;
    options.create = create;
    options.migrations = migrations();
    auto database = Storage::Database::open(path, options);
    if (!database) {
        return database.error();
    }
    std::unique_ptr<Store> store(new Store(std::move(database).value()));
    if (auto ready = store->initializeReplica(); !ready) {
        return ready.error();
    }
    if (auto ready = store->renewReplicaIfCopied(path); !ready) {
        return ready.error();
    }
    if (auto ready = store->prepareSearchIndexing(); !ready) {
        return ready.error();
    }
    return store;
}

Result<void> Store::initializeReplica()
{
    Storage::Statement &read = statement(u"SELECT key, value FROM meta WHERE key IN ('replica_id', 'hlc')"_s);
    qint64 last = 0;
    while (read.step()) {
        if (read.text(0) == u"replica_id") {
            m_replicaId = read.text(1);
        } else {
            last = read.text(1).toLongLong();
        }
    }
    read.reset();
    m_clock = Sync::HybridLogicalClock(last);
    if (!m_replicaId.isEmpty()) {
        return {};
    }
    m_replicaId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Storage::Transaction transaction(*m_database);
    Storage::Statement &insert = statement(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    insert.bind(1, u"replica_id"_s);
    insert.bind(2, m_replicaId);
    bool ok = insert.exec();
    insert.bind(1, u"replica_name"_s);
    insert.bind(2, QSysInfo::machineHostName());
    ok = ok && insert.exec();
    if (!ok || !transaction.commit()) {
        return m_database->lastError();
    }
    return {};
}

Result<void> Store::prepareSearchIndexing()
{
    // Temporary objects live in this connection only: whatever writes through it (the store or
    // any code using its database) has its new records indexed before the transaction commits.
    QString sql;
    for (const IndexedTable &indexed : indexedTables()) {
        const QString &t = indexed.table;
        // Names inside a trigger cannot be qualified; temp tables are found before main ones.
        const QString pending = u"%1_fts_pending"_s.arg(t);
        // A pending record that is about to change or disappear is indexed first, so that the
        // update and delete triggers of the schema remove exactly what was indexed.
        const QString indexNow =
            u"INSERT INTO %1_fts (rowid, %2) VALUES (old.rid, %3); DELETE FROM %4 WHERE rid = old.rid;"_s.arg(t,
                                                                                                              indexed.columns.join(u", "),
                                                                                                              prefixed(indexed.columns, u"old."_s),
                                                                                                              pending);
        const QString whenPending = u"WHEN EXISTS (SELECT 1 FROM %1 WHERE rid = old.rid)"_s.arg(pending);
        sql += u"CREATE TEMP TABLE IF NOT EXISTS %1_fts_pending (rid INTEGER PRIMARY KEY);"_s.arg(t);
        sql +=
            u"CREATE TEMP TRIGGER IF NOT EXISTS %1_fts_pending_insert AFTER INSERT ON main.%1 BEGIN INSERT INTO %2 (rid) VALUES (new.rid); END;"_s.arg(t,
                                                                                                                                                       pending);
        sql += u"CREATE TEMP TRIGGER IF NOT EXISTS %1_fts_pending_delete BEFORE DELETE ON main.%1 %2 BEGIN %3 END;"_s.arg(t, whenPending, indexNow);
        sql += u"CREATE TEMP TRIGGER IF NOT EXISTS %1_fts_pending_update BEFORE UPDATE OF %2 ON main.%1 %3 BEGIN %4 END;"_s.arg(t,
                                                                                                                                indexed.columns.join(u", "),
                                                                                                                                whenPending,
                                                                                                                                indexNow);
    }
    if (!m_database->exec(sql)) {
        return m_database->lastError();
    }
    m_database->setBeforeCommit([this] {
        return indexPendingRecords();
    });
    return {};
}

bool Store::indexPendingRecords()
{
    for (const IndexedTable &indexed : indexedTables()) {
        const QString &t = indexed.table;
        // CROSS JOIN keeps SQLite on the (usually empty) pending list, in rowid order, as FTS5 likes it.
        Storage::Statement &index =
            statement(u"INSERT INTO main.%1_fts (rowid, %2) SELECT r.rid, %3 FROM temp.%1_fts_pending p CROSS JOIN main.%1 r ON r.rid = p.rid"_s
                          .arg(t, indexed.columns.join(u", "), prefixed(indexed.columns, u"r."_s)));
        if (!index.exec()) {
            return false;
        }
        if (!statement(u"DELETE FROM temp.%1_fts_pending"_s.arg(t)).exec()) {
            return false;
        }
    }
    return true;
}

void Store::forgetKnownRecords()
{
    m_knownRecords.clear();
}

Storage::Statement &Store::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, m_database->prepare(sql)).first;
    }
    it->second.reset();
    return it->second;
}

QString Store::replicaName()
{
    if (m_pendingIdentity && !m_pendingIdentity->formerReplicaId.isEmpty()) {
        return m_pendingIdentity->name;
    }
    Storage::Statement &read = statement(u"SELECT value FROM meta WHERE key = 'replica_name'"_s);
    const QString name = read.step() ? read.text(0) : QString();
    read.reset();
    return name;
}

Result<void> Store::setReplicaName(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info", "This computer's name for sync cannot be empty."));
    }
    if (auto settled = settleReplicaIdentity(); !settled) {
        return settled;
    }
    Storage::Statement &write = statement(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('replica_name', ?)"_s);
    write.bind(1, name.trimmed());
    if (!write.exec()) {
        return m_database->lastError();
    }
    return {};
}

QString Store::recordLabel(Kind kind, const Record &record)
{
    const EntityInfo &info = entity(kind);
    const auto nameOf = [this](Kind target, const QVariant &id) -> QString {
        if (id.isNull() || id.toString().isEmpty()) {
            return {};
        }
        Storage::Statement &read = statement(sqlFor(target).titleById);
        read.bind(1, id.toString());
        const QString name = read.step() ? read.text(0) : QString();
        read.reset();
        return name;
    };

    if (kind == Kind::Quote) {
        const QString speaker = nameOf(Kind::Person, record.value(u"spokesperson_id"_s));
        return speaker.isEmpty() ? i18nc("@info record label", "A quote without spokesperson") : i18nc("@info record label", "Quote by %1", speaker);
    }
    if (kind == Kind::Membership) {
        const QString organization = nameOf(Kind::Organization, record.value(u"organization_id"_s));
        return organization.isEmpty() ? i18nc("@info record label", "A membership") : i18nc("@info record label", "Membership of “%1”", organization);
    }
    QString title = record.value(info.titleField).toString().simplified();
    if (title.size() > 60) {
        // A name cut short says so: "… Nebenkostenabrechnungsp" alone reads as a typo.
        title = title.left(59) + u'…';
    }
    if (title.isEmpty()) {
        return i18nc("@info record label of a record without a name; %1 is the kind of record", "The new %1", kindLabel(kind));
    }
    switch (kind) {
    case Kind::Organization:
        return i18nc("@info record label", "Organization “%1”", title);
    case Kind::Person:
        return i18nc("@info record label", "Person “%1”", title);
    case Kind::Campaign:
        return i18nc("@info record label", "Campaign “%1”", title);
    case Kind::Petition:
        return i18nc("@info record label", "Petition “%1”", title);
    case Kind::Event:
        return i18nc("@info record label", "Event “%1”", title);
    case Kind::Site:
        return i18nc("@info record label", "Site “%1”", title);
    case Kind::RunOfShowItem:
        return i18nc("@info record label", "Run-of-show item “%1”", title);
    case Kind::Task:
        return i18nc("@info record label", "Task “%1”", title);
    case Kind::Fact:
        return i18nc("@info record label", "Fact “%1”", title);
    case Kind::PressKit:
        return i18nc("@info record label", "Press kit “%1”", title);
    case Kind::MediaRsvp:
        return i18nc("@info record label", "Media RSVP of “%1”", title);
    case Kind::Quote:
    case Kind::Membership:
        break;
    }
    return title;
}

Result<bool> Store::exists(Kind kind, const QString &id)
{
    // In a batch, the same few campaigns and spokespeople are named again and again.
    QSet<QString> &known = m_knownRecords[int(kind)];
    if (m_batchDepth > 0 && known.contains(id)) {
        return true;
    }
    Storage::Statement &exists = statement(sqlFor(kind).exists);
    exists.bind(1, id);
    const bool found = exists.step();
    const bool ok = exists.ok();
    exists.reset();
    if (!ok) {
        return m_database->lastError();
    }
    if (found && m_batchDepth > 0) {
        known.insert(id);
    }
    return found;
}

Result<void> Store::checkReferences(Kind kind, const Record &record, const std::function<QString()> &label, const Record *previous)
{
    for (const Field &field : entity(kind).fields) {
        if (!field.references || (field.type != FieldType::Reference && field.type != FieldType::Json)) {
            continue;
        }
        QStringList targets;
        QStringList before;
        if (field.type == FieldType::Reference) {
            targets << record.value(field.name).toString();
        } else {
            // A list of ids (validated as such before this point).
            const auto ids = [](const QVariant &value) {
                QStringList list;
                for (const QJsonValue &id : QJsonDocument::fromJson(value.toString().toUtf8()).array()) {
                    list << id.toString();
                }
                return list;
            };
            targets = ids(record.value(field.name));
            if (previous) {
                before = ids(previous->value(field.name));
            }
        }
        for (const QString &target : std::as_const(targets)) {
            // Ids a list already held are not checked again: a record deleted since then is
            // left out where the list is used (a press kit warns about it), and must not block
            // unrelated changes to the record that lists it.
            if (target.isEmpty() || before.contains(target)) {
                continue;
            }
            auto found = exists(*field.references, target);
            if (!found) {
                return found.error();
            }
            if (!found.value()) {
                return Error(Error::Code::Invalid,
                             i18nc("@info validation; %1 names the record, %2 the field, %3 the kind of record",
                                   "%1: the %2 does not exist (no %3 has the id %4).",
                                   label(),
                                   fieldLabel(kind, field.name),
                                   kindLabel(*field.references),
                                   target));
            }
            // A press kit takes only approved words that are still valid; one already in the kit
            // that has since been withdrawn is left out at export, with a warning.
            if (field.type == FieldType::Json && *field.references == Kind::Quote) {
                const std::optional<Record> quote = fetch(Kind::Quote, target);
                const QDateTime expiry = quote ? parseInstant(quote->value(u"expires_at"_s).toString()) : QDateTime();
                if (!quote || quote->value(u"state"_s).toString() != u"approved") {
                    return Error(Error::Code::Invalid,
                                 i18nc("@info validation; %1 names the press kit, %2 the quote",
                                       "%1: %2 is not approved, so it cannot be added to the kit.",
                                       label(),
                                       quote ? recordLabel(Kind::Quote, *quote) : target));
                }
                if (expiry.isValid() && expiry <= QDateTime::currentDateTimeUtc()) {
                    return Error(Error::Code::Invalid,
                                 i18nc("@info validation; %1 names the press kit, %2 the quote",
                                       "%1: %2 has expired, so it cannot be added to the kit.",
                                       label(),
                                       recordLabel(Kind::Quote, *quote)));
                }
            }
        }
    }
    return {};
}

bool Store::logChange(qint64 hlc, Kind kind, const QString &id, const QString &op, const QString &field, const QString &value)
{
    Storage::Statement &log = statement(u"INSERT INTO change_log (hlc, replica, kind, record_id, op, field, value) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    log.bind(1, hlc);
    log.bind(2, m_replicaId);
    log.bind(3, entity(kind).key);
    log.bind(4, id);
    log.bind(5, op);
    log.bind(6, field);
    log.bind(7, value);
    return log.exec();
}

Result<void> Store::finishWrite(Storage::Transaction &transaction)
{
    if (m_batchDepth == 0) {
        if (!writeReplicaIdentity()) {
            return m_database->lastError();
        }
        Storage::Statement &clock = statement(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)"_s);
        clock.bind(1, QString::number(m_clock.last()));
        if (!clock.exec()) {
            return m_database->lastError();
        }
    }
    if (!transaction.commit()) {
        return m_database->lastError();
    }
    return {};
}

void Store::announce(Change change)
{
    m_pending.append(std::move(change));
    if (m_batchDepth == 0) {
        Q_EMIT changed(std::exchange(m_pending, {}));
    }
}

Result<Record> Store::prepareCreate(Kind kind, const Record &input)
{
    const EntityInfo &info = entity(kind);
    Record record = normalized(kind, input);

    QString id = record.value(u"id"_s).toString();
    if (id.isEmpty()) {
        id = newRecordId();
    } else if (QUuid::fromString(id).isNull()) {
        return Error(Error::Code::Invalid, i18nc("@info", "%1 is not a valid record id (a UUID is expected).", id));
    }
    record.insert(u"id"_s, id);
    const QList<QVariant> &defaults = defaultValues(kind);
    for (int i = 0; i < info.fields.size(); ++i) {
        if (!defaults.at(i).isNull() && record.value(info.fields.at(i).name).isNull()) {
            record.insert(info.fields.at(i).name, defaults.at(i));
        }
    }
    if (kind == Kind::Quote && record.value(u"state"_s).toString() == u"approved" && record.value(u"approved_at"_s).isNull()) {
        record.insert(u"approved_at"_s, formatInstant(QDateTime::currentDateTimeUtc()));
    }

    if (!validate(kind, record, {}).isEmpty()) {
        // Naming the record may take a query: only done for a message.
        return Error(Error::Code::Invalid, validate(kind, record, recordLabel(kind, record)).join(u'\n'));
    }
    return record;
}

Result<QString> Store::create(Kind kind, const Record &input)
{
    const EntityInfo &info = entity(kind);
    auto prepared = prepareCreate(kind, input);
    if (!prepared) {
        return prepared.error();
    }
    const Record &record = prepared.value();
    const QString id = record.value(u"id"_s).toString();
    const auto label = [this, kind, &record] {
        return recordLabel(kind, record);
    };

    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    if (auto references = checkReferences(kind, record, label); !references) {
        return references.error();
    }

    Storage::Statement &insert = statement(sqlFor(kind).insert);
    Storage::Statement &log = statement(sqlFor(kind).logCreate);
    insert.bind(1, id);
    for (int i = 0; i < info.fields.size(); ++i) {
        insert.bind(i + 2, record.value(info.fields.at(i).name));
    }
    bindLogCreate(log, m_clock.now(), m_replicaId, info, id, record);
    if (!insert.exec()) {
        if (m_database->lastError().code() == Error::Code::Storage && fetch(kind, id)) {
            return Error(Error::Code::Invalid, i18nc("@info", "%1 already exists (id %2).", label(), id));
        }
        return m_database->lastError();
    }
    if (!log.exec()) {
        return m_database->lastError();
    }
    // The id may be one of a record deleted before (an undone delete).
    if (auto noted = noteRecreated(kind, {id}); !noted) {
        return noted.error();
    }

    if (auto done = finishWrite(transaction); !done) {
        return done.error();
    }
    announce({kind, id, Change::Operation::Created, {}});
    return id;
}

namespace
{

/// A new record's values as they are written: normalized, with the kind's defaults where there
/// is no value, and an approved quote's approval time.
void completeNew(Kind kind, Store::NewRecord &record)
{
    const EntityInfo &info = entity(kind);
    record.values.resize(info.fields.size());
    const QList<QVariant> &defaults = defaultValues(kind);
    for (qsizetype i = 0; i < info.fields.size(); ++i) {
        QVariant &value = record.values[i];
        if (value.isValid()) {
            value = normalizedValue(info.fields.at(i), value);
        }
        if (value.isNull() && !defaults.at(i).isNull()) {
            value = defaults.at(i);
        }
    }
    if (kind == Kind::Quote) {
        const auto indexOf = [&info](QStringView name) {
            return std::find_if(info.fields.cbegin(),
                                info.fields.cend(),
                                [name](const Field &field) {
                                    return field.name == name;
                                })
                - info.fields.cbegin();
        };
        const qsizetype state = indexOf(u"state");
        const qsizetype approvedAt = indexOf(u"approved_at");
        if (record.values.at(state).toString() == u"approved" && record.values.at(approvedAt).isNull()) {
            record.values[approvedAt] = formatInstant(QDateTime::currentDateTimeUtc());
        }
    }
}

} // namespace

std::optional<Store::NewRecord> Store::readyNew(Kind kind, const QString &id, QList<QVariant> values)
{
    NewRecord record{id.trimmed(), std::move(values), !id.trimmed().isEmpty()};
    if (record.id.isEmpty()) {
        record.id = newRecordId();
    } else if (QUuid::fromString(record.id).isNull()) {
        return std::nullopt;
    }
    completeNew(kind, record);
    if (!validateValues(kind, record.id, record.values, {}).isEmpty()) {
        return std::nullopt;
    }
    return record;
}

Result<Store::NewRecord> Store::prepareNew(Kind kind, const QString &id, QList<QVariant> values)
{
    NewRecord record{id.trimmed(), std::move(values), !id.trimmed().isEmpty()};
    if (record.id.isEmpty()) {
        record.id = newRecordId();
    } else if (QUuid::fromString(record.id).isNull()) {
        return Error(Error::Code::Invalid, i18nc("@info", "%1 is not a valid record id (a UUID is expected).", record.id));
    }
    completeNew(kind, record);
    if (!validateValues(kind, record.id, record.values, {}).isEmpty()) {
        // Naming the record may take a query: only done for a message.
        return Error(Error::Code::Invalid, validateValues(kind, record.id, record.values, recordLabel(kind, toRecord(kind, record))).join(u'\n'));
    }
    return record;
}

Record Store::toRecord(Kind kind, const NewRecord &record)
{
    const EntityInfo &info = entity(kind);
    Record result{{u"id"_s, record.id}};
    for (qsizetype i = 0; i < info.fields.size(); ++i) {
        result.insert(info.fields.at(i).name, record.values.value(i));
    }
    return result;
}

Result<void> Store::createMany(Kind kind, const QList<NewRecord> &records, QList<Refused> *refused, bool knownIds)
{
    const EntityInfo &info = entity(kind);
    const QString staging = u"temp.chorus_new_%1"_s.arg(info.table);
    QStringList fieldNames;
    QList<int> blobFields;
    bool jsonReferences = false;
    for (int i = 0; i < info.fields.size(); ++i) {
        fieldNames << info.fields.at(i).name;
        blobFields << (info.fields.at(i).type == FieldType::Blob ? i : -1);
        jsonReferences = jsonReferences || (info.fields.at(i).type == FieldType::Json && info.fields.at(i).references);
    }
    blobFields.removeAll(-1);
    const QString columns = u"id, "_s + fieldNames.join(u", ");

    const auto write = [&]() -> Result<void> {
        if (records.isEmpty()) {
            return {};
        }
        // The staging table lives in this connection only; made in the transaction, it goes
        // away with a rollback, so it is made again (if missing) every time.
        if (!m_database->exec(u"CREATE TEMP TABLE IF NOT EXISTS chorus_new_%1 (%2)"_s.arg(info.table, columns))
            || !statement(u"DELETE FROM %1"_s.arg(staging)).exec()) {
            return m_database->lastError();
        }
        QList<Refused> left;
        const auto leaveOut = [&](qsizetype index, Error error) {
            left.append({index, std::move(error)});
        };
        const auto label = [kind, this](const NewRecord &record) {
            return recordLabel(kind, toRecord(kind, record));
        };

        // Each record goes into the staging table as row index + 1; ids repeated in the batch
        // are found here, and a list of ids (a press kit's quotes) is checked one by one.
        Storage::Statement &stage = statement(u"INSERT INTO %1 (rowid, %2) VALUES (?%3)"_s.arg(staging, columns, u", ?"_s.repeated(info.fields.size() + 1)));
        QSet<QString> ids;
        bool anyBlob = false;
        for (qsizetype index = 0; index < records.size(); ++index) {
            const NewRecord &record = records.at(index);
            // Ids made by newRecordId() never repeat; ids that came with the records might.
            if (record.idGiven && ids.contains(record.id)) {
                leaveOut(index, Error(Error::Code::Invalid, i18nc("@info", "%1 already exists (id %2).", label(record), record.id)));
                continue;
            }
            if (jsonReferences) {
                const Record full = toRecord(kind, record);
                if (auto references = checkReferences(kind,
                                                      full,
                                                      [&] {
                                                          return recordLabel(kind, full);
                                                      });
                    !references) {
                    leaveOut(index, references.error());
                    continue;
                }
            }
            if (record.idGiven) {
                ids.insert(record.id);
            }
            stage.bind(1, qint64(index + 1));
            stage.bind(2, record.id);
            for (int i = 0; i < info.fields.size(); ++i) {
                const QVariant &value = record.values.at(i);
                stage.bind(i + 3, value);
                anyBlob = anyBlob || (blobFields.contains(i) && !value.isNull() && value.isValid());
            }
            if (!stage.exec()) {
                return m_database->lastError();
            }
        }

        // References to records that do not exist (one earlier in the same batch counts) and ids
        // already taken, found for the whole set at once.
        for (const Field &field : info.fields) {
            if (!field.references || field.type != FieldType::Reference) {
                continue;
            }
            const EntityInfo &target = entity(*field.references);
            QString sql = u"SELECT s.rowid, s.%1 FROM %2 s WHERE s.%1 IS NOT NULL AND s.%1 <> '' AND NOT EXISTS (SELECT 1 FROM main.%3 r WHERE r.id = s.%1)"_s
                              .arg(field.name, staging, target.table);
            if (*field.references == kind) {
                sql += u" AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.id = s.%2 AND t.rowid < s.rowid)"_s.arg(staging, field.name);
            }
            Storage::Statement &missing = statement(sql);
            while (missing.step()) {
                const qsizetype index = missing.integer(0) - 1;
                leaveOut(index,
                         Error(Error::Code::Invalid,
                               i18nc("@info validation; %1 names the record, %2 the field, %3 the kind of record",
                                     "%1: the %2 does not exist (no %3 has the id %4).",
                                     label(records.at(index)),
                                     fieldLabel(kind, field.name),
                                     kindLabel(*field.references),
                                     missing.text(1))));
            }
            if (!missing.ok()) {
                return m_database->lastError();
            }
            missing.reset();
        }
        {
            Storage::Statement &taken =
                statement(u"SELECT s.rowid FROM %1 s WHERE EXISTS (SELECT 1 FROM main.%2 r WHERE r.id = s.id)"_s.arg(staging, info.table));
            while (taken.step()) {
                const qsizetype index = taken.integer(0) - 1;
                leaveOut(index, Error(Error::Code::Invalid, i18nc("@info", "%1 already exists (id %2).", label(records.at(index)), records.at(index).id)));
            }
            if (!taken.ok()) {
                return m_database->lastError();
            }
            taken.reset();
        }
        if (!left.isEmpty()) {
            // A record is refused once, for the first reason found, in the order of the records.
            std::stable_sort(left.begin(), left.end(), [](const Refused &a, const Refused &b) {
                return a.index < b.index;
            });
            QSet<qsizetype> seen;
            Storage::Statement &drop = statement(u"DELETE FROM %1 WHERE rowid = ?"_s.arg(staging));
            for (const Refused &one : std::as_const(left)) {
                if (seen.contains(one.index)) {
                    continue;
                }
                seen.insert(one.index);
                if (!refused) {
                    return one.error;
                }
                refused->append(one);
                drop.bind(1, qint64(one.index + 1));
                if (!drop.exec()) {
                    return m_database->lastError();
                }
            }
        }

        // The rows, in the order of the records: rids follow the last one there.
        Storage::Statement &last = statement(u"SELECT coalesce(max(rid), 0) FROM main.%1"_s.arg(info.table));
        const qint64 before = last.step() ? last.integer(0) : 0;
        last.reset();
        // OR FAIL: no statement journal; after a failure the caller's transaction rolls back.
        Storage::Statement &insert = statement(u"INSERT OR FAIL INTO main.%1 (%2) SELECT %2 FROM %3 ORDER BY rowid"_s.arg(info.table, columns, staging));
        if (!insert.exec()) {
            return m_database->lastError();
        }
        const qint64 written = sqlite3_changes64(m_database->handle());
        if (written == 0) {
            return {};
        }
        const qint64 firstRid = before + 1;
        const qint64 lastRid = sqlite3_last_insert_rowid(m_database->handle());

        // The change log: record i written as row rid has the stamp stampBase + rid, one after the
        // other as create() would give them, and all after every stamp given before; records with
        // a picture are logged one by one (SQLite writes no base64).
        const qint64 stampBase = m_clock.now() - firstRid;
        QList<qint64> blobRids;
        if (anyBlob) {
            QStringList withBlob;
            for (int i : std::as_const(blobFields)) {
                withBlob << u"%1 IS NOT NULL"_s.arg(info.fields.at(i).name);
            }
            Storage::Statement &read = statement(u"SELECT rid FROM main.%1 WHERE rid >= ? AND (%2) ORDER BY rid"_s.arg(info.table, withBlob.join(u" OR ")));
            read.bind(1, firstRid);
            while (read.step()) {
                blobRids << read.integer(0);
            }
            read.reset();
        }
        qint64 from = firstRid;
        const auto logRange = [&](qint64 to) -> bool {
            if (to < from) {
                return true;
            }
            return logCreatedRows(statement(sqlFor(kind).logCreated), stampBase, m_replicaId, from, to);
        };
        for (qint64 rid : std::as_const(blobRids)) {
            if (!logRange(rid - 1)) {
                return m_database->lastError();
            }
            const std::optional<Record> record = [&]() -> std::optional<Record> {
                Storage::Statement &read = statement(u"SELECT %1 FROM main.%2 WHERE rid = ?"_s.arg(columns, info.table));
                read.bind(1, rid);
                std::optional<Record> found;
                if (read.step()) {
                    found = readRecord(read, info);
                }
                read.reset();
                return found;
            }();
            if (!record) {
                return m_database->lastError();
            }
            Storage::Statement &log = statement(sqlFor(kind).logCreate);
            bindLogCreate(log, stampBase + rid, m_replicaId, info, record->value(u"id"_s).toString(), *record);
            if (!log.exec()) {
                return m_database->lastError();
            }
            from = rid + 1;
        }
        if (!logRange(lastRid)) {
            return m_database->lastError();
        }
        m_clock.observe(stampBase + lastRid);
        if (!statement(u"DELETE FROM %1"_s.arg(staging)).exec()) {
            return m_database->lastError();
        }

        QSet<qsizetype> refusedIndexes;
        for (const Refused &one : std::as_const(left)) {
            refusedIndexes.insert(one.index);
        }
        QStringList writtenIds;
        for (qsizetype index = 0; index < records.size(); ++index) {
            if (!refusedIndexes.contains(index)) {
                announce({kind, records.at(index).id, Change::Operation::Created, {}});
                if (knownIds) {
                    writtenIds << records.at(index).id;
                }
            }
        }
        if (knownIds) {
            return noteRecreated(kind, writtenIds);
        }
        return {};
    };
    if (m_batchDepth > 0) {
        // Inside the caller's transaction (an import writes a few thousand records at a time): a
        // savepoint of its own would copy every page the records touch once more. A failure is
        // the caller's to roll back, as any other step of its transaction.
        return write();
    }
    return transact(write);
}

Result<void> Store::update(Kind kind, const QString &id, const Record &changes)
{
    const EntityInfo &info = entity(kind);
    const std::optional<Record> current = fetch(kind, id);
    if (!current) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(kind), id));
    }

    const Record incoming = normalized(kind, changes);
    Record merged = *current;
    QStringList changedFields;
    const auto set = [&](const QString &field, const QVariant &value) {
        if (!sameValue(merged.value(field), value)) {
            merged.insert(field, value);
            if (!changedFields.contains(field)) {
                changedFields << field;
            }
        }
    };
    for (auto it = incoming.constBegin(); it != incoming.constEnd(); ++it) {
        if (it.key() != u"id") {
            set(it.key(), it.value());
        }
    }
    // A field set and then set back is no change.
    changedFields.removeIf([&](const QString &field) {
        return sameValue(current->value(field), merged.value(field));
    });

    if (kind == Kind::Quote) {
        const bool wasApproved = current->value(u"state"_s).toString() == u"approved";
        const bool wordingChanged = changedFields.contains(u"text"_s) || changedFields.contains(u"spokesperson_id"_s) || changedFields.contains(u"language"_s);
        // Approved words are frozen: new words need a new approval.
        if (wasApproved && wordingChanged && merged.value(u"state"_s).toString() == u"approved") {
            set(u"state"_s, u"draft"_s);
        }
        const QString state = merged.value(u"state"_s).toString();
        if (state == u"approved" && !wasApproved && merged.value(u"approved_at"_s).isNull()) {
            set(u"approved_at"_s, formatInstant(QDateTime::currentDateTimeUtc()));
        }
        if (wasApproved && (state == u"draft" || state == u"submitted")) {
            set(u"approved_by"_s, QVariant());
            set(u"approved_at"_s, QVariant());
        }
    }

    if (changedFields.isEmpty()) {
        return {};
    }

    const auto label = [this, kind, &merged] {
        return recordLabel(kind, merged);
    };
    if (!validate(kind, merged, {}).isEmpty()) {
        return Error(Error::Code::Invalid, validate(kind, merged, label()).join(u'\n'));
    }

    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    if (auto references = checkReferences(kind, merged, label, &*current); !references) {
        return references.error();
    }

    // Columns come from the entity description, never from the caller's text.
    QStringList assignments;
    for (const Field &field : info.fields) {
        if (changedFields.contains(field.name)) {
            assignments << field.name + u" = ?"_s;
        }
    }
    Storage::Statement &write = statement(u"UPDATE %1 SET %2 WHERE id = ?"_s.arg(info.table, assignments.join(u", ")));
    int index = 1;
    QStringList ordered;
    for (const Field &field : info.fields) {
        if (changedFields.contains(field.name)) {
            write.bind(index++, merged.value(field.name));
            ordered << field.name;
        }
    }
    write.bind(index, id);
    if (!write.exec()) {
        return m_database->lastError();
    }
    const qint64 hlc = m_clock.now();
    for (const QString &field : std::as_const(ordered)) {
        const QJsonArray wrapped{jsonValue(merged.value(field))};
        const QByteArray json = QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
        // Store the bare JSON value, without the array brackets around it.
        if (!logChange(hlc, kind, id, u"update"_s, field, QString::fromUtf8(json.mid(1, json.size() - 2)))) {
            return m_database->lastError();
        }
    }
    if (auto done = finishWrite(transaction); !done) {
        return done.error();
    }
    announce({kind, id, Change::Operation::Updated, ordered});
    return {};
}

Result<void> Store::remove(Kind kind, const QString &id, DeletePolicy policy)
{
    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    ++m_batchDepth;
    auto removed = removeRecord(kind, id, policy, 0);
    --m_batchDepth;
    if (!removed) {
        m_pending.clear();
        return removed.error();
    }
    if (auto done = finishWrite(transaction); !done) {
        m_pending.clear();
        return done.error();
    }
    if (m_batchDepth == 0) {
        Q_EMIT changed(std::exchange(m_pending, {}));
    }
    return {};
}

Result<void> Store::removeUnreferenced(Kind kind, const QStringList &given)
{
    QStringList ids = given;
    ids.removeDuplicates();
    if (ids.isEmpty()) {
        return {};
    }
    const EntityInfo &info = entity(kind);
    const QString list = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    forgetKnownRecords();
    for (Kind other : allKinds()) {
        for (const Field &field : entity(other).fields) {
            if (field.type != FieldType::Reference || field.references != kind) {
                continue;
            }
            Storage::Statement find = m_database->prepare(
                u"SELECT t.id, t.%1 FROM %2 t WHERE t.%1 IN (SELECT value FROM json_each(?1)) AND t.id NOT IN (SELECT value FROM json_each(?1)) LIMIT 1"_s.arg(
                    field.name,
                    entity(other).table));
            find.bind(1, list);
            if (find.step()) {
                const std::optional<Record> dependent = fetch(other, find.text(0));
                const std::optional<Record> target = fetch(kind, find.text(1));
                return Error(Error::Code::Refused,
                             i18nc("@info %1 and %2 name records",
                                   "Cannot delete %1: %2 refers to it.",
                                   target ? recordLabel(kind, *target) : find.text(1),
                                   dependent ? recordLabel(other, *dependent) : find.text(0)));
            }
            if (!find.ok()) {
                return m_database->lastError();
            }
        }
    }
    Storage::Statement count = m_database->prepare(u"SELECT count(*) FROM %1 WHERE id IN (SELECT value FROM json_each(?1))"_s.arg(info.table));
    count.bind(1, list);
    if (!count.step()) {
        return m_database->lastError();
    }
    if (count.integer(0) != ids.size()) {
        return Error(Error::Code::NotFound,
                     i18nc("@info %1 is a kind of record", "One of the records to delete (%1) does not exist any more.", kindLabel(kind)));
    }
    // One stamp each, one after the other, as remove() would give them.
    const qint64 firstStamp = m_clock.now();
    Storage::Statement log =
        m_database->prepare(u"INSERT INTO change_log (hlc, replica, kind, record_id, op) SELECT ?1 + key, ?2, ?3, value, 'delete' FROM json_each(?4)"_s);
    log.bind(1, firstStamp);
    log.bind(2, m_replicaId);
    log.bind(3, info.key);
    log.bind(4, list);
    if (!log.exec()) {
        return m_database->lastError();
    }
    m_clock.observe(firstStamp + ids.size() - 1);
    Storage::Statement erase = m_database->prepare(u"DELETE FROM %1 WHERE id IN (SELECT value FROM json_each(?1))"_s.arg(info.table));
    erase.bind(1, list);
    if (!erase.exec()) {
        return m_database->lastError();
    }
    forgetKnownRecords();
    if (auto done = finishWrite(transaction); !done) {
        return done;
    }
    for (const QString &id : ids) {
        m_pending.append({kind, id, Change::Operation::Deleted, {}});
    }
    if (m_batchDepth == 0) {
        Q_EMIT changed(std::exchange(m_pending, {}));
    }
    return {};
}

Result<void> Store::removeRecord(Kind kind, const QString &id, DeletePolicy policy, int depth)
{
    forgetKnownRecords();
    const std::optional<Record> current = fetch(kind, id);
    if (!current) {
        return Error(Error::Code::NotFound, i18nc("@info", "The %1 with id %2 does not exist any more.", kindLabel(kind), id));
    }

    struct Dependents {
        const EntityInfo *info;
        const Field *field;
        QStringList ids;
    };
    QList<Dependents> dependents;
    for (Kind other : allKinds()) {
        const EntityInfo &info = entity(other);
        for (const Field &field : info.fields) {
            if (field.type != FieldType::Reference || field.references != kind) {
                continue;
            }
            Storage::Statement &find = statement(u"SELECT id FROM %1 WHERE %2 = ?"_s.arg(info.table, field.name));
            find.bind(1, id);
            QStringList ids;
            while (find.step()) {
                ids << find.text(0);
            }
            find.reset();
            ids.removeAll(id);
            if (!ids.isEmpty()) {
                dependents.append({&info, &field, ids});
            }
        }
    }

    if (policy == DeletePolicy::Refuse) {
        for (const Dependents &group : std::as_const(dependents)) {
            if (!isGuardedLink(kind, group.info->kind)) {
                continue;
            }
            const QString label = recordLabel(kind, *current);
            if (kind == Kind::Organization) {
                Storage::Statement &quotes =
                    statement(u"SELECT count(*) FROM quotes JOIN people ON quotes.spokesperson_id = people.id WHERE people.organization_id = ?"_s);
                quotes.bind(1, id);
                const qint64 quoteCount = quotes.step() ? quotes.integer(0) : 0;
                quotes.reset();
                QString message = i18ncp("@info %2 names the organization",
                                         "Cannot delete %2: 1 person belongs to it.",
                                         "Cannot delete %2: %1 people belong to it.",
                                         group.ids.size(),
                                         label);
                if (quoteCount > 0) {
                    message += u' ' + i18ncp("@info the people of an organization being deleted", "They have 1 quote.", "They have %1 quotes.", quoteCount);
                }
                message += u' ' + i18nc("@info", "Delete or move them first, or choose to keep them without an organization.");
                return Error(Error::Code::Refused, message);
            }
            return Error(Error::Code::Refused,
                         i18ncp("@info %2 names the person",
                                "Cannot delete %2: one quote is theirs. Delete the quote first, or choose to delete it with them.",
                                "Cannot delete %2: %1 quotes are theirs. Delete the quotes first, or choose to delete them with them.",
                                group.ids.size(),
                                label));
        }
    }

    for (const Dependents &group : std::as_const(dependents)) {
        const bool guarded = isGuardedLink(kind, group.info->kind);
        const bool cascade = group.field->required || (guarded && policy == DeletePolicy::DeleteDependents);
        for (const QString &dependent : group.ids) {
            if (cascade) {
                // A dependent may already be gone through another link of this same delete.
                if (!fetch(group.info->kind, dependent)) {
                    continue;
                }
                if (auto removed = removeRecord(group.info->kind, dependent, policy, depth + 1); !removed) {
                    return removed;
                }
            } else if (auto cleared = update(group.info->kind, dependent, {{group.field->name, QVariant()}}); !cleared) {
                return cleared;
            }
        }
    }

    Storage::Statement &erase = statement(sqlFor(kind).erase);
    erase.bind(1, id);
    if (!erase.exec()) {
        return m_database->lastError();
    }
    if (!logChange(m_clock.now(), kind, id, u"delete"_s, {}, {})) {
        return m_database->lastError();
    }
    announce({kind, id, Change::Operation::Deleted, {}});
    return {};
}

Result<void> Store::transact(const std::function<Result<void>()> &work)
{
    Storage::Transaction transaction(*m_database);
    if (!transaction.isActive()) {
        return m_database->lastError();
    }
    if (m_batchDepth == 0) {
        forgetKnownRecords();
    }
    ++m_batchDepth;
    Result<void> result = work();
    --m_batchDepth;
    if (result && m_batchDepth == 0 && m_revivedInBatch) {
        result = reviewRevived();
    }
    if (result) {
        result = finishWrite(transaction);
    }
    if (!result) {
        m_revivedInBatch = m_revivedInBatch && m_batchDepth > 0;
        if (!m_revivedInBatch) {
            m_revived.clear();
        }
        // What was rolled back may have been seen to exist.
        forgetKnownRecords();
        if (m_batchDepth == 0) {
            m_pending.clear();
        }
        return result;
    }
    if (m_batchDepth == 0 && !m_pending.isEmpty()) {
        Q_EMIT changed(std::exchange(m_pending, {}));
    }
    return {};
}

std::optional<Record> Store::fetch(Kind kind, const QString &id)
{
    const EntityInfo &info = entity(kind);
    Storage::Statement &read = statement(sqlFor(kind).selectById);
    read.bind(1, id);
    std::optional<Record> record;
    if (read.step()) {
        record = readRecord(read, info);
    }
    read.reset();
    return record;
}

QList<Record> Store::fetchAll(Kind kind, const QString &field, const QVariant &value, int limit)
{
    const EntityInfo &info = entity(kind);
    QList<Record> records;
    if (!field.isEmpty() && !info.field(field)) {
        qCWarning(CHORUS_STORE) << "fetchAll: no field" << field << "in" << info.table;
        return records;
    }
    const QString where = field.isEmpty() ? QString() : u" WHERE %1 = ?"_s.arg(field);
    Storage::Statement &read =
        statement(u"SELECT %1 FROM %2%3 ORDER BY %4 COLLATE NOCASE, id LIMIT ?"_s.arg(columnList(info), info.table, where, info.titleField));
    if (!field.isEmpty()) {
        read.bind(1, value);
    }
    read.bind(field.isEmpty() ? 1 : 2, qint64(limit > 0 ? limit : -1));
    while (read.step()) {
        records.append(readRecord(read, info));
    }
    read.reset();
    return records;
}

qint64 Store::count(Kind kind)
{
    Storage::Statement &read = statement(sqlFor(kind).count);
    const qint64 n = read.step() ? read.integer(0) : 0;
    read.reset();
    return n;
}

QList<SearchHit> Store::search(const QString &text, int limitPerKind)
{
    // Words only: FTS5 syntax in the user's text is never interpreted.
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QList<SearchHit> hits;
    if (words.isEmpty() || limitPerKind <= 0) {
        return hits;
    }
    // Records written in an open transaction (or by SQL outside any) are indexed first.
    if (!indexPendingRecords()) {
        qCWarning(CHORUS_STORE) << "could not index the records of the open transaction:" << m_database->lastError().message();
    }
    // Every word matches as a prefix: "luc mart" finds Lucía Martínez while it is being typed.
    QStringList terms;
    for (const QString &word : words) {
        terms << u'"' + word + u"\"*"_s;
    }
    const QString match = terms.join(u' ');

    struct Query {
        Kind kind;
        QString sql;
    };
    static const QList<Query> queries = {
        {Kind::Organization,
         u"SELECT o.id, o.name, coalesce(o.short_name, o.kind, '') FROM organizations_fts JOIN organizations o ON o.rid = organizations_fts.rowid "
         "WHERE organizations_fts MATCH ? LIMIT ?"_s},
        {Kind::Person,
         u"SELECT p.id, p.name, trim(coalesce(p.title, '') || ', ' || coalesce(o.name, ''), ', ') FROM people_fts JOIN people p ON p.rid = people_fts.rowid "
         "LEFT JOIN organizations o ON o.id = p.organization_id WHERE people_fts MATCH ? LIMIT ?"_s},
        {Kind::Quote,
         u"SELECT q.id, substr(q.text, 1, 160), coalesce(p.name, '') FROM quotes_fts JOIN quotes q ON q.rid = quotes_fts.rowid "
         "LEFT JOIN people p ON p.id = q.spokesperson_id WHERE quotes_fts MATCH ? LIMIT ?"_s},
        {Kind::Campaign,
         u"SELECT c.id, c.name, coalesce(c.target, '') FROM campaigns_fts JOIN campaigns c ON c.rid = campaigns_fts.rowid WHERE campaigns_fts MATCH ? LIMIT ?"_s},
        {Kind::Event,
         u"SELECT e.id, e.title, coalesce(c.name, '') FROM events_fts JOIN events e ON e.rid = events_fts.rowid "
         "LEFT JOIN campaigns c ON c.id = e.campaign_id WHERE events_fts MATCH ? LIMIT ?"_s},
        {Kind::Fact,
         u"SELECT f.id, substr(f.text, 1, 160), coalesce(f.source, '') FROM facts_fts JOIN facts f ON f.rid = facts_fts.rowid WHERE facts_fts MATCH ? LIMIT ?"_s},
    };
    for (const Query &query : queries) {
        Storage::Statement &read = statement(query.sql);
        read.bind(1, match);
        read.bind(2, qint64(limitPerKind));
        while (read.step()) {
            hits.append({query.kind, read.text(0), read.text(1), read.text(2)});
        }
        read.reset();
    }
    return hits;
}

QStringList Store::check()
{
    if (!indexPendingRecords()) {
        qCWarning(CHORUS_STORE) << "could not index pending records:" << m_database->lastError().message();
    }
    QStringList problems = m_database->integrityProblems();
    if (const int version = m_database->userVersion(); version != schemaVersion()) {
        problems << i18nc("@info", "The database has schema version %1, but this Chorus expects version %2.", version, schemaVersion());
    }
    for (const QString &table : {u"organizations"_s, u"people"_s, u"quotes"_s, u"campaigns"_s, u"events"_s, u"facts"_s}) {
        if (!m_database->exec(u"INSERT INTO %1_fts(%1_fts, rank) VALUES ('integrity-check', 1)"_s.arg(table))) {
            problems << i18nc("@info", "The search index of %1 does not match the records. Rebuild it with a backup and restore.", table);
        }
    }
    return problems;
}

} // namespace Chorus::Store
