-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 2: this replica's identity, the change log that sync builds on, and
-- the full-text search index (diacritics-insensitive, with prefix indexes for search-as-you-type).

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;

-- One row per operation: a create carries all fields as a JSON object in value; an update one
-- row per changed field, its new value JSON-encoded; a delete no value. hlc is a hybrid logical
-- clock: milliseconds since the epoch shifted left 16 bits, plus a counter.
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY,
    hlc INTEGER NOT NULL,
    replica TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    field TEXT,
    value TEXT
);
CREATE INDEX change_log_record ON change_log(record_id);

CREATE VIRTUAL TABLE organizations_fts USING fts5(name, short_name, boilerplate,
    content='organizations', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE people_fts USING fts5(name, title, bio,
    content='people', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text,
    content='quotes', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE events_fts USING fts5(title, description,
    content='events', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE facts_fts USING fts5(text, source,
    content='facts', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE campaigns_fts USING fts5(name, target, demand,
    content='campaigns', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO organizations_fts(rowid, name, short_name, boilerplate) VALUES (new.rid, new.name, new.short_name, new.boilerplate);
END;
CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN
    INSERT INTO organizations_fts(organizations_fts, rowid, name, short_name, boilerplate) VALUES ('delete', old.rid, old.name, old.short_name, old.boilerplate);
END;
CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, short_name, boilerplate ON organizations BEGIN
    INSERT INTO organizations_fts(organizations_fts, rowid, name, short_name, boilerplate) VALUES ('delete', old.rid, old.name, old.short_name, old.boilerplate);
    INSERT INTO organizations_fts(rowid, name, short_name, boilerplate) VALUES (new.rid, new.name, new.short_name, new.boilerplate);
END;

CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_fts(rowid, name, title, bio) VALUES (new.rid, new.name, new.title, new.bio);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_fts(people_fts, rowid, name, title, bio) VALUES ('delete', old.rid, old.name, old.title, old.bio);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, title, bio ON people BEGIN
    INSERT INTO people_fts(people_fts, rowid, name, title, bio) VALUES ('delete', old.rid, old.name, old.title, old.bio);
    INSERT INTO people_fts(rowid, name, title, bio) VALUES (new.rid, new.name, new.title, new.bio);
END;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rid, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rid, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rid, new.text);
END;

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, title, description) VALUES (new.rid, new.title, new.description);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, description) VALUES ('delete', old.rid, old.title, old.description);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, description ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, description) VALUES ('delete', old.rid, old.title, old.description);
    INSERT INTO events_fts(rowid, title, description) VALUES (new.rid, new.title, new.description);
END;

CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN
    INSERT INTO facts_fts(rowid, text, source) VALUES (new.rid, new.text, new.source);
END;
CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN
    INSERT INTO facts_fts(facts_fts, rowid, text, source) VALUES ('delete', old.rid, old.text, old.source);
END;
CREATE TRIGGER facts_fts_update AFTER UPDATE OF text, source ON facts BEGIN
    INSERT INTO facts_fts(facts_fts, rowid, text, source) VALUES ('delete', old.rid, old.text, old.source);
    INSERT INTO facts_fts(rowid, text, source) VALUES (new.rid, new.text, new.source);
END;

CREATE TRIGGER campaigns_fts_insert AFTER INSERT ON campaigns BEGIN
    INSERT INTO campaigns_fts(rowid, name, target, demand) VALUES (new.rid, new.name, new.target, new.demand);
END;
CREATE TRIGGER campaigns_fts_delete AFTER DELETE ON campaigns BEGIN
    INSERT INTO campaigns_fts(campaigns_fts, rowid, name, target, demand) VALUES ('delete', old.rid, old.name, old.target, old.demand);
END;
CREATE TRIGGER campaigns_fts_update AFTER UPDATE OF name, target, demand ON campaigns BEGIN
    INSERT INTO campaigns_fts(campaigns_fts, rowid, name, target, demand) VALUES ('delete', old.rid, old.name, old.target, old.demand);
    INSERT INTO campaigns_fts(rowid, name, target, demand) VALUES (new.rid, new.name, new.target, new.demand);
END;

-- Index what version 1 already held.
INSERT INTO organizations_fts(organizations_fts) VALUES ('rebuild');
INSERT INTO people_fts(people_fts) VALUES ('rebuild');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
INSERT INTO facts_fts(facts_fts) VALUES ('rebuild');
INSERT INTO campaigns_fts(campaigns_fts) VALUES ('rebuild');
