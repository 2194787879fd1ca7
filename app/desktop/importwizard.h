// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once

#include "interop/csvreader.h"
#include "interop/importer.h"
#include "interop/importundo.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace Chorus
{

/**
 * Imports a CSV file of people or organizations into a Chorus database: the columns Chorus
 * recognised, each changeable; a preview of the first rows with their problems; then the import
 * itself on a worker thread (its own connection to the database), with progress, rows per second
 * and Cancel, which rolls everything back. Closing or deleting the wizard during an import (even
 * while it asks about a duplicate) cancels it the same way, and waits until it is rolled back.
 *
 * Self-contained: give it the database file and a CSV file; it emits imported() when records
 * were added, so that views can refresh, and importUndoable() with what takes the import back.
 */
class ImportWizard : public QWidget
{
    Q_OBJECT

public:
    explicit ImportWizard(const QString &databasePath, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /// Reads the file and shows its columns and first rows; false (with the reason shown) when it cannot be read.
    bool setFile(const QString &path);
    [[nodiscard]] bool isImporting() const;

Q_SIGNALS:
    /// The import finished and was committed.
    void imported(const Chorus::Interop::ImportReport &report);
    /// After imported(), when the import changed the database: what undoes it (and redoes it).
    void importUndoable(const std::shared_ptr<Chorus::Interop::ImportUndo> &undo);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Control;

    void guessMapping();
    void updatePreview();
    [[nodiscard]] Interop::ImportOptions options() const;
    void startImport();
    void cancelImport();
    /// Copies the selected lines of the problem list (all of them when none is selected) for pasting elsewhere.
    void copyProblems();
    /// Cancels the import, wakes the worker if it waits for an answer, and waits until it has rolled back.
    void stopImport();
    /// Asks the user what to do with one duplicate, without blocking: the answer goes to the waiting worker.
    void askAboutDuplicate(const Interop::DuplicateMatch &match);
    void showProgress(qint64 done, qint64 total);
    void finish(const Result<Interop::ImportReport> &result, const std::shared_ptr<Interop::ImportUndo> &undo);

    QString m_databasePath;
    std::optional<Interop::CsvTable> m_table;
    QString m_source;

    QLabel *m_fileLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QTableWidget *m_mapping = nullptr;
    QTableWidget *m_preview = nullptr;
    QListWidget *m_problems = nullptr;
    QCheckBox *m_skipBadRows = nullptr;
    QComboBox *m_onDuplicate = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;

    QThread *m_worker = nullptr;
    /// Shared with the worker: the cancel flag, and the answer to the duplicate question it waits for.
    std::shared_ptr<Control> m_control;
    QPointer<QMessageBox> m_question;
    QElapsedTimer m_timer;
};

} // namespace Chorus
