// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

// The entry point of every fuzz target: libFuzzer's, so that a clang build with
// -fsanitize=fuzzer runs the same code as the replay driver of the ordinary build.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
