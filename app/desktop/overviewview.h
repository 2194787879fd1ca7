// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include <QPointer>
#include <QTreeWidget>

namespace Chorus::Store
{
class Store;
}

namespace Chorus::Desktop
{

/**
 * A read-only summary of the coalition database: how many organizations, people, quotes (by
 * state), campaigns and events it holds. It follows the store's changes by itself.
 */
class OverviewView : public QTreeWidget
{
    Q_OBJECT

public:
    explicit OverviewView(QWidget *parent = nullptr);

    /// Shows store's figures (nothing when null) and follows its changes.
    void setStore(Store::Store *store);
    /// Counts again, now.
    void refresh();

    /// Wide enough for the labels and figures, as tall as all rows.
    [[nodiscard]] QSize sizeHint() const override;

    /// Whether the database holds none of the records counted here.
    [[nodiscard]] bool isDatabaseEmpty() const
    {
        return m_empty;
    }

Q_SIGNALS:
    /// The figures were counted again.
    void refreshed();

private:
    QPointer<Store::Store> m_store;
    bool m_refreshPending = false;
    bool m_empty = true;
};

} // namespace Chorus::Desktop
