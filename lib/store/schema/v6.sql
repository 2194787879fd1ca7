-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 6: a person's photo (vCards carry one), and the audit of merged duplicates. One row per merge: which record
-- was kept, which one merged into it, the values that lost, and what was pointed at the merged
-- record, so that the merge can be undone exactly. undone_at is set when it was.

CREATE TABLE merge_audit (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    kept_id TEXT NOT NULL,
    -- Empty when a row of an imported file was merged in (source says which).
    merged_id TEXT NOT NULL,
    source TEXT,
    merged_at TEXT NOT NULL,
    -- The kept record's fields that the merge changed, with their values before the merge (JSON).
    kept_before TEXT NOT NULL,
    -- The merged record as it was, all fields (JSON): its values that lost are here.
    merged_record TEXT NOT NULL,
    -- Records that pointed at the merged one: [{"kind", "id", "field"}] repointed to the kept one,
    -- and whole records removed because the kept one already had the same link (JSON).
    repointed TEXT NOT NULL,
    removed TEXT NOT NULL,
    undone_at TEXT
) WITHOUT ROWID;
CREATE INDEX merge_audit_kept ON merge_audit(kept_id);

ALTER TABLE people ADD COLUMN photo BLOB;
