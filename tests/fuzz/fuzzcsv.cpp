// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Fuzz target: the CSV reader, the column mapping and the import preview on any bytes.

#include "fuzztarget.h"

#include "interop/csvreader.h"
#include "interop/importer.h"

using namespace Chorus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto table = Interop::CsvReader::read(bytes, 64 * 1024);
    if (!table) {
        // Every refusal says why.
        if (table.error().message().isEmpty()) {
            __builtin_trap();
        }
        return 0;
    }
    for (Domain::Kind kind : {Domain::Kind::Person, Domain::Kind::Organization}) {
        Interop::ImportOptions options;
        options.kind = kind;
        options.mapping = Interop::ColumnMapping::guess(kind, table.value().headers);
        (void)Interop::Importer::preview(table.value(), options, 50);
    }
    return 0;
}
