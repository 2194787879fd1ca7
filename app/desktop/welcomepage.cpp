// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "welcomepage.h"

#include "databaseopener.h"
#include "desktop_debug.h"
#include "domain/entity.h"
#include "store/democoalition.h"
#include "store/store.h"

#include <KLocalizedString>
#include <KMessageBox>
#include <KStandardGuiItem>

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Chorus::Desktop
{

namespace
{

/// A choice of the page: its button, and the one line that explains it below.
QPushButton *addChoice(QWidget *page,
                       QVBoxLayout *layout,
                       const QString &objectName,
                       const QString &iconName,
                       const QString &text,
                       const QString &explanation,
                       QWidget *beside = nullptr)
{
    auto *button = new QPushButton(QIcon::fromTheme(iconName), text, page);
    button->setObjectName(objectName);
    button->setAccessibleName(KLocalizedString::removeAcceleratorMarker(text));
    // Screen readers get the explanation without its markup.
    button->setAccessibleDescription(QTextDocumentFragment::fromHtml(explanation).toPlainText());
    auto *row = new QHBoxLayout;
    row->addWidget(button);
    if (beside) {
        row->addWidget(beside);
    }
    row->addStretch();
    layout->addLayout(row);
    auto *label = new QLabel(explanation, page);
    label->setObjectName(objectName + u"Explanation"_s);
    label->setWordWrap(true);
    label->setContentsMargins(button->iconSize().width() + 8, 0, 0, 8);
    layout->addWidget(label);
    return button;
}

bool isEmpty(Store::Store &store)
{
    for (Domain::Kind kind : Domain::allKinds()) {
        if (store.count(kind) > 0) {
            return false;
        }
    }
    return true;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"welcomePage"_s);
    setWindowTitle(i18nc("@title:window", "Welcome to Chorus"));
    auto *layout = new QVBoxLayout(this);

    auto *heading = new QLabel(i18nc("@title", "Welcome to Chorus"), this);
    heading->setObjectName(u"welcomeHeading"_s);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    auto *intro = new QLabel(i18nc("@info", "Chorus keeps your coalition in a database file. How would you like to start?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(8);

    auto *chooseLocation = new QPushButton(i18nc("@action:button", "Choose Location…"), this);
    chooseLocation->setObjectName(u"chooseLocationButton"_s);
    // Not flat: a flat button shows no keyboard focus.
    chooseLocation->setAccessibleName(i18nc("@action:button", "Choose Location…"));
    chooseLocation->setAccessibleDescription(i18nc("@info:tooltip", "Create the empty coalition database in a file of your choice"));
    chooseLocation->setToolTip(chooseLocation->accessibleDescription());

    auto *create = addChoice(this,
                             layout,
                             u"createEmptyButton"_s,
                             u"document-new"_s,
                             i18nc("@action:button", "&Create an Empty Coalition Database"),
                             xi18nc("@info",
                                    "Start from scratch with your own organizations and people; the database is created at <filename>%1</filename>.",
                                    QDir::toNativeSeparators(DatabaseOpener::defaultPath())),
                             chooseLocation);
    auto *open = addChoice(this,
                           layout,
                           u"openExistingButton"_s,
                           u"document-open"_s,
                           i18nc("@action:button", "&Open an Existing Database…"),
                           i18nc("@info", "Pick a .chorus file that you or your coalition already use."));
    auto *demo = addChoice(this,
                           layout,
                           u"exploreDemoButton"_s,
                           u"document-import"_s,
                           i18nc("@action:button", "&Explore the Demo Coalition"),
                           i18nc("@info", "Try Chorus on an invented coalition with example organizations, spokespeople, quotes and events."));

    layout->addStretch();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *quit = buttons->button(QDialogButtonBox::Cancel);
    KGuiItem::assign(quit, KStandardGuiItem::quit());
    quit->setObjectName(u"quitButton"_s);
    quit->setAutoDefault(false);
    layout->addWidget(buttons);

    create->setDefault(true);
    create->setFocus();
    setTabOrder(create, chooseLocation);
    setTabOrder(chooseLocation, open);
    setTabOrder(open, demo);
    setTabOrder(demo, quit);

    connect(create, &QPushButton::clicked, this, [this] {
        createEmpty(DatabaseOpener::defaultPath());
    });
    connect(chooseLocation, &QPushButton::clicked, this, &WelcomePage::chooseLocation);
    connect(open, &QPushButton::clicked, this, &WelcomePage::askForExisting);
    connect(demo, &QPushButton::clicked, this, [this] {
        exploreDemo(demoPath());
    });
    // Escape and Quit reject the page: Chorus quits.
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

WelcomePage::~WelcomePage() = default;

QString WelcomePage::demoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo.chorus"_s;
}

bool WelcomePage::createEmpty(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto opened = Store::Store::open(path, true);
    if (!opened) {
        qCWarning(CHORUS_DESKTOP) << "cannot create" << path << opened.error().message();
        KMessageBox::error(this,
                           opened.error().message(),
                           i18nc("@title:window", "Cannot Create the Coalition Database"),
                           KMessageBox::Notify | KMessageBox::PlainText);
        return false;
    }
    return finish(std::move(opened).value(), path);
}

bool WelcomePage::openExisting(const QString &path)
{
    // A file chosen to be opened must exist: never create one in its place.
    auto opened = Store::Store::open(path, false);
    if (!opened) {
        qCWarning(CHORUS_DESKTOP) << "cannot open" << path << opened.error().message();
        KMessageBox::error(this,
                           opened.error().message(),
                           i18nc("@title:window", "Cannot Open the Coalition Database"),
                           KMessageBox::Notify | KMessageBox::PlainText);
        return false;
    }
    return finish(std::move(opened).value(), path);
}

bool WelcomePage::exploreDemo(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto opened = Store::Store::open(path, true);
    if (!opened) {
        qCWarning(CHORUS_DESKTOP) << "cannot open the demo" << path << opened.error().message();
        KMessageBox::error(this, opened.error().message(), i18nc("@title:window", "Demo Coalition Not Loaded"), KMessageBox::Notify | KMessageBox::PlainText);
        return false;
    }
    std::unique_ptr<Store::Store> store = std::move(opened).value();
    // A demo database of an earlier start is opened as it is.
    if (isEmpty(*store)) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto loaded = Store::loadDemoCoalition(*store);
        QApplication::restoreOverrideCursor();
        if (!loaded) {
            qCWarning(CHORUS_DESKTOP) << "demo coalition not loaded:" << loaded.error().message();
            KMessageBox::error(this,
                               loaded.error().message(),
                               i18nc("@title:window", "Demo Coalition Not Loaded"),
                               KMessageBox::Notify | KMessageBox::PlainText);
            return false;
        }
    }
    return finish(std::move(store), path);
}

std::unique_ptr<Store::Store> WelcomePage::takeStore()
{
    return std::move(m_store);
}

void WelcomePage::chooseLocation()
{
    const QString path = DatabaseOpener(this).askForNewDatabase();
    if (!path.isEmpty()) {
        createEmpty(path);
    }
}

void WelcomePage::askForExisting()
{
    const QString path = DatabaseOpener(this).askForExistingDatabase();
    if (!path.isEmpty()) {
        openExisting(path);
    }
}

bool WelcomePage::finish(std::unique_ptr<Store::Store> store, const QString &path)
{
    m_store = std::move(store);
    m_chosenPath = QFileInfo(path).absoluteFilePath();
    accept();
    return true;
}

} // namespace Chorus::Desktop
