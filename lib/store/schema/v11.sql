-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 11: a conflict of a new kind, a link lost to a delete. A link made on
-- one laptop to a record that another laptop deleted meanwhile (a quote filed under a campaign
-- deleted elsewhere) is emptied by the merge, and kept in Conflicts for a person to look at.
-- SQLite cannot change a CHECK constraint in place: the table is made again, with its rows.

CREATE TABLE sync_conflicts_v11 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT,
    reason TEXT NOT NULL CHECK (reason IN ('concurrent_edit', 'edited_while_deleted', 'edited_while_approved', 'linked_to_deleted')),
    lost_value TEXT,
    lost_hlc INTEGER NOT NULL,
    lost_replica TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    UNIQUE (record_id, field, reason, lost_hlc, lost_replica)
);
INSERT INTO sync_conflicts_v11 SELECT id, kind, record_id, field, reason, lost_value, lost_hlc, lost_replica, detected_at, resolved_at, resolution FROM sync_conflicts;
DROP TABLE sync_conflicts;
ALTER TABLE sync_conflicts_v11 RENAME TO sync_conflicts;
