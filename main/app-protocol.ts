/**
 * The app:// protocol that serves the built renderer. A fixed scheme and host give the renderer one origin,
 * `app://crosscheck`, that does not change between installs or updates, so its IndexedDB survives them
 * (file:// would give a null or path-dependent origin). Only files inside out/renderer are ever served.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/security/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'crosscheck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready`. `standard` gives the scheme real origins (storage, relative URLs), `secure` makes
 * it a secure context (crypto.subtle, workers), `supportFetchAPI` lets the renderer fetch its own assets.
 * It deliberately does not bypass the CSP, and leaves `corsEnabled` off so no other origin can read it
 * (same-origin loads, module scripts included, need no CORS).
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, bypassCSP: false },
};

/** Parses `url` and returns it only when it names our scheme and host, with no credentials or port. */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Chromium lower-cases hosts of standard schemes; Node's parser does not, so compare case-insensitively.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

// Characters that have no business in a path we serve: NUL and other controls, backslashes (a second
// separator on Windows), and colons (drive letters, alternate data streams).
const FORBIDDEN_IN_PATH = /[\p{Cc}\\:]/u;

/**
 * Maps an app:// request URL to an absolute file path inside `rendererRoot`, or null when the URL is not ours
 * or its path could leave that folder (`..` in any encoding, backslashes, absolute paths, NUL).
 * `/` maps to index.html.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  const url = parseAppUrl(requestUrl);
  if (!url) return null;

  // The WHATWG parser already folds `..` and `%2e%2e` segments; decoding can still produce new ones
  // (`..%2f..%2f`), so the decoded path is checked segment by segment.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (FORBIDDEN_IN_PATH.test(decoded)) return null;

  const relative = decoded.replace(/^\/+/, '');
  // A leading `//` would have become a host above; after stripping, any remaining absolute form is refused.
  if (decoded.startsWith('//') || path.isAbsolute(relative)) return null;
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const root = path.resolve(rendererRoot);
  const target = path.resolve(root, relative === '' ? 'index.html' : relative);
  const fromRoot = path.relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a served file; unknown kinds are opaque bytes (nosniff stops guessing). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export interface AppProtocolDeps {
  /** Absolute path of the built renderer (out/renderer). */
  rendererRoot: string;
  /** Reads a whole file; rejects when it is missing or a folder. */
  readFile(filePath: string): Promise<Uint8Array>;
}

function plainResponse(status: number, body: string): Response {
  return new Response(status === 405 ? null : body, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * The handler given to `protocol.handle`. Reads files itself rather than through net.fetch(file://) so the
 * response carries our headers and content types, and no file:// URL is ever built from request input.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, '');
    const filePath = resolveAppPath(deps.rendererRoot, request.url);
    if (!filePath) return plainResponse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await deps.readFile(filePath);
    } catch {
      return plainResponse(404, 'Not found');
    }
    const headers = appResponseHeaders(contentTypeFor(filePath));
    // Response wants an ArrayBuffer-backed view; copying keeps Node's pooled Buffer memory out of it.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
