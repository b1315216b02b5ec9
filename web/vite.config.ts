import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Ant Design's own package says its modules have no side effects, but the `@rc-component/*`
 * packages it is built on do not say so, so a bundler keeps every module they import (the whole
 * form engine and validator come with Input). They only define components and helpers; saying so
 * here lets the first page drop what it does not use.
 */
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]@rc-component[\\/]/u;

const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt|map)$/u;

/**
 * Writes `name.br` (Brotli at its best quality) and `name.gz` beside every built text file of
 * 1 KB or more, once at build time; the server sends whichever the browser accepts.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'feeguard-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files
          .filter((f) => COMPRESSIBLE.test(f))
          .map(async (f) => {
            const file = path.join(outDir, f);
            const data = await readFile(file);
            if (data.length < 1024) return;
            const br = await promisify(brotliCompress)(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            });
            const gz = await promisify(gzip)(data, { level: 9 });
            await writeFile(`${file}.br`, br);
            await writeFile(`${file}.gz`, gz);
          }),
      );
    },
  };
}

/** The web app, built into dist/web and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      treeshake: { moduleSideEffects: (id) => !SIDE_EFFECT_FREE.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
