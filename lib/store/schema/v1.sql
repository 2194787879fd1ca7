-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 1: the coalition's records. Keys are UUIDs (text) so that records made
-- on different laptops never collide; rid is SQLite's row id, stable across VACUUM, used by the
-- search index. Instants are UTC ISO 8601 ("2026-05-01T20:30:00Z"), dates "YYYY-MM-DD".

CREATE TABLE organizations (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT,
    kind TEXT,
    website TEXT,
    people_represented INTEGER CHECK (people_represented >= 0),
    people_represented_source TEXT,
    people_represented_as_of TEXT,
    boilerplate TEXT,
    logo BLOB,
    press_contact_id TEXT REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    notes TEXT
);

CREATE TABLE people (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    title TEXT,
    organization_id TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
    email TEXT,
    phone TEXT,
    phone_public INTEGER NOT NULL DEFAULT 0,
    pronouns TEXT,
    languages TEXT,
    bio TEXT,
    media_contact INTEGER NOT NULL DEFAULT 0,
    notes TEXT
);
CREATE INDEX people_organization ON people(organization_id);

CREATE TABLE campaigns (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    target TEXT,
    demand TEXT,
    description TEXT,
    starts_on TEXT,
    ends_on TEXT
);

CREATE TABLE memberships (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL DEFAULT 'partner',
    status TEXT NOT NULL DEFAULT 'invited',
    consent_to_name INTEGER NOT NULL DEFAULT 0,
    status_date TEXT,
    UNIQUE (campaign_id, organization_id)
);
CREATE INDEX memberships_organization ON memberships(organization_id);

CREATE TABLE petitions (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL DEFAULT 'petition',
    title TEXT NOT NULL,
    host_organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    addressed_to TEXT,
    signatories TEXT,
    signature_count INTEGER CHECK (signature_count >= 0),
    goal INTEGER CHECK (goal >= 0),
    count_as_of TEXT,
    url TEXT
);

CREATE TABLE events (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL DEFAULT 'other',
    title TEXT NOT NULL,
    description TEXT,
    scheduling TEXT NOT NULL DEFAULT 'same_moment'
);

CREATE TABLE sites (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    venue TEXT NOT NULL,
    address TEXT,
    time_zone TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT,
    lead_organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    contact_person_id TEXT REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    expected_turnout INTEGER CHECK (expected_turnout >= 0),
    permit_status TEXT,
    livestream_url TEXT,
    notes TEXT
);
CREATE INDEX sites_event ON sites(event_id);

CREATE TABLE run_of_show_items (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL DEFAULT 0,
    offset_minutes INTEGER NOT NULL DEFAULT 0,
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    speaker_id TEXT REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    description TEXT
);
CREATE INDEX run_of_show_site ON run_of_show_items(site_id);

CREATE TABLE quotes (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    spokesperson_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    state TEXT NOT NULL DEFAULT 'draft',
    approved_by TEXT,
    approved_at TEXT,
    expires_at TEXT,
    translation_of TEXT REFERENCES quotes(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX quotes_spokesperson ON quotes(spokesperson_id);
CREATE INDEX quotes_campaign ON quotes(campaign_id);
CREATE INDEX quotes_event ON quotes(event_id);
CREATE INDEX quotes_translation ON quotes(translation_of);

CREATE TABLE tasks (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    site_id TEXT REFERENCES sites(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    owner_person_id TEXT REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    owner_organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    due_at TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    notes TEXT
);

CREATE TABLE facts (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    text TEXT NOT NULL,
    source TEXT,
    source_url TEXT,
    as_of TEXT
);

CREATE TABLE press_kits (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL,
    headline TEXT,
    subhead TEXT,
    dateline_city TEXT,
    dateline_date TEXT,
    embargo_until TEXT,
    embargo_time_zone TEXT,
    lede TEXT,
    body TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    settings TEXT
);
