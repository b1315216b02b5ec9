import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Ant Design's own package says its modules have no side effects, but the `@rc-component/*`
 * packages it is built on do not say so, so a bundler keeps every module they import (the whole
 * form engine and validator come with Input). They only define components and helpers; saying so
 * here lets the first page drop what it does not use.
 */
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]@rc-component[\\/]/u;

/** The web app, built into dist/web and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
