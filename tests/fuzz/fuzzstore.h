// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "store/store.h"

#include <memory>

namespace Chorus::Fuzz
{

/*!
 * The in-memory database a target imports into. It is kept from one input to the next, so that
 * imports meet what earlier inputs brought (duplicates, links to known records), and opened anew
 * when grown is true: a database that only grows makes every input slower than the one before
 * (each export writes all that earlier inputs imported), until libFuzzer stops on its timeout.
 */
inline Store::Store &database(bool grown)
{
    static std::unique_ptr<Store::Store> store;
    if (!store || grown) {
        store.reset();
        auto opened = Store::Store::open(QStringLiteral(":memory:"));
        if (!opened) {
            __builtin_trap();
        }
        store = std::move(opened).value();
    }
    return *store;
}

/*! How many records a target's database holds before it is opened anew. */
inline constexpr qint64 databaseRecordBound = 300;

} // namespace Chorus::Fuzz
