// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "databaseopener.h"

#include "desktop_debug.h"
#include "store/store.h"

#include <KConfigGroup>
#include <KLocalizedString>
#include <KMessageBox>
#include <KSharedConfig>
#include <KStandardGuiItem>

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Chorus::Desktop
{

namespace
{

KConfigGroup generalSettings()
{
    return KSharedConfig::openConfig()->group(u"General"_s);
}

QString fileFilter()
{
    return i18nc("@item:inlistbox file type filter, keep the pattern in parentheses", "Chorus databases (*.chorus)") + u";;"_s
        + i18nc("@item:inlistbox file type filter, keep the pattern in parentheses", "All files (*)");
}

/// Where the file dialogs start: the folder of the last database, else of the default one.
QString startFolder()
{
    const QString last = DatabaseOpener::lastDatabase();
    const QFileInfo info(last.isEmpty() ? DatabaseOpener::defaultPath() : last);
    return QFileInfo::exists(info.absolutePath()) ? info.absolutePath() : QDir::homePath();
}

/// Shows why a database could not be opened; true when the user wants to open another one.
bool askToOpenAnother(QWidget *parent, const Error &error)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(u"openFailedDialog"_s);
    dialog->setWindowTitle(i18nc("@title:window", "Cannot Open the Coalition Database"));
    auto *buttons = new QDialogButtonBox(dialog);
    buttons->setStandardButtons(QDialogButtonBox::Yes | QDialogButtonBox::Cancel);
    KGuiItem::assign(buttons->button(QDialogButtonBox::Yes), KGuiItem(i18nc("@action:button", "Open Another Database…"), u"document-open"_s));
    KGuiItem::assign(buttons->button(QDialogButtonBox::Cancel), KStandardGuiItem::quit());
    const QString text = error.message() + u"\n\n"_s + i18nc("@info", "Open another coalition database, or quit Chorus.");
    // The dialog deletes itself; Escape and closing it mean Quit.
    return KMessageBox::createKMessageBox(dialog, buttons, QMessageBox::Critical, text, {}, {}, nullptr, KMessageBox::Notify | KMessageBox::PlainText)
        == QDialogButtonBox::Yes;
}

} // namespace

DatabaseOpener::DatabaseOpener(QWidget *parent)
    : m_parent(parent)
{
}

QString DatabaseOpener::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/coalition.chorus"_s;
}

QString DatabaseOpener::lastDatabase()
{
    return generalSettings().readPathEntry(u"LastDatabase"_s, QString());
}

void DatabaseOpener::rememberLastDatabase(const QString &path)
{
    KConfigGroup group = generalSettings();
    group.writePathEntry(u"LastDatabase"_s, path);
    group.sync();
}

QString DatabaseOpener::startupPath(const QString &argument)
{
    if (!argument.isEmpty()) {
        return QFileInfo(argument).absoluteFilePath();
    }
    const QString last = lastDatabase();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        return last;
    }
    return defaultPath();
}

bool DatabaseOpener::isFirstRun(const QString &argument)
{
    return argument.isEmpty() && startupPath(argument) == defaultPath() && !QFileInfo::exists(defaultPath());
}

std::unique_ptr<Store::Store> DatabaseOpener::openAtStartup(const QString &path)
{
    QString current = path;
    bool create = true;
    for (;;) {
        const bool existed = QFileInfo::exists(current);
        if (!existed && create && current == defaultPath()) {
            // The first start: the data folder may not exist yet.
            QDir().mkpath(QFileInfo(current).absolutePath());
        }
        auto opened = Store::Store::open(current, create);
        if (opened) {
            m_created = !existed;
            m_openedPath = current;
            return std::move(opened).value();
        }
        qCWarning(CHORUS_DESKTOP) << "cannot open" << current << opened.error().message();
        QString next;
        while (next.isEmpty()) {
            if (!askToOpenAnother(m_parent, opened.error())) {
                return {};
            }
            next = askForExistingDatabase();
        }
        current = next;
        // A file chosen to be opened must exist: never create one in its place.
        create = false;
    }
}

QString DatabaseOpener::askForExistingDatabase()
{
    return QFileDialog::getOpenFileName(m_parent, i18nc("@title:window", "Open Coalition Database"), startFolder(), fileFilter());
}

QString DatabaseOpener::askForNewDatabase()
{
    QString path = QFileDialog::getSaveFileName(m_parent,
                                                i18nc("@title:window", "New Coalition Database"),
                                                startFolder(),
                                                fileFilter(),
                                                nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return {};
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += u".chorus"_s;
    }
    if (QFileInfo::exists(path)) {
        KMessageBox::error(m_parent,
                           xi18nc("@info",
                                  "There already is a file <filename>%1</filename>. Chorus creates a new coalition database only under a new "
                                  "name: choose another name, or open the existing file with <interface>File ▸ Open</interface>.",
                                  QDir::toNativeSeparators(path)),
                           i18nc("@title:window", "File Already Exists"));
        return {};
    }
    return path;
}

} // namespace Chorus::Desktop
