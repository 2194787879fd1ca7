-- SPDX-FileCopyrightText: 2026 The Chorus developers
-- SPDX-License-Identifier: GPL-2.0-or-later
--
-- Chorus database, version 12: the links to people and organizations that had no index get one,
-- so that deleting many people or organizations at once (taking back an import of 100,000 rows)
-- does not read every organization, site and petition for each record deleted.

CREATE INDEX organizations_press_contact ON organizations(press_contact_id);
CREATE INDEX sites_contact_person ON sites(contact_person_id);
CREATE INDEX sites_lead_organization ON sites(lead_organization_id);
CREATE INDEX petitions_host_organization ON petitions(host_organization_id);
