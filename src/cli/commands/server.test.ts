import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing.js';

async function run(argv: string[], cwd: string) {
  const io = captureIo(cwd);
  const status = await main(argv, io);
  return { status, out: io.out(), err: io.err() };
}

describe('feeguard admin create, backup and restore', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('creates the first admin, backs the database up and restores it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-admin-'));
    vi.stubEnv('FEEGUARD_DATA_DIR', path.join(dir, 'data'));
    vi.stubEnv('DATABASE_URL', '');
    const created = await run(
      [
        'admin',
        'create',
        '--email',
        'Root@Example.test',
        '--name',
        '管理员',
        '--password',
        'a long password',
      ],
      dir,
    );
    expect(created.status).toBe(0);
    expect(created.out).toContain('root@example.test');
    const again = await run(
      [
        'admin',
        'create',
        '--email',
        'root@example.test',
        '--name',
        'x',
        '--password',
        'a long password',
      ],
      dir,
    );
    expect(again.status).toBe(2);
    expect(again.err).toContain('already has an account');
    const weak = await run(
      ['admin', 'create', '--email', 'b@example.test', '--name', 'x', '--password', 'short'],
      dir,
    );
    expect(weak.status).toBe(2);

    const backup = await run(['backup', 'backup.db'], dir);
    expect(backup.status).toBe(0);
    expect(existsSync(path.join(dir, 'backup.db'))).toBe(true);
    const copy = new SQLite(path.join(dir, 'backup.db'), { readonly: true });
    expect(copy.prepare('SELECT email, is_admin FROM users').all()).toEqual([
      { email: 'root@example.test', is_admin: 1 },
    ]);
    copy.close();

    // Changes after the backup are gone once it is restored.
    await run(
      [
        'admin',
        'create',
        '--email',
        'later@example.test',
        '--name',
        'x',
        '--password',
        'a long password',
      ],
      dir,
    );
    const restored = await run(['restore', 'backup.db'], dir);
    expect(restored.status).toBe(0);
    const db = new SQLite(path.join(dir, 'data', 'feeguard.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    db.close();
  }, 60_000);
});
