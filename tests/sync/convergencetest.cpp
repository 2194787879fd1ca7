// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The property test of sync: random volunteers' work on 2 to 5 laptops, exchanged in random
// orders, with duplicates, delays and partial bundles, always ends in identical databases with
// every overwritten concurrent text edit kept in Conflicts, every link to a record deleted
// elsewhere kept there too, and the same conflicts on every laptop. Laptops also undo their own
// deletes (Edit > Undo, which brings the records back with their ids) and redo them.

#include "chorustest.h"
#include "synctesthelpers.h"

#include "models/edithistory.h"
#include "storage/statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Chorus;
using namespace Chorus::Domain;
using Chorus::Sync::Stamp;

namespace
{

/// A long-text edit made in a scenario, and what its author had seen of that field.
struct TextEdit {
    Kind kind;
    QString recordId;
    QString field;
    QString value;
    Stamp stamp;
    QList<Stamp> seen;
    bool restore = false; ///< the value a record brought back with its id carries
};

struct Deletion {
    QString recordId;
    Stamp newestSeen; ///< the newest stamp of the record the deleting laptop had
    QSet<QString> seen; ///< every operation the deleting laptop had, as stampKey()
};

/// A link a volunteer made (a quote filed under a campaign, a person's organization), and what
/// its author had seen of that field.
struct Link {
    Kind kind;
    QString recordId;
    QString field;
    QString target;
    Stamp stamp;
    QList<Stamp> seen;
};

QString stampKey(const Stamp &stamp)
{
    return QString::number(stamp.hlc) + u'@' + stamp.replica;
}

struct PendingBundle {
    int to;
    QByteArray bytes;
};

class Scenario
{
public:
    explicit Scenario(quint32 seed)
        : m_random(seed)
        , m_seed(seed)
    {
    }

    /// Runs the scenario; returns an empty string when every property holds, else what failed.
    QString run()
    {
        const int count = 2 + m_random.bounded(4);
        for (int i = 0; i < count; ++i) {
            m_nodes.push_back(TestReplica::open(u"Laptop %1"_s.arg(i + 1)));
            if (!m_nodes.back().store) {
                return u"cannot open a replica"_s;
            }
            m_histories.push_back(std::make_unique<Models::EditHistory>());
            m_histories.back()->setStore(m_nodes.back().store.get());
        }
        // The coordinator's starting coalition, which every laptop receives first.
        TestReplica &first = m_nodes.front();
        for (int i = 0; i < 2; ++i) {
            create(first, Kind::Organization);
        }
        for (int i = 0; i < 3; ++i) {
            create(first, Kind::Person);
        }
        for (int i = 0; i < 3; ++i) {
            create(first, Kind::Quote);
        }
        for (int i = 0; i < 2; ++i) {
            create(first, Kind::Campaign);
        }
        for (int i = 1; i < count; ++i) {
            if (auto joined = m_nodes[i].replica->importBundle(first.bundle()); !joined) {
                return u"joining failed: "_s + joined.error().message();
            }
        }

        const int steps = 10 + m_random.bounded(25);
        for (int step = 0; step < steps; ++step) {
            const int node = m_random.bounded(count);
            const int action = m_random.bounded(100);
            QString failure;
            if (action < 36) {
                failure = edit(node);
            } else if (action < 46) {
                static const QList<Kind> kinds = {Kind::Quote, Kind::Quote, Kind::Person, Kind::Person, Kind::Campaign, Kind::Organization};
                failure = create(m_nodes[node], kinds.at(m_random.bounded(int(kinds.size()))));
            } else if (action < 53) {
                failure = remove(node);
            } else if (action < 58) {
                failure = undoOrRedo(node);
            } else if (action < 64) {
                failure = approve(node);
            } else if (action < 70) {
                failure = signOn(node);
            } else if (action < 77) {
                failure = link(node);
            } else if (action < 82) {
                failure = resolveOne(node);
            } else {
                failure = exchange(node, m_random.bounded(count));
            }
            if (!failure.isEmpty()) {
                return failure;
            }
        }

        // Late and lost mail arrives in any order; then everyone exchanges everything.
        while (!m_delayed.isEmpty()) {
            const PendingBundle late = m_delayed.takeAt(m_random.bounded(int(m_delayed.size())));
            if (auto imported = m_nodes[late.to].replica->importBundle(late.bytes); !imported) {
                return u"late bundle refused: "_s + imported.error().message();
            }
        }
        // Everyone sends to the first laptop, which then sends everything back to everyone.
        for (int from = 1; from < count; ++from) {
            if (auto imported = m_nodes[0].replica->importBundle(m_nodes[from].bundle()); !imported) {
                return u"final exchange refused: "_s + imported.error().message();
            }
        }
        const QByteArray everything = m_nodes[0].bundle();
        for (int to = 1; to < count; ++to) {
            if (auto imported = m_nodes[to].replica->importBundle(everything); !imported) {
                return u"final exchange refused: "_s + imported.error().message();
            }
        }
        return checkProperties();
    }

private:
    QString pick(TestReplica &node, Kind kind)
    {
        Storage::Statement ids = node.store->database().prepare(u"SELECT id FROM %1 ORDER BY id"_s.arg(entity(kind).table));
        QStringList all;
        while (ids.step()) {
            all << ids.text(0);
        }
        return all.isEmpty() ? QString() : all.at(m_random.bounded(int(all.size())));
    }

    QString text()
    {
        static const QStringList words = {u"rent"_s, u"justice"_s, u"climate"_s, u"workers"_s, u"homes"_s, u"now"_s, u"together"_s, u"¡sí!"_s, u"right"_s};
        QStringList sentence;
        const int length = 2 + m_random.bounded(5);
        for (int i = 0; i < length; ++i) {
            sentence << words.at(m_random.bounded(int(words.size())));
        }
        return sentence.join(u' ') + u" #"_s + QString::number(m_random.generate() % 100000);
    }

    static Stamp lastStamp(TestReplica &node)
    {
        Storage::Statement last = node.store->database().prepare(u"SELECT hlc, replica FROM change_log ORDER BY seq DESC LIMIT 1"_s);
        return last.step() ? Stamp{last.integer(0), last.text(1)} : Stamp{};
    }

    static QList<Stamp> seenStamps(TestReplica &node, const QString &id, const QString &field)
    {
        QList<Stamp> seen;
        Storage::Statement read =
            node.store->database().prepare(u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND (op = 'create' OR (op = 'update' AND field = ?))"_s);
        read.bind(1, id);
        read.bind(2, field);
        while (read.step()) {
            seen.append({read.integer(0), read.text(1)});
        }
        return seen;
    }

    QString create(TestReplica &node, Kind kind)
    {
        Record record;
        if (kind == Kind::Organization) {
            record = {{u"name"_s, QString(u"Group "_s + text())}, {u"boilerplate"_s, text()}};
        } else if (kind == Kind::Campaign) {
            record = {{u"name"_s, QString(u"Campaign "_s + text())}};
        } else if (kind == Kind::Person) {
            record = {{u"name"_s, QString(u"Person "_s + text())}, {u"bio"_s, text()}};
            if (const QString organization = pick(node, Kind::Organization); !organization.isEmpty()) {
                record.insert(u"organization_id"_s, organization);
            }
        } else {
            const QString person = pick(node, Kind::Person);
            if (person.isEmpty()) {
                return {};
            }
            record = {{u"text"_s, text()}, {u"spokesperson_id"_s, person}};
            if (const QString campaign = pick(node, Kind::Campaign); !campaign.isEmpty() && m_random.bounded(2)) {
                record.insert(u"campaign_id"_s, campaign);
            }
        }
        auto created = node.store->create(kind, record);
        if (!created) {
            return u"create failed: "_s + created.error().message();
        }
        // The links it was made with.
        for (const QString &field : {u"organization_id"_s, u"campaign_id"_s}) {
            if (record.contains(field)) {
                m_links.append({kind, created.value(), field, record.value(field).toString(), lastStamp(node), {}});
            }
        }
        return {};
    }

    /// Files a quote under a campaign, or gives a person an organization, which another laptop
    /// may be deleting meanwhile.
    QString link(int index)
    {
        TestReplica &node = m_nodes[index];
        const bool quote = m_random.bounded(2);
        const Kind kind = quote ? Kind::Quote : Kind::Person;
        const QString field = quote ? u"campaign_id"_s : u"organization_id"_s;
        const QString id = pick(node, kind);
        const QString target = pick(node, quote ? Kind::Campaign : Kind::Organization);
        if (id.isEmpty() || target.isEmpty() || node.store->fetch(kind, id)->value(field).toString() == target) {
            return {};
        }
        const QList<Stamp> seen = seenStamps(node, id, field);
        if (auto done = node.store->update(kind, id, {{field, target}}); !done) {
            return u"link failed: "_s + done.error().message();
        }
        m_links.append({kind, id, field, target, lastStamp(node), seen});
        return {};
    }

    /// Signs an organization onto a campaign, which another laptop may have done too; or changes
    /// or removes a membership this laptop has.
    QString signOn(int index)
    {
        TestReplica &node = m_nodes[index];
        const QString campaign = pick(node, Kind::Campaign);
        const QString organization = pick(node, Kind::Organization);
        if (campaign.isEmpty() || organization.isEmpty()) {
            return {};
        }
        static const QStringList statuses = {u"invited"_s, u"considering"_s, u"signed_on"_s, u"declined"_s};
        const QString status = statuses.at(m_random.bounded(int(statuses.size())));
        const QList<Record> existing = node.store->fetchAll(Kind::Membership, u"campaign_id"_s, campaign);
        for (const Record &membership : existing) {
            if (membership.value(u"organization_id"_s).toString() != organization) {
                continue;
            }
            const QString id = membership.value(u"id"_s).toString();
            if (m_random.bounded(4) == 0) {
                m_signedOff.insert(campaign + u'|' + organization);
                if (auto done = node.store->remove(Kind::Membership, id); !done) {
                    return u"membership delete failed: "_s + done.error().message();
                }
            } else if (auto done = node.store->update(Kind::Membership, id, {{u"status"_s, status}, {u"consent_to_name"_s, bool(m_random.bounded(2))}});
                       !done) {
                return u"membership edit failed: "_s + done.error().message();
            }
            return {};
        }
        const Record record{{u"campaign_id"_s, campaign}, {u"organization_id"_s, organization}, {u"status"_s, status}};
        if (auto created = node.store->create(Kind::Membership, record); !created) {
            return u"membership create failed: "_s + created.error().message();
        }
        m_signedOn.insert(campaign + u'|' + organization);
        return {};
    }

    /// A person on this laptop settles one of its open conflicts, one way or another.
    QString resolveOne(int index)
    {
        TestReplica &node = m_nodes[index];
        const QList<Sync::Conflict> open = node.replica->conflicts();
        if (open.isEmpty()) {
            return {};
        }
        const Sync::Conflict conflict = open.at(m_random.bounded(int(open.size())));
        auto resolution = Sync::Replica::Resolution::KeepMine;
        if (conflict.reason == Sync::Conflict::Reason::ConcurrentEdit && node.store->fetch(conflict.kind, conflict.recordId)) {
            // Text is merged by hand; a membership's status or role is one or the other.
            const bool text = entity(conflict.kind).field(conflict.field)->type == FieldType::LongText;
            resolution = Sync::Replica::Resolution(m_random.bounded(text ? 3 : 2));
        } else if (conflict.reason == Sync::Conflict::Reason::LinkedToDeleted && conflict.recordExists) {
            resolution = Sync::Replica::Resolution(m_random.bounded(2)); // leave it empty, or bring the record back
        }
        const QString merged = text();
        const QList<Stamp> seen = seenStamps(node, conflict.recordId, conflict.field);
        if (auto done = node.replica->resolve(conflict.id, resolution, merged); !done) {
            return u"resolving a conflict failed: "_s + done.error().message();
        }
        if (resolution != Sync::Replica::Resolution::KeepMine && conflict.reason == Sync::Conflict::Reason::ConcurrentEdit) {
            // Choosing a version writes it: an edit made knowing every version seen here.
            Storage::Statement last = node.store->database().prepare(
                u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND op = 'update' AND field = ? ORDER BY seq DESC LIMIT 1"_s);
            last.bind(1, conflict.recordId);
            last.bind(2, conflict.field);
            if (last.step() && (resolution == Sync::Replica::Resolution::Merged || conflict.lostValue != conflict.currentValue)) {
                m_edits.append({conflict.kind,
                                conflict.recordId,
                                conflict.field,
                                resolution == Sync::Replica::Resolution::Merged ? merged : conflict.lostValue,
                                {last.integer(0), last.text(1)},
                                seen});
            }
        }
        return {};
    }

    QString edit(int index)
    {
        TestReplica &node = m_nodes[index];
        struct Target {
            Kind kind;
            QString field;
            bool longText;
        };
        static const QList<Target> targets = {
            {Kind::Quote, u"text"_s, true},
            {Kind::Quote, u"text"_s, true},
            {Kind::Person, u"bio"_s, true},
            {Kind::Person, u"title"_s, false},
            {Kind::Organization, u"boilerplate"_s, true},
            {Kind::Organization, u"website"_s, false},
        };
        const Target &target = targets.at(m_random.bounded(int(targets.size())));
        const QString id = pick(node, target.kind);
        if (id.isEmpty()) {
            return {};
        }
        const QString value = target.field == u"website" ? u"https://example.org/"_s + QString::number(m_random.bounded(1000)) : text();
        const QList<Stamp> seen = seenStamps(node, id, target.field);
        if (auto done = node.store->update(target.kind, id, {{target.field, value}}); !done) {
            return u"edit failed: "_s + done.error().message();
        }
        if (target.longText) {
            m_edits.append({target.kind, id, target.field, value, lastStamp(node), seen});
        }
        return {};
    }

    QString remove(int index)
    {
        TestReplica &node = m_nodes[index];
        static const QList<Kind> kinds = {Kind::Person, Kind::Person, Kind::Quote, Kind::Quote, Kind::Quote, Kind::Campaign, Kind::Organization};
        const Kind kind = kinds.at(m_random.bounded(int(kinds.size())));
        const QString id = pick(node, kind);
        if (id.isEmpty()) {
            return {};
        }
        const QSet<QString> seen = allSeen(node);
        const qint64 before = lastSeq(node);
        // A person goes with her quotes; a campaign or an organization leaves what is filed
        // under it without it. As in the app, the delete can be undone.
        const auto policy = kind == Kind::Person ? Store::DeletePolicy::DeleteDependents : Store::DeletePolicy::Detach;
        if (auto done = m_histories[index]->remove(kind, id, policy); !done) {
            return u"delete failed: "_s + done.error().message();
        }
        noteDeletes(node, before, seen);
        return {};
    }

    static QSet<QString> allSeen(TestReplica &node)
    {
        QSet<QString> seen;
        Storage::Statement all = node.store->database().prepare(u"SELECT hlc, replica FROM change_log"_s);
        while (all.step()) {
            seen.insert(stampKey({all.integer(0), all.text(1)}));
        }
        return seen;
    }

    static qint64 lastSeq(TestReplica &node)
    {
        Storage::Statement last = node.store->database().prepare(u"SELECT ifnull(max(seq), 0) FROM change_log"_s);
        return last.step() ? last.integer(0) : 0;
    }

    /// Undoes this laptop's last delete (its records come back with their ids, and the links it
    /// emptied are made again), or redoes one it undid.
    QString undoOrRedo(int index)
    {
        TestReplica &node = m_nodes[index];
        QUndoStack *stack = m_histories[index]->undoStack();
        const qint64 before = lastSeq(node);
        if (stack->canRedo() && m_random.bounded(3) == 0) {
            const QSet<QString> seen = allSeen(node);
            stack->redo();
            noteDeletes(node, before, seen);
            return {};
        }
        if (!stack->canUndo()) {
            return {};
        }
        // (An undo is refused when what it needs is gone meanwhile: the step stays undone.)
        stack->undo();
        if (lastSeq(node) > before) {
            ++m_restores;
        }
        // What the undo wrote: texts and links, as edits made knowing what this laptop had.
        Storage::Statement written = node.store->database().prepare(
            u"SELECT seq, hlc, replica, kind, record_id, op, field, value FROM change_log WHERE seq > ? AND op IN ('create', 'update') ORDER BY seq"_s);
        written.bind(1, before);
        Storage::Statement seenBefore = node.store->database().prepare(
            u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND seq < ? AND (op = 'create' OR (op = 'update' AND field = ?))"_s);
        while (written.step()) {
            const std::optional<Kind> kind = kindFromKey(written.text(3));
            if (!kind) {
                continue;
            }
            const Stamp stamp{written.integer(1), written.text(2)};
            const QString id = written.text(4);
            const bool create = written.text(5) == u"create";
            const QJsonObject values = create ? QJsonDocument::fromJson(written.text(7).toUtf8()).object() : QJsonObject();
            for (const Field &field : entity(*kind).fields) {
                const bool isLink = field.name == u"campaign_id" || field.name == u"organization_id";
                if ((field.type != FieldType::LongText && !isLink) || (!create && written.text(6) != field.name)) {
                    continue;
                }
                const QString value =
                    create ? values.value(field.name).toString() : QJsonDocument::fromJson("[" + written.text(7).toUtf8() + "]").array().at(0).toString();
                QList<Stamp> seen;
                seenBefore.reset();
                seenBefore.bind(1, id);
                seenBefore.bind(2, written.integer(0));
                seenBefore.bind(3, field.name);
                while (seenBefore.step()) {
                    seen.append({seenBefore.integer(0), seenBefore.text(1)});
                }
                if (isLink && !value.isEmpty()) {
                    m_links.append({*kind, id, field.name, value, stamp, seen});
                } else if (!isLink && create) {
                    m_edits.append({*kind, id, field.name, value, stamp, seen, true});
                }
            }
        }
        return {};
    }

    /// Every record a delete just took (its quotes too), with the newest change of it seen here.
    void noteDeletes(TestReplica &node, qint64 before, const QSet<QString> &seen)
    {
        Storage::Statement deletes = node.store->database().prepare(u"SELECT record_id, seq FROM change_log WHERE seq > ? AND op = 'delete'"_s);
        deletes.bind(1, before);
        Storage::Statement newest =
            node.store->database().prepare(u"SELECT hlc, replica FROM change_log WHERE record_id = ? AND seq < ? ORDER BY hlc DESC, replica DESC LIMIT 1"_s);
        while (deletes.step()) {
            newest.reset();
            newest.bind(1, deletes.text(0));
            newest.bind(2, deletes.integer(1));
            m_deletions.append({deletes.text(0), newest.step() ? Stamp{newest.integer(0), newest.text(1)} : Stamp{}, seen});
        }
    }

    /// Deleted by its own log: a delete that no create (a record brought back) came after.
    static bool deletedByLog(TestReplica &node, const QString &id)
    {
        Storage::Statement read = node.store->database().prepare(
            u"SELECT 1 FROM change_log d WHERE d.record_id = ?1 AND d.op = 'delete' AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = ?1 "
            "AND c.op = 'create' AND (c.hlc > d.hlc OR (c.hlc = d.hlc AND c.replica > d.replica)))"_s);
        read.bind(1, id);
        return read.step();
    }

    QString approve(int index)
    {
        TestReplica &node = m_nodes[index];
        const QString id = pick(node, Kind::Quote);
        if (id.isEmpty()) {
            return {};
        }
        const QString approvedText = node.store->fetch(Kind::Quote, id)->value(u"text"_s).toString();
        if (auto done = node.store->update(Kind::Quote, id, {{u"state"_s, u"approved"_s}, {u"approved_by"_s, u"Dana Whitfield"_s}}); !done) {
            return u"approval failed: "_s + done.error().message();
        }
        m_approved.insert(id + u'|' + approvedText);
        return {};
    }

    QString exchange(int from, int to)
    {
        if (from == to) {
            return {};
        }
        Sync::ExportOptions options;
        const int mode = m_random.bounded(100);
        if (mode < 35) {
            const QString peer = m_nodes[to].store->replicaName();
            for (const Sync::Peer &known : m_nodes[from].replica->peers()) {
                if (known.name == peer && known.lastImport.isValid()) {
                    options.sincePeer = peer;
                }
            }
        } else if (mode < 60) {
            options.maxOperations = m_random.bounded(12);
        }
        const QByteArray bytes = m_nodes[from].bundle(options);
        if (bytes.isEmpty()) {
            return u"export failed"_s;
        }
        const int delivery = m_random.bounded(100);
        if (delivery < 15) {
            m_delayed.append({to, bytes});
            return {};
        }
        const int times = delivery < 30 ? 2 : 1;
        for (int i = 0; i < times; ++i) {
            if (auto imported = m_nodes[to].replica->importBundle(bytes); !imported) {
                return u"import refused: "_s + imported.error().message();
            }
        }
        return {};
    }

    QString checkProperties()
    {
        const QByteArray reference = m_nodes.front().replica->canonicalDump();
        for (size_t i = 1; i < m_nodes.size(); ++i) {
            if (m_nodes[i].replica->canonicalDump() != reference) {
                return u"laptops 1 and %1 differ:\n%2\n---\n%3"_s.arg(i + 1).arg(QString::fromUtf8(reference),
                                                                                 QString::fromUtf8(m_nodes[i].replica->canonicalDump()));
            }
        }
        // Every laptop has the same conflicts, open or resolved, the same way.
        const auto conflictDump = [](TestReplica &node) {
            QStringList lines;
            for (const Sync::Conflict &conflict : node.replica->conflicts(true)) {
                lines << u"%1 %2 %3 %4 %5 %6 %7 %8"_s.arg(conflict.recordId,
                                                          conflict.field,
                                                          QString::number(int(conflict.reason)),
                                                          conflict.lostValue,
                                                          conflict.lostBy,
                                                          conflict.lostAt.toString(Qt::ISODateWithMs),
                                                          conflict.resolved ? u"resolved"_s : u"open"_s,
                                                          conflict.linkedLabel);
            }
            lines.sort();
            return lines.join(u'\n');
        };
        const QString referenceConflicts = conflictDump(m_nodes.front());
        for (size_t i = 1; i < m_nodes.size(); ++i) {
            if (const QString conflicts = conflictDump(m_nodes[i]); conflicts != referenceConflicts) {
                return u"laptops 1 and %1 list different conflicts:\n%2\n---\n%3"_s.arg(i + 1).arg(referenceConflicts, conflicts);
            }
        }
        for (TestReplica &node : m_nodes) {
            // The full check (integrity, search index) on every tenth scenario; references always.
            if (m_seed % 10 == 0) {
                if (const QStringList problems = node.store->check(); !problems.isEmpty()) {
                    return u"inconsistent database: "_s + problems.join(u"; ");
                }
            }
            Storage::Statement dangling = node.store->database().prepare(u"PRAGMA foreign_key_check"_s);
            if (dangling.step()) {
                return u"a reference points to a missing record in table "_s + dangling.text(0);
            }
            const QList<Sync::Conflict> conflicts = node.replica->conflicts(true);
            const auto listed = [&](const QString &id, const QString &field, const QString &value, Sync::Conflict::Reason reason) {
                return std::any_of(conflicts.cbegin(), conflicts.cend(), [&](const Sync::Conflict &conflict) {
                    return conflict.recordId == id && conflict.field == field && conflict.lostValue == value && conflict.reason == reason;
                });
            };
            for (const TextEdit &edit : std::as_const(m_edits)) {
                Stamp seenByDeleters;
                for (const Deletion &deletion : std::as_const(m_deletions)) {
                    if (deletion.recordId == edit.recordId) {
                        seenByDeleters = std::max(seenByDeleters, deletion.newestSeen);
                    }
                }
                const std::optional<Record> record = node.store->fetch(edit.kind, edit.recordId);
                if (deletedByLog(node, edit.recordId)) {
                    // Deleted by laptops that had not seen the edit: the edit is surfaced. (What a
                    // record brought back carries was had by a laptop that deleted it since.)
                    if (!edit.restore && edit.stamp > seenByDeleters
                        && !listed(edit.recordId, edit.field, edit.value, Sync::Conflict::Reason::EditedWhileDeleted)) {
                        return u"an edit made while the record was deleted elsewhere is not in Conflicts: "_s + edit.value;
                    }
                    continue;
                }
                if (!record || record->value(edit.field).toString() == edit.value) {
                    continue; // removed with what it belonged to, or it is the value kept
                }
                // (A record brought back carries its values again: what it carries is its now.)
                const bool overwrittenKnowingly = std::any_of(m_edits.cbegin(), m_edits.cend(), [&](const TextEdit &later) {
                    return later.recordId == edit.recordId && later.field == edit.field
                        && (later.seen.contains(edit.stamp) || (later.restore && later.stamp > edit.stamp && later.value == edit.value));
                });
                if (!overwrittenKnowingly && !listed(edit.recordId, edit.field, edit.value, Sync::Conflict::Reason::ConcurrentEdit)) {
                    return u"a concurrent %1 edit was lost without a conflict on %2: %3"_s.arg(edit.field, node.store->replicaName(), edit.value);
                }
            }
            // A link to a record another laptop deleted without knowing of it, and that nobody
            // changed knowingly since, is listed on the record that lost it.
            for (const Link &link : std::as_const(m_links)) {
                // (Every laptop that deleted it had not seen the link: one that had emptied it knowingly.)
                bool deletedUnseen = false;
                for (const Deletion &deletion : std::as_const(m_deletions)) {
                    if (deletion.recordId == link.target) {
                        if (deletion.seen.contains(stampKey(link.stamp))) {
                            deletedUnseen = false;
                            break;
                        }
                        deletedUnseen = true;
                    }
                }
                const bool changedKnowingly = std::any_of(m_links.cbegin(), m_links.cend(), [&](const Link &later) {
                    return later.recordId == link.recordId && later.field == link.field && later.seen.contains(link.stamp);
                });
                // (A record brought back with its id is linked to again.)
                if (!deletedUnseen || changedKnowingly || !node.store->fetch(link.kind, link.recordId) || !deletedByLog(node, link.target)) {
                    continue;
                }
                ++m_linkRacesChecked;
                if (!listed(link.recordId, link.field, link.target, Sync::Conflict::Reason::LinkedToDeleted)) {
                    return u"a link to a record deleted elsewhere was emptied without a conflict on %1: %2 of %3"_s.arg(node.store->replicaName(),
                                                                                                                        link.field,
                                                                                                                        link.recordId);
                }
            }
            // An organization signed onto a campaign, on however many laptops, stays on it
            // unless someone took it off.
            QSet<QString> signedOn;
            for (const Record &membership : node.store->fetchAll(Kind::Membership)) {
                signedOn.insert(membership.value(u"campaign_id"_s).toString() + u'|' + membership.value(u"organization_id"_s).toString());
            }
            const auto gone = [&](const QString &id) {
                return deletedByLog(node, id) || std::any_of(m_deletions.cbegin(), m_deletions.cend(), [&](const Deletion &deletion) {
                           return deletion.recordId == id;
                       });
            };
            for (const QString &pair : std::as_const(m_signedOn)) {
                const QStringList ids = pair.split(u'|');
                if (!m_signedOff.contains(pair) && !signedOn.contains(pair) && !gone(ids.at(0)) && !gone(ids.at(1))) {
                    return u"a membership signed on twice was lost: "_s + pair;
                }
            }
            for (const Record &quote : node.store->fetchAll(Kind::Quote)) {
                if (quote.value(u"state"_s).toString() == u"approved"
                    && !m_approved.contains(quote.value(u"id"_s).toString() + u'|' + quote.value(u"text"_s).toString())) {
                    return u"a quote is approved with text nobody approved: "_s + quote.value(u"text"_s).toString();
                }
            }
        }
        return {};
    }

    QRandomGenerator m_random;
    quint32 m_seed;
    std::vector<TestReplica> m_nodes;
    std::vector<std::unique_ptr<Models::EditHistory>> m_histories;
    QList<TextEdit> m_edits;
    QList<Deletion> m_deletions;
    QList<Link> m_links;

public:
    /// How many times a link lost to a delete was looked for on a laptop.
    int m_linkRacesChecked = 0;
    /// How many deletes were undone, bringing records back with their ids.
    int m_restores = 0;
    QSet<QString> m_approved;
    QSet<QString> m_signedOn;
    QSet<QString> m_signedOff;
    QList<PendingBundle> m_delayed;
};

} // namespace

class ConvergenceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Opening a thousand databases would otherwise log every migration step.
        QLoggingCategory::setFilterRules(u"chorus.storage.info=false"_s);
    }

    void shouldConvergeWithEveryConcurrentTextEditKeptInAnyExchangeOrder()
    {
        // GIVEN 1,000 random scenarios (CHORUS_SYNC_SCENARIOS changes the number; a failure names
        // its seed, and CHORUS_SYNC_SEED replays one)
        const int scenarios = qEnvironmentVariableIsSet("CHORUS_SYNC_SCENARIOS") ? qEnvironmentVariableIntValue("CHORUS_SYNC_SCENARIOS") : 1000;
        const quint32 firstSeed = qEnvironmentVariableIsSet("CHORUS_SYNC_SEED") ? quint32(qEnvironmentVariableIntValue("CHORUS_SYNC_SEED")) : 1;
        int linkRaces = 0;
        int restores = 0;
        for (int i = 0; i < scenarios; ++i) {
            const quint32 seed = firstSeed + quint32(i);
            // WHEN laptops edit, create, delete, approve, link records and exchange at random
            Scenario scenario(seed);
            const QString failure = scenario.run();
            // THEN they end identical, with the same conflicts, and nothing lost silently
            QVERIFY2(failure.isEmpty(), qPrintable(u"scenario with seed %1: %2"_s.arg(seed).arg(failure)));
            linkRaces += scenario.m_linkRacesChecked;
            restores += scenario.m_restores;
        }
        // AND links made while their target was deleted elsewhere happened, and were looked for
        qInfo("links lost to a delete, looked for on every laptop: %d", linkRaces);
        QVERIFY(scenarios < 100 || linkRaces >= scenarios / 10);
        // AND deletes were undone, their records brought back with their ids
        qInfo("deletes undone: %d", restores);
        QVERIFY(scenarios < 100 || restores >= scenarios / 10);
    }
};

CHORUS_TEST_MAIN(ConvergenceTest)

#include "convergencetest.moc"
