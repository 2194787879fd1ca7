// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "campaigndashboard.h"

#include "events/sitetime.h"

#include "domain/validation.h"
#include "models/campaignsummary.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QFocusEvent>
#include <QFrame>
#include <QGridLayout>
#include <QKeyEvent>
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

/// The address of the list of kind narrowed to conditions, e.g. chorus-list:membership?campaign_id=…&status=signed_on.
QString link(Kind kind, const QList<std::pair<QString, QString>> &conditions)
{
    QUrl url;
    url.setScheme(u"chorus-list"_s);
    url.setPath(entity(kind).key);
    QUrlQuery query;
    for (const auto &[field, value] : conditions) {
        query.addQueryItem(field, value);
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
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

/// A figure of the dashboard: a large number that links to its list, and what it counts below it.
QLabel *CampaignDashboard::addTile(QGridLayout *grid, int column, const QString &number, const QString &caption, const QString &url, const QString &spoken)
{
    auto *tile = new QLabel(grid->parentWidget());
    tile->setObjectName(u"tile"_s);
    tile->setTextFormat(Qt::RichText);
    // A figure without a list behind it takes no Tab.
    tile->setTextInteractionFlags(url.isEmpty() ? Qt::NoTextInteraction : Qt::TextBrowserInteraction);
    tile->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    tile->setWordWrap(true);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.7);
    const QString figure = u"<span style=\"font-size:%1pt; font-weight:600\">%2</span>"_s.arg(large.pointSizeF()).arg(number.toHtmlEscaped());
    tile->setText((url.isEmpty() ? figure : u"<a href=\"%1\" style=\"text-decoration:none\">%2</a>"_s.arg(url.toHtmlEscaped(), figure)) + u"<br/>"_s + caption);
    // Screen readers say the figure as a phrase: "12 signed on".
    tile->setAccessibleName(spoken);
    connect(tile, &QLabel::linkActivated, this, &CampaignDashboard::openLink);
    tile->installEventFilter(this);
    grid->addWidget(tile, 0, column);
    return tile;
}

bool CampaignDashboard::eventFilter(QObject *watched, QEvent *event)
{
    // A label of links that gets the keyboard focuses its first link (its last, going back), so
    // that Return opens it at once and the focus shows; the label alone took a Tab of its own,
    // with nothing to open and nothing shown. (QLabel moves between its links on Tab.)
    // (Once the label is on screen: figures made anew are shown a moment later.)
    auto *label = qobject_cast<QLabel *>(watched);
    if (label && event->type() == QEvent::FocusIn) {
        const bool back = static_cast<QFocusEvent *>(event)->reason() == Qt::BacktabFocusReason;
        QTimer::singleShot(0, label, [label, back] {
            if (label->hasFocus() && label->isVisible() && !label->hasSelectedText()) {
                QKeyEvent key(QEvent::KeyPress, back ? Qt::Key_Backtab : Qt::Key_Tab, back ? Qt::ShiftModifier : Qt::NoModifier);
                QCoreApplication::sendEvent(label, &key);
            }
        });
    }
    return QWidget::eventFilter(watched, event);
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
    const QLocale locale;
    // Secondary text: the text colour faded a third of the way into the background, legible
    // in light and dark colour schemes alike.
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    const QString muted =
        QColor::fromRgbF(text.redF() * 0.65f + base.redF() * 0.35f, text.greenF() * 0.65f + base.greenF() * 0.35f, text.blueF() * 0.65f + base.blueF() * 0.35f)
            .name();
    for (const Models::CampaignSummary &summary : summaries) {
        const QString campaign = summary.id;
        auto *card = new QFrame(this);
        card->setObjectName(u"campaign_"_s + summary.id);
        card->setFrameShape(QFrame::StyledPanel);
        card->setAutoFillBackground(true);
        card->setBackgroundRole(QPalette::Base);
        card->setAccessibleName(i18nc("@info:whatsthis accessible name; %1 is a campaign", "Campaign %1", summary.name));
        auto *layout = new QVBoxLayout(card);

        auto *title = new QLabel(summary.name, card);
        title->setObjectName(u"campaignName"_s);
        QFont heading = title->font();
        heading.setPointSizeF(heading.pointSizeF() * 1.3);
        heading.setWeight(QFont::DemiBold);
        title->setFont(heading);
        layout->addWidget(title);
        if (const QString demand = summary.target.isEmpty() || summary.demand.isEmpty()
                ? summary.demand
                : i18nc("@info campaign subtitle; %1 is whom the campaign targets, %2 what it demands", "%1: %2", summary.target, summary.demand);
            !demand.isEmpty()) {
            auto *subtitle = new QLabel(u"<span style=\"color:%1\">%2</span>"_s.arg(muted, demand.toHtmlEscaped()), card);
            subtitle->setObjectName(u"demand"_s);
            subtitle->setWordWrap(true);
            layout->addWidget(subtitle);
        }

        // The figures, each a link to its list.
        auto *tiles = new QWidget(card);
        auto *grid = new QGridLayout(tiles);
        grid->setContentsMargins(0, 6, 0, 6);
        grid->setHorizontalSpacing(24);
        const auto membershipLink = [&campaign](const QString &status) {
            return link(Kind::Membership, {{u"campaign_id"_s, campaign}, {u"status"_s, status}});
        };
        int column = 0;
        addTile(grid,
                column++,
                locale.toString(summary.signedOn),
                i18ncp("@info dashboard figure caption, below the number", "organization signed on", "organizations signed on", summary.signedOn),
                membershipLink(u"signed_on"_s),
                i18ncp("@info", "%1 signed on", "%1 signed on", summary.signedOn));
        addTile(grid,
                column++,
                locale.toString(summary.considering),
                i18nc("@info dashboard figure caption, below the number", "considering"),
                membershipLink(u"considering"_s),
                i18ncp("@info", "%1 considering", "%1 considering", summary.considering));
        addTile(grid,
                column++,
                locale.toString(summary.invited),
                i18nc("@info dashboard figure caption, below the number", "invited"),
                membershipLink(u"invited"_s),
                i18ncp("@info", "%1 invited", "%1 invited", summary.invited));
        {
            QString caption = i18nc("@info dashboard figure caption, below the number", "people represented");
            if (!summary.oldestAsOf.isEmpty()) {
                caption += u"<br/><span style=\"color:%1\">%2</span>"_s.arg(
                    muted,
                    i18nc("@info %1 is a date",
                          "figures as of %1 or later",
                          locale.toString(QDate::fromString(summary.oldestAsOf, Qt::ISODate), QLocale::ShortFormat)));
            }
            if (summary.organizationsWithoutFigure > 0) {
                caption += u"<br/><span style=\"color:%1\">%2</span>"_s.arg(
                    muted,
                    i18ncp("@info", "1 organization has no figure", "%1 organizations have no figure", summary.organizationsWithoutFigure));
            }
            addTile(grid,
                    column++,
                    locale.toString(summary.peopleRepresented),
                    caption,
                    membershipLink(u"signed_on"_s),
                    i18nc("@info dashboard line; %1 is a number of people", "Together they represent %1 people", locale.toString(summary.peopleRepresented)));
        }
        {
            const qint64 approved = summary.quotesByState.value(u"approved"_s);
            QStringList others;
            for (const QString &state : {u"draft"_s, u"submitted"_s, u"withdrawn"_s}) {
                if (const qint64 count = summary.quotesByState.value(state); count > 0) {
                    // Each state its own plural: "7 drafts", in Spanish "4 enviadas" ("7 draft", "4 enviada" before).
                    QString counted;
                    if (state == u"draft") {
                        counted = i18ncp("@info quotes of a campaign in draft", "%1 draft", "%1 drafts", count);
                    } else if (state == u"submitted") {
                        counted = i18ncp("@info quotes of a campaign submitted for approval", "%1 submitted", "%1 submitted", count);
                    } else {
                        counted = i18ncp("@info quotes of a campaign withdrawn", "%1 withdrawn", "%1 withdrawn", count);
                    }
                    others << u"<a href=\"%1\">%2</a>"_s.arg(link(Kind::Quote, {{u"campaign_id"_s, campaign}, {u"state"_s, state}}).toHtmlEscaped(),
                                                             counted.toHtmlEscaped());
                }
            }
            QString caption = i18ncp("@info dashboard figure caption, below the number", "approved quote", "approved quotes", approved);
            if (!others.isEmpty()) {
                caption += u"<br/>"_s + others.join(i18nc("@info list separator", ", "));
            }
            addTile(grid,
                    column++,
                    locale.toString(approved),
                    caption,
                    link(Kind::Quote, {{u"campaign_id"_s, campaign}, {u"state"_s, u"approved"_s}}),
                    i18ncp("@info", "%1 approved quote", "%1 approved quotes", approved));
        }
        grid->setColumnStretch(column, 1);
        layout->addWidget(tiles);

        // The rest, line by line: petitions, upcoming sites, overdue tasks.
        QStringList lines;
        for (const Models::CampaignSummary::Petition &petition : summary.petitions) {
            const QString what = petition.kind == u"open_letter" ? i18nc("@info", "Open letter") : i18nc("@info", "Petition");
            QString line =
                i18nc("@info dashboard line; %1 petition or open letter, %2 its title, %3 the count",
                      "%1 “%2”: %3",
                      what,
                      u"<a href=\"%1\">%2</a>"_s.arg(link(Kind::Petition, {{u"campaign_id"_s, campaign}}).toHtmlEscaped(), petition.title.toHtmlEscaped()),
                      i18ncp("@info", "%1 signature", "%1 signatures", petition.signatures));
            if (const QDateTime asOf = parseInstant(petition.countAsOf); asOf.isValid()) {
                line += u' ' + i18nc("@info %1 is a date", "(as of %1)", locale.toString(asOf.toLocalTime().date(), QLocale::ShortFormat));
            }
            lines << line;
        }
        // Sites to come, under their event's title: a day of action has many.
        QString event;
        for (const Models::CampaignSummary::Site &site : summary.upcomingSites) {
            if (site.eventId != event) {
                event = site.eventId;
                lines << u"<b>%1</b>"_s.arg(i18nc("@title:group on the overview; %1 is an event", "Upcoming: %1", site.eventTitle).toHtmlEscaped());
            }
            lines << i18nc("@info dashboard line; %1 local time, %2 venue",
                           "%1 — %2",
                           localTime(site.startsAt, site.timeZone).toHtmlEscaped(),
                           u"<a href=\"%1\">%2</a>"_s.arg(link(Kind::Site, {{u"event_id"_s, site.eventId}}).toHtmlEscaped(), site.venue.toHtmlEscaped()));
        }
        if (summary.overdueTasks > 0) {
            lines << u"<a href=\"%1\"><b>%2</b></a>"_s.arg(link(Kind::Task, {{u"campaign_id"_s, campaign}, {u"status"_s, u"open"_s}}).toHtmlEscaped(),
                                                           i18ncp("@info dashboard line", "1 task is overdue", "%1 tasks are overdue", summary.overdueTasks));
        }
        auto *figures = new QLabel(card);
        figures->setObjectName(u"figures"_s);
        figures->setTextFormat(Qt::RichText);
        figures->setWordWrap(true);
        figures->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(figures, &QLabel::linkActivated, this, &CampaignDashboard::openLink);
        figures->installEventFilter(this);
        figures->setText(lines.join(u"<br/>"_s));
        figures->setVisible(!lines.isEmpty());
        layout->addWidget(figures);
        m_layout->addWidget(card);
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
