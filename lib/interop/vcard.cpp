// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "vcard.h"

#include "interop/importer.h"
#include "store/store.h"

#include <KContacts/Address>
#include <KContacts/Addressee>
#include <KContacts/Picture>
#include <KContacts/VCardConverter>
#include <KLocalizedString>

#include <QStringDecoder>

#include <QRegularExpression>
#include <QUuid>
#include <cctype>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace Chorus::Interop
{

namespace
{

QString otherEmailLine(const QString &address)
{
    return Importer::otherEmailLine(address);
}

QString otherPhoneLine(const QString &number)
{
    return Importer::otherPhoneLine(number);
}

/// The part of line after the fixed text of a pattern like "Other e-mail: %1", if it matches.
std::optional<QString> valueAfter(const QString &line, const QString &pattern)
{
    const QString prefix = pattern.left(pattern.indexOf(u"%1"_s));
    if (!prefix.isEmpty() && line.startsWith(prefix)) {
        return line.mid(prefix.size()).trimmed();
    }
    return std::nullopt;
}

/// The file as the UTF-8 that KContacts reads: without a byte order mark, from UTF-16, and from
/// the Windows code page of old address books when the file is not UTF-8 and names no charset.
QByteArray asUtf8(const QByteArray &data)
{
    if (const auto bom = QStringConverter::encodingForData(data); bom) {
        if (*bom == QStringConverter::Utf8) {
            return data.mid(3);
        }
        QStringDecoder decoder(*bom);
        const QString text = decoder.decode(data);
        return decoder.hasError() ? data : text.toUtf8();
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    // The decoding happens when the result becomes a QString.
    const QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        return data;
    }
    QStringDecoder windows("windows-1252");
    if (!windows.isValid()) {
        return data;
    }
    if (!data.contains("CHARSET=") && !data.contains("charset=")) {
        return QString(windows.decode(data)).toUtf8();
    }
    // Old phones write a CHARSET on the properties that need quoted-printable and leave it off
    // the others, whose 8-bit text is in the same code page ("N:Ibáñez;Lucía" in Latin-1): those
    // become UTF-8, and the properties that name their charset are left to KContacts.
    QList<QByteArray> lines = data.split('\n');
    bool namesCharset = false; // the property being read (folded lines included) names its charset
    for (QByteArray &line : lines) {
        const bool folded = line.startsWith(' ') || line.startsWith('\t');
        if (!folded) {
            const qsizetype colon = line.indexOf(':');
            namesCharset = colon > 0 && line.left(colon).toUpper().contains("CHARSET=");
        }
        if (namesCharset) {
            continue;
        }
        QStringDecoder lineUtf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString decoded = lineUtf8.decode(line);
        if (lineUtf8.hasError()) {
            line = QString(windows.decode(line)).toUtf8();
        }
    }
    return lines.join('\n');
}

/// A text value as KContacts leaves it, with the escaped semicolons of vCard 3.0 and 4.0
/// ("\;") back to plain ones: KContacts unescapes commas and line breaks, not these.
QString unescaped(const QString &value)
{
    return value.contains(u"\\;"_s) ? QString(value).replace(u"\\;"_s, u";"_s) : value;
}

/**
 * The file without property groups: Apple Contacts and Google Contacts write a labelled e-mail
 * address or phone as "item1.EMAIL;type=INTERNET:…" next to "item1.X-ABLabel:…", and KContacts
 * drops grouped properties. The group only ties the label to its value; Chorus keeps no labels.
 */
QByteArray withoutGroups(const QByteArray &data)
{
    QList<QByteArray> lines = data.split('\n');
    bool changed = false;
    bool softBreak = false; // the line above ends in a quoted-printable soft line break "="
    for (QByteArray &line : lines) {
        const bool continued = softBreak;
        softBreak = line.trimmed().endsWith('=');
        if (continued || line.isEmpty() || line.front() == ' ' || line.front() == '\t') {
            continue;
        }
        // group "." name, where the group is letters, digits and dashes, before any ; or :
        qsizetype i = 0;
        while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line.at(i))) || line.at(i) == '-')) {
            ++i;
        }
        if (i > 0 && i < line.size() && line.at(i) == '.') {
            line.remove(0, i + 1);
            changed = true;
        }
    }
    return changed ? lines.join('\n') : data;
}

} // namespace

/*!
 * The cards with each photo inside a card written as vCard 4.0 writes it (RFC 6350), a data: URI
 * ("PHOTO:data:image/png;base64,..."): KContacts writes it the vCard 3.0 way
 * ("PHOTO;ENCODING=b;TYPE=png:..."), which a 4.0 reader need not understand. Folded again at 75
 * octets; every other line is left as it is.
 */
static QByteArray withDataUriPhotos(const QByteArray &cards)
{
    QByteArray result;
    result.reserve(cards.size() + cards.size() / 50);
    const QList<QByteArray> lines = cards.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (!line.startsWith("PHOTO;ENCODING=b;TYPE=")) {
            result += line;
            if (i + 1 < lines.size()) {
                result += '\n';
            }
            continue;
        }
        // The property with its folded continuation lines.
        line.chop(line.endsWith('\r') ? 1 : 0);
        while (i + 1 < lines.size() && lines.at(i + 1).startsWith(' ')) {
            QByteArray next = lines.at(++i).mid(1);
            next.chop(next.endsWith('\r') ? 1 : 0);
            line += next;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray type = line.mid(22, colon - 22).toLower();
        const QByteArray unfolded = "PHOTO:data:image/" + type + ";base64," + line.mid(colon + 1);
        constexpr qsizetype firstLine = 75;
        result += unfolded.left(firstLine);
        for (qsizetype at = firstLine; at < unfolded.size(); at += firstLine - 1) {
            result += "\r\n " + unfolded.mid(at, firstLine - 1);
        }
        result += "\r\n";
    }
    return result;
}

QByteArray VCard::exportPeople(Store::Store &store, int version)
{
    KContacts::Addressee::List list;
    for (const Record &person : store.fetchAll(Kind::Person)) {
        KContacts::Addressee contact;
        contact.setUid(person.value(u"id"_s).toString());
        contact.setFormattedName(person.value(u"name"_s).toString());
        // vCard 3.0 requires N; Chorus keeps one name, so it all goes in the family name.
        contact.setFamilyName(person.value(u"name"_s).toString());
        if (const QString title = person.value(u"title"_s).toString(); !title.isEmpty()) {
            contact.setTitle(title);
        }
        if (const QString organization = person.value(u"organization_id"_s).toString(); !organization.isEmpty()) {
            if (const auto record = store.fetch(Kind::Organization, organization)) {
                contact.setOrganization(record->value(u"name"_s).toString());
            }
        }
        if (const QString email = person.value(u"email"_s).toString(); !email.isEmpty()) {
            contact.addEmail(KContacts::Email(email));
        }
        if (const QString phone = person.value(u"phone"_s).toString(); !phone.isEmpty()) {
            contact.insertPhoneNumber(KContacts::PhoneNumber(phone, KContacts::PhoneNumber::Voice));
        }
        QStringList noteLines;
        for (const QString &line : person.value(u"notes"_s).toString().split(u'\n')) {
            if (const auto email = valueAfter(line, otherEmailLine(u"%1"_s)); email) {
                contact.addEmail(KContacts::Email(*email));
            } else if (const auto phone = valueAfter(line, otherPhoneLine(u"%1"_s)); phone) {
                contact.insertPhoneNumber(KContacts::PhoneNumber(*phone, KContacts::PhoneNumber::Voice));
            } else {
                noteLines << line;
            }
        }
        if (const QString note = noteLines.join(u'\n').trimmed(); !note.isEmpty()) {
            contact.setNote(note);
        }
        if (const QByteArray photo = person.value(u"photo"_s).toByteArray(); !photo.isEmpty()) {
            KContacts::Picture picture;
            picture.setRawData(photo, photo.startsWith("\x89PNG") ? u"png"_s : u"jpeg"_s);
            contact.setPhoto(picture);
        }
        list.append(contact);
    }
    KContacts::VCardConverter converter;
    if (version == 4) {
        return withDataUriPhotos(converter.exportVCards(list, KContacts::VCardConverter::v4_0));
    }
    return converter.exportVCards(list, KContacts::VCardConverter::v3_0);
}

/*!
 * The file with each photo given as a data: URI (vCard 4.0: "PHOTO:data:image/png;base64,...")
 * written the vCard 3.0 way ("PHOTO;ENCODING=b;TYPE=PNG:..."), which KContacts reads: it drops
 * a PHOTO without an ENCODING or VALUE parameter.
 */
static QByteArray withInlinePhotos(const QByteArray &data)
{
    if (!data.contains("data:") && !data.contains("DATA:")) {
        return data;
    }
    QList<QByteArray> lines = data.split('\n');
    for (QByteArray &line : lines) {
        if (line.size() < 6 || qstrnicmp(line.constData(), "PHOTO", 5) != 0 || (line.at(5) != ':' && line.at(5) != ';')) {
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            continue;
        }
        const QByteArray parameters = line.mid(5, colon - 5).toUpper();
        const QByteArray value = line.mid(colon + 1);
        const qsizetype comma = value.indexOf(',');
        if (parameters.contains("VALUE") || parameters.contains("ENCODING") || comma < 0 || comma > 60 || !value.left(11).toLower().startsWith("data:image/")
            || !value.left(comma).toLower().endsWith(";base64")) {
            continue;
        }
        const QByteArray type = value.mid(11, value.indexOf(';') - 11).toUpper();
        line = line.left(colon) + ";ENCODING=b;TYPE=" + type + ':' + value.mid(comma + 1);
    }
    return lines.join('\n');
}

/*!
 * The file with two inert lines after it. KContacts joins a quoted-printable value that ends in a
 * soft line break ("=") to the lines after it, and when that join reaches the end of the file its
 * reader starts over from the first line, for ever: a file cut off after such a line would hang
 * the import. The lines at the end give every join a line to stop at and one after it; they hold
 * no colon, so they are no property, and a contact they could fall into has no END and is
 * refused anyway.
 */
static QByteArray withEndGuard(const QByteArray &data)
{
    QByteArray guarded = data;
    if (!guarded.endsWith('\n')) {
        guarded += '\n';
    }
    return guarded + "X\nX\n";
}

Result<qint64> VCard::importPeople(Store::Store &store, const QByteArray &data, DuplicateAction onDuplicate)
{
    ImportOptions options;
    options.onDuplicate = onDuplicate;
    auto report = importPeople(store, data, options);
    if (!report) {
        return report.error();
    }
    return report.value().created + report.value().merged + report.value().keptBoth;
}

Result<ImportReport> VCard::importPeople(Store::Store &store, const QByteArray &file, const ImportOptions &given)
{
    const QByteArray data = withoutGroups(asUtf8(file));

    // The cards of the file, each read on its own, so that a bad one is named and, with
    // skipBadRows, left out while the others come in.
    struct Card {
        int line = 0; ///< of its BEGIN:VCARD, 1-based
        QByteArray text;
        QByteArray version;
        int versionLine = 0;
        bool ended = false;
        bool group = false; ///< a contact group (a list of members), not a person
        bool organization = false; ///< the card of an organization (KIND:org, Apple's company cards)
    };
    QList<Card> cards;
    const QList<QByteArray> lines = data.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        // A folded line goes on with the property above: a note may well say "version: 2".
        const bool folded = lines.at(i).startsWith(' ') || lines.at(i).startsWith('\t');
        const QByteArray line = folded ? QByteArray() : lines.at(i).trimmed().toUpper();
        if (line == "BEGIN:VCARD") {
            cards.append({i + 1, {}, {}, 0, false, false, false});
        }
        if (cards.isEmpty() || cards.last().ended) {
            continue;
        }
        Card &card = cards.last();
        card.text += lines.at(i);
        card.text += '\n';
        if (line.startsWith("VERSION:") && card.version.isEmpty()) {
            card.version = line.mid(8).trimmed();
            card.versionLine = i + 1;
        } else if (line == "END:VCARD") {
            card.ended = true;
        } else if (line == "KIND:GROUP" || line == "X-ADDRESSBOOKSERVER-KIND:GROUP") {
            // vCard 4.0's contact groups, and Apple's in vCard 3.0.
            card.group = true;
        } else if (line == "KIND:ORG" || line == "X-ABSHOWAS:COMPANY") {
            card.organization = true;
        }
    }
    if (cards.isEmpty()) {
        return Error(Error::Code::Invalid, i18nc("@info", "The file is not a vCard file: no contact (BEGIN:VCARD) found."));
    }

    QHash<int, int> cardAtLine;
    for (int i = 0; i < cards.size(); ++i) {
        cardAtLine.insert(cards.at(i).line, i + 1);
    }
    // Messages name the card and the line where it starts (or the line at fault).
    const auto place = [&cardAtLine](int cardLine, int line) {
        return i18nc("@info where in a vCard file; %1 is the number of a contact in the file, %2 a line number",
                     "Card %1 (line %2)",
                     QString::number(cardAtLine.value(cardLine)),
                     QString::number(line));
    };

    ImportReport skipped;
    const auto badCard = [&](const Card &card, int line, const QString &why) -> std::optional<Error> {
        const QString message = place(card.line, line) + u": "_s + why;
        if (!given.skipBadRows) {
            return Error(Error::Code::Invalid, message + u'\n' + i18nc("@info", "Nothing was imported: the database is as it was."));
        }
        skipped.skippedRows.append({line, 0, message});
        return std::nullopt;
    };

    KContacts::VCardConverter converter;
    KContacts::Addressee::List contacts;
    QList<int> startLines;
    // The cards of organizations come in as organizations: their e-mail addresses and phone
    // numbers go to the notes, as Chorus keeps none for an organization.
    KContacts::Addressee::List organizationCards;
    QList<int> organizationLines;
    for (const Card &card : std::as_const(cards)) {
        std::optional<Error> stop;
        if (!card.version.isEmpty() && card.version != "2.1" && card.version != "3.0" && card.version != "4.0") {
            stop = badCard(
                card,
                card.versionLine,
                i18nc("@info %1 is a version", "vCard version %1 is not one Chorus reads (2.1, 3.0 and 4.0 are).", QString::fromLatin1(card.version.left(20))));
        } else if (!card.ended) {
            stop = badCard(card, card.line, i18nc("@info", "the card does not end (END:VCARD is missing)."));
        } else if (const KContacts::Addressee::List parsed = converter.parseVCards(withEndGuard(withInlinePhotos(card.text))); parsed.size() != 1) {
            stop = badCard(card, card.line, i18nc("@info", "the card could not be read; it looks damaged."));
        } else if (card.group) {
            const QString name = parsed.first().formattedName().isEmpty() ? parsed.first().assembledName() : parsed.first().formattedName();
            skipped.leftOut.append({card.line,
                                    0,
                                    place(card.line, card.line) + u": "_s
                                        + i18nc("@info %1 is the name of a group of contacts",
                                                "“%1” is a contact group, not a person: left out (its members are imported from their own cards).",
                                                unescaped(name).simplified())});
        } else if (card.organization) {
            organizationCards.append(parsed.first());
            organizationLines.append(card.line);
        } else {
            contacts.append(parsed.first());
            startLines.append(card.line);
        }
        if (stop) {
            return *stop;
        }
    }

    // The contacts become the rows of a table, so that they go through the same import as a CSV
    // file: organizations by name, duplicates, validation, one transaction.
    CsvTable table;
    table.encoding = u"UTF-8"_s;
    table.headers = {u"FN"_s,
                     u"EMAIL"_s,
                     u"TEL"_s,
                     u"ORG"_s,
                     u"TITLE"_s,
                     u"NOTE"_s,
                     u"UID"_s,
                     u"PHOTO"_s,
                     u"ADR street"_s,
                     u"ADR locality"_s,
                     u"ADR region"_s,
                     u"ADR postal code"_s,
                     u"ADR country"_s};
    for (int i = 0; i < contacts.size(); ++i) {
        const KContacts::Addressee &contact = contacts.at(i);
        QString name = unescaped(contact.formattedName().isEmpty() ? contact.assembledName() : contact.formattedName());
        // Apple Contacts writes the card of a company with an empty name and shows its ORG.
        if (name.trimmed().isEmpty()) {
            name = unescaped(contact.organization());
        }
        // The preferred e-mail and phone (PREF) first.
        QStringList emails = contact.emails();
        if (const QString preferred = contact.preferredEmail(); !preferred.isEmpty() && emails.removeOne(preferred)) {
            emails.prepend(preferred);
        }
        QStringList phones;
        for (const KContacts::PhoneNumber &phone : contact.phoneNumbers()) {
            // vCard 4.0 may write a phone as a URI: "tel:+44-113-000-0000".
            QString number = phone.number().trimmed();
            if (number.startsWith(u"tel:"_s, Qt::CaseInsensitive)) {
                number = number.mid(4);
            }
            if (phone.isPreferred()) {
                phones.prepend(number);
            } else {
                phones << number;
            }
        }
        QStringList notes;
        if (!contact.note().isEmpty()) {
            // A quoted-printable note keeps the file's CRLF line ends.
            notes << unescaped(contact.note()).replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
        }
        for (int e = 1; e < emails.size(); ++e) {
            notes << otherEmailLine(emails.at(e));
        }
        for (int p = 1; p < phones.size(); ++p) {
            notes << otherPhoneLine(phones.at(p));
        }
        // Only a photo inside the card: Chorus never fetches one from the network.
        const KContacts::Picture picture = contact.photo();
        QString photo = picture.isIntern() && !picture.rawData().isEmpty() ? QString::fromLatin1(picture.rawData().toBase64()) : QString();
        // vCard 4.0 writes a photo in the card as a data: URI.
        static const QRegularExpression dataUri(u"^data:image/[a-z0-9.+-]+;base64,"_s, QRegularExpression::CaseInsensitiveOption);
        if (photo.isEmpty() && !picture.isIntern()) {
            if (const QRegularExpressionMatch match = dataUri.match(picture.url()); match.hasMatch()) {
                photo = picture.url().mid(match.capturedLength()).remove(u' ');
            }
        }
        // A Chorus id comes back as the same record's id, unless that record is still here.
        QString id = contact.uid();
        if (QUuid::fromString(id).isNull() || store.fetch(Kind::Person, id)) {
            id.clear();
        }
        // The first address goes into the notes, the way a CSV file's address columns do.
        const KContacts::Address address = contact.addresses().value(0);
        table.rows.append({startLines.at(i),
                           {name.simplified(),
                            emails.value(0),
                            phones.value(0),
                            unescaped(contact.organization()),
                            unescaped(contact.title()),
                            notes.join(u'\n'),
                            id,
                            photo,
                            address.street(),
                            address.locality(),
                            address.region(),
                            address.postalCode(),
                            address.country()}});
    }
    ImportOptions options = given;
    options.kind = Kind::Person;
    options.mapping = {};
    options.mapping.setField(0, u"name"_s);
    options.mapping.setField(1, u"email"_s);
    options.mapping.setField(2, u"phone"_s);
    options.mapping.setField(3, u"organization"_s);
    options.mapping.setField(4, u"title"_s);
    options.mapping.setField(5, u"notes"_s);
    options.mapping.setField(6, u"id"_s);
    options.mapping.setField(7, u"photo"_s);
    options.mapping.setField(8, u"address"_s);
    options.mapping.setField(9, u"city"_s);
    options.mapping.setField(10, u"state"_s);
    options.mapping.setField(11, u"zip"_s);
    options.mapping.setField(12, u"country"_s);
    options.describePlace = [&place, &table](int line, int column) {
        const QString card = place(line, line);
        return column <= 0
            ? card
            : i18nc("@info where in a vCard file; %1 names the card, %2 a property such as EMAIL", "%1, %2", card, table.headers.value(column - 1));
    };
    CsvTable organizations;
    organizations.encoding = table.encoding;
    organizations.headers = {u"ORG"_s, u"URL"_s, u"NOTE"_s, u"ADR street"_s, u"ADR locality"_s, u"ADR region"_s, u"ADR postal code"_s, u"ADR country"_s};
    for (int i = 0; i < organizationCards.size(); ++i) {
        const KContacts::Addressee &card = organizationCards.at(i);
        QString name = unescaped(card.organization());
        if (name.trimmed().isEmpty()) {
            name = unescaped(card.formattedName());
        }
        QStringList notes;
        if (!card.note().isEmpty()) {
            notes << unescaped(card.note()).replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
        }
        for (const QString &email : card.emails()) {
            notes << otherEmailLine(email);
        }
        for (const KContacts::PhoneNumber &phone : card.phoneNumbers()) {
            QString number = phone.number().trimmed();
            if (number.startsWith(u"tel:"_s, Qt::CaseInsensitive)) {
                number = number.mid(4);
            }
            notes << otherPhoneLine(number);
        }
        const KContacts::Address address = card.addresses().value(0);
        organizations.rows.append({organizationLines.at(i),
                                   {name.simplified(),
                                    card.url().url().toString(),
                                    notes.join(u'\n'),
                                    address.street(),
                                    address.locality(),
                                    address.region(),
                                    address.postalCode(),
                                    address.country()}});
    }
    ImportOptions organizationOptions = options;
    organizationOptions.kind = Kind::Organization;
    organizationOptions.mapping = {};
    const QStringList organizationFields = {u"name"_s, u"website"_s, u"notes"_s, u"address"_s, u"city"_s, u"state"_s, u"zip"_s, u"country"_s};
    for (int column = 0; column < organizationFields.size(); ++column) {
        organizationOptions.mapping.setField(column, organizationFields.at(column));
    }
    organizationOptions.describePlace = [&place, &organizations](int line, int column) {
        const QString card = place(line, line);
        return column <= 0
            ? card
            : i18nc("@info where in a vCard file; %1 names the card, %2 a property such as EMAIL", "%1, %2", card, organizations.headers.value(column - 1));
    };

    // Organizations first, so that the people of the file find theirs; all in one transaction.
    Result<ImportReport> report = ImportReport();
    ImportReport organizationReport;
    auto done = store.transact([&]() -> Result<void> {
        if (!organizations.rows.isEmpty()) {
            auto added = Importer(store).run(organizations, organizationOptions);
            if (!added) {
                return added.error();
            }
            organizationReport = added.value();
        }
        if (!table.rows.isEmpty() || organizations.rows.isEmpty()) {
            report = Importer(store).run(table, options);
            if (!report) {
                return report.error();
            }
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    report.value().organizationsCreated += organizationReport.created;
    report.value().merged += organizationReport.merged;
    report.value().keptBoth += organizationReport.keptBoth;
    report.value().skippedDuplicates += organizationReport.skippedDuplicates;
    report.value().mergeIds += organizationReport.mergeIds;
    report.value().skippedRows += organizationReport.skippedRows;
    report.value().leftOut += organizationReport.leftOut;
    report.value().rows = cards.size();
    // The cards left out before the import, then the rows it left out, in the order of the file.
    report.value().skippedRows += skipped.skippedRows;
    report.value().leftOut = skipped.leftOut + report.value().leftOut;
    std::stable_sort(report.value().skippedRows.begin(), report.value().skippedRows.end(), [](const RowProblem &a, const RowProblem &b) {
        return a.line < b.line;
    });
    return report;
}

} // namespace Chorus::Interop
