-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 3: faster bulk writes.
--
-- New records reach the search index in one batch per transaction, just before it commits,
-- instead of one at a time by trigger: FTS5 flushes its pending terms at every statement
-- savepoint, so row-by-row indexing costs several times more. The store keeps the list of records
-- to index in a temporary table of its connection (see Store::prepareSearchIndexing); the delete
-- and update triggers of version 2 stay as they were.

DROP TRIGGER organizations_fts_insert;
DROP TRIGGER people_fts_insert;
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER events_fts_insert;
DROP TRIGGER facts_fts_insert;
DROP TRIGGER campaigns_fts_insert;

-- Most quotes belong to no event and translate no other quote: index only those that do.
DROP INDEX quotes_event;
DROP INDEX quotes_translation;
CREATE INDEX quotes_event ON quotes(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX quotes_translation ON quotes(translation_of) WHERE translation_of IS NOT NULL;
