// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPushButton;
class QPdfDocument;
class QPdfView;

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * Composes a press kit: which kit of which campaign (the choice is remembered), which sections it
 * has, the order of its quotes (drag to reorder), what is wrong with it (errors block the export,
 * warnings do not), and a preview of the PDF that follows every change to the kit or to the
 * records it shows. New kits are made here too, empty or as a copy of the one shown.
 */
class PressKitComposer : public QWidget
{
    Q_OBJECT

public:
    /// Composes kitId; with no id, the kit composed last time, else the first kit, else none yet.
    explicit PressKitComposer(Store::Store &store, const QString &kitId = {}, QWidget *parent = nullptr);
    ~PressKitComposer() override;

    /**
     * Opens a window with a composer on the press kit composed last time (or the first one), or
     * says there is nothing to compose when store has no campaign.
     */
    static void showForDatabase(Store::Store *store, QWidget *parent);

    /// The kit the person composed last, when store still has it; else its first kit, or none.
    [[nodiscard]] static QString rememberedKit(Store::Store &store);

    /// The kit being composed; empty while the chosen campaign has none.
    [[nodiscard]] QString kitId() const
    {
        return m_kitId;
    }
    /// Composes kitId from now on, and remembers it for the next time.
    void setKit(const QString &kitId);
    /// Makes a new kit for the chosen campaign (its approved quotes and media contacts) and composes it.
    void createKit();
    /// Copies the kit being composed under a new name and composes the copy.
    void duplicateKit();

    /// Composes the kit again and renders the preview now, rather than after the next change.
    void refresh();
    [[nodiscard]] int previewPageCount() const;

Q_SIGNALS:
    /// The guards and the preview show the kit as it is now.
    void refreshed();

private:
    void fillPickers();
    void chooseCampaign();
    void showError(const QString &message);
    void scheduleRefresh();
    void writeSections();
    void writeQuoteOrder();

    Store::Store &m_store;
    QString m_kitId;
    QComboBox *m_campaigns = nullptr;
    QComboBox *m_kits = nullptr;
    QPushButton *m_duplicate = nullptr;
    QWidget *m_editing = nullptr;
    QHash<QString, QCheckBox *> m_sections;
    QListWidget *m_quotes = nullptr;
    QListWidget *m_guards = nullptr;
    QPdfView *m_view = nullptr;
    QPdfDocument *m_document = nullptr;
    QByteArray m_pdf;
    QBuffer m_buffer;
    QTimer m_refreshTimer;
    bool m_filling = false;
};

} // namespace Chorus
