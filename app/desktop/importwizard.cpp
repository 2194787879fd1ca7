// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "importwizard.h"

#include "interop/importreporttext.h"
#include "store/store.h"

#include <KLocalizedString>

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;
using Chorus::Domain::Kind;

namespace Chorus
{

/// What the UI thread and the worker share during one import.
struct ImportWizard::Control {
    std::mutex mutex;
    std::condition_variable changed;
    /// Set by Cancel, by closing the wizard and by its destructor; read by the worker's progress reports.
    std::atomic_bool cancelled = false;
    /// The user's answer to the duplicate question the worker waits for.
    std::optional<Interop::DuplicateAction> answer;
    bool answerForAll = false;
    /// Worker only: the answer given "for the other duplicates of this import".
    std::optional<Interop::DuplicateAction> remembered;

    void cancel()
    {
        {
            const std::lock_guard lock(mutex);
            cancelled = true;
        }
        changed.notify_all();
    }

    void reply(Interop::DuplicateAction action, bool forAll)
    {
        {
            const std::lock_guard lock(mutex);
            answer = action;
            answerForAll = forAll;
        }
        changed.notify_all();
    }
};

namespace
{
constexpr int PreviewRows = 20;
/// The duplicate choice that asks the user about each match.
constexpr int AskEachTime = -1;
} // namespace

ImportWizard::ImportWizard(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(databasePath)
{
    auto *layout = new QVBoxLayout(this);

    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setWordWrap(true);
    layout->addWidget(m_fileLabel);

    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"kindCombo"_s);
    m_kind->addItem(i18nc("@item:inlistbox what the rows of a file are", "People"), int(Kind::Person));
    m_kind->addItem(i18nc("@item:inlistbox what the rows of a file are", "Organizations"), int(Kind::Organization));
    form->addRow(i18nc("@label:listbox", "Each row is one of:"), m_kind);
    m_onDuplicate = new QComboBox(this);
    m_onDuplicate->setObjectName(u"duplicateCombo"_s);
    m_onDuplicate->addItem(i18nc("@item:inlistbox what to do with a duplicate", "Merge it into the existing record"), int(Interop::DuplicateAction::Merge));
    m_onDuplicate->addItem(i18nc("@item:inlistbox what to do with a duplicate", "Keep both"), int(Interop::DuplicateAction::KeepBoth));
    m_onDuplicate->addItem(i18nc("@item:inlistbox what to do with a duplicate", "Skip the row"), int(Interop::DuplicateAction::Skip));
    m_onDuplicate->addItem(i18nc("@item:inlistbox what to do with a duplicate", "Ask me each time"), AskEachTime);
    form->addRow(i18nc("@label:listbox", "When a row matches a record already there:"), m_onDuplicate);
    m_skipBadRows = new QCheckBox(i18nc("@option:check", "Import the good rows and list the bad ones (otherwise a bad row stops the import)"), this);
    m_skipBadRows->setObjectName(u"skipBadRows"_s);
    form->addRow(m_skipBadRows);
    layout->addLayout(form);

    layout->addWidget(new QLabel(i18nc("@label", "Columns of the file, and the Chorus field each one fills:"), this));
    m_mapping = new QTableWidget(0, 2, this);
    m_mapping->setObjectName(u"mappingTable"_s);
    m_mapping->setHorizontalHeaderLabels({i18nc("@title:column", "Column of the file"), i18nc("@title:column", "Chorus field")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_mapping);

    layout->addWidget(new QLabel(i18nc("@label", "The first rows:"), this));
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(u"previewTable"_s);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_preview);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(u"problemList"_s);
    m_problems->setMaximumHeight(120);
    m_problems->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_problems->setWordWrap(true);
    // The problems and the report are for reading and for pasting into a message.
    auto *copy = new QAction(QIcon::fromTheme(u"edit-copy"_s), i18nc("@action:inmenu", "Copy"), m_problems);
    copy->setObjectName(u"copyProblemsAction"_s);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_problems->addAction(copy);
    m_problems->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, &ImportWizard::copyProblems);
    layout->addWidget(m_problems);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = new QPushButton(i18nc("@action:button", "Cancel Import"), this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setEnabled(false);
    m_import = new QPushButton(i18nc("@action:button", "Import"), this);
    m_import->setObjectName(u"importButton"_s);
    m_import->setEnabled(false);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportWizard::guessMapping);
    connect(m_import, &QPushButton::clicked, this, &ImportWizard::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportWizard::cancelImport);
}

ImportWizard::~ImportWizard()
{
    // Deleted during an import (with the main window, say): roll it back before going.
    stopImport();
}

void ImportWizard::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        stopImport();
        m_status->setText(i18nc("@info", "The import was cancelled. Nothing was imported."));
    }
    QWidget::closeEvent(event);
}

void ImportWizard::stopImport()
{
    if (!m_worker) {
        return;
    }
    // The worker never waits for this thread except for an answer, and cancel() wakes it from
    // that wait; so this wait ends as soon as it reaches its next progress report and rolls back.
    m_control->cancel();
    if (m_question) {
        m_question->disconnect(this);
        m_question->close();
        m_question->deleteLater();
    }
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_cancel->setEnabled(false);
    m_kind->setEnabled(true);
    m_mapping->setEnabled(true);
    m_progress->hide();
    m_import->setEnabled(m_table.has_value());
}

bool ImportWizard::isImporting() const
{
    return m_worker != nullptr;
}

bool ImportWizard::setFile(const QString &path)
{
    auto table = Interop::CsvReader::readFile(path);
    m_table.reset();
    m_import->setEnabled(false);
    if (!table) {
        m_fileLabel->setText(i18nc("@info %1 is a file name, %2 the reason", "%1 cannot be imported: %2", QFileInfo(path).fileName(), table.error().message()));
        m_mapping->setRowCount(0);
        m_preview->clear();
        m_problems->clear();
        return false;
    }
    m_table = std::move(table).value();
    m_source = QFileInfo(path).fileName();
    m_fileLabel->setText(i18ncp("@info %2 is a file name, %3 an encoding",
                                "%2: 1 row (%3)",
                                "%2: %1 rows (%3)",
                                m_table->rows.size(),
                                QFileInfo(path).fileName(),
                                m_table->encoding));
    if (const int notes = m_table->linesAboveHeader; notes > 0) {
        m_fileLabel->setText(m_fileLabel->text() + u" "_s
                             + i18ncp("@info", "(1 line of notes above the header skipped)", "(%1 lines of notes above the header skipped)", notes));
    }
    guessMapping();
    return true;
}

void ImportWizard::guessMapping()
{
    if (!m_table) {
        return;
    }
    const auto kind = Kind(m_kind->currentData().toInt());
    const Interop::ColumnMapping mapping = Interop::ColumnMapping::guess(kind, m_table->headers);
    m_mapping->setRowCount(int(m_table->headers.size()));
    for (int column = 0; column < m_table->headers.size(); ++column) {
        m_mapping->setItem(column, 0, new QTableWidgetItem(m_table->headers.at(column)));
        auto *field = new QComboBox(m_mapping);
        field->setObjectName(u"field%1"_s.arg(column));
        field->addItem(Interop::ColumnMapping::targetLabel(kind, {}), QString());
        for (const QString &target : Interop::ColumnMapping::targetFields(kind)) {
            field->addItem(Interop::ColumnMapping::targetLabel(kind, target), target);
        }
        field->setCurrentIndex(std::max(0, field->findData(mapping.field(column))));
        connect(field, &QComboBox::currentIndexChanged, this, &ImportWizard::updatePreview);
        m_mapping->setCellWidget(column, 1, field);
    }
    updatePreview();
}

Interop::ImportOptions ImportWizard::options() const
{
    Interop::ImportOptions options;
    options.kind = Kind(m_kind->currentData().toInt());
    for (int column = 0; column < m_mapping->rowCount(); ++column) {
        if (const auto *field = qobject_cast<QComboBox *>(m_mapping->cellWidget(column, 1))) {
            options.mapping.setField(column, field->currentData().toString());
        }
    }
    options.skipBadRows = m_skipBadRows->isChecked();
    const int onDuplicate = m_onDuplicate->currentData().toInt();
    options.onDuplicate = onDuplicate == AskEachTime ? Interop::DuplicateAction::Merge : Interop::DuplicateAction(onDuplicate);
    options.source = m_source;
    return options;
}

void ImportWizard::updatePreview()
{
    if (!m_table) {
        return;
    }
    const Interop::ImportOptions current = options();
    const int rows = int(std::min<qsizetype>(PreviewRows, m_table->rows.size()));
    m_preview->clear();
    m_preview->setColumnCount(int(m_table->headers.size()));
    m_preview->setHorizontalHeaderLabels(m_table->headers);
    m_preview->setRowCount(rows);
    QStringList lines;
    for (int row = 0; row < rows; ++row) {
        const Interop::CsvRow &csvRow = m_table->rows.at(row);
        lines << QString::number(csvRow.line);
        for (int column = 0; column < csvRow.fields.size() && column < m_table->headers.size(); ++column) {
            m_preview->setItem(row, column, new QTableWidgetItem(csvRow.fields.at(column)));
        }
    }
    m_preview->setVerticalHeaderLabels(lines);

    m_problems->clear();
    if (!current.mapping.hasName()) {
        m_problems->addItem(i18nc("@info", "No column gives the name: choose the column that holds it."));
    }
    for (const Interop::RowProblem &problem : Interop::Importer::preview(*m_table, current, PreviewRows)) {
        m_problems->addItem(problem.message);
    }
    m_import->setEnabled(current.mapping.hasName() && !isImporting());
}

void ImportWizard::startImport()
{
    if (!m_table || isImporting()) {
        return;
    }
    Interop::ImportOptions importOptions = options();
    m_control = std::make_shared<Control>();
    const auto control = m_control;
    // The wizard outlives the worker (its destructor waits for it), so the worker may post to it.
    QPointer<ImportWizard> self(this);
    importOptions.progress = [self, control](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self) {
                    self->showProgress(done, total);
                }
            },
            Qt::QueuedConnection);
        return !control->cancelled.load();
    };
    if (m_onDuplicate->currentData().toInt() == AskEachTime) {
        // The worker waits while the user decides, on the UI thread; a cancel (or closing the
        // wizard) wakes it, and its next progress report rolls back.
        importOptions.chooseDuplicate = [self, control](const Interop::DuplicateMatch &match) {
            if (control->remembered) {
                return *control->remembered;
            }
            std::unique_lock lock(control->mutex);
            if (control->cancelled) {
                return Interop::DuplicateAction::Skip;
            }
            control->answer.reset();
            QMetaObject::invokeMethod(
                self.data(),
                [self, match] {
                    if (self) {
                        self->askAboutDuplicate(match);
                    }
                },
                Qt::QueuedConnection);
            control->changed.wait(lock, [&] {
                return control->cancelled || control->answer.has_value();
            });
            if (control->cancelled) {
                return Interop::DuplicateAction::Skip;
            }
            if (control->answerForAll) {
                control->remembered = control->answer;
            }
            return *control->answer;
        };
    }
    const Interop::CsvTable table = *m_table;
    const QString path = m_databasePath;
    m_worker = QThread::create([self, table, importOptions, path] {
        // The worker has its own connection: SQLite connections stay on one thread.
        std::shared_ptr<Interop::ImportUndo> undo;
        // Closed once the window is told: closing waits for a large import's log to be written
        // into the file, which the window need not wait for.
        std::unique_ptr<Store::Store> store;
        const auto work = [&]() -> Result<Interop::ImportReport> {
            auto opened = Store::Store::open(path, false);
            if (!opened) {
                return opened.error();
            }
            store = std::move(opened).value();
            auto imported = Interop::ImportUndo::import(*store, table, importOptions);
            if (!imported) {
                return imported.error();
            }
            undo = std::make_shared<Interop::ImportUndo>(std::move(imported).value());
            return undo->report();
        };
        const Result<Interop::ImportReport> result = work();
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, undo] {
                if (self) {
                    self->finish(result, undo);
                }
            },
            Qt::QueuedConnection);
    });
    m_import->setEnabled(false);
    m_cancel->setEnabled(true);
    m_kind->setEnabled(false);
    m_mapping->setEnabled(false);
    m_progress->setRange(0, int(m_table->rows.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(i18nc("@info:status", "Importing…"));
    m_timer.start();
    m_worker->start();
}

void ImportWizard::askAboutDuplicate(const Interop::DuplicateMatch &match)
{
    if (!m_control || m_control->cancelled) {
        return;
    }
    // Not exec(): a nested event loop here would let the wizard be deleted under it. The box is
    // modal to the wizard, and its answer wakes the worker.
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setObjectName(u"duplicateQuestion"_s);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(i18nc("@title:window", "Possible Duplicate"));
    box->setText(i18nc("@info %1 is a line number, %2 a name in the file, %3 a name in the database, %4 why they look alike",
                       "Line %1 of the file, “%2”, looks like “%3”, already in the database (%4).",
                       match.line,
                       match.incoming.value(u"name"_s).toString(),
                       match.existingName,
                       match.reason));
    QPushButton *merge = box->addButton(i18nc("@action:button", "Merge"), QMessageBox::AcceptRole);
    merge->setObjectName(u"mergeButton"_s);
    QPushButton *keep = box->addButton(i18nc("@action:button", "Keep Both"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepBothButton"_s);
    QPushButton *skip = box->addButton(i18nc("@action:button", "Skip the Row"), QMessageBox::RejectRole);
    skip->setObjectName(u"skipButton"_s);
    auto *all = new QCheckBox(i18nc("@option:check", "Do the same for the other duplicates of this import"), box);
    all->setObjectName(u"forAllCheck"_s);
    box->setCheckBox(all);
    box->setDefaultButton(merge);
    const std::shared_ptr<Control> control = m_control;
    connect(box, &QMessageBox::finished, this, [box, keep, skip, all, control] {
        Interop::DuplicateAction action = Interop::DuplicateAction::Merge;
        if (box->clickedButton() == keep) {
            action = Interop::DuplicateAction::KeepBoth;
        } else if (box->clickedButton() == skip) {
            action = Interop::DuplicateAction::Skip;
        }
        control->reply(action, all->isChecked());
    });
    m_question = box;
    box->open();
}

void ImportWizard::copyProblems()
{
    QStringList lines;
    const QList<QListWidgetItem *> selected = m_problems->selectedItems();
    for (int row = 0; row < m_problems->count(); ++row) {
        if (QListWidgetItem *item = m_problems->item(row); selected.isEmpty() || item->isSelected()) {
            lines << item->text();
        }
    }
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
}

void ImportWizard::cancelImport()
{
    if (m_control) {
        m_control->cancel();
    }
    if (m_question) {
        m_question->disconnect(this);
        m_question->close();
    }
    m_cancel->setEnabled(false);
    m_status->setText(i18nc("@info:status", "Cancelling…"));
}

void ImportWizard::showProgress(qint64 done, qint64 total)
{
    m_progress->setMaximum(int(total));
    m_progress->setValue(int(done));
    const double seconds = double(m_timer.nsecsElapsed()) / 1e9;
    if (seconds > 0 && done > 0 && m_control && !m_control->cancelled) {
        m_status->setText(i18nc("@info:status %1 and %2 are numbers of rows, %3 rows per second",
                                "Imported %1 of %2 rows (%3 rows per second)…",
                                QLocale().toString(done),
                                QLocale().toString(total),
                                QLocale().toString(qRound64(double(done) / seconds))));
    }
}

void ImportWizard::finish(const Result<Interop::ImportReport> &result, const std::shared_ptr<Interop::ImportUndo> &undo)
{
    if (QThread *worker = std::exchange(m_worker, nullptr)) {
        // It may still be closing its connection: it goes once it has.
        connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        if (worker->isFinished()) {
            delete worker;
        }
    }
    m_cancel->setEnabled(false);
    m_kind->setEnabled(true);
    m_mapping->setEnabled(true);
    m_progress->hide();
    if (!result) {
        m_status->setText(result.error().message());
        m_import->setEnabled(true);
        return;
    }
    const Interop::ImportReport &report = result.value();
    const QList<Interop::ImportReportLine> details = Interop::ImportReportText::details(report, false, Interop::ImportReportText::Reader::App);
    const QString added =
        Interop::ImportReportText::added(report, Kind(m_kind->currentData().toInt())).join(i18nc("@info separator between the items of a list", ", "));
    m_status->setText(
        details.isEmpty()
            ? i18nc("@info:status %1 is what the import added", "Import finished: %1.", added)
            : i18nc("@info:status %1 is what the import added", "Import finished: %1. The list above says what else it did, and what it left out.", added));
    m_problems->clear();
    for (const Interop::ImportReportLine &line : details) {
        auto *item = new QListWidgetItem(line.detail ? u"    • "_s + line.text : line.text, m_problems);
        item->setToolTip(line.text);
    }
    Q_EMIT imported(report);
    if (undo && !undo->isEmpty()) {
        Q_EMIT importUndoable(undo);
    }
}

} // namespace Chorus
