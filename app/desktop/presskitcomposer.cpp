// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "presskitcomposer.h"

#include "domain/validation.h"
#include "presskit/composition.h"
#include "presskit/renderer.h"
#include "store/store.h"

#include <KConfigGroup>
#include <KLocalizedString>
#include <KMessageBox>
#include <KSharedConfig>

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus
{

namespace
{

QString sectionLabel(const QString &section)
{
    if (section == u"release") {
        return i18nc("@option:check press kit section", "Press release");
    }
    if (section == u"media_advisory") {
        return i18nc("@option:check press kit section", "Media advisory");
    }
    if (section == u"fact_sheet") {
        return i18nc("@option:check press kit section", "Fact sheet");
    }
    if (section == u"roster") {
        return i18nc("@option:check press kit section", "Coalition roster");
    }
    if (section == u"bios") {
        return i18nc("@option:check press kit section", "Spokespeople bios");
    }
    if (section == u"boilerplates") {
        return i18nc("@option:check press kit section", "About the organizations");
    }
    return i18nc("@option:check press kit section", "Media contacts");
}

QJsonObject settingsOf(const Record &kit)
{
    return QJsonDocument::fromJson(kit.value(u"settings"_s).toString().toUtf8()).object();
}

KConfigGroup composerSettings()
{
    return KSharedConfig::openConfig()->group(u"PressKitComposer"_s);
}

QString idOf(const Record &record)
{
    return record.value(u"id"_s).toString();
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// name, or name followed by the first number that no kit of the campaign uses yet.
QString unusedKitName(Store::Store &store, const QString &campaignId, const KLocalizedString &numbered, const QString &name)
{
    QSet<QString> taken;
    for (const Record &kit : store.fetchAll(Kind::PressKit, u"campaign_id"_s, campaignId)) {
        taken.insert(kit.value(u"name"_s).toString());
    }
    QString candidate = name;
    for (int n = 2; taken.contains(candidate); ++n) {
        candidate = numbered.subs(name).subs(n).toString();
    }
    return candidate;
}

} // namespace

PressKitComposer::PressKitComposer(Store::Store &store, const QString &kitId, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_kitId(kitId.isEmpty() ? rememberedKit(store) : kitId)
{
    m_campaigns = new QComboBox(this);
    m_campaigns->setObjectName(u"campaignPicker"_s);
    m_campaigns->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_campaigns->setToolTip(i18nc("@info:tooltip", "The campaign whose press kits are listed"));
    connect(m_campaigns, &QComboBox::activated, this, &PressKitComposer::chooseCampaign);
    m_kits = new QComboBox(this);
    m_kits->setObjectName(u"kitPicker"_s);
    m_kits->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kits->setToolTip(i18nc("@info:tooltip", "The press kit to compose"));
    connect(m_kits, &QComboBox::activated, this, [this] {
        setKit(m_kits->currentData().toString());
    });
    auto *create = new QPushButton(QIcon::fromTheme(u"document-new"_s), i18nc("@action:button", "New Kit"), this);
    create->setObjectName(u"newKitButton"_s);
    create->setToolTip(i18nc("@info:tooltip", "Make a new press kit for this campaign, with its approved quotes and its media contacts"));
    connect(create, &QPushButton::clicked, this, &PressKitComposer::createKit);
    m_duplicate = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), i18nc("@action:button", "Duplicate"), this);
    m_duplicate->setObjectName(u"duplicateKitButton"_s);
    m_duplicate->setToolTip(i18nc("@info:tooltip", "Make a copy of this press kit, to change it without touching the original"));
    connect(m_duplicate, &QPushButton::clicked, this, &PressKitComposer::duplicateKit);

    auto *pickers = new QHBoxLayout;
    auto *campaignLabel = new QLabel(i18nc("@label:listbox", "Campaign:"), this);
    campaignLabel->setBuddy(m_campaigns);
    auto *kitLabel = new QLabel(i18nc("@label:listbox", "Press kit:"), this);
    kitLabel->setBuddy(m_kits);
    pickers->addWidget(campaignLabel);
    pickers->addWidget(m_campaigns);
    pickers->addSpacing(12);
    pickers->addWidget(kitLabel);
    pickers->addWidget(m_kits);
    pickers->addWidget(create);
    pickers->addWidget(m_duplicate);
    pickers->addStretch(1);

    auto *sections = new QGroupBox(i18nc("@title:group", "Sections"), this);
    auto *sectionLayout = new QVBoxLayout(sections);
    for (const QString &section : pressKitSections()) {
        auto *box = new QCheckBox(sectionLabel(section), sections);
        box->setObjectName(u"section_"_s + section);
        sectionLayout->addWidget(box);
        m_sections.insert(section, box);
        connect(box, &QCheckBox::toggled, this, &PressKitComposer::writeSections);
    }

    auto *quotesBox = new QGroupBox(i18nc("@title:group", "Quotes, in the order of the release"), this);
    auto *quotesLayout = new QVBoxLayout(quotesBox);
    m_quotes = new QListWidget(quotesBox);
    m_quotes->setObjectName(u"quoteList"_s);
    m_quotes->setDragDropMode(QAbstractItemView::InternalMove);
    m_quotes->setDefaultDropAction(Qt::MoveAction);
    m_quotes->setWordWrap(true);
    m_quotes->setToolTip(i18nc("@info:tooltip", "Drag a quote to change where it appears in the press release."));
    quotesLayout->addWidget(m_quotes);
    connect(m_quotes->model(), &QAbstractItemModel::rowsMoved, this, &PressKitComposer::writeQuoteOrder);

    auto *guardsBox = new QGroupBox(i18nc("@title:group", "Before export"), this);
    auto *guardsLayout = new QVBoxLayout(guardsBox);
    m_guards = new QListWidget(guardsBox);
    m_guards->setObjectName(u"guardList"_s);
    m_guards->setWordWrap(true);
    guardsLayout->addWidget(m_guards);

    m_document = new QPdfDocument(this);
    m_view = new QPdfView(this);
    m_view->setObjectName(u"preview"_s);
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_editing = new QWidget(left);
    auto *editingLayout = new QVBoxLayout(m_editing);
    editingLayout->setContentsMargins(0, 0, 0, 0);
    editingLayout->addWidget(sections);
    editingLayout->addWidget(quotesBox, 1);
    leftLayout->addWidget(m_editing, 2);
    leftLayout->addWidget(guardsBox, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pickers);
    layout->addWidget(splitter, 1);

    // Many records change at once during an edit: compose once they have settled.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PressKitComposer::refresh);
    connect(&m_store, &Store::Store::changed, this, &PressKitComposer::scheduleRefresh);

    refresh();
}

PressKitComposer::~PressKitComposer()
{
    // The view reads from the buffer until it is closed.
    m_document->close();
}

void PressKitComposer::showForDatabase(Store::Store *store, QWidget *parent)
{
    if (!store || store->count(Kind::Campaign) == 0) {
        KMessageBox::information(parent,
                                 i18nc("@info", "The database has no campaign yet. Press kits belong to a campaign: create one first."),
                                 i18nc("@title:window", "Press Kit Composer"));
        return;
    }
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(i18nc("@title:window", "Press Kit Composer"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new PressKitComposer(*store, {}, dialog));
    dialog->resize(1100, 760);
    dialog->show();
}

QString PressKitComposer::rememberedKit(Store::Store &store)
{
    const QString remembered = composerSettings().readEntry(u"LastKit"_s, QString());
    if (!remembered.isEmpty() && store.fetch(Kind::PressKit, remembered)) {
        return remembered;
    }
    const QList<Record> kits = store.fetchAll(Kind::PressKit);
    return kits.isEmpty() ? QString() : idOf(kits.first());
}

void PressKitComposer::setKit(const QString &kitId)
{
    if (!kitId.isEmpty()) {
        KConfigGroup group = composerSettings();
        group.writeEntry(u"LastKit"_s, kitId);
        group.sync();
    }
    if (kitId == m_kitId) {
        return;
    }
    m_kitId = kitId;
    refresh();
}

void PressKitComposer::chooseCampaign()
{
    const QString campaignId = m_campaigns->currentData().toString();
    const QList<Record> kits = m_store.fetchAll(Kind::PressKit, u"campaign_id"_s, campaignId);
    if (kits.isEmpty()) {
        // The campaign is chosen, and its first kit is one click on New Kit away.
        m_kitId.clear();
        refresh();
        m_campaigns->setCurrentIndex(m_campaigns->findData(campaignId));
        return;
    }
    setKit(idOf(kits.first()));
}

void PressKitComposer::createKit()
{
    const QString campaignId = m_campaigns->currentData().toString();
    const std::optional<Record> campaign = m_store.fetch(Kind::Campaign, campaignId);
    if (!campaign) {
        return;
    }
    const std::optional<Record> current = m_kitId.isEmpty() ? std::nullopt : m_store.fetch(Kind::PressKit, m_kitId);
    Record kit;
    kit.insert(u"campaign_id"_s, campaignId);
    kit.insert(u"name"_s,
               unusedKitName(m_store,
                             campaignId,
                             ki18nc("@item name of a new press kit when the name is taken; %1 is the name, %2 a number", "%1 %2"),
                             i18nc("@item name of a new press kit", "New press kit")));
    kit.insert(u"language"_s, current ? current->value(u"language"_s).toString() : u"en"_s);
    kit.insert(u"headline"_s, campaign->value(u"name"_s));

    // The campaign's approved originals (translations come with them) and the media contacts
    // of the organizations signed on: a kit that can be previewed at once.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray quotes;
    for (const Record &quote : m_store.fetchAll(Kind::Quote, u"campaign_id"_s, campaignId)) {
        const QDateTime expiry = parseInstant(quote.value(u"expires_at"_s).toString());
        if (quote.value(u"state"_s).toString() == u"approved" && quote.value(u"translation_of"_s).toString().isEmpty() && (!expiry.isValid() || expiry > now)) {
            quotes.append(idOf(quote));
        }
    }
    QJsonArray contacts;
    for (const Record &membership : m_store.fetchAll(Kind::Membership, u"campaign_id"_s, campaignId)) {
        if (membership.value(u"status"_s).toString() != u"signed_on") {
            continue;
        }
        for (const Record &person : m_store.fetchAll(Kind::Person, u"organization_id"_s, membership.value(u"organization_id"_s))) {
            if (person.value(u"media_contact"_s).toBool()) {
                contacts.append(idOf(person));
            }
        }
    }
    kit.insert(u"quote_ids"_s, compactJson(quotes));
    if (!contacts.isEmpty()) {
        kit.insert(u"contact_ids"_s, compactJson(contacts));
    }
    auto created = m_store.create(Kind::PressKit, kit);
    if (!created) {
        showError(created.error().message());
        return;
    }
    setKit(created.value());
}

void PressKitComposer::duplicateKit()
{
    const std::optional<Record> original = m_kitId.isEmpty() ? std::nullopt : m_store.fetch(Kind::PressKit, m_kitId);
    if (!original) {
        return;
    }
    Record copy;
    for (const Field &field : entity(Kind::PressKit).fields) {
        copy.insert(field.name, original->value(field.name));
    }
    const QString campaignId = original->value(u"campaign_id"_s).toString();
    copy.insert(u"name"_s,
                unusedKitName(m_store,
                              campaignId,
                              ki18nc("@item name of a copy of a press kit when the name is taken; %1 is the name, %2 a number", "%1 %2"),
                              i18nc("@item name of a copy of a press kit; %1 is the original's name", "%1 (copy)", original->value(u"name"_s).toString())));
    auto created = m_store.create(Kind::PressKit, copy);
    if (!created) {
        showError(created.error().message());
        return;
    }
    setKit(created.value());
}

void PressKitComposer::showError(const QString &message)
{
    m_guards->insertItem(0, new QListWidgetItem(QIcon::fromTheme(u"dialog-error"_s), message));
}

void PressKitComposer::fillPickers()
{
    const std::optional<Record> kit = m_kitId.isEmpty() ? std::nullopt : m_store.fetch(Kind::PressKit, m_kitId);
    QString campaignId = kit ? kit->value(u"campaign_id"_s).toString() : m_campaigns->currentData().toString();

    const QSignalBlocker campaignsBlocker(m_campaigns);
    m_campaigns->clear();
    for (const Record &campaign : m_store.fetchAll(Kind::Campaign)) {
        m_campaigns->addItem(campaign.value(u"name"_s).toString(), idOf(campaign));
    }
    if (m_campaigns->findData(campaignId) < 0 && m_campaigns->count() > 0) {
        campaignId = m_campaigns->itemData(0).toString();
    }
    m_campaigns->setCurrentIndex(m_campaigns->findData(campaignId));

    const QSignalBlocker kitsBlocker(m_kits);
    m_kits->clear();
    for (const Record &other : m_store.fetchAll(Kind::PressKit, u"campaign_id"_s, campaignId)) {
        m_kits->addItem(other.value(u"name"_s).toString(), idOf(other));
    }
    if (m_kits->count() == 0) {
        m_kits->addItem(i18nc("@item the campaign has no press kit", "(no press kit yet)"), QString());
    }
    m_kits->setEnabled(kit.has_value());
    m_kits->setCurrentIndex(std::max(0, m_kits->findData(m_kitId)));
    m_duplicate->setEnabled(kit.has_value());
}

int PressKitComposer::previewPageCount() const
{
    return m_document->pageCount();
}

void PressKitComposer::scheduleRefresh()
{
    m_refreshTimer.start();
}

void PressKitComposer::refresh()
{
    m_refreshTimer.stop();
    m_filling = true;
    const std::optional<Record> kit = m_kitId.isEmpty() ? std::nullopt : m_store.fetch(Kind::PressKit, m_kitId);
    if (!kit) {
        // The kit is gone (or there is none yet): the campaign's next kit, or nothing to compose.
        const QString campaignId = m_campaigns->currentData().toString();
        const QList<Record> kits = campaignId.isEmpty() ? QList<Record>() : m_store.fetchAll(Kind::PressKit, u"campaign_id"_s, campaignId);
        m_kitId = kits.isEmpty() ? QString() : idOf(kits.first());
        if (!m_kitId.isEmpty()) {
            m_filling = false;
            refresh();
            return;
        }
    }
    fillPickers();
    m_editing->setEnabled(kit.has_value());
    if (!kit) {
        m_quotes->clear();
        m_guards->clear();
        m_guards->addItem(
            new QListWidgetItem(QIcon::fromTheme(u"dialog-information"_s), i18nc("@info", "This campaign has no press kit yet. Click New Kit to make one.")));
        m_document->close();
        m_filling = false;
        Q_EMIT refreshed();
        return;
    }

    const QJsonObject settings = settingsOf(*kit);
    const QJsonArray chosen = settings.value(u"sections").toArray();
    for (auto it = m_sections.constBegin(); it != m_sections.constEnd(); ++it) {
        it.value()->setChecked(!settings.contains(u"sections") || chosen.contains(it.key()));
    }

    m_quotes->clear();
    for (const QJsonValue &id : QJsonDocument::fromJson(kit->value(u"quote_ids"_s).toString().toUtf8()).array()) {
        const std::optional<Record> quote = m_store.fetch(Kind::Quote, id.toString());
        if (!quote) {
            continue;
        }
        QString text = quote->value(u"text"_s).toString();
        if (text.size() > 120) {
            text = text.left(119) + u'…';
        }
        auto *item = new QListWidgetItem(i18nc("@item %1 is who said it, %2 the start of the quote", "%1: %2", m_store.recordLabel(Kind::Quote, *quote), text));
        item->setData(Qt::UserRole, id.toString());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        m_quotes->addItem(item);
    }

    m_guards->clear();
    auto composition = PressKit::compose(m_store, m_kitId);
    if (!composition) {
        m_guards->addItem(new QListWidgetItem(QIcon::fromTheme(u"dialog-error"_s), composition.error().message()));
        m_filling = false;
        return;
    }
    for (const PressKit::Guard &guard : composition.value().guards) {
        const bool error = guard.severity == PressKit::Guard::Severity::Error;
        auto *item = new QListWidgetItem(QIcon::fromTheme(error ? u"dialog-error"_s : u"dialog-warning"_s), guard.message);
        item->setData(Qt::UserRole, guard.recordId);
        item->setToolTip(error ? i18nc("@info:tooltip", "This blocks the export until it is fixed.")
                               : i18nc("@info:tooltip", "The kit can be exported anyway."));
        m_guards->addItem(item);
    }
    if (composition.value().guards.isEmpty()) {
        m_guards->addItem(new QListWidgetItem(QIcon::fromTheme(u"dialog-ok"_s), i18nc("@item", "Nothing to fix: the kit is ready to export.")));
    }
    m_filling = false;

    // The preview shows the kit even while errors block its export: it is how they get fixed.
    auto pdf = PressKit::Renderer().render(composition.value(), PressKit::Format::Pdf);
    if (pdf) {
        m_document->close();
        m_buffer.close();
        m_pdf = pdf.value();
        m_buffer.setBuffer(&m_pdf);
        m_buffer.open(QIODevice::ReadOnly);
        m_document->load(&m_buffer);
    }
    Q_EMIT refreshed();
}

void PressKitComposer::writeSections()
{
    if (m_filling) {
        return;
    }
    const std::optional<Record> kit = m_store.fetch(Kind::PressKit, m_kitId);
    if (!kit) {
        return;
    }
    QJsonObject settings = settingsOf(*kit);
    QJsonArray sections;
    for (const QString &section : pressKitSections()) {
        if (m_sections.value(section)->isChecked()) {
            sections.append(section);
        }
    }
    settings.insert(u"sections"_s, sections);
    if (auto written = m_store.update(Kind::PressKit, m_kitId, {{u"settings"_s, QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact))}});
        !written) {
        m_guards->insertItem(0, new QListWidgetItem(QIcon::fromTheme(u"dialog-error"_s), written.error().message()));
    }
}

void PressKitComposer::writeQuoteOrder()
{
    if (m_filling) {
        return;
    }
    QJsonArray order;
    for (int row = 0; row < m_quotes->count(); ++row) {
        order.append(m_quotes->item(row)->data(Qt::UserRole).toString());
    }
    const std::optional<Record> kit = m_store.fetch(Kind::PressKit, m_kitId);
    if (!kit) {
        return;
    }
    // Quotes no longer in the database stay out of the new order; the rest keep their place.
    if (auto written = m_store.update(Kind::PressKit, m_kitId, {{u"quote_ids"_s, QString::fromUtf8(QJsonDocument(order).toJson(QJsonDocument::Compact))}});
        !written) {
        m_guards->insertItem(0, new QListWidgetItem(QIcon::fromTheme(u"dialog-error"_s), written.error().message()));
    }
}

} // namespace Chorus
