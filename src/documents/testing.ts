import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Whether a Debian tool the read-back tests use is installed (`.ci/run` installs them). */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `feeguard-${prefix}-`));
}

/**
 * The text of a PDF in content order (pdftotext -raw), so a wrapped table cell reads as one, with all whitespace removed: CJK glyphs come
 * back with spaces between them depending on the layout, which says nothing about the content.
 */
export function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
}

export function pdfFonts(pdf: Buffer): string {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export function pdfPages(pdf: Buffer): number {
  const file = path.join(tempDir('pdf'), 'doc.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? 0);
}

/** Converts a DOCX to PDF with LibreOffice headless, in a private profile so runs never collide. */
export function docxToPdf(docx: Buffer): Buffer {
  const dir = tempDir('docx');
  const file = path.join(dir, 'doc.docx');
  writeFileSync(file, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(path.join(dir, 'doc.pdf'));
}
