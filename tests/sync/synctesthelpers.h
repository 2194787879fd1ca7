// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "store/store.h"
#include "sync/replica.h"

#include <QTest>

#include <memory>

/// One replica in a sync test: a private in-memory database and its sync side.
struct TestReplica {
    std::unique_ptr<Chorus::Store::Store> store;
    std::unique_ptr<Chorus::Sync::Replica> replica;

    static TestReplica open(const QString &name, const QString &path = QStringLiteral(":memory:"))
    {
        TestReplica node;
        auto store = Chorus::Store::Store::open(path);
        if (!store) {
            qWarning() << store.error().message();
            return node;
        }
        node.store = std::move(store).value();
        (void)node.store->setReplicaName(name);
        node.replica = std::make_unique<Chorus::Sync::Replica>(*node.store);
        return node;
    }

    [[nodiscard]] QByteArray bundle(const Chorus::Sync::ExportOptions &options = {}) const
    {
        auto made = replica->makeBundle(options);
        return made ? made.value().serialize() : QByteArray();
    }

    /// Imports what other has, failing the test on an error.
    Chorus::Sync::ImportSummary receive(const TestReplica &other, const Chorus::Sync::ExportOptions &options = {})
    {
        auto imported = replica->importBundle(other.bundle(options));
        if (!imported) {
            qWarning() << "import failed:" << imported.error().message();
            return {};
        }
        return imported.value();
    }
};
