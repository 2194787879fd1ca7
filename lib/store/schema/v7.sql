-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 7: what a press kit includes. Each list is a JSON array of record ids,
-- in the order the kit shows them (the quotes in the order the communications lead chose). A list
-- is one field, so a merge keeps one person's whole ordering rather than interleaving two.
-- Section switches and paper size live in the existing settings field.

ALTER TABLE press_kits ADD COLUMN quote_ids TEXT;
ALTER TABLE press_kits ADD COLUMN organization_ids TEXT;
ALTER TABLE press_kits ADD COLUMN contact_ids TEXT;
