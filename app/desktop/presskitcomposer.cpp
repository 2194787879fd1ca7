// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "presskitcomposer.h"

#include "domain/validation.h"
#include "presskit/composition.h"
#include "presskit/renderer.h"
#include "store/store.h"

#include <KLocalizedString>
#include <KMessageBox>

#include <QCheckBox>
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

} // namespace

PressKitComposer::PressKitComposer(Store::Store &store, const QString &kitId, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_kitId(kitId)
{
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
    leftLayout->addWidget(sections);
    leftLayout->addWidget(quotesBox, 2);
    leftLayout->addWidget(guardsBox, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

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
    const QList<Record> kits = store ? store->fetchAll(Kind::PressKit) : QList<Record>();
    if (kits.isEmpty()) {
        KMessageBox::information(parent, i18nc("@info", "The database has no press kit yet."), i18nc("@title:window", "Press Kit Composer"));
        return;
    }
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(i18nc("@title:window", "Press Kit Composer"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new PressKitComposer(*store, kits.first().value(u"id"_s).toString(), dialog));
    dialog->resize(1100, 760);
    dialog->show();
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
    const std::optional<Record> kit = m_store.fetch(Kind::PressKit, m_kitId);
    if (!kit) {
        return;
    }
    m_filling = true;

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
