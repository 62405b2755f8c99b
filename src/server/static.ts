/**
 * Serves the built web app (`web/dist`): files as they are, and `index.html` for any other
 * path outside `/api`, so deep links work (SPA fallback). Paths never leave the folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** A middleware serving `root`; undefined when the folder has no index.html. */
export function staticApp(root: string): MiddlewareHandler | undefined {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!existsSync(index)) return undefined;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/openapi.json') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(path);
    } catch {
      return next();
    }
    const file = resolve(base, '.' + (rel.includes('\0') ? '/' : rel));
    const inside = file === base || file.startsWith(base + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    const target = isFile ? file : index;
    const body = await readFile(target);
    const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
    const cache = isFile && /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, 'Cache-Control': cache };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}
