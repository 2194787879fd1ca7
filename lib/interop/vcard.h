// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "interop/duplicates.h"
#include "interop/importer.h"
#include "result.h"

#include <QByteArray>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Interop
{

/**
 * People as vCards (3.0 or 4.0), through KContacts: name, organization, title, e-mail
 * addresses, phone numbers, note and photo (one kept in the card; linked ones are not fetched). Chorus keeps one e-mail address and one phone number per
 * person; the others live in the notes as "Other e-mail: ..." and "Other phone: ..." lines and
 * go back into the vCard on export, so nothing is lost on the way round. A vCard's UID that is a
 * Chorus id keeps the record's id. On import, the card of an organization (KIND:org, or Apple's
 * company card) adds an organization, with its e-mail addresses and phone numbers in its notes;
 * a contact group (KIND:group, or Apple's) is left out and named in the report.
 */
class CHORUS_CORE_EXPORT VCard
{
public:
    /// Everyone in the database (version 3 or 4), ordered by name.
    [[nodiscard]] static QByteArray exportPeople(Store::Store &store, int version = 3);
    /**
     * Imports the contacts of a vCard file as people in one transaction (organizations by name,
     * duplicates as onDuplicate says); returns how many were added or merged. A file that is not
     * a vCard, of an unknown version, or with a contact without a name changes nothing.
     */
    static Result<qint64> importPeople(Store::Store &store, const QByteArray &data, DuplicateAction onDuplicate = DuplicateAction::Merge);
    /**
     * The same, with what an import of a CSV file takes (options.kind and options.mapping are
     * the vCard's own). With options.skipBadRows a bad card (an unknown version, a card that
     * cannot be read or does not end, a contact without a name) is left out and named in the
     * report with its number in the file and its line; without it, the first bad card stops the
     * import and nothing changes.
     */
    static Result<ImportReport> importPeople(Store::Store &store, const QByteArray &data, const ImportOptions &options);
};

} // namespace Chorus::Interop
