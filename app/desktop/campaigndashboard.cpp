// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "campaigndashboard.h"

#include "events/sitetime.h"

#include "domain/validation.h"
#include "models/campaignsummary.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Desktop
{

namespace
{

/// A link to the list of kind narrowed to conditions, e.g. chorus-list:membership?campaign_id=…&status=signed_on.
QString link(Kind kind, const QList<std::pair<QString, QString>> &conditions, const QString &text)
{
    QUrl url;
    url.setScheme(u"chorus-list"_s);
    url.setPath(entity(kind).key);
    QUrlQuery query;
    for (const auto &[field, value] : conditions) {
        query.addQueryItem(field, value);
    }
    url.setQuery(query);
    return u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), text.toHtmlEscaped());
}

QString localTime(const QDateTime &utc, const QString &zoneId)
{
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid()) {
        return QLocale().toString(utc, QLocale::ShortFormat) + u" UTC"_s;
    }
    // "Thursday, May 20, 2027, 1:30 p.m. PDT": the site's own clock, as everywhere else.
    return Events::formatDateTime(utc, zone);
}

} // namespace

CampaignDashboard::CampaignDashboard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"campaignDashboard"_s);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
}

CampaignDashboard::~CampaignDashboard() = default;

void CampaignDashboard::setStore(Store::Store *store)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_store = store;
    // Counted after the window is on screen, and once for many writes in a row.
    const auto scheduleRefresh = [this] {
        if (!std::exchange(m_refreshPending, true)) {
            QTimer::singleShot(0, this, [this] {
                m_refreshPending = false;
                refresh();
            });
        }
    };
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, scheduleRefresh);
    }
    scheduleRefresh();
}

void CampaignDashboard::refresh()
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_store) {
        return;
    }
    const QList<Models::CampaignSummary> summaries = Models::summarizeCampaigns(*m_store, QDateTime::currentDateTimeUtc());
    for (const Models::CampaignSummary &summary : summaries) {
        auto *group = new QGroupBox(summary.name, this);
        group->setObjectName(u"campaign_"_s + summary.id);
        auto *layout = new QVBoxLayout(group);
        auto *figures = new QLabel(group);
        figures->setObjectName(u"figures"_s);
        figures->setTextFormat(Qt::RichText);
        figures->setWordWrap(true);
        figures->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(figures, &QLabel::linkActivated, this, &CampaignDashboard::openLink);
        const QString campaign = summary.id;
        const QLocale locale;

        QStringList lines;
        lines << i18nc(
            "@info dashboard line; the %1..%3 are links with counts",
            "Organizations: %1, %2, %3",
            link(Kind::Membership,
                 {{u"campaign_id"_s, campaign}, {u"status"_s, u"signed_on"_s}},
                 i18ncp("@info", "%1 signed on", "%1 signed on", summary.signedOn)),
            link(Kind::Membership,
                 {{u"campaign_id"_s, campaign}, {u"status"_s, u"considering"_s}},
                 i18ncp("@info", "%1 considering", "%1 considering", summary.considering)),
            link(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"status"_s, u"invited"_s}}, i18ncp("@info", "%1 invited", "%1 invited", summary.invited)));
        if (summary.peopleRepresented > 0) {
            QString line =
                i18nc("@info dashboard line; %1 is a number of people", "Together they represent %1 people", locale.toString(summary.peopleRepresented));
            if (!summary.oldestAsOf.isEmpty()) {
                line += u' '
                    + i18nc("@info %1 is a date",
                            "(figures as of %1 or later)",
                            locale.toString(QDate::fromString(summary.oldestAsOf, Qt::ISODate), QLocale::ShortFormat));
            }
            if (summary.organizationsWithoutFigure > 0) {
                line += u' ' + i18ncp("@info", "; 1 organization has no figure", "; %1 organizations have no figure", summary.organizationsWithoutFigure);
            }
            lines << line + u'.';
        }
        for (const Models::CampaignSummary::Petition &petition : summary.petitions) {
            const QString what = petition.kind == u"open_letter" ? i18nc("@info", "Open letter") : i18nc("@info", "Petition");
            QString line = i18nc("@info dashboard line; %1 petition or open letter, %2 its title, %3 the count",
                                 "%1 “%2”: %3",
                                 what,
                                 petition.title.toHtmlEscaped(),
                                 i18ncp("@info", "%1 signature", "%1 signatures", petition.signatures));
            if (const QDateTime asOf = parseInstant(petition.countAsOf); asOf.isValid()) {
                line += u' ' + i18nc("@info %1 is a date", "(as of %1)", locale.toString(asOf.toLocalTime().date(), QLocale::ShortFormat));
            }
            lines << line;
        }
        QStringList quoteStates;
        for (const QString &state : {u"draft"_s, u"submitted"_s, u"approved"_s, u"withdrawn"_s}) {
            quoteStates << link(
                Kind::Quote,
                {{u"campaign_id"_s, campaign}, {u"state"_s, state}},
                i18nc("@info %1 is a count, %2 a quote state", "%1 %2", locale.toString(summary.quotesByState.value(state)), choiceLabel(u"state", state)));
        }
        lines << i18nc("@info dashboard line; %1 is a list of links", "Quotes: %1", quoteStates.join(i18nc("@info list separator", ", ")));
        for (const Models::CampaignSummary::Site &site : summary.upcomingSites) {
            lines << i18nc("@info dashboard line; %1 event, %2 venue, %3 local time",
                           "Upcoming: %1 at %2, %3",
                           site.eventTitle.toHtmlEscaped(),
                           site.venue.toHtmlEscaped(),
                           localTime(site.startsAt, site.timeZone));
        }
        if (summary.overdueTasks > 0) {
            lines << u"<b>%1</b>"_s.arg(i18ncp("@info dashboard line", "1 task is overdue", "%1 tasks are overdue", summary.overdueTasks));
        }
        figures->setText(lines.join(u"<br/>"_s));
        layout->addWidget(figures);
        m_layout->addWidget(group);
    }
}

void CampaignDashboard::openLink(const QString &text)
{
    const QUrl url(text);
    const std::optional<Kind> kind = kindFromKey(url.path());
    if (url.scheme() != u"chorus-list" || !kind) {
        return;
    }
    Conditions conditions;
    for (const auto &[field, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        conditions.append({field, value});
    }
    Q_EMIT listRequested(*kind, conditions);
}

} // namespace Chorus::Desktop
