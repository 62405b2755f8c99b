// Vite build of the analyst's single-page app. Output goes to web/dist, which `isnad serve`
// serves with an SPA fallback. Preact through esbuild's automatic JSX runtime (no Babel).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // No inline scripts or data: URLs, so the server's strict CSP (default-src 'self') holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.ISNAD_API ?? 'http://127.0.0.1:4311' },
  },
});
