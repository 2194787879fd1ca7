// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "coalitiongenerator.h"

#include "store/store.h"

#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Bench
{

namespace
{

enum Tag : quint64 {
    TagOrganization = 1,
    TagPerson,
    TagCampaign,
    TagMembership,
    TagQuote,
    TagQuoteText,
    TagQuery,
    TagVocabulary,
    TagId = 0x80,
};

/**
 * SplitMix64: a tiny generator that is cheap to seed, so that every record gets its own stream
 * from (seed, kind, index) and can be made again alone. Its output, and so every record, is the
 * same on every platform and standard library (std:: distributions are not).
 */
class Stream
{
public:
    explicit Stream(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    qint64 below(qint64 n)
    {
        return n <= 0 ? 0 : qint64(next() % quint64(n));
    }
    double unit()
    {
        return double(next() >> 11) * 0x1.0p-53;
    }
    bool chance(double p)
    {
        return unit() < p;
    }
    const QString &pick(const QStringList &list)
    {
        return list.at(below(list.size()));
    }

private:
    quint64 m_state;
};

/**
 * Words to draw from: real words with Zipf weights (the first drawn most often) and, for a few
 * draws in a hundred, a long tail of rare invented words, each found in about one quote in two thousand.
 */
struct Vocabulary {
    QStringList words;
    QList<double> cumulative;
    QStringList rare;

    static constexpr double RareShare = 0.04;

    const QString &draw(Stream &stream) const
    {
        if (stream.chance(RareShare)) {
            return stream.pick(rare);
        }
        const double u = stream.unit() * cumulative.constLast();
        const auto it = std::upper_bound(cumulative.cbegin(), cumulative.cend(), u);
        return words.at(std::min<qsizetype>(it - cumulative.cbegin(), words.size() - 1));
    }
};

QStringList splitWords(const QString &text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

// English: the most frequent function words, then the words of advocacy, then general words.
const QString englishWords =
    uR"(the of and to we our a in is that for this will
are it they not with their on be as by all who us from have must at every people
community communities justice climate workers contract union rights housing tenants rent wages wage
living fair fight demand together coalition campaign solidarity voice voices future families children
health care water clean air energy fossil fuels pipeline company companies government corporate profit
profits power public transit safety police accountability immigrant immigrants refugees asylum
detention deportation vote voting democracy equity equality dignity respect freedom privacy
surveillance data technology employees letter petition signatures protest march rally vigil organize
organizing neighbors neighborhood city council mayor state federal law laws policy budget funding
schools students teachers education debt loans jobs green renewable solar wind emissions carbon
pollution toxic environmental land indigenous sovereignty treaty farmworkers farm food hunger poverty
eviction evictions affordable homes homeless shelter medicaid insurance hospital nurses doctors
patients disability access accessible seniors youth women gender racial racism discrimination
harassment safe protections protection accountable transparent transparency contractors military
cancel divest boycott strike picket bargaining collective agreement overtime benefits pension
retirement minimum raise shifts warehouse drivers delivery gig platform algorithm facial recognition
border stand standing united unite committed action urgent crisis emergency heat wildfire flood
drought storm resilience infrastructure transport buses trains fares streets parks libraries services
cuts austerity tax taxes wealthy billionaires shareholders executives board responsibility harm
silence speak truth history generations planet earth ocean forests species members member movement
leaders leadership grassroots nonprofit volunteers donors sign signed endorse endorsed demands
respond response accountable promises promise broken deal deals lobby lobbyists election elections
ballot measure initiative ordinance hearing testimony budget legislature senators representatives
workplace wages safety injury injuries heat pay paid unpaid stolen theft
what can more now than these those when but one so our ours here today tomorrow years year day
never always again still just only also even because while where how why until before after
make made take give keep stand win won lose lost build built protect demand call calls ask asked
need needs want know believe hope fear deserve deserves serve served work working worked live lives
new old long short big small strong stronger real true full whole better best worst last first
home family friends neighbors voices hands hearts minds streets doors table place places world nation
country region county town towns village villages coast valley river rivers mountains desert)"_s;

const QString spanishWords =
    uR"(el la de que y los en las del a por para con no es una un su sus se al
nuestra nuestro nuestras nuestros comunidad comunidades justicia climática trabajadores trabajadoras
contrato sindicato derechos derecho vivienda inquilinos alquiler salario salarios digno digna lucha
luchamos exigimos juntos juntas coalición campaña solidaridad voz voces futuro familias niños niñas
salud agua limpia aire energía empresa empresas gobierno ganancias poder público pública transporte
seguridad policía rendición cuentas inmigrantes refugiados asilo deportación voto democracia equidad
igualdad dignidad respeto libertad privacidad vigilancia datos tecnología empleados carta petición
firmas protesta marcha manifestación vigilia organizar vecinos barrio ciudad concejo alcaldía estado
ley leyes política presupuesto escuelas estudiantes maestros educación deuda empleos verde renovable
emisiones contaminación tierra indígenas soberanía campesinos alimentos hambre pobreza desalojo
desalojos asequible hogares acción urgente crisis emergencia calor incendios sequía huelga
negociación colectiva acuerdo beneficios pensión jubilación mínimo cancelar exigir ahora todos todas
pueblo pueblos mujeres jóvenes mayores corazón esperanza miedo silencio verdad historia generaciones
planeta océano bosques años día mañana hoy también más menos cada porque cuando donde contra sin
sobre entre hasta desde hacia este esta estos estas ese esa les nos ser estar tener hacer decir
seguir ver queremos necesitamos pedimos llamamos merecemos defendemos exigencia promesas rotas
elecciones boleta audiencia testimonio legisladores senadores lugar lugares mundo nación país región
condado pueblo valle río ríos montañas desierto costa calle calles casa casas mesa manos corazones)"_s;

struct Topic {
    QString english; ///< as it appears in a quote
    QString spanish;
    QString query; ///< the English two-word query
    QString spanishQuery; ///< the Spanish words typed without accents
};

const QList<Topic> &topics()
{
    static const QList<Topic> all = {
        {u"climate justice"_s, u"justicia climática"_s, u"climate justice"_s, u"justicia climatica"_s},
        {u"workers' contract"_s, u"contrato colectivo de los trabajadores"_s, u"workers contract"_s, u"contrato trabajadores"_s},
        {u"housing rights"_s, u"derecho a la vivienda"_s, u"housing rights"_s, u"derecho vivienda"_s},
        {u"living wage"_s, u"salario digno"_s, u"living wage"_s, u"salario digno"_s},
        {u"clean water"_s, u"agua limpia"_s, u"clean water"_s, u"agua limpia"_s},
        {u"public transit"_s, u"transporte público"_s, u"public transit"_s, u"transporte publico"_s},
        {u"police accountability"_s, u"rendición de cuentas de la policía"_s, u"police accountability"_s, u"rendicion cuentas"_s},
        {u"immigrant rights"_s, u"derechos de los inmigrantes"_s, u"immigrant rights"_s, u"derechos inmigrantes"_s},
        {u"voting rights"_s, u"derecho al voto"_s, u"voting rights"_s, u"derecho voto"_s},
        {u"tenant protections"_s, u"protección de inquilinos"_s, u"tenant protections"_s, u"proteccion inquilinos"_s},
        {u"health care"_s, u"atención médica"_s, u"health care"_s, u"atencion medica"_s},
        {u"data privacy"_s, u"privacidad de datos"_s, u"data privacy"_s, u"privacidad datos"_s},
        {u"fossil fuels"_s, u"combustibles fósiles"_s, u"fossil fuels"_s, u"combustibles fosiles"_s},
        {u"student debt"_s, u"deuda estudiantil"_s, u"student debt"_s, u"deuda estudiantil"_s},
        {u"cancel the contract"_s, u"cancelar el contrato"_s, u"cancel contract"_s, u"cancelar contrato"_s},
        {u"collective bargaining"_s, u"negociación colectiva"_s, u"collective bargaining"_s, u"negociacion colectiva"_s},
    };
    return all;
}

const QStringList firstNames = splitWords(
    u"José María Lucía Zoë Björn Chloé Renée Inés Raúl Ángel Sofía Andrés Joaquín Begoña Íñigo Núria François Hélène Jürgen Søren "
    "Ana Dana Marcus Aisha Kenji Mei Priya Tomás Thảo Amara Óscar Élodie Mónica Rubén Jesús Verónica Adrián Martín Noémie Saúl "
    "Grace Samuel Fatima Omar Leila Hiroshi Ngozi Chinedu Anjali Rahul Olivia Liam Emma Noah Ava Ethan Mia Lucas Isabella Mateo "
    "Camila Diego Valentina Sebastián Gabriela Nicolás Paula Daniela Héctor Rocío Iván Agustín Belén Marisol Dolores Guadalupe"_s);

const QStringList lastNames = splitWords(
    u"Martínez García Rodríguez Núñez Pérez Gómez Hernández López Müller Østergaard Nguyễn Okafor Whitfield Johnson Kim Chen "
    "Castañeda Peña Ibáñez Ruiz Díaz Álvarez Ramírez Sánchez Fernández Jiménez Gutiérrez Vázquez Domínguez Smith Williams Brown "
    "Jones Davis Patel Singh Cohen Yamamoto Kowalski Nowak Dubois Lefèvre Åberg Muñoz Rojas Suárez Mendoza Ortiz Morales Cruz "
    "Reyes Flores Rivera Torres Ramos Herrera Medina Aguilar Castillo Vargas Romero Navarro Molina Delgado Guzmán Carrillo "
    "Santos Nakamura Tanaka Adeyemi Mensah Osei Haddad Khalil Novak Horvath Schröder Ström Lindqvist Brennan Walsh Murphy"_s);

const QStringList titles = {u"Executive Director"_s,
                            u"Organizer"_s,
                            u"Lead Organizer"_s,
                            u"President"_s,
                            u"Policy Director"_s,
                            u"Communications Director"_s,
                            u"Spokesperson"_s,
                            u"Campaign Coordinator"_s,
                            u"Shop Steward"_s,
                            u"Pastor"_s,
                            u"Rabbi"_s,
                            u"Imam"_s,
                            u"Board Chair"_s,
                            u"Co-Founder"_s,
                            u"Member"_s,
                            u"Registered Nurse"_s,
                            u"Tenant Leader"_s,
                            u"Youth Organizer"_s,
                            u"Secretary-Treasurer"_s,
                            u"Directora Ejecutiva"_s,
                            u"Coordinadora de Campaña"_s};

const QStringList places = splitWords(
    u"Harbor Valley Riverside Eastside Westside Northside Southside Bayview Mountain Prairie Desert Lakeshore Coastal Metro "
    "County Delta Piedmont Cascadia Ozark Appalachian Sonoran Tidewater Redwood Evergreen Granite Sierra Mesa Cañon Alameda "
    "Montaña Pájaro Peñasco Chávez Tahoe Willamette Columbia Hudson Mohawk Allegheny Shenandoah Savannah Gulf Bayou Brazos "
    "Pecos Gila Yakima Skagit Kenai Kauaʻi Ōhiʻa Mission Fruitvale Boyle Pilsen Humboldt Lowell Dorchester Roxbury"_s);

// Separated by "|": some are two words.
const QStringList constituencies = QString(
                                       u"Tenants|Workers|Nurses|Teachers|Students|Farmworkers|Immigrants|Youth|Parents|Faith|Veterans|Neighbors|Riders|"
                                       "Drivers|Tech Workers|Seniors|Families|Women|Artists|Scientists|Climate|Water|Housing|Justice|Disability|"
                                       "Trabajadores|Inquilinos|Vecinos|Mujeres|Jóvenes|Campesinos|Domestic Workers|Dockworkers|Librarians|"
                                       "Physicians|Engineers|Warehouse Workers|Janitors|Musicians|Cyclists"_s)
                                       .split(u'|');

const QStringList organizationTypes = splitWords(
    u"Union Alliance Coalition Network Collective Council Project Federation Association Action Committee Center Fund League "
    "Assembly Caucus Guild Movement Institute Cooperative"_s);

const QStringList organizationKinds = {u"union"_s, u"nonprofit"_s, u"faith group"_s, u"student group"_s, u"grassroots group"_s, u"network"_s};

const QStringList companies = splitWords(u"Vantor Helixa Nimbrel Quorvane Stratalux Orbyn Kestrix Palomar Zenthic Marrowline Corvanta Lumetra"_s);

const QStringList approvers = {u"Dana Whitfield"_s, u"Lucía Martínez"_s, u"Kenji Tanaka"_s, u"Amara Okafor"_s, u"Raúl Núñez"_s};

/// A tail of invented rare words, the same in every run.
QStringList rareWords()
{
    static const QStringList syllables =
        splitWords(u"ka lo mer vin tra sol bel dor ni qua zen rith pal mo vey sar lun ter gos fi bru cal dex ox pim ru sha tol ur wen"_s);
    Stream stream(TagVocabulary);
    QStringList words;
    QSet<QString> seen;
    while (words.size() < 3000) {
        QString word;
        const int parts = 2 + int(stream.below(2));
        for (int i = 0; i < parts; ++i) {
            word += stream.pick(syllables);
        }
        if (!seen.contains(word)) {
            seen.insert(word);
            words << word;
        }
    }
    return words;
}

Vocabulary makeVocabulary(const QString &common)
{
    Vocabulary vocabulary;
    QSet<QString> seen;
    for (const QString &word : splitWords(QString(common).replace(u'\n', u' '))) {
        if (!seen.contains(word)) {
            seen.insert(word);
            vocabulary.words << word;
        }
    }
    double sum = 0;
    for (qsizetype rank = 0; rank < vocabulary.words.size(); ++rank) {
        sum += 1.0 / double(rank + 2);
        vocabulary.cumulative << sum;
    }
    vocabulary.rare = rareWords();
    return vocabulary;
}

const Vocabulary &english()
{
    static const Vocabulary vocabulary = makeVocabulary(englishWords);
    return vocabulary;
}

const Vocabulary &spanish()
{
    static const Vocabulary vocabulary = makeVocabulary(spanishWords);
    return vocabulary;
}

QString withoutAccents(const QString &text)
{
    QString plain;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    for (const QChar c : decomposed) {
        if (!c.isMark()) {
            plain += c;
        }
    }
    return plain;
}

QString slug(const QString &text)
{
    QString result;
    for (const QChar c : withoutAccents(text).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            result += c;
        }
    }
    return result;
}

QString date(Stream &stream, int year)
{
    return u"%1-%2-%3"_s.arg(year).arg(1 + stream.below(12), 2, 10, QChar(u'0')).arg(1 + stream.below(28), 2, 10, QChar(u'0'));
}

QString instant(Stream &stream, int year)
{
    return date(stream, year) + u"T%1:%2:00Z"_s.arg(stream.below(24), 2, 10, QChar(u'0')).arg(stream.below(60), 2, 10, QChar(u'0'));
}

/// Words of running text: sentences with a capital letter and a full stop, phrase somewhere in them.
QString sentences(Stream &stream, const Vocabulary &vocabulary, int wordCount, const QString &phrase = {})
{
    const int phrasePosition = phrase.isEmpty() ? -1 : int(stream.below(wordCount));
    QString text;
    text.reserve(wordCount * 8);
    bool startOfSentence = true;
    for (int i = 0; i < wordCount; ++i) {
        QString word = i == phrasePosition ? phrase : vocabulary.draw(stream);
        if (startOfSentence) {
            word[0] = word.at(0).toUpper();
        }
        if (!text.isEmpty()) {
            text += u' ';
        }
        text += word;
        const bool last = i == wordCount - 1;
        startOfSentence = last || (i > 3 && wordCount - i > 5 && stream.below(12) == 0);
        if (startOfSentence) {
            text += stream.chance(0.15) ? u'!' : u'.';
        } else if (stream.below(20) == 0) {
            text += u',';
        }
    }
    return text;
}

} // namespace

CoalitionGenerator::Size CoalitionGenerator::sizeFor(double scale)
{
    const auto scaled = [scale](double count, qint64 minimum) {
        return std::max(minimum, qint64(std::llround(count * scale)));
    };
    return {scaled(20000, 1), scaled(100000, 1), scaled(200, 2), scaled(1000000, 1)};
}

CoalitionGenerator::CoalitionGenerator(const Size &size, quint64 seed)
    : m_size(size)
    , m_seed(seed)
{
}

qint64 CoalitionGenerator::recordCount() const
{
    return m_size.organizations * 2 + m_size.people + m_size.campaigns + m_size.quotes;
}

quint64 CoalitionGenerator::streamSeed(quint64 tag, qint64 index) const
{
    Stream mix(m_seed ^ (tag << 56));
    return mix.next() ^ quint64(index);
}

QString CoalitionGenerator::uuid(quint64 tag, qint64 index) const
{
    Stream stream(streamSeed(tag | TagId, index));
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 high = stream.next();
    const quint64 low = stream.next();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char(high >> (8 * i));
        bytes[8 + i] = char(low >> (8 * i));
    }
    // Shaped like the ids Chorus makes (Store::newRecordId): a version 7 UUID whose first 48
    // bits count milliseconds, one per record from 1 January 2026, so records made in order
    // have ids in order; the rest is random. RFC 9562 variant.
    const quint64 milliseconds = 1767225600000ULL + quint64(index);
    for (int i = 0; i < 6; ++i) {
        bytes[i] = char(milliseconds >> (8 * (5 - i)));
    }
    bytes[6] = char((bytes[6] & 0x0f) | 0x70);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString CoalitionGenerator::organizationId(qint64 index) const
{
    return uuid(TagOrganization, index);
}

QString CoalitionGenerator::personId(qint64 index) const
{
    return uuid(TagPerson, index);
}

QString CoalitionGenerator::campaignId(qint64 index) const
{
    return uuid(TagCampaign, index);
}

QString CoalitionGenerator::membershipId(qint64 index) const
{
    return uuid(TagMembership, index);
}

QString CoalitionGenerator::quoteId(qint64 index) const
{
    return uuid(TagQuote, index);
}

Record CoalitionGenerator::organization(qint64 index) const
{
    Stream stream(streamSeed(TagOrganization, index));
    const QString place = stream.pick(places);
    const QString constituency = stream.pick(constituencies);
    const QString type = stream.pick(organizationTypes);
    const QString name = place + u' ' + constituency + u' ' + type;
    QString shortName;
    for (const QString &word : splitWords(name)) {
        shortName += word.at(0).toUpper();
    }
    Record record{
        {u"id"_s, organizationId(index)},
        {u"name"_s, name},
        {u"short_name"_s, shortName},
        {u"kind"_s, stream.pick(organizationKinds)},
        {u"website"_s, u"https://%1-%2.example.org"_s.arg(slug(name)).arg(index)},
        {u"people_represented"_s, qint64(50 + stream.below(stream.chance(0.05) ? 2000000 : 20000))},
        {u"people_represented_source"_s, stream.chance(0.5) ? u"membership rolls"_s : u"annual report"_s},
        {u"people_represented_as_of"_s, date(stream, 2025)},
    };
    if (stream.chance(0.6)) {
        record.insert(u"boilerplate"_s, sentences(stream, english(), 25 + int(stream.below(30))));
    }
    return record;
}

Record CoalitionGenerator::person(qint64 index) const
{
    Stream stream(streamSeed(TagPerson, index));
    const QString first = stream.pick(firstNames);
    const QString last = stream.pick(lastNames);
    const QString name = first + u' ' + last;
    static const QStringList pronouns = {u"she/her"_s, u"he/him"_s, u"they/them"_s, QString()};
    static const QStringList languages = {u"en"_s, u"en"_s, u"en, es"_s, u"es"_s};
    Record record{
        {u"id"_s, personId(index)},
        {u"name"_s, name},
        {u"title"_s, stream.pick(titles)},
        {u"organization_id"_s, organizationId(stream.below(m_size.organizations))},
        {u"email"_s, u"%1.%2.%3@example.org"_s.arg(slug(first), slug(last)).arg(index)},
        {u"phone"_s, u"+1 555 01%1 %2"_s.arg(stream.below(100), 2, 10, QChar(u'0')).arg(stream.below(10000), 4, 10, QChar(u'0'))},
        {u"phone_public"_s, stream.chance(0.2)},
        {u"pronouns"_s, stream.pick(pronouns)},
        {u"languages"_s, stream.pick(languages)},
        {u"media_contact"_s, stream.chance(0.1)},
    };
    if (stream.chance(0.3)) {
        record.insert(u"bio"_s, sentences(stream, english(), 20 + int(stream.below(40))));
    }
    return record;
}

Record CoalitionGenerator::campaign(qint64 index) const
{
    Stream stream(streamSeed(TagCampaign, index));
    const Topic &topic = topics().at(index % topics().size());
    const QString company = stream.pick(companies);
    QString name = topic.english;
    name[0] = name.at(0).toUpper();
    const int year = 2024 + int(stream.below(3));
    return {
        {u"id"_s, campaignId(index)},
        {u"name"_s, u"%1: %2 %3"_s.arg(name, company).arg(index + 1)},
        {u"target"_s, QString(company + u" Corporation"_s)},
        {u"demand"_s, sentences(stream, english(), 15, topic.english)},
        {u"starts_on"_s, date(stream, year)},
        {u"ends_on"_s, date(stream, year + 1)},
    };
}

Record CoalitionGenerator::membership(qint64 index) const
{
    Stream stream(streamSeed(TagMembership, index));
    static const QStringList roles = {u"lead"_s, u"partner"_s, u"partner"_s, u"endorser"_s, u"supporter"_s};
    static const QStringList statuses = {u"invited"_s, u"considering"_s, u"signed_on"_s, u"signed_on"_s, u"signed_on"_s, u"declined"_s, u"withdrawn"_s};
    return {
        {u"id"_s, membershipId(index)},
        {u"campaign_id"_s, campaignId(index % m_size.campaigns)},
        {u"organization_id"_s, organizationId(index)},
        {u"role"_s, stream.pick(roles)},
        {u"status"_s, stream.pick(statuses)},
        {u"consent_to_name"_s, stream.chance(0.8)},
        {u"status_date"_s, date(stream, 2025)},
    };
}

QString CoalitionGenerator::quoteText(qint64 index, bool inSpanish) const
{
    Stream stream(streamSeed(TagQuoteText, index));
    const int words = 20 + int(stream.below(41));
    QString phrase;
    if (stream.chance(0.6)) {
        const Topic &topic = topics().at(stream.below(topics().size()));
        phrase = inSpanish ? topic.spanish : topic.english;
    }
    return sentences(stream, inSpanish ? spanish() : english(), words, phrase);
}

Record CoalitionGenerator::quote(qint64 index) const
{
    Stream stream(streamSeed(TagQuote, index));
    const bool inSpanish = stream.chance(0.3);
    Record record{
        {u"id"_s, quoteId(index)},
        {u"text"_s, quoteText(index, inSpanish)},
        {u"language"_s, inSpanish ? u"es"_s : u"en"_s},
        {u"spokesperson_id"_s, personId(stream.below(m_size.people))},
    };
    if (m_size.campaigns > 0) {
        record.insert(u"campaign_id"_s, campaignId(stream.below(m_size.campaigns)));
    }
    const double state = stream.unit();
    if (state < 0.40) {
        record.insert(u"state"_s, u"draft"_s);
    } else if (state < 0.60) {
        record.insert(u"state"_s, u"submitted"_s);
    } else if (state < 0.95) {
        record.insert(u"state"_s, u"approved"_s);
        record.insert(u"approved_by"_s, stream.pick(approvers));
        record.insert(u"approved_at"_s, instant(stream, 2025));
        if (stream.chance(0.1)) {
            record.insert(u"expires_at"_s, instant(stream, 2027));
        }
    } else {
        record.insert(u"state"_s, u"withdrawn"_s);
    }
    return record;
}

QString CoalitionGenerator::queryKindName(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Topic:
        return u"two common words"_s;
    case QueryKind::CommonAndRare:
        return u"common + rare word"_s;
    case QueryKind::RareAndRare:
        return u"two rare words"_s;
    case QueryKind::Prefix:
        return u"word + prefix (\"climate jus\")"_s;
    case QueryKind::SpanishWithoutAccents:
        return u"Spanish, typed without accents"_s;
    case QueryKind::Name:
        return u"person's name, no accents"_s;
    }
    return {};
}

QList<CoalitionGenerator::Query> CoalitionGenerator::queries(int count) const
{
    Stream stream(streamSeed(TagQuery, 0));
    const Vocabulary &words = english();
    const QStringList &rare = words.rare;
    // The advocacy words sit between the function words and the general words of the list.
    const qsizetype firstAdvocacyWord = words.words.indexOf(u"community"_s);
    const auto commonWord = [&]() -> QString {
        return words.words.at(firstAdvocacyWord + stream.below(250));
    };
    QList<Query> result;
    for (int i = 0; i < count; ++i) {
        const auto kind = QueryKind(i % 6);
        const Topic &topic = topics().at(stream.below(topics().size()));
        QString text;
        switch (kind) {
        case QueryKind::Topic:
            text = topic.query;
            break;
        case QueryKind::CommonAndRare:
            text = commonWord() + u' ' + stream.pick(rare);
            break;
        case QueryKind::RareAndRare:
            text = stream.pick(rare) + u' ' + stream.pick(rare);
            break;
        case QueryKind::Prefix: {
            const QStringList parts = splitWords(topic.query);
            text = parts.first() + u' ' + parts.last().left(3 + int(stream.below(2)));
            break;
        }
        case QueryKind::SpanishWithoutAccents:
            text = topic.spanishQuery;
            break;
        case QueryKind::Name: {
            const QString name = person(stream.below(m_size.people)).value(u"name"_s).toString();
            text = withoutAccents(name).toLower();
            break;
        }
        }
        result.append({kind, text});
    }
    return result;
}

Result<void> CoalitionGenerator::writeKind(Store::Store &store, Kind kind, qint64 first, qint64 last, int batchSize, const Progress &progress) const
{
    const auto make = [this, kind](qint64 index) -> Record {
        switch (kind) {
        case Kind::Organization:
            return organization(index);
        case Kind::Person:
            return person(index);
        case Kind::Campaign:
            return campaign(index);
        case Kind::Membership:
            return membership(index);
        default:
            return quote(index);
        }
    };
    for (qint64 start = first; start < last; start += batchSize) {
        const qint64 end = std::min(last, start + batchSize);
        auto written = store.transact([&]() -> Result<void> {
            for (qint64 index = start; index < end; ++index) {
                auto id = store.create(kind, make(index));
                if (!id) {
                    return id.error();
                }
            }
            return {};
        });
        if (!written) {
            return written;
        }
        if (progress) {
            progress(kind, end - first, last - first);
        }
    }
    return {};
}

QList<std::pair<Kind, qint64>> CoalitionGenerator::writeOrder() const
{
    return {
        {Kind::Organization, m_size.organizations},
        {Kind::Campaign, m_size.campaigns},
        {Kind::Person, m_size.people},
        {Kind::Membership, m_size.organizations},
        {Kind::Quote, m_size.quotes},
    };
}

Result<void> CoalitionGenerator::writeTo(Store::Store &store, int batchSize, const Progress &progress) const
{
    for (const auto &[kind, total] : writeOrder()) {
        if (auto written = writeKind(store, kind, 0, total, batchSize, progress); !written) {
            return written;
        }
    }
    return {};
}

} // namespace Chorus::Bench
