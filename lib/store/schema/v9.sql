-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 9: the quote list sorted by any of its columns reads its first page
-- from an index instead of sorting a million quotes (1 to 1.5 s). Each expression is the one
-- RecordListModel orders by; ties are broken by the row id, which every index holds.

CREATE INDEX quotes_by_text ON quotes(substr(text, 1, 64) COLLATE NOCASE);
CREATE INDEX quotes_by_state ON quotes(coalesce(state, ''));
CREATE INDEX quotes_by_language ON quotes(language COLLATE NOCASE);
-- The quotes sorted by spokesperson are read person by person, in name order.
CREATE INDEX people_by_name ON people(name COLLATE NOCASE);
