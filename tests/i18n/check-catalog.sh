#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Chorus developers
# SPDX-License-Identifier: BSD-2-Clause
#
# Fails when a translation catalog misses a string of the source code, or has fuzzy or
# untranslated entries: every user-visible string must reach every shipped language.
# Usage: check-catalog.sh SOURCE_DIR LANGUAGE...

set -eu
src=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$src/app" "$src/lib" "$src/Messages.sh" "$work/"
mkdir -p "$work/translations"
(cd "$work" && ./Messages.sh)

status=0
for lang in "$@"; do
    po="$src/translations/$lang/chorus.po"
    if [ ! -f "$po" ]; then
        echo "missing catalog $po"
        status=1
        continue
    fi
    msgfmt --check -o /dev/null "$po"
    msgmerge --quiet --no-fuzzy-matching "$po" "$work/translations/chorus.pot" -o "$work/$lang.po"
    missing=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
    # msgattrib prints the header entry as one msgid when anything is listed.
    [ "$missing" -gt 0 ] && missing=$((missing - 1))
    [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
    echo "$lang: $missing untranslated, $fuzzy fuzzy"
    if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
        msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -A1 '^msgid ' | head -40
        status=1
    fi
done
exit $status
