// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "columnmapping.h"

#include <KLocalizedString>

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;

namespace Chorus::Interop
{

namespace
{

/// Usual header spellings (as headerKey() makes them) -> target field, for both kinds.
const QHash<QString, QString> &commonHeaders()
{
    static const QHash<QString, QString> headers = [] {
        QHash<QString, QString> h;
        const auto add = [&h](const QString &field, std::initializer_list<const char *> keys) {
            for (const char *key : keys) {
                h.insert(QString::fromLatin1(key), field);
            }
        };
        add(u"name"_s, {"name", "fullname", "displayname", "contactname", "nombre completo", "nombrecompleto", "nombreyapellidos"});
        add(u"first_name"_s, {"firstname", "first", "givenname", "given", "fname", "forename", "nombre", "vorname", "prenom", "imie", "nome", "primeironome"});
        add(u"last_name"_s,
            {"lastname",
             "last",
             "surname",
             "familyname",
             "lname",
             "apellido",
             "apellidos",
             "nachname",
             "nom",
             "nomdefamille",
             "cognome",
             "sobrenome",
             "nazwisko"});
        add(u"email"_s,
            {"email",
             "emailaddress",
             "mail",
             "primaryemail",
             "email1",
             "emailaddress1",
             "email1value",
             "workemail",
             "personalemail",
             "correo",
             "correoelectronico",
             "can2email",
             "preferredemail",
             "preferredemailaddress",
             "courriel",
             "adressecourriel",
             "adresseemail",
             "emailadresse",
             "adresemail"});
        add(u"phone"_s, {"phone",     "phonenumber", "telephone",    "tel",         "mobile",   "mobilephone", "mobilenumber",
                         "cell",      "cellphone",   "primaryphone", "phone1value", "telefono", "movil",       "can2phone",
                         "workphone", "telefon",     "telefone",     "portable",    "handy",    "cellulare",   "telefonkomorkowy"});
        add(u"organization"_s,
            {"organization",
             "organisation",
             "org",
             "organizationname",
             "organisationname",
             "company",
             "companyname",
             "employer",
             "currentemployer",
             "affiliation",
             "organization1name",
             "organizacion",
             "entidad",
             "empresa",
             // Salesforce's contacts belong to an "Account Name".
             "accountname",
             "employername",
             // An advocacy group's spreadsheet of its partners.
             "groupname",
             "partnername",
             "partnerorganization",
             "societe",
             "entreprise",
             "firma",
             "unternehmen",
             "azienda",
             "organizzazione",
             "organizacao",
             "organizacja"});
        add(u"title"_s,
            {"title",
             "jobtitle",
             "position",
             "role",
             "organization1title",
             "organizationtitle",
             "occupation",
             "cargo",
             "puesto",
             "titulo",
             "fonction",
             "poste",
             "funktion",
             "ruolo",
             "stanowisko"});
        add(u"middle_name"_s, {"middlename", "middle", "additionalname", "segundonombre"});
        // Further addresses and numbers, from exports with a column for each (Google Contacts, Outlook).
        add(u"other_email"_s,
            {"email2",
             "email3",
             "email2address",
             "email3address",
             "emailaddress2",
             "emailaddress3",
             "email2value",
             "email3value",
             "email4value",
             "email5value",
             "secondaryemail",
             "otheremail",
             "homeemail",
             "alternateemail"});
        add(u"other_phone"_s,
            {"businessphone",
             "phone3",
             "phone4value",
             "phone5value",
             "businessphone2",
             "homephone",
             "homephone2",
             "otherphone",
             "companymainphone",
             "phone2",
             "phone2value",
             "phone3value",
             "secondaryphone",
             "mobilenumber2"});
        add(u"address"_s, {"address",         "streetaddress",  "street",     "address1",      "address1street",  "addressline1",  "direccion",
                           "can2useraddress", "businessstreet", "homestreet", "mailingstreet", "primaryaddress1", "addressstreet", "street1",
                           "adresse",         "strasse",        "indirizzo",  "endereco",      "adres",           "ulica"});
        // The second line of a street address, which CRMs keep in a column of its own.
        add(u"address_line2"_s,
            {"address2",
             "addressline2",
             "address1line2",
             "street2",
             "supplementaladdress",
             "supplementaladdress1",
             "supplementaladdress2",
             "streetaddressline2",
             "addressstreet2",
             "can2useraddress2"});
        add(u"city"_s,
            {"city",     "town",        "locality",    "address1city", "ciudad", "localidad", "municipio", "can2city", "can2usercity", "businesscity",
             "homecity", "mailingcity", "primarycity", "addresscity",  "ville",  "stadt",     "ort",       "citta",    "cidade",       "miasto"});
        add(u"state"_s,
            {"state",
             "stateprovince",
             "province",
             "region",
             "address1region",
             "can2state",
             "can2stateabbreviated",
             "provincia",
             "businessstate",
             "homestate",
             "mailingstate",
             "mailingstateprovince",
             "primarystate",
             "stateorprovince",
             "stateregion"});
        add(u"zip"_s,
            {"zip",
             "zipcode",
             "postalcode",
             "postcode",
             "zippostalcode",
             "address1postalcode",
             "codigopostal",
             "cp",
             "can2zip",
             "businesspostalcode",
             "homepostalcode",
             "mailingzippostalcode",
             "mailingpostalcode",
             "mailingzip",
             "primaryzip",
             "zip5",
             "zipcode5",
             "codepostal",
             "plz",
             "postleitzahl",
             "cap",
             "kodpocztowy"});
        add(u"country"_s,
            {"country",
             "address1country",
             "pais",
             "can2country",
             "countryregion",
             "businesscountryregion",
             "homecountryregion",
             "mailingcountry",
             "primarycountry",
             "addresscountry",
             "pays",
             "land",
             "paese",
             "kraj"});
        add(u"notes"_s, {"notes", "note", "comments", "comment", "notas", "observaciones"});
        add(u"pronouns"_s, {"pronouns", "pronombres"});
        add(u"languages"_s, {"languages", "language", "idiomas", "idioma"});
        add(u"bio"_s, {"bio", "biography", "biografia"});
        add(u"website"_s, {"website", "web", "url", "homepage", "webpage", "website1value", "sitioweb", "paginaweb"});
        // CiviCRM keeps an organization's acronym in its "Nick Name".
        add(u"short_name"_s, {"shortname", "acronym", "abbreviation", "nickname", "siglas", "nombrecorto"});
        add(u"kind"_s, {"type", "organizationtype", "orgtype", "kind", "tipo", "kindoforganization", "tipodeorganizacion"});
        add(u"people_represented"_s,
            {"peoplerepresented", "members", "membercount", "memberscount", "numberofmembers", "size", "miembros", "personasrepresentadas"});
        add(u"boilerplate"_s, {"boilerplate", "about", "description", "mission", "descripcion", "textoinstitucional"});
        return h;
    }();
    return headers;
}

/// Headers that mean a field more surely than the plain one: Outlook's "Title" is "Mr." or "Dr.",
/// its "Job Title" the job; a "Display Name" beats a "Name" that may be a nickname.
int certainty(const QString &key)
{
    static const QSet<QString> specific =
        {u"jobtitle"_s, u"organizationtitle"_s, u"organization1title"_s, u"fullname"_s, u"displayname"_s, u"emailaddress"_s, u"email1value"_s};
    return specific.contains(key) ? 1 : 0;
}

/// The field a header names: by its whole key, else without a trailing qualifier in parentheses,
/// as CiviCRM writes location types: "Email (Home)", "Phone (Home-Mobile)", "City (Main)".
QString fieldForHeader(const QString &header)
{
    const QString key = ColumnMapping::headerKey(header);
    if (const auto it = commonHeaders().constFind(key); it != commonHeaders().constEnd()) {
        return it.value();
    }
    const QString trimmed = header.trimmed();
    if (trimmed.endsWith(u')')) {
        if (const qsizetype open = trimmed.lastIndexOf(u'('); open > 0) {
            return commonHeaders().value(ColumnMapping::headerKey(trimmed.left(open)));
        }
    }
    return {};
}

} // namespace

bool ColumnMapping::isMultiColumn(const QString &field)
{
    return field == u"other_email" || field == u"other_phone";
}

QString ColumnMapping::headerKey(const QString &header)
{
    const QString decomposed = header.normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            key.append(c.toCaseFolded());
        }
    }
    return key;
}

QStringList ColumnMapping::targetFields(Kind kind)
{
    if (kind == Kind::Organization) {
        return {u"name"_s,
                u"short_name"_s,
                u"kind"_s,
                u"website"_s,
                u"people_represented"_s,
                u"boilerplate"_s,
                u"notes"_s,
                u"address"_s,
                u"address_line2"_s,
                u"city"_s,
                u"state"_s,
                u"zip"_s,
                u"country"_s};
    }
    return {u"name"_s,        u"first_name"_s,    u"middle_name"_s, u"last_name"_s, u"title"_s,     u"organization"_s, u"email"_s,
            u"other_email"_s, u"phone"_s,         u"other_phone"_s, u"pronouns"_s,  u"languages"_s, u"bio"_s,          u"notes"_s,
            u"address"_s,     u"address_line2"_s, u"city"_s,        u"state"_s,     u"zip"_s,       u"country"_s};
}

QString ColumnMapping::targetLabel(Kind kind, const QString &field)
{
    if (field == u"first_name") {
        return i18nc("@label import field", "first name");
    }
    if (field == u"last_name") {
        return i18nc("@label import field", "last name");
    }
    if (field == u"middle_name") {
        return i18nc("@label import field", "middle name");
    }
    if (field == u"organization") {
        return i18nc("@label import field", "organization (by name)");
    }
    if (field == u"other_email") {
        return i18nc("@label import field", "other e-mail address (kept in the notes)");
    }
    if (field == u"other_phone") {
        return i18nc("@label import field", "other phone number (kept in the notes)");
    }
    if (field == u"address") {
        return i18nc("@label import field", "street address (kept in the notes)");
    }
    if (field == u"address_line2") {
        return i18nc("@label import field", "second line of the street address (kept in the notes)");
    }
    if (field == u"city") {
        return i18nc("@label import field", "city (kept in the notes)");
    }
    if (field == u"state") {
        return i18nc("@label import field", "state or province (kept in the notes)");
    }
    if (field == u"zip") {
        return i18nc("@label import field", "ZIP or postal code (kept in the notes)");
    }
    if (field == u"country") {
        return i18nc("@label import field", "country (kept in the notes)");
    }
    if (field.isEmpty()) {
        return i18nc("@label import field", "(not imported)");
    }
    return Domain::fieldLabel(kind, field);
}

ColumnMapping ColumnMapping::guess(Kind kind, const QStringList &headers)
{
    ColumnMapping mapping;
    const QStringList targets = targetFields(kind);
    for (int column = 0; column < headers.size(); ++column) {
        QString field = fieldForHeader(headers.at(column));
        // An organization file's "Organization" or "Organization name" column is its name, and
        // so is its "Nombre" or "Nom" (Spanish and French for name, and for a person's first or
        // last name).
        const QString key = headerKey(headers.at(column));
        if (kind == Kind::Organization && (field == u"organization" || key == u"nombre" || key == u"nom")) {
            field = u"name"_s;
        }
        if (kind == Kind::Person && field == u"boilerplate") {
            field = u"bio"_s;
        }
        // When two headers mean the same field, the surer one wins, then the first one; a second
        // e-mail or phone column is kept as another e-mail or phone.
        const auto other = [](const QString &field) {
            return field == u"email" ? u"other_email"_s : field == u"phone" ? u"other_phone"_s : QString();
        };
        if (!targets.contains(field)) {
            field.clear();
        } else if (isMultiColumn(field)) {
            // Several columns may fill it.
        } else if (const int earlier = mapping.column(field); earlier >= 0) {
            if (certainty(headerKey(headers.at(column))) > certainty(headerKey(headers.at(earlier)))) {
                mapping.m_fields[earlier] = other(field);
            } else {
                field = other(field);
            }
        }
        mapping.setField(column, field);
    }
    mapping.m_fields.resize(headers.size());
    return mapping;
}

bool ColumnMapping::hasName() const
{
    return column(u"name"_s) >= 0 || column(u"first_name"_s) >= 0 || column(u"last_name"_s) >= 0;
}

void ColumnMapping::setField(int column, const QString &field)
{
    if (column < 0) {
        return;
    }
    if (m_fields.size() <= column) {
        m_fields.resize(column + 1);
    }
    // A field comes from one column (but for the other e-mail addresses and phone numbers).
    if (!field.isEmpty() && !isMultiColumn(field)) {
        for (QString &other : m_fields) {
            if (other == field) {
                other.clear();
            }
        }
    }
    m_fields[column] = field;
}

Result<void> ColumnMapping::applyOverrides(Kind kind, const QStringList &headers, const QString &spec)
{
    if (m_fields.size() < headers.size()) {
        m_fields.resize(headers.size());
    }
    const QStringList targets = targetFields(kind);
    const QStringList parts = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const qsizetype equals = part.lastIndexOf(u'=');
        if (equals <= 0) {
            return Error(Error::Code::Invalid, i18nc("@info %1 is what the user wrote", "“%1” is not a column mapping: write column=field.", part.trimmed()));
        }
        const QString columnName = part.left(equals).trimmed();
        QString field = part.mid(equals + 1).trimmed().toLower();
        int column = -1;
        for (int i = 0; i < headers.size(); ++i) {
            if (headers.at(i).compare(columnName, Qt::CaseInsensitive) == 0) {
                column = i;
                break;
            }
        }
        if (column < 0) {
            bool isNumber = false;
            const int number = columnName.toInt(&isNumber);
            if (isNumber && number >= 1 && number <= headers.size()) {
                column = number - 1;
            }
        }
        if (column < 0) {
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 is a column name, %2 the list of columns",
                               "The file has no column “%1”. Its columns are: %2.",
                               columnName,
                               headers.join(i18nc("@info separator between the items of a list", ", "))));
        }
        if (field == u"ignore" || field == u"-") {
            field.clear();
        } else if (!targets.contains(field)) {
            return Error(Error::Code::Invalid,
                         i18nc("@info %1 is a field name, %2 a column name, %3 the list of fields",
                               "“%1” is not a field Chorus can fill from the column “%2”. Use one of: %3, or ignore.",
                               field,
                               headers.at(column),
                               targets.join(i18nc("@info separator between the items of a list", ", "))));
        }
        setField(column, field);
    }
    return {};
}

} // namespace Chorus::Interop
