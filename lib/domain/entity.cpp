// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "entity.h"

#include <KLocalizedString>

#include <QHash>

using namespace Qt::StringLiterals;

namespace Chorus::Domain
{

namespace
{

using T = FieldType;

Field text(const QString &name, bool required = false)
{
    return {name, T::Text, required, {}, {}};
}
Field longText(const QString &name, bool required = false)
{
    return {name, T::LongText, required, {}, {}};
}
Field of(const QString &name, FieldType type, bool required = false)
{
    return {name, type, required, {}, {}};
}
Field ref(const QString &name, Kind kind, bool required = false)
{
    return {name, T::Reference, required, kind, {}};
}
Field choice(const QString &name, const QStringList &choices)
{
    return {name, T::Choice, true, {}, choices};
}

QList<EntityInfo> makeEntities()
{
    return {
        {Kind::Organization,
         u"organization"_s,
         u"organizations"_s,
         {text(u"name"_s, true),
          text(u"short_name"_s),
          text(u"kind"_s),
          of(u"website"_s, T::Url),
          of(u"people_represented"_s, T::Count),
          text(u"people_represented_source"_s),
          of(u"people_represented_as_of"_s, T::Date),
          longText(u"boilerplate"_s),
          of(u"logo"_s, T::Blob),
          ref(u"press_contact_id"_s, Kind::Person),
          longText(u"notes"_s)},
         u"name"_s},
        {Kind::Person,
         u"person"_s,
         u"people"_s,
         {text(u"name"_s, true),
          text(u"title"_s),
          ref(u"organization_id"_s, Kind::Organization),
          of(u"email"_s, T::Email),
          text(u"phone"_s),
          of(u"phone_public"_s, T::Boolean),
          text(u"pronouns"_s),
          text(u"languages"_s),
          longText(u"bio"_s),
          of(u"media_contact"_s, T::Boolean),
          longText(u"notes"_s),
          of(u"photo"_s, T::Blob)},
         u"name"_s},
        {Kind::Campaign,
         u"campaign"_s,
         u"campaigns"_s,
         {text(u"name"_s, true), text(u"target"_s), longText(u"demand"_s), longText(u"description"_s), of(u"starts_on"_s, T::Date), of(u"ends_on"_s, T::Date)},
         u"name"_s},
        {Kind::Membership,
         u"membership"_s,
         u"memberships"_s,
         {ref(u"campaign_id"_s, Kind::Campaign, true),
          ref(u"organization_id"_s, Kind::Organization, true),
          choice(u"role"_s, {u"lead"_s, u"partner"_s, u"endorser"_s, u"supporter"_s}),
          choice(u"status"_s, {u"invited"_s, u"considering"_s, u"signed_on"_s, u"declined"_s, u"withdrawn"_s}),
          of(u"consent_to_name"_s, T::Boolean),
          of(u"status_date"_s, T::Date)},
         u"organization_id"_s},
        {Kind::Petition,
         u"petition"_s,
         u"petitions"_s,
         {ref(u"campaign_id"_s, Kind::Campaign),
          choice(u"kind"_s, {u"petition"_s, u"open_letter"_s}),
          text(u"title"_s, true),
          ref(u"host_organization_id"_s, Kind::Organization),
          text(u"addressed_to"_s),
          longText(u"signatories"_s),
          of(u"signature_count"_s, T::Count),
          of(u"goal"_s, T::Count),
          of(u"count_as_of"_s, T::DateTime),
          of(u"url"_s, T::Url)},
         u"title"_s},
        {Kind::Event,
         u"event"_s,
         u"events"_s,
         {ref(u"campaign_id"_s, Kind::Campaign),
          choice(u"kind"_s, {u"press_conference"_s, u"petition_delivery"_s, u"rally"_s, u"vigil"_s, u"march"_s, u"call"_s, u"other"_s}),
          text(u"title"_s, true),
          longText(u"description"_s),
          choice(u"scheduling"_s, {u"same_moment"_s, u"same_local_time"_s})},
         u"title"_s},
        {Kind::Site,
         u"site"_s,
         u"sites"_s,
         {ref(u"event_id"_s, Kind::Event, true),
          text(u"venue"_s, true),
          text(u"address"_s),
          of(u"time_zone"_s, T::TimeZone, true),
          of(u"starts_at"_s, T::DateTime, true),
          of(u"ends_at"_s, T::DateTime),
          ref(u"lead_organization_id"_s, Kind::Organization),
          ref(u"contact_person_id"_s, Kind::Person),
          of(u"expected_turnout"_s, T::Count),
          {u"permit_status"_s, T::Choice, false, {}, {u"not_needed"_s, u"needed"_s, u"applied"_s, u"granted"_s, u"denied"_s}},
          of(u"livestream_url"_s, T::Url),
          longText(u"notes"_s)},
         u"venue"_s},
        {Kind::RunOfShowItem,
         u"run_of_show_item"_s,
         u"run_of_show_items"_s,
         {ref(u"site_id"_s, Kind::Site, true),
          of(u"position"_s, T::Integer),
          of(u"offset_minutes"_s, T::Integer),
          of(u"duration_minutes"_s, T::Count),
          ref(u"speaker_id"_s, Kind::Person),
          longText(u"description"_s),
          of(u"clock_time"_s, T::Text)},
         u"description"_s},
        {Kind::Quote,
         u"quote"_s,
         u"quotes"_s,
         {longText(u"text"_s, true),
          of(u"language"_s, T::Language, true),
          ref(u"spokesperson_id"_s, Kind::Person, true),
          ref(u"campaign_id"_s, Kind::Campaign),
          ref(u"event_id"_s, Kind::Event),
          choice(u"state"_s, {u"draft"_s, u"submitted"_s, u"approved"_s, u"withdrawn"_s}),
          text(u"approved_by"_s),
          of(u"approved_at"_s, T::DateTime),
          of(u"expires_at"_s, T::DateTime),
          ref(u"translation_of"_s, Kind::Quote)},
         u"text"_s},
        {Kind::Task,
         u"task"_s,
         u"tasks"_s,
         {text(u"title"_s, true),
          ref(u"campaign_id"_s, Kind::Campaign),
          ref(u"event_id"_s, Kind::Event),
          ref(u"site_id"_s, Kind::Site),
          ref(u"owner_person_id"_s, Kind::Person),
          ref(u"owner_organization_id"_s, Kind::Organization),
          of(u"due_at"_s, T::DateTime),
          of(u"due_time_zone"_s, T::TimeZone),
          choice(u"status"_s, {u"open"_s, u"in_progress"_s, u"done"_s, u"blocked"_s}),
          longText(u"notes"_s)},
         u"title"_s},
        {Kind::Fact,
         u"fact"_s,
         u"facts"_s,
         {ref(u"campaign_id"_s, Kind::Campaign), longText(u"text"_s, true), text(u"source"_s), of(u"source_url"_s, T::Url), of(u"as_of"_s, T::Date)},
         u"text"_s},
        {Kind::PressKit,
         u"press_kit"_s,
         u"press_kits"_s,
         {ref(u"campaign_id"_s, Kind::Campaign, true),
          ref(u"event_id"_s, Kind::Event),
          text(u"name"_s, true),
          text(u"headline"_s),
          text(u"subhead"_s),
          text(u"dateline_city"_s),
          of(u"dateline_date"_s, T::Date),
          of(u"embargo_until"_s, T::DateTime),
          of(u"embargo_time_zone"_s, T::TimeZone),
          longText(u"lede"_s),
          longText(u"body"_s),
          of(u"language"_s, T::Language, true),
          of(u"settings"_s, T::Json),
          {u"quote_ids"_s, T::Json, false, Kind::Quote, {}},
          {u"organization_ids"_s, T::Json, false, Kind::Organization, {}},
          {u"contact_ids"_s, T::Json, false, Kind::Person, {}}},
         u"name"_s},
        {Kind::MediaRsvp,
         u"media_rsvp"_s,
         u"media_rsvps"_s,
         {ref(u"event_id"_s, Kind::Event, true),
          text(u"journalist_name"_s, true),
          text(u"outlet"_s),
          of(u"email"_s, T::Email),
          text(u"phone"_s),
          choice(u"rsvp_status"_s, {u"invited"_s, u"confirmed"_s, u"attended"_s}),
          longText(u"notes"_s)},
         u"journalist_name"_s},
    };
}

const QList<EntityInfo> &entities()
{
    static const QList<EntityInfo> all = makeEntities();
    return all;
}

} // namespace

const Field *EntityInfo::field(QStringView name) const
{
    for (const Field &f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

const EntityInfo &entity(Kind kind)
{
    return entities().at(int(kind));
}

const QList<Kind> &allKinds()
{
    static const QList<Kind> kinds = [] {
        QList<Kind> list;
        for (const EntityInfo &info : entities()) {
            list << info.kind;
        }
        return list;
    }();
    return kinds;
}

std::optional<Kind> kindFromKey(QStringView key)
{
    for (const EntityInfo &info : entities()) {
        if (info.key == key) {
            return info.kind;
        }
    }
    return std::nullopt;
}

QString kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Organization:
        return i18nc("@item record kind", "organization");
    case Kind::Person:
        return i18nc("@item record kind", "person");
    case Kind::Campaign:
        return i18nc("@item record kind", "campaign");
    case Kind::Membership:
        return i18nc("@item record kind", "membership");
    case Kind::Petition:
        return i18nc("@item record kind", "petition or open letter");
    case Kind::Event:
        return i18nc("@item record kind", "event");
    case Kind::Site:
        return i18nc("@item record kind", "event site");
    case Kind::RunOfShowItem:
        return i18nc("@item record kind", "run-of-show item");
    case Kind::Quote:
        return i18nc("@item record kind", "quote");
    case Kind::Task:
        return i18nc("@item record kind", "task");
    case Kind::Fact:
        return i18nc("@item record kind", "fact");
    case Kind::PressKit:
        return i18nc("@item record kind", "press kit");
    case Kind::MediaRsvp:
        return i18nc("@item record kind", "media RSVP");
    }
    return {};
}

QString kindPluralLabel(Kind kind)
{
    switch (kind) {
    case Kind::Organization:
        return i18nc("@title record kind, plural", "Organizations");
    case Kind::Person:
        return i18nc("@title record kind, plural", "People");
    case Kind::Campaign:
        return i18nc("@title record kind, plural", "Campaigns");
    case Kind::Membership:
        return i18nc("@title record kind, plural", "Memberships");
    case Kind::Petition:
        return i18nc("@title record kind, plural", "Petitions and Open Letters");
    case Kind::Event:
        return i18nc("@title record kind, plural", "Events");
    case Kind::Site:
        return i18nc("@title record kind, plural", "Event Sites");
    case Kind::RunOfShowItem:
        return i18nc("@title record kind, plural", "Run of Show");
    case Kind::Quote:
        return i18nc("@title record kind, plural", "Quotes");
    case Kind::Task:
        return i18nc("@title record kind, plural", "Tasks");
    case Kind::Fact:
        return i18nc("@title record kind, plural", "Facts");
    case Kind::PressKit:
        return i18nc("@title record kind, plural", "Press Kits");
    case Kind::MediaRsvp:
        return i18nc("@title record kind, plural", "Media RSVPs");
    }
    return {};
}

QString fieldLabel(Kind kind, QStringView field)
{
    // Fields whose label depends on the kind of record.
    if (field == u"kind") {
        return kind == Kind::Organization ? i18nc("@label field", "kind of organization") : i18nc("@label field", "kind");
    }
    if (field == u"text") {
        return kind == Kind::Fact ? i18nc("@label field", "fact") : i18nc("@label field", "text");
    }
    static const QHash<QString, KLocalizedString> labels = {
        {u"name"_s, ki18nc("@label field", "name")},
        {u"short_name"_s, ki18nc("@label field", "short name")},
        {u"website"_s, ki18nc("@label field", "website")},
        {u"people_represented"_s, ki18nc("@label field", "people represented")},
        {u"people_represented_source"_s, ki18nc("@label field", "source of the people represented")},
        {u"people_represented_as_of"_s, ki18nc("@label field", "people represented as of")},
        {u"boilerplate"_s, ki18nc("@label field", "boilerplate")},
        {u"logo"_s, ki18nc("@label field", "logo")},
        {u"photo"_s, ki18nc("@label field", "photo")},
        {u"press_contact_id"_s, ki18nc("@label field", "press contact")},
        {u"notes"_s, ki18nc("@label field", "notes")},
        {u"title"_s, ki18nc("@label field", "title")},
        {u"organization_id"_s, ki18nc("@label field", "organization")},
        {u"email"_s, ki18nc("@label field", "e-mail address")},
        {u"phone"_s, ki18nc("@label field", "phone")},
        {u"phone_public"_s, ki18nc("@label field", "phone is public")},
        {u"pronouns"_s, ki18nc("@label field", "pronouns")},
        {u"languages"_s, ki18nc("@label field", "languages")},
        {u"bio"_s, ki18nc("@label field", "bio")},
        {u"media_contact"_s, ki18nc("@label field", "media contact")},
        {u"target"_s, ki18nc("@label field", "target")},
        {u"demand"_s, ki18nc("@label field", "demand")},
        {u"description"_s, ki18nc("@label field", "description")},
        {u"starts_on"_s, ki18nc("@label field", "start date")},
        {u"ends_on"_s, ki18nc("@label field", "end date")},
        {u"campaign_id"_s, ki18nc("@label field", "campaign")},
        {u"role"_s, ki18nc("@label field", "role")},
        {u"status"_s, ki18nc("@label field", "status")},
        {u"consent_to_name"_s, ki18nc("@label field", "consent to be named")},
        {u"status_date"_s, ki18nc("@label field", "status date")},
        {u"host_organization_id"_s, ki18nc("@label field", "host organization")},
        {u"addressed_to"_s, ki18nc("@label field", "addressed to")},
        {u"signatories"_s, ki18nc("@label field", "signatories")},
        {u"signature_count"_s, ki18nc("@label field", "signature count")},
        {u"goal"_s, ki18nc("@label field", "goal")},
        {u"count_as_of"_s, ki18nc("@label field", "count as of")},
        {u"url"_s, ki18nc("@label field", "web address")},
        {u"scheduling"_s, ki18nc("@label field", "scheduling")},
        {u"event_id"_s, ki18nc("@label field", "event")},
        {u"venue"_s, ki18nc("@label field", "venue")},
        {u"address"_s, ki18nc("@label field", "address")},
        {u"time_zone"_s, ki18nc("@label field", "time zone")},
        {u"starts_at"_s, ki18nc("@label field", "start")},
        {u"ends_at"_s, ki18nc("@label field", "end")},
        {u"lead_organization_id"_s, ki18nc("@label field", "lead organization")},
        {u"contact_person_id"_s, ki18nc("@label field", "site contact")},
        {u"expected_turnout"_s, ki18nc("@label field", "expected turnout")},
        {u"permit_status"_s, ki18nc("@label field", "permit status")},
        {u"livestream_url"_s, ki18nc("@label field", "livestream link")},
        {u"site_id"_s, ki18nc("@label field", "site")},
        {u"position"_s, ki18nc("@label field", "position")},
        {u"offset_minutes"_s, ki18nc("@label field", "start offset")},
        {u"duration_minutes"_s, ki18nc("@label field", "duration")},
        {u"speaker_id"_s, ki18nc("@label field", "speaker")},
        {u"language"_s, ki18nc("@label field", "language")},
        {u"spokesperson_id"_s, ki18nc("@label field", "spokesperson")},
        {u"state"_s, ki18nc("@label field", "state")},
        {u"approved_by"_s, ki18nc("@label field", "approved by")},
        {u"approved_at"_s, ki18nc("@label field", "approval date")},
        {u"expires_at"_s, ki18nc("@label field", "expiry")},
        {u"translation_of"_s, ki18nc("@label field", "translation of")},
        {u"owner_person_id"_s, ki18nc("@label field", "owner")},
        {u"owner_organization_id"_s, ki18nc("@label field", "owner organization")},
        {u"due_at"_s, ki18nc("@label field", "due")},
        {u"source"_s, ki18nc("@label field", "source")},
        {u"source_url"_s, ki18nc("@label field", "source link")},
        {u"as_of"_s, ki18nc("@label field", "as of")},
        {u"headline"_s, ki18nc("@label field", "headline")},
        {u"subhead"_s, ki18nc("@label field", "subhead")},
        {u"dateline_city"_s, ki18nc("@label field", "dateline city")},
        {u"dateline_date"_s, ki18nc("@label field", "dateline date")},
        {u"embargo_until"_s, ki18nc("@label field", "embargo")},
        {u"embargo_time_zone"_s, ki18nc("@label field", "embargo time zone")},
        {u"lede"_s, ki18nc("@label field", "lede")},
        {u"body"_s, ki18nc("@label field", "body")},
        {u"settings"_s, ki18nc("@label field", "settings")},
        {u"quote_ids"_s, ki18nc("@label field of a press kit", "quotes")},
        {u"organization_ids"_s, ki18nc("@label field of a press kit", "organizations whose boilerplate is included")},
        {u"contact_ids"_s, ki18nc("@label field of a press kit", "media contacts")},
        {u"clock_time"_s, ki18nc("@label field", "clock start")},
        {u"due_time_zone"_s, ki18nc("@label field", "time zone of the due date")},
        {u"journalist_name"_s, ki18nc("@label field", "journalist")},
        {u"outlet"_s, ki18nc("@label field", "outlet")},
        {u"rsvp_status"_s, ki18nc("@label field", "RSVP status")},
    };
    const auto it = labels.constFind(field.toString());
    return it == labels.constEnd() ? field.toString() : it->toString();
}

QString choiceLabel(QStringView field, QStringView value)
{
    static const QHash<QString, KLocalizedString> labels = {
        {u"lead"_s, ki18nc("@item membership role", "lead")},
        {u"partner"_s, ki18nc("@item membership role", "partner")},
        {u"endorser"_s, ki18nc("@item membership role", "endorser")},
        {u"supporter"_s, ki18nc("@item membership role", "supporter")},
        {u"invited"_s, ki18nc("@item membership status", "invited")},
        {u"considering"_s, ki18nc("@item membership status", "considering")},
        {u"signed_on"_s, ki18nc("@item membership status", "signed on")},
        {u"declined"_s, ki18nc("@item membership status", "declined")},
        {u"petition"_s, ki18nc("@item petition kind", "petition")},
        {u"open_letter"_s, ki18nc("@item petition kind", "open letter")},
        {u"press_conference"_s, ki18nc("@item event kind", "press conference")},
        {u"petition_delivery"_s, ki18nc("@item event kind", "petition delivery")},
        {u"rally"_s, ki18nc("@item event kind", "rally")},
        {u"vigil"_s, ki18nc("@item event kind", "vigil")},
        {u"march"_s, ki18nc("@item event kind", "march")},
        {u"call"_s, ki18nc("@item event kind", "call")},
        {u"other"_s, ki18nc("@item event kind", "other")},
        {u"same_moment"_s, ki18nc("@item event scheduling", "the same moment everywhere")},
        {u"same_local_time"_s, ki18nc("@item event scheduling", "the same local time at each site")},
        {u"not_needed"_s, ki18nc("@item permit status", "not needed")},
        {u"needed"_s, ki18nc("@item permit status", "needed")},
        {u"applied"_s, ki18nc("@item permit status", "applied for")},
        {u"granted"_s, ki18nc("@item permit status", "granted")},
        {u"denied"_s, ki18nc("@item permit status", "denied")},
        {u"draft"_s, ki18nc("@item quote state", "draft")},
        {u"submitted"_s, ki18nc("@item quote state", "submitted")},
        {u"approved"_s, ki18nc("@item quote state", "approved")},
        {u"open"_s, ki18nc("@item task status", "open")},
        {u"in_progress"_s, ki18nc("@item task status", "in progress")},
        {u"done"_s, ki18nc("@item task status", "done")},
        {u"blocked"_s, ki18nc("@item task status", "blocked")},
    };
    if (field == u"rsvp_status") {
        if (value == u"invited") {
            return i18nc("@item media RSVP status", "invited");
        }
        if (value == u"confirmed") {
            return i18nc("@item media RSVP status", "confirmed");
        }
        if (value == u"attended") {
            return i18nc("@item media RSVP status", "attended");
        }
    }
    // "withdrawn" is both a membership status and a quote state, with different wording in some languages.
    if (value == u"withdrawn") {
        return field == u"state" ? i18nc("@item quote state", "withdrawn") : i18nc("@item membership status", "withdrawn");
    }
    const auto it = labels.constFind(value.toString());
    return it == labels.constEnd() ? value.toString() : it->toString();
}

} // namespace Chorus::Domain
