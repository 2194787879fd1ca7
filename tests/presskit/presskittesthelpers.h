// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "domain/entity.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

namespace Chorus::Testing
{

/// A private in-memory database holding the demo coalition.
inline std::unique_ptr<Store::Store> demoStore()
{
    auto store = Store::Store::open(QStringLiteral(":memory:"));
    if (!store) {
        qWarning() << store.error().message();
        return nullptr;
    }
    if (auto loaded = Store::loadDemoCoalition(*store.value()); !loaded) {
        qWarning() << loaded.error().message();
        return nullptr;
    }
    return std::move(store).value();
}

/// The demo's press kit.
inline Domain::Record demoKit(Store::Store &store)
{
    return store.fetchAll(Domain::Kind::PressKit).value(0);
}

/// The first record of kind whose field equals value.
inline Domain::Record findRecord(Store::Store &store, Domain::Kind kind, const QString &field, const QVariant &value)
{
    return store.fetchAll(kind, field, value).value(0);
}

inline QStringList ids(const QVariant &json)
{
    QStringList list;
    for (const QJsonValue &id : QJsonDocument::fromJson(json.toString().toUtf8()).array()) {
        list << id.toString();
    }
    return list;
}

inline QString idList(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

} // namespace Chorus::Testing
