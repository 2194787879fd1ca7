-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 5: offline sync. The coalition's identity (shared by every replica of
-- the same coalition, so that a bundle from another coalition is refused), what each operation
-- was based on (so that concurrent edits can be told from sequential ones on every replica
-- alike), what this replica knows of every other one, the peers it exchanged with, the
-- conflicts kept for a person to resolve, and records waiting for a record they refer to.

INSERT OR IGNORE INTO meta (key, value) VALUES ('coalition_id', lower(hex(randomblob(16))));

-- For an operation received from another replica: the stamp (hlc, replica) of the value it
-- replaced there (for a delete: the newest stamp of the record), and for a quote's state the
-- stamp of the text it approved. Operations made here get theirs from the log's order on export.
ALTER TABLE change_log ADD COLUMN base_hlc INTEGER;
ALTER TABLE change_log ADD COLUMN base_replica TEXT;
ALTER TABLE change_log ADD COLUMN witness_hlc INTEGER;
ALTER TABLE change_log ADD COLUMN witness_replica TEXT;

-- One operation is applied once, whatever the number of bundles that carry it.
CREATE UNIQUE INDEX change_log_operation ON change_log(replica, hlc, record_id, op, ifnull(field, ''));

-- Every operation of origin with an hlc up to this one has been received.
CREATE TABLE sync_known (
    origin TEXT PRIMARY KEY,
    hlc INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_peers (
    replica TEXT PRIMARY KEY,
    name TEXT,
    last_import_at TEXT,
    last_export_at TEXT,
    known TEXT
) WITHOUT ROWID;

CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT,
    reason TEXT NOT NULL CHECK (reason IN ('concurrent_edit', 'edited_while_deleted', 'edited_while_approved')),
    lost_value TEXT,
    lost_hlc INTEGER NOT NULL,
    lost_replica TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    UNIQUE (record_id, field, reason, lost_hlc, lost_replica)
);

CREATE TABLE sync_pending (
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    waiting_for TEXT NOT NULL,
    PRIMARY KEY (record_id, waiting_for)
) WITHOUT ROWID;
CREATE INDEX sync_pending_waiting ON sync_pending(waiting_for);
