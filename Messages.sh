#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Chorus developers
# SPDX-License-Identifier: BSD-2-Clause
#
# Extracts every translatable string into translations/chorus.pot (or $podir/chorus.pot when
# KDE's translation tooling runs it with its own XGETTEXT, EXTRACTRC and podir).
# Then update a language with: msgmerge --update translations/es/chorus.po translations/chorus.pot

set -eu
cd "$(dirname "$0")"

: "${podir:=translations}"
: "${XGETTEXT:=xgettext --from-code=UTF-8 -C --add-comments=TRANSLATORS --package-name=chorus --msgid-bugs-address=https://chorus.app/bugs -ci18n -ki18n:1 -ki18nc:1c,2 -ki18np:1,2 -ki18ncp:1c,2,3 -kki18n:1 -kki18nc:1c,2 -kki18np:1,2 -kki18ncp:1c,2,3 -kxi18n:1 -kxi18nc:1c,2 -kxi18np:1,2 -kxi18ncp:1c,2,3 -kkxi18n:1 -kkxi18nc:1c,2 -kI18N_NOOP:1 -kI18NC_NOOP:1c,2}"
: "${EXTRACTRC:=extractrc}"

rcfiles=$(find app lib -name '*.rc' -o -name '*.ui' | sort)
if [ -n "$rcfiles" ] && command -v "${EXTRACTRC%% *}" >/dev/null; then
    # shellcheck disable=SC2086
    $EXTRACTRC $rcfiles >>rc.cpp
fi
# shellcheck disable=SC2046,SC2086
$XGETTEXT $(find app lib -name '*.cpp' -o -name '*.h' | sort) $(ls rc.cpp 2>/dev/null) -o "$podir/chorus.pot"
rm -f rc.cpp
