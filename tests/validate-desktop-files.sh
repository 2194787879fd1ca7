#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Chorus developers
# SPDX-License-Identifier: BSD-2-Clause
#
# Validates the desktop entry and the AppStream metainfo that Chorus installs.
# Usage: validate-desktop-files.sh DESKTOP_FILE METAINFO_FILE
# Exits non-zero when either file has errors (or a validator is missing).

set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 DESKTOP_FILE METAINFO_FILE" >&2
    exit 2
fi
desktop=$1
metainfo=$2

for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: $tool is not installed (packages desktop-file-utils and appstream)" >&2
        exit 2
    fi
done

status=0

echo "desktop-file-validate $desktop"
# desktop-file-validate exits 0 on mere hints; its "error:" lines are what must not appear.
if ! output=$(desktop-file-validate "$desktop" 2>&1); then
    status=1
fi
if [ -n "$output" ]; then
    printf '%s\n' "$output"
    if grep -q 'error:' <<<"$output"; then
        status=1
    fi
fi

echo "appstreamcli validate --no-net $metainfo"
# Exits non-zero on errors and on warnings; informational and pedantic notes pass.
if ! appstreamcli validate --no-net "$metainfo"; then
    status=1
fi

if [ "$status" -ne 0 ]; then
    echo "FAIL: $desktop or $metainfo has errors" >&2
else
    echo "PASS: $desktop and $metainfo are valid"
fi
exit "$status"
