// SPDX-FileCopyrightText: 2026 The Chorus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chorustest.h"

#include "storage/database.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;
using namespace Chorus::Storage;

class TransactionTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> m_db;

    qint64 rows()
    {
        Statement count = m_db->prepare(u"SELECT count(*) FROM t"_s);
        return count.step() ? count.integer(0) : -1;
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(u":memory:"_s, {});
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(m_db->exec(u"CREATE TABLE t (x INTEGER NOT NULL)"_s));
    }

    void shouldRollBackUnlessCommitted()
    {
        {
            Transaction transaction(*m_db);
            QVERIFY(transaction.isActive());
            QVERIFY(m_db->exec(u"INSERT INTO t VALUES (1)"_s));
        }
        QCOMPARE(rows(), 0);
    }

    void shouldKeepCommittedChanges()
    {
        Transaction transaction(*m_db);
        QVERIFY(m_db->exec(u"INSERT INTO t VALUES (1)"_s));
        QVERIFY(transaction.commit());
        QCOMPARE(rows(), 1);
    }

    void shouldUndoOnlyTheFailedInnerStep()
    {
        Transaction outer(*m_db);
        QVERIFY(m_db->exec(u"INSERT INTO t VALUES (1)"_s));
        {
            Transaction inner(*m_db);
            QVERIFY(m_db->exec(u"INSERT INTO t VALUES (2)"_s));
            // the insert of NULL fails: the inner transaction is abandoned
            QVERIFY(!m_db->exec(u"INSERT INTO t VALUES (NULL)"_s));
        }
        QVERIFY(outer.commit());
        QCOMPARE(rows(), 1);
        QCOMPARE(m_db->transactionDepth(), 0);
    }

    void shouldReportBoundValuesBack()
    {
        Statement insert = m_db->prepare(u"INSERT INTO t VALUES (?)"_s);
        QVERIFY(insert.isValid());
        for (qint64 i = 0; i < 3; ++i) {
            insert.bind(1, i);
            QVERIFY(insert.exec());
        }
        Statement sum = m_db->prepare(u"SELECT sum(x) FROM t"_s);
        QVERIFY(sum.step());
        QCOMPARE(sum.integer(0), 3);
        QVERIFY(!m_db->prepare(u"SELECT nonsense FROM"_s).isValid());
    }
};

CHORUS_TEST_MAIN(TransactionTest)

#include "transactiontest.moc"
