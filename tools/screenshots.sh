#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Chorus developers
# SPDX-License-Identifier: BSD-2-Clause
#
# Takes the README's screenshots: the main views of the desktop app on the demo coalition, each
# in a private X server (Xvfb), with its own settings so that nothing of the user's is used.
# Run it inside the build environment:  ./dev shell tools/screenshots.sh [BIN_DIR] [OUT_DIR]

set -eu
bin=$(realpath "${1:-build/bin}")
out=$(realpath -m "${2:-docs/screenshots}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export LANGUAGE=en_US LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb
mkdir -p "$XDG_CONFIG_HOME"
"$bin/chorus-cli" --db "$work/demo.chorus" init --demo >/dev/null

# Xvfb keeps its screen as an XWD file in -fbdir; this turns it into a PNG (no PIL needed).
to_png() {
    python3 - "$1" "$2" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
header = struct.unpack('>25I', data[:100])
width, height, bytes_per_line, colors = header[4], header[5], header[12], header[19]
start = header[0] + colors * 12
rows = []
for y in range(height):
    line = data[start + y * bytes_per_line: start + y * bytes_per_line + width * 4]
    row = bytearray(b'\0')
    for x in range(width):
        b, g, r = line[x * 4], line[x * 4 + 1], line[x * 4 + 2]
        row += bytes((r, g, b))
    rows.append(bytes(row))
def chunk(kind, payload):
    return struct.pack('>I', len(payload)) + kind + payload + struct.pack('>I', zlib.crc32(kind + payload) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
open(sys.argv[2], 'wb').write(png)
PY
}

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1100x720x24 -fbdir "$work" >/dev/null 2>&1 &
xvfb=$!
sleep 1
for page in ${CHORUS_LIGHT_PAGES:-overview coalition people quotes events}; do
    printf '[MainWindowLayout]\nCurrentPage=%s\n' "$page" >"$XDG_CONFIG_HOME/chorusrc"
    DISPLAY=$display "$bin/chorus" "$work/demo.chorus" >/dev/null 2>&1 &
    app=$!
    sleep "${CHORUS_SCREENSHOT_WAIT:-5}"
    to_png "$work/Xvfb_screen0" "$out/chorus-$page.png"
    kill "$app"
    wait "$app" 2>/dev/null || true
    echo "$out/chorus-$page.png"
done
# The same views in Breeze Dark (Settings > Color Scheme), when its scheme is installed.
dark=
data_dirs=${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
for dir in ${data_dirs//:/ }; do
    [ -f "$dir/color-schemes/BreezeDark.colors" ] && dark=yes
done
if [ -n "$dark" ]; then
    for page in ${CHORUS_DARK_PAGES:-overview quotes events}; do
        printf '[MainWindowLayout]\nCurrentPage=%s\n\n[UiSettings]\nColorScheme=Breeze Dark\n' "$page" >"$XDG_CONFIG_HOME/chorusrc"
        DISPLAY=$display "$bin/chorus" "$work/demo.chorus" >/dev/null 2>&1 &
        app=$!
        sleep "${CHORUS_SCREENSHOT_WAIT:-5}"
        to_png "$work/Xvfb_screen0" "$out/chorus-$page-dark.png"
        kill "$app"
        wait "$app" 2>/dev/null || true
        echo "$out/chorus-$page-dark.png"
    done
else
    echo "no BreezeDark.colors installed: dark screenshots skipped" >&2
fi
kill "$xvfb"
