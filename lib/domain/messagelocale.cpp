// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "messagelocale.h"

#include <QByteArray>

#include <clocale>

namespace Chorus
{

void allowTranslationsInTheCLocale()
{
#ifdef LC_MESSAGES
    const char *current = std::setlocale(LC_MESSAGES, nullptr);
    const QByteArray name = current ? QByteArray(current) : QByteArray();
    // glibc treats C.UTF-8 as C for messages too.
    if (!name.isEmpty() && name != "C" && name != "POSIX" && !name.startsWith("C.")) {
        return;
    }
    for (const char *english : {"en_US.UTF-8", "en_US.utf8", "en_GB.UTF-8", "en_GB.utf8"}) {
        if (std::setlocale(LC_MESSAGES, english)) {
            return;
        }
    }
#endif
}

} // namespace Chorus
