// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QPointer>
#include <QWidget>

class KMessageWidget;
class QComboBox;
class QDateEdit;
class QPushButton;
class QTimeEdit;
class QLabel;
class QTableView;

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Models
{
class EventSitesModel;
class RunOfShowModel;
class TaskListModel;
} // namespace Chorus::Models

namespace Chorus::Desktop
{

/**
 * The day of action at a glance: pick an event, see each site at its own local time, the
 * coordinator's time and UTC, switch between "the same moment everywhere" and "the same local
 * time at each site", read the selected site's run of show, and the event's tasks (overdue ones
 * in red, "my tasks" by owner). Warnings (daylight-saving switches, a run of show longer than
 * its slot, a spokesperson booked twice) are listed above the tables.
 */
class EventPlannerView : public QWidget
{
    Q_OBJECT

public:
    explicit EventPlannerView(QWidget *parent = nullptr);
    ~EventPlannerView() override;

    /// Shows store's events (nothing when null) and follows its changes.
    void setStore(Store::Store *store);
    /// Shows the event with this id.
    void selectEvent(const QString &eventId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void followColorScheme();
    void reloadEvents();
    void reloadPeople();
    void eventChosen();
    void schedulingChosen();
    void siteChosen();
    void ownerChosen();
    void moveSites();
    void updateMoveControls();
    void updateSummary();

    QPointer<Store::Store> m_store;
    QComboBox *m_events = nullptr;
    QComboBox *m_scheduling = nullptr;
    QDateEdit *m_startDate = nullptr;
    QTimeEdit *m_startTime = nullptr;
    QPushButton *m_move = nullptr;
    QLabel *m_moveHint = nullptr;
    KMessageWidget *m_error = nullptr;
    QLabel *m_rsvps = nullptr;
    QLabel *m_warnings = nullptr;
    QTableView *m_sitesView = nullptr;
    QTableView *m_runOfShowView = nullptr;
    QLabel *m_runOfShowTotal = nullptr;
    QComboBox *m_owner = nullptr;
    QTableView *m_tasksView = nullptr;
    Models::EventSitesModel *m_sites = nullptr;
    Models::RunOfShowModel *m_runOfShow = nullptr;
    Models::TaskListModel *m_tasks = nullptr;
    QString m_selectedSite; ///< kept across the sites model's resets
    bool m_updating = false;
};

} // namespace Chorus::Desktop
