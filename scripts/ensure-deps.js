// `npm start` and `npm test` on a fresh clone: install the locked dependencies first if needed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale =
  !existsSync(installed) ||
  statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs + 1000;
if (stale) {
  process.stderr.write('Installing dependencies (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Chinese PDFs need a CJK font from Debian (fonts-noto-cjk); pdftotext (poppler-utils) lets the
// tests read the PDFs back. Installed here when missing and we are allowed to.
const debianPackages = [
  ['fonts-noto-cjk', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
  ['poppler-utils', '/usr/bin/pdftotext'],
];
const missing = debianPackages.filter(([, file]) => !existsSync(file)).map(([name]) => name);
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (missing.length > 0 && canInstall && !process.env.FEEGUARD_PDF_FONT) {
  process.stderr.write(`Installing Debian packages ${missing.join(' ')}…\n`);
  const apt = (args) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  const install = ['install', '-y', '-qq', '--no-install-recommends', ...missing];
  if (!apt(install) && !(apt(['update', '-qq']) && apt(install))) {
    process.stderr.write(
      `Could not install ${missing.join(' ')}; PDFs need a Chinese font (see README, FEEGUARD_PDF_FONT).\n`,
    );
  }
} else if (missing.includes('fonts-noto-cjk') && !process.env.FEEGUARD_PDF_FONT) {
  process.stderr.write(
    'No Chinese font for PDFs: install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set FEEGUARD_PDF_FONT.\n',
  );
}
