import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app, built into dist/web and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
