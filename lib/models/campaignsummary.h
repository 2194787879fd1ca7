// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{

/// The figures of one campaign that its dashboard shows.
struct CampaignSummary {
    struct Petition {
        QString id;
        QString title;
        QString kind; ///< "petition" or "open_letter"
        qint64 signatures = 0;
        QString countAsOf; ///< UTC instant, may be empty
    };
    struct Site {
        QString id;
        QString venue;
        QString eventId;
        QString eventTitle;
        QDateTime startsAt; ///< UTC
        QString timeZone; ///< IANA id
    };

    QString id;
    QString name;
    QString demand; ///< what the campaign asks for, may be empty
    QString target; ///< of whom, may be empty
    qint64 signedOn = 0;
    qint64 considering = 0;
    qint64 invited = 0;
    /// People represented by the organizations signed on, and the oldest date those figures are from.
    qint64 peopleRepresented = 0;
    QString oldestAsOf;
    qint64 organizationsWithoutFigure = 0; ///< signed on, but how many they represent is unknown
    QList<Petition> petitions;
    QHash<QString, qint64> quotesByState;
    QList<Site> upcomingSites; ///< soonest first
    qint64 overdueTasks = 0;
};

/**
 * Sums up the campaigns of store for the overview: up to limit campaigns (the latest first),
 * with at most siteLimit upcoming sites each. now decides what is upcoming and overdue.
 */
CHORUS_CORE_EXPORT QList<CampaignSummary> summarizeCampaigns(Store::Store &store, const QDateTime &now, int limit = 20, int siteLimit = 5);

} // namespace Chorus::Models
