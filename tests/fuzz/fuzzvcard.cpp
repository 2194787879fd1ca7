// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Fuzz target: the vCard import into a database, then the vCard export of what it holds.

#include "fuzztarget.h"

#include "interop/vcard.h"
#include "store/store.h"

using namespace Chorus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static std::unique_ptr<Store::Store> store = [] {
        auto opened = Store::Store::open(QStringLiteral(":memory:"));
        return opened ? std::move(opened).value() : nullptr;
    }();
    if (!store) {
        __builtin_trap();
    }
    const qint64 before = store->count(Domain::Kind::Person);
    auto imported = Interop::VCard::importPeople(*store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    // All or nothing: a refused file adds no one.
    if (!imported && store->count(Domain::Kind::Person) != before) {
        __builtin_trap();
    }
    (void)Interop::VCard::exportPeople(*store, 4);
    return 0;
}
