// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The least a program can do to turn a press kit into a PDF with the stack the press kit issue
// prescribes (KTextTemplate, QTextDocument and QPdfWriter): read the kit's HTML export, pass it
// through a one-line KTextTemplate template, lay it out and print it, nothing else. chorus-bench-presskit times it as a whole process beside chorus-cli and
// LibreOffice: LibreOffice's time over this one is the largest ratio any program on this stack could show.
//
// chorus-bench-qtfloor HTML_IN PDF_OUT   renders, lays out and prints; prints the milliseconds that took
// chorus-bench-qtfloor --start-only      only starts and ends (its libraries loaded)

#include <KTextTemplate/Context>
#include <KTextTemplate/Engine>

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextStream>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 2 && arguments.at(1) == QLatin1String("--start-only")) {
        return 0;
    }
    if (arguments.size() != 3) {
        QTextStream(stderr) << "usage: chorus-bench-qtfloor HTML_IN PDF_OUT | --start-only\n";
        return 2;
    }
    QFile html(arguments.at(1));
    if (!html.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << arguments.at(1) << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    KTextTemplate::Engine engine;
    const KTextTemplate::Template page = engine.newTemplate(QStringLiteral("{% autoescape off %}{{ kit }}{% endautoescape %}"), QStringLiteral("kit"));
    KTextTemplate::Context context({{QStringLiteral("kit"), QString::fromUtf8(html.readAll())}});
    QTextDocument document;
    document.setHtml(page->render(&context));
    QPdfWriter writer(arguments.at(2));
    writer.setPageSize(QPageSize(QPageSize::A4));
    document.print(&writer);
    QTextStream(stdout) << double(timer.nsecsElapsed()) / 1e6 << '\n';
    return QFile::exists(arguments.at(2)) ? 0 : 1;
}
