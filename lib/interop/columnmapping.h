// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"
#include "domain/entity.h"
#include "result.h"

#include <QStringList>

namespace Chorus::Interop
{

/**
 * Which Chorus field each column of an imported file fills, by column index; an empty string
 * ignores the column.
 *
 * Besides the fields of the kind, an import knows "first_name", "middle_name" and "last_name"
 * (joined into the name), "organization" (a person's organization by its name, created when
 * missing), "other_email" and "other_phone" (a person's further addresses and numbers, which
 * several columns may fill: the first stands in for a missing e-mail or phone, the others are
 * kept in the notes) and the address parts "address", "city", "state", "zip" and "country",
 * which Chorus keeps in the notes too.
 */
class CHORUS_CORE_EXPORT ColumnMapping
{
public:
    ColumnMapping() = default;

    /// Recognises the usual headers of spreadsheets and CRM exports (Action Network, CiviCRM,
    /// Google Contacts and Sheets, Excel), in any case and spacing, in English and Spanish.
    [[nodiscard]] static ColumnMapping guess(Domain::Kind kind, const QStringList &headers);

    /// The fields an import of kind can fill, in the order a person would pick them.
    [[nodiscard]] static QStringList targetFields(Domain::Kind kind);
    /// The translated name of a target field, e.g. "first name".
    [[nodiscard]] static QString targetLabel(Domain::Kind kind, const QString &field);
    /// Headers are compared without case, accents, spaces or punctuation: "E-Mail Address" = "emailaddress".
    [[nodiscard]] static QString headerKey(const QString &header);
    /// True for the fields several columns may fill: "other_email" and "other_phone".
    [[nodiscard]] static bool isMultiColumn(const QString &field);

    /**
     * Applies the user's corrections, "column=field,column=field" where column is a header name
     * (or its 1-based number) and field a target field or "ignore". Errors name the bad part.
     */
    Result<void> applyOverrides(Domain::Kind kind, const QStringList &headers, const QString &spec);

    void setField(int column, const QString &field);
    [[nodiscard]] QString field(int column) const
    {
        return m_fields.value(column);
    }
    /// The column a field is read from, or -1.
    [[nodiscard]] int column(const QString &field) const
    {
        return int(m_fields.indexOf(field));
    }
    /// True when some column gives the name (or its first or last part).
    [[nodiscard]] bool hasName() const;
    [[nodiscard]] int columnCount() const
    {
        return int(m_fields.size());
    }

private:
    QStringList m_fields;
};

} // namespace Chorus::Interop
