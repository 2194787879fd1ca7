-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 10: records that two laptops made apart but that are one and the same.
-- A membership is one organization on one campaign; when two laptops each sign the same
-- organization onto the same campaign, sync finds the other record through the values its create
-- carried (which never change), and keeps one membership.

CREATE INDEX change_log_membership_key ON change_log(json_extract(value, '$.campaign_id'), json_extract(value, '$.organization_id'))
    WHERE kind = 'membership' AND op = 'create';
