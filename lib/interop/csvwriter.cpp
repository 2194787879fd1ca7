// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "csvwriter.h"

#include "store/store.h"

#include <KLocalizedString>

#include <QHash>

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;

namespace Chorus::Interop
{

QStringView CsvWriter::escapedCharacters()
{
    return u"=+-@\t\r";
}

QString CsvWriter::cell(const QString &value)
{
    QString text = value;
    if (!text.isEmpty() && escapedCharacters().contains(text.front())) {
        text.prepend(u'\'');
    }
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r') || text.contains(u';') || text.contains(u'\t')
        || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote) {
        return text;
    }
    text.replace(u'"', u"\"\""_s);
    return u'"' + text + u'"';
}

QString CsvWriter::line(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &value : cells) {
        escaped << cell(value);
    }
    return escaped.join(u',') + u"\r\n"_s;
}

Result<QByteArray> CsvWriter::exportList(Store::Store &store, Kind kind)
{
    const EntityInfo &info = entity(kind);
    QList<const Field *> columns;
    QStringList header;
    for (const Field &field : info.fields) {
        if (field.type == FieldType::Blob || field.type == FieldType::Json) {
            continue;
        }
        columns << &field;
        header << fieldLabel(kind, field.name);
    }
    header << i18nc("@title:column in an exported list", "Chorus id");

    // Names of linked records, read once per kind.
    QHash<Kind, QHash<QString, QString>> names;
    const auto nameOf = [&](Kind target, const QString &id) -> QString {
        if (id.isEmpty()) {
            return {};
        }
        if (!names.contains(target)) {
            QHash<QString, QString> &map = names[target];
            const EntityInfo &targetInfo = entity(target);
            Storage::Statement read = store.database().prepare(u"SELECT id, %1 FROM %2"_s.arg(targetInfo.titleField, targetInfo.table));
            while (read.step()) {
                map.insert(read.text(0), read.text(1));
            }
        }
        return names.value(target).value(id, id);
    };

    QString text = line(header);
    for (const Record &record : store.fetchAll(kind)) {
        QStringList cells;
        for (const Field *field : std::as_const(columns)) {
            const QVariant value = record.value(field->name);
            if (field->type == FieldType::Reference) {
                cells << nameOf(*field->references, value.toString());
            } else if (field->type == FieldType::Boolean) {
                cells << (value.toBool() ? i18nc("@item boolean in an exported list", "yes") : i18nc("@item boolean in an exported list", "no"));
            } else if (field->type == FieldType::Choice && !value.toString().isEmpty()) {
                cells << choiceLabel(field->name, value.toString());
            } else {
                cells << value.toString();
            }
        }
        cells << record.value(u"id"_s).toString();
        text += line(cells);
    }
    return QByteArray(QByteArray("\xEF\xBB\xBF") + text.toUtf8());
}

} // namespace Chorus::Interop
