-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 4: event logistics. A run-of-show item may start at a clock time on
-- its site's wall clock ("12:10") instead of an offset from the site's start; a task's due date
-- keeps the time zone it was given in; journalists invited to an event and their answers.

ALTER TABLE run_of_show_items ADD COLUMN clock_time TEXT CHECK (clock_time IS NULL OR clock_time GLOB '[0-2][0-9]:[0-5][0-9]');

ALTER TABLE tasks ADD COLUMN due_time_zone TEXT;
CREATE INDEX tasks_event ON tasks(event_id);
CREATE INDEX tasks_site ON tasks(site_id);
CREATE INDEX tasks_owner_person ON tasks(owner_person_id);
CREATE INDEX tasks_owner_organization ON tasks(owner_organization_id);
CREATE INDEX run_of_show_speaker ON run_of_show_items(speaker_id);

CREATE TABLE media_rsvps (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    journalist_name TEXT NOT NULL,
    outlet TEXT,
    email TEXT,
    phone TEXT,
    rsvp_status TEXT NOT NULL DEFAULT 'invited' CHECK (rsvp_status IN ('invited', 'confirmed', 'attended')),
    notes TEXT
);
CREATE INDEX media_rsvps_event ON media_rsvps(event_id);
