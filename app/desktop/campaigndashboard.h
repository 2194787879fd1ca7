// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"

#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

/**
 * The overview of each campaign: organizations signed on, considering and invited, the people
 * they represent (with the oldest date those figures are from), petitions and open letters,
 * quotes by state, upcoming event sites in their local time, overdue tasks. Each figure is a
 * link to the list behind it (listRequested()). It follows the store's changes.
 *
 * Each campaign is a card named "campaign_<id>": its main figures are labels "tile" (a large
 * number over what it counts; the accessible name says both), the rest is in a label "figures".
 */
class CampaignDashboard : public QWidget
{
    Q_OBJECT

public:
    using Conditions = QList<std::pair<QString, QVariant>>;

    explicit CampaignDashboard(QWidget *parent = nullptr);
    ~CampaignDashboard() override;

    void setStore(Store::Store *store);
    void refresh();

Q_SIGNALS:
    /// A figure was clicked: show the records of kind whose fields have these values.
    void listRequested(Chorus::Domain::Kind kind, const Chorus::Desktop::CampaignDashboard::Conditions &conditions);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openLink(const QString &link);
    QLabel *addTile(QGridLayout *grid, int column, const QString &number, const QString &caption, const QString &url, const QString &spoken);

    QPointer<Store::Store> m_store;
    QVBoxLayout *m_layout = nullptr;
    bool m_refreshPending = false;
};

} // namespace Chorus::Desktop
