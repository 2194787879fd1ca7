// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QPdfDocument;
class QPdfView;

namespace Chorus
{

namespace Store
{
class Store;
}

/**
 * Composes one press kit: which sections it has, the order of its quotes (drag to reorder),
 * what is wrong with it (errors block the export, warnings do not), and a preview of the PDF
 * that follows every change to the kit or to the records it shows.
 */
class PressKitComposer : public QWidget
{
    Q_OBJECT

public:
    PressKitComposer(Store::Store &store, const QString &kitId, QWidget *parent = nullptr);
    ~PressKitComposer() override;

    /**
     * Opens a window with a composer on the first press kit of store (a kit per campaign is
     * chosen from the main window's press kit page, once there is one), or says there is none.
     */
    static void showForDatabase(Store::Store *store, QWidget *parent);

    /// Composes the kit again and renders the preview now, rather than after the next change.
    void refresh();
    [[nodiscard]] int previewPageCount() const;

Q_SIGNALS:
    /// The guards and the preview show the kit as it is now.
    void refreshed();

private:
    void scheduleRefresh();
    void writeSections();
    void writeQuoteOrder();

    Store::Store &m_store;
    QString m_kitId;
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
