// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Fuzz target: the vCard import into a database, then the vCard export of what it holds.

#include "fuzzstore.h"
#include "fuzztarget.h"

#include "interop/vcard.h"
#include "store/store.h"

using namespace Chorus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static qint64 people = 0;
    Store::Store &store = Fuzz::database(people > Fuzz::databaseRecordBound);
    const qint64 before = store.count(Domain::Kind::Person);
    auto imported = Interop::VCard::importPeople(store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    // All or nothing: a refused file adds no one.
    if (!imported && store.count(Domain::Kind::Person) != before) {
        __builtin_trap();
    }
    (void)Interop::VCard::exportPeople(store, 4);
    people = store.count(Domain::Kind::Person);
    return 0;
}
