// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Fuzz target: the JSON backup import into a database, then an export of what it holds.

#include "fuzzstore.h"
#include "fuzztarget.h"

#include "interop/jsonbackup.h"
#include "store/store.h"

using namespace Chorus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The export's size stands for the number of records (about 300 bytes each and more).
    static qsizetype exported = 0;
    Store::Store &store = Fuzz::database(exported > Fuzz::databaseRecordBound * 300);
    const QByteArray before = Interop::JsonBackup::exportData(store).value();
    auto imported = Interop::JsonBackup::importData(store, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    // All or nothing: a refused file changes nothing.
    if (!imported && Interop::JsonBackup::exportData(store).value() != before) {
        __builtin_trap();
    }
    exported = imported ? Interop::JsonBackup::exportData(store).value().size() : before.size();
    return 0;
}
