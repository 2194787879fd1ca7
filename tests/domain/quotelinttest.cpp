// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "domain/quotelint.h"

using namespace Qt::StringLiterals;
using namespace Chorus::Domain;
using Check = QuoteFinding::Check;

Q_DECLARE_METATYPE(QList<Chorus::Domain::QuoteFinding::Check>)

namespace
{
QList<Check> checksOf(const QList<QuoteFinding> &findings)
{
    QList<Check> checks;
    for (const QuoteFinding &finding : findings) {
        checks << finding.check;
    }
    return checks;
}
} // namespace

class QuoteLintTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFlagWhatAnEditorWouldCatch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<Check>>("expected");
        QTest::newRow("clean") << u"We will not let this contract stand. Cancel it."_s << QList<Check>{};
        QTest::newRow("clean quotation inside") << u"They called it “progress”. It is not."_s << QList<Check>{};
        QTest::newRow("clean straight quotes") << u"They said \"progress\"."_s << QList<Check>{};
        QTest::newRow("unclosed curly quote") << u"They called it “progress. It is not."_s << QList<Check>{Check::UnbalancedQuotationMarks};
        QTest::newRow("odd straight quotes") << u"They called it \"progress. It is not."_s << QList<Check>{Check::UnbalancedQuotationMarks};
        QTest::newRow("German quotation marks") << u"Sie nennen es „Fortschritt“. Das ist es nicht."_s << QList<Check>{};
        QTest::newRow("German guillemets") << u"Sie nennen es »Fortschritt«. Das ist es nicht."_s << QList<Check>{};
        QTest::newRow("unclosed German mark") << u"Sie nennen es „Fortschritt. Das ist es nicht."_s << QList<Check>{Check::UnbalancedQuotationMarks};
        QTest::newRow("double space") << u"Cancel  the contract."_s << QList<Check>{Check::DoubleSpace};
        QTest::newRow("missing space") << u"Cancel the contract.We mean it."_s << QList<Check>{Check::MissingSpaceAfterSentence};
        QTest::newRow("abbreviation is fine") << u"The U.S.A and the E.U. agree."_s << QList<Check>{};
        QTest::newRow("repeated word") << u"Stop they until they they listen."_s << QList<Check>{Check::RepeatedWord};
        QTest::newRow("repeated word, other case") << u"The the company must listen."_s << QList<Check>{Check::RepeatedWord};
        QTest::newRow("accented repeated word") << u"No más más contratos."_s << QList<Check>{Check::RepeatedWord};
        QTest::newRow("too long") << u"word "_s.repeated(QuoteWordLimit).replace(u"word word"_s, u"word tale"_s) + u"end."_s << QList<Check>{Check::TooLong};
    }

    void shouldFlagWhatAnEditorWouldCatch()
    {
        QFETCH(QString, text);
        QFETCH(QList<Check>, expected);
        const QList<QuoteFinding> findings = lintQuote({text, u"Ana Ruiz"_s, u"Director"_s, true});
        QCOMPARE(checksOf(findings), expected);
        for (const QuoteFinding &finding : findings) {
            QVERIFY(!finding.message.isEmpty());
        }
    }

    void shouldPointAtTheQuotationMarkLeftOpen()
    {
        const QString text = u"They said „yes“ and „no, then left."_s;
        const QList<QuoteFinding> findings = lintQuote({text, u"Ana Ruiz"_s, u"Director"_s, true});
        QCOMPARE(checksOf(findings), QList<Check>{Check::UnbalancedQuotationMarks});
        QCOMPARE(findings.at(0).position, text.lastIndexOf(u'„'));
    }

    void shouldPointAtTheRepeatedWord()
    {
        const QString text = u"Stop they until they they listen."_s;
        const QList<QuoteFinding> findings = lintQuote({text, u"Ana Ruiz"_s, u"Director"_s, true});
        QCOMPARE(findings.size(), 1);
        QCOMPARE(text.mid(findings.at(0).position, findings.at(0).length), u"they they"_s);
        QCOMPARE(findings.at(0).message, u"The word “they” is repeated."_s);
    }

    void shouldFlagASpokespersonWithoutOrganizationOrTitle()
    {
        const QList<QuoteFinding> findings = lintQuote({u"Cancel it."_s, u"Ana Ruiz"_s, QString(), false});
        QCOMPARE(checksOf(findings), (QList<Check>{Check::SpokespersonWithoutOrganization, Check::SpokespersonWithoutTitle}));
        QVERIFY(findings.at(0).message.startsWith(u"Ana Ruiz has no organization"_s));
    }
};

CHORUS_TEST_MAIN(QuoteLintTest)

#include "quotelinttest.moc"
