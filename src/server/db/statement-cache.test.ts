import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('the SQLite statement cache', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('CREATE TABLE t (n INTEGER)');
  sqlite.exec('INSERT INTO t VALUES (1), (2), (3)');

  it('reuses a query’s prepared statement with new parameters', () => {
    const db = withStatementCache(sqlite, 2);
    const first = db.prepare('SELECT n FROM t WHERE n > ?');
    expect(first.all(1)).toEqual([{ n: 2 }, { n: 3 }]);
    const again = db.prepare('SELECT n FROM t WHERE n > ?');
    expect(again).toBe(first);
    expect(again.all(2)).toEqual([{ n: 3 }]);
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const db = withStatementCache(sqlite, 2);
    const streaming = db.prepare('SELECT n FROM t ORDER BY n');
    const rows = streaming.iterate();
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = db.prepare('SELECT n FROM t ORDER BY n');
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all()).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('keeps only the most recently used', () => {
    const db = withStatementCache(sqlite, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    db.prepare('SELECT 1');
    db.prepare('SELECT 3'); // over the size: SELECT 2, least recently used, goes
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });
});
