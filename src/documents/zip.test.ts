import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest, sha256Hex } from './manifest.js';
import { writeZip } from './zip.js';

describe('writeZip and the SHA-256 manifest', () => {
  it('keeps Chinese names and bytes, and sha256sum -c accepts the manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-zip-'));
    const files = [
      { name: '00-说明.txt', data: '证据包\n' },
      { name: '03-原始对账单/对账单 2024.csv', data: Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]) },
    ];
    const entries = [...files, { name: 'MANIFEST-SHA256.txt', data: manifest(files) }];
    const zip = path.join(dir, 'pack.zip');
    const { bytes } = await writeZip(entries, createWriteStream(zip), {
      date: new Date('2024-11-05T12:00:00+08:00'),
    });
    expect(bytes).toBe(readFileSync(zip).length);

    const out = path.join(dir, 'out');
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, out]);
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', zip], { encoding: 'utf8' });
    expect(listing).toContain('03-原始对账单/对账单 2024.csv');
    expect(listing).toContain('2024-11-05');
    expect(readFileSync(path.join(out, '03-原始对账单/对账单 2024.csv'))).toEqual(files[1]?.data);
    const check = execFileSync('sha256sum', ['-c', 'MANIFEST-SHA256.txt'], {
      cwd: out,
      encoding: 'utf8',
    });
    expect(check).toBe('00-说明.txt: OK\n03-原始对账单/对账单 2024.csv: OK\n');
  });

  it('hashes as sha256sum does', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('writes the same bytes for the same entries, in the order given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeguard-zip-'));
    const entries = [
      { name: '02-投诉书.pdf', data: Buffer.from('%PDF-1.7\n') },
      { name: '01-审计报告.txt', data: '合计 1,287.00 元\n' },
    ];
    const date = new Date('2025-11-05T12:00:00+08:00');
    const first = path.join(dir, 'a.zip');
    const second = path.join(dir, 'b.zip');
    await writeZip(entries, createWriteStream(first), { date });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await writeZip(entries, createWriteStream(second), { date });
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
    const names = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
        first,
      ],
      { encoding: 'utf8' },
    );
    expect(names.trim().split('\n')).toEqual(['02-投诉书.pdf', '01-审计报告.txt']);
  });
});
