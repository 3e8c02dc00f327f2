// Build of the web app: `vite build web` writes dist/web, which `mailsift serve` serves. `vite web` is a dev server
// that forwards /api to a running `mailsift serve` on 127.0.0.1:8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The polyfill would be the only script not from a file; modern browsers don't need it.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
