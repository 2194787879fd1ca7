// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "eventplannerview.h"

#include "domain/validation.h"
#include "events/eventscheduler.h"
#include "events/logistics.h"
#include "events/runofshow.h"
#include "models/eventsitesmodel.h"
#include "models/runofshowmodel.h"
#include "models/tasklistmodel.h"
#include "store/store.h"

#include <KColorScheme>
#include <KLocalizedString>
#include <KMessageWidget>

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;
using Chorus::Domain::Record;

namespace Chorus::Desktop
{

namespace
{

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

EventPlannerView::EventPlannerView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"eventPlanner"_s);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_events = new QComboBox(this);
    m_events->setObjectName(u"eventCombo"_s);
    form->addRow(i18nc("@label:listbox", "Event:"), m_events);
    m_scheduling = new QComboBox(this);
    m_scheduling->setObjectName(u"schedulingCombo"_s);
    m_scheduling->addItem(Domain::choiceLabel(u"scheduling", u"same_moment"), u"same_moment"_s);
    m_scheduling->addItem(Domain::choiceLabel(u"scheduling", u"same_local_time"), u"same_local_time"_s);
    m_scheduling->setToolTip(i18nc("@info:tooltip",
                                   "The same moment everywhere: every site starts at one instant, each at its own local time. "
                                   "The same local time at each site: every site starts at the selected site's local time on its own clock."));
    form->addRow(i18nc("@label:listbox", "Scheduling:"), m_scheduling);
    auto *startRow = new QHBoxLayout;
    m_startDate = new QDateEdit(this);
    m_startDate->setObjectName(u"startDateEdit"_s);
    m_startDate->setCalendarPopup(true);
    m_startTime = new QTimeEdit(this);
    m_startTime->setObjectName(u"startTimeEdit"_s);
    m_move = new QPushButton(QIcon::fromTheme(u"chronometer"_s), i18nc("@action:button", "Move All Sites"), this);
    m_move->setObjectName(u"moveSitesButton"_s);
    m_moveHint = new QLabel(this);
    m_moveHint->setObjectName(u"moveHint"_s);
    startRow->addWidget(m_startDate);
    startRow->addWidget(m_startTime);
    startRow->addWidget(m_move);
    startRow->addWidget(m_moveHint, 1);
    form->addRow(i18nc("@label the start of every site", "Start:"), startRow);
    layout->addLayout(form);

    m_error = new KMessageWidget(this);
    m_error->setObjectName(u"errorMessage"_s);
    m_error->setMessageType(KMessageWidget::Error);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(u"warningsLabel"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    layout->addWidget(m_warnings);

    layout->addWidget(heading(i18nc("@title", "Sites"), this));
    m_sitesView = makeTable(this, u"sitesView"_s);
    layout->addWidget(m_sitesView, 2);
    m_rsvps = new QLabel(this);
    m_rsvps->setObjectName(u"rsvpLabel"_s);
    layout->addWidget(m_rsvps);

    layout->addWidget(heading(i18nc("@title", "Run of Show of the Selected Site"), this));
    m_runOfShowView = makeTable(this, u"runOfShowView"_s);
    layout->addWidget(m_runOfShowView, 2);
    m_runOfShowTotal = new QLabel(this);
    m_runOfShowTotal->setObjectName(u"runOfShowTotal"_s);
    layout->addWidget(m_runOfShowTotal);

    auto *tasksRow = new QHBoxLayout;
    tasksRow->addWidget(heading(i18nc("@title", "Tasks"), this));
    tasksRow->addStretch();
    m_owner = new QComboBox(this);
    m_owner->setObjectName(u"ownerCombo"_s);
    m_owner->setToolTip(i18nc("@info:tooltip", "Show the tasks of one person: theirs and their organization's"));
    tasksRow->addWidget(new QLabel(i18nc("@label:listbox whose tasks to show", "Owner:"), this));
    tasksRow->addWidget(m_owner);
    layout->addLayout(tasksRow);
    m_tasksView = makeTable(this, u"tasksView"_s);
    layout->addWidget(m_tasksView, 1);

    connect(m_events, &QComboBox::currentIndexChanged, this, &EventPlannerView::eventChosen);
    connect(m_scheduling, &QComboBox::currentIndexChanged, this, &EventPlannerView::schedulingChosen);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &EventPlannerView::ownerChosen);
    connect(m_move, &QPushButton::clicked, this, &EventPlannerView::moveSites);
}

EventPlannerView::~EventPlannerView() = default;

void EventPlannerView::setStore(Store::Store *store)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_store = store;
    delete m_sites;
    delete m_runOfShow;
    delete m_tasks;
    m_sites = new Models::EventSitesModel(store, this);
    m_runOfShow = new Models::RunOfShowModel(store, this);
    m_tasks = new Models::TaskListModel(store, this);
    followColorScheme();
    m_sitesView->setModel(m_sites);
    m_runOfShowView->setModel(m_runOfShow);
    m_tasksView->setModel(m_tasks);
    m_sitesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runOfShowView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tasksView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_sitesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventPlannerView::siteChosen);
    connect(m_sites, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectedSite = m_sitesView->currentIndex().data(Models::EventSitesModel::SiteIdRole).toString();
    });
    connect(m_sites, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the same site selected when the sites are timed again (their order may change),
        // else the first, so that a run of show shows.
        int row = m_sites->rowCount() > 0 ? 0 : -1;
        for (int i = 0; i < m_sites->rowCount(); ++i) {
            if (m_sites->index(i, 0).data(Models::EventSitesModel::SiteIdRole).toString() == m_selectedSite) {
                row = i;
            }
        }
        m_sitesView->setCurrentIndex(row >= 0 ? m_sites->index(row, 0) : QModelIndex());
        siteChosen();
        updateMoveControls();
    });
    if (m_store) {
        connect(m_store, &Store::Store::changed, this, [this](const QList<Store::Change> &changes) {
            // An import announces thousands of people at once: each list is read again once.
            const bool events = std::any_of(changes.cbegin(), changes.cend(), [](const Store::Change &change) {
                return change.kind == Kind::Event && change.operation != Store::Change::Operation::Updated;
            });
            const bool people = std::any_of(changes.cbegin(), changes.cend(), [](const Store::Change &change) {
                return change.kind == Kind::Person;
            });
            if (events) {
                reloadEvents();
            }
            if (people) {
                reloadPeople();
            }
            updateSummary();
        });
    }
    reloadPeople();
    reloadEvents();
}

void EventPlannerView::selectEvent(const QString &eventId)
{
    const int index = m_events->findData(eventId);
    if (index >= 0) {
        m_events->setCurrentIndex(index);
    }
}

void EventPlannerView::reloadEvents()
{
    const QString current = m_events->currentData().toString();
    m_updating = true;
    m_events->clear();
    if (m_store) {
        for (const Record &event : m_store->fetchAll(Kind::Event)) {
            m_events->addItem(event.value(u"title"_s).toString(), event.value(u"id"_s));
        }
    }
    m_updating = false;
    const int index = m_events->findData(current);
    m_events->setCurrentIndex(index >= 0 ? index : (m_events->count() > 0 ? 0 : -1));
    eventChosen();
}

void EventPlannerView::reloadPeople()
{
    const QString current = m_owner->currentData().toString();
    m_updating = true;
    m_owner->clear();
    m_owner->addItem(i18nc("@item:inlistbox tasks of", "Everyone"), QString());
    if (m_store) {
        // Only the people with tasks: the coalition may have a hundred thousand others.
        for (const Events::TaskOwner &owner : Events::taskOwners(*m_store)) {
            m_owner->addItem(owner.name, owner.personId);
        }
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(current)));
    m_updating = false;
}

void EventPlannerView::eventChosen()
{
    if (m_updating || !m_sites) {
        return;
    }
    m_error->animatedHide();
    const QString eventId = m_events->currentData().toString();
    const std::optional<Record> event = m_store && !eventId.isEmpty() ? m_store->fetch(Kind::Event, eventId) : std::nullopt;
    m_updating = true;
    m_scheduling->setEnabled(event.has_value());
    m_scheduling->setCurrentIndex(std::max(0, m_scheduling->findData(event ? event->value(u"scheduling"_s).toString() : QString())));
    m_updating = false;
    m_selectedSite.clear();
    m_sites->setEvent(eventId);
    ownerChosen();
}

void EventPlannerView::schedulingChosen()
{
    if (m_updating || !m_store) {
        return;
    }
    const QString eventId = m_events->currentData().toString();
    if (eventId.isEmpty()) {
        return;
    }
    const QString anchor = m_sitesView->currentIndex().data(Models::EventSitesModel::SiteIdRole).toString();
    Events::EventScheduler scheduler(*m_store);
    auto switched = scheduler.setScheduling(eventId, Events::schedulingFromKey(m_scheduling->currentData().toString()), anchor);
    if (!switched) {
        m_error->setText(switched.error().message());
        m_error->animatedShow();
        // The event kept its scheduling: show that.
        const std::optional<Record> event = m_store->fetch(Kind::Event, eventId);
        m_updating = true;
        m_scheduling->setCurrentIndex(std::max(0, m_scheduling->findData(event ? event->value(u"scheduling"_s).toString() : QString())));
        m_updating = false;
        return;
    }
    m_error->animatedHide();
}

void EventPlannerView::updateMoveControls()
{
    const bool local = m_scheduling->currentData().toString() == u"same_local_time";
    const bool hasSites = m_sites && m_sites->rowCount() > 0;
    m_startDate->setEnabled(hasSites);
    m_startTime->setEnabled(hasSites);
    m_move->setEnabled(hasSites);
    const QTimeZone coordinator = QTimeZone::systemTimeZone();
    m_moveHint->setText(local ? i18nc("@info", "on each site's own clock")
                              : i18nc("@info %1 is a time zone", "on your clock (%1), the same moment at every site", QString::fromUtf8(coordinator.id())));
    if (!hasSites || !m_store) {
        return;
    }
    // Start from the earliest site, as the chosen mode reads it.
    const auto site = m_store->fetch(Kind::Site, m_sites->index(0, 0).data(Models::EventSitesModel::SiteIdRole).toString());
    if (!site) {
        return;
    }
    const QDateTime start = Domain::parseInstant(site->value(u"starts_at"_s).toString());
    const QDateTime shown = local ? start.toTimeZone(Events::zoneFromId(site->value(u"time_zone"_s).toString())) : start.toTimeZone(coordinator);
    m_startDate->setDate(shown.date());
    m_startTime->setTime(shown.time());
}

void EventPlannerView::moveSites()
{
    const QString eventId = m_events->currentData().toString();
    if (!m_store || eventId.isEmpty()) {
        return;
    }
    Events::EventScheduler scheduler(*m_store);
    Result<void> moved;
    if (m_scheduling->currentData().toString() == u"same_local_time") {
        moved = scheduler.moveToLocalTime(eventId, m_startDate->date(), m_startTime->time());
    } else {
        auto instant = Events::instantFromLocal(m_startDate->date(),
                                                m_startTime->time(),
                                                QTimeZone::systemTimeZone(),
                                                i18nc("@info the coordinator's clock", "Your clock"));
        moved = instant ? scheduler.moveToInstant(eventId, instant.value().instant) : Result<void>(instant.error());
    }
    if (!moved) {
        m_error->setText(moved.error().message());
        m_error->animatedShow();
        return;
    }
    m_error->animatedHide();
}

void EventPlannerView::siteChosen()
{
    if (m_runOfShow) {
        m_runOfShow->setSite(m_sitesView->currentIndex().data(Models::EventSitesModel::SiteIdRole).toString());
    }
    updateSummary();
}

void EventPlannerView::ownerChosen()
{
    if (m_updating || !m_tasks) {
        return;
    }
    Events::TaskFilter filter;
    filter.eventId = m_events->currentData().toString();
    filter.ownerPersonId = m_owner->currentData().toString();
    m_tasks->setFilter(filter);
}

void EventPlannerView::updateSummary()
{
    const QString eventId = m_events->currentData().toString();
    if (!m_store || eventId.isEmpty()) {
        m_rsvps->clear();
        m_warnings->clear();
        m_runOfShowTotal->clear();
        return;
    }
    const Events::RsvpCounts counts = Events::rsvpCounts(*m_store, eventId);
    m_rsvps->setText(counts.total() == 0 ? i18nc("@info", "Media: no journalists invited yet.")
                                         : i18nc("@info %1 the counts of journalists", "Media: %1", Events::rsvpSummary(counts)));

    QStringList warnings;
    Events::EventScheduler scheduler(*m_store);
    for (const Events::SiteSchedule &site : scheduler.schedule(eventId)) {
        for (const Events::SiteFlag &flag : site.flags) {
            warnings << flag.message;
        }
        const Events::RunOfShow show = Events::runOfShow(*m_store, site.site.value(u"id"_s).toString());
        if (!show.overSlotMessage.isEmpty()) {
            warnings << show.overSlotMessage;
        }
    }
    for (const Events::SpeakerConflict &conflict : Events::speakerConflicts(*m_store, eventId)) {
        warnings << conflict.message;
    }
    m_warnings->setText(warnings.isEmpty() ? QString() : u"⚠ "_s + warnings.join(u"\n⚠ "_s));
    m_warnings->setVisible(!warnings.isEmpty());

    const Events::RunOfShow &show = m_runOfShow->runOfShow();
    if (show.entries.isEmpty()) {
        m_runOfShowTotal->setText(i18nc("@info run sheet", "No run of show yet."));
    } else {
        const QTimeZone zone = Events::zoneFromId(m_sitesView->currentIndex().siblingAtColumn(Models::EventSitesModel::TimeZone).data().toString());
        m_runOfShowTotal->setText(i18ncp("@info run sheet; %2 and %3 are times",
                                         "From %2 to %3: 1 minute in all.",
                                         "From %2 to %3: %1 minutes in all.",
                                         show.totalMinutes,
                                         Events::formatTime(show.start, zone),
                                         Events::formatTime(show.end, zone)));
    }
}

void EventPlannerView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        followColorScheme();
    }
    QWidget::changeEvent(event);
}

void EventPlannerView::followColorScheme()
{
    // Overdue tasks in the scheme's negative text, which a dark scheme makes light enough to read.
    if (m_tasks) {
        m_tasks->setOverdueBrush(KColorScheme(QPalette::Active, KColorScheme::View).foreground(KColorScheme::NegativeText));
    }
}

} // namespace Chorus::Desktop
