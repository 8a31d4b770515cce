/**
 * Serves one folder of page assets (HTML, CSS, JS modules) with headers that
 * keep the pages self-contained: scripts and styles only from this origin, no
 * framing, no referrer. The pages carry no secrets; tokens live in the
 * officer's sessionStorage and travel only as Authorization headers.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Response } from 'express';

/** src/web (this file is src/web/server/serve-web-assets.ts). */
const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setPageHeaders(res: Response): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Assets change with the code; a stale module after an upgrade is worse than a re-fetch.
    'Cache-Control': 'no-cache',
  });
}

/** Absolute path of a page folder under src/web, e.g. webDir('simulator'). */
export function webDir(name: 'simulator' | 'console'): string {
  return path.join(WEB_ROOT, name);
}

/** Static handler for one page folder (no directory listing, no dotfiles, no index). */
export function serveWebAssets(name: 'simulator' | 'console'): RequestHandler {
  const serve = express.static(webDir(name), {
    index: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders: (res) => setPageHeaders(res as unknown as Response),
  });
  return serve;
}

/** Send a page's index.html with the page headers. */
export function sendPage(res: Response, name: 'simulator' | 'console'): void {
  setPageHeaders(res);
  res.type('html').sendFile(path.join(webDir(name), 'index.html'));
}
