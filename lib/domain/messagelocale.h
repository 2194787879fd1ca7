// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "chorus_core_export.h"

namespace Chorus
{

/**
 * gettext translates nothing while the messages locale is C or POSIX (no LANG at all: a chroot,
 * a cron job, a container), not even a press kit asked for in Spanish, whatever language KI18n
 * is given. When that is the case this switches the messages locale (and only it) to an English
 * one the system has, so that messages stay in English and a kit's own language reaches its
 * catalog. Call it once, after the Q(Gui)Application is made (it sets the locale from the
 * environment). Does nothing where a real locale is set or no English locale is installed.
 */
CHORUS_CORE_EXPORT void allowTranslationsInTheCLocale();

} // namespace Chorus
