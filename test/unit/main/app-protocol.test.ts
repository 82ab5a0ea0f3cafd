import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_DEFINITION,
  appResponseHeaders,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../../main/app-protocol';
import { directives } from './csp-directives';

const root = path.resolve('/srv/crosscheck/out/renderer');

describe('resolveAppPath', () => {
  it('serves index.html for the bare origin and for /', () => {
    expect(resolveAppPath(root, 'app://crosscheck/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://crosscheck')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
  });

  it('maps nested asset paths inside the renderer folder, ignoring query and fragment', () => {
    expect(resolveAppPath(root, 'app://crosscheck/assets/index-abc123.js?v=2#top')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolveAppPath(root, 'app://crosscheck/assets/Caf%C3%A9%20notes.txt')).toBe(
      path.join(root, 'assets', 'Café notes.txt'),
    );
  });

  it.each([
    ['plain dot-dot (folded by the URL parser, still inside)', 'app://crosscheck/../../etc/passwd', path.join(root, 'etc', 'passwd')],
    ['encoded dot-dot segments (folded by the URL parser, still inside)', 'app://crosscheck/%2e%2e/%2E%2E/etc/passwd', path.join(root, 'etc', 'passwd')],
  ])('keeps %s inside the folder', (_label, url, expected) => {
    expect(resolveAppPath(root, url)).toBe(expected);
  });

  it.each([
    ['encoded slashes around dot-dot', 'app://crosscheck/assets/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded dot-dot with encoded slash', 'app://crosscheck/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['backslash traversal', 'app://crosscheck/assets/..\\..\\secret.txt'],
    ['encoded backslash traversal', 'app://crosscheck/assets/..%5c..%5csecret.txt'],
    ['absolute path after decoding', 'app://crosscheck/%2fetc%2fpasswd'],
    ['windows drive letter', 'app://crosscheck/C:%5cWindows%5cwin.ini'],
    ['NUL byte', 'app://crosscheck/index.html%00.png'],
    ['control character', 'app://crosscheck/index%0a.html'],
    ['malformed percent-encoding', 'app://crosscheck/%E0%A4%A'],
    ['single-dot segment after decoding', 'app://crosscheck/assets/.%2findex.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('decodes once, so double-encoded dot-dots name a file inside the folder', () => {
    expect(resolveAppPath(root, 'app://crosscheck/%252e%252e%252fsecret.txt')).toBe(path.join(root, '%2e%2e%2fsecret.txt'));
  });

  it.each([
    ['another scheme', 'file:///srv/crosscheck/out/renderer/index.html'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://crosscheck.evil/index.html'],
    ['credentials', 'app://user:pw@crosscheck/index.html'],
    ['a port', 'app://crosscheck:8080/index.html'],
    ['an unparseable URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('the privileged app scheme', () => {
  it('is standard and secure with fetch support, and does not bypass the CSP', () => {
    expect(APP_SCHEME_DEFINITION.scheme).toBe('app');
    expect(APP_SCHEME_DEFINITION.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_DEFINITION.privileges?.bypassCSP).not.toBe(true);
    expect(APP_SCHEME_DEFINITION.privileges?.corsEnabled).not.toBe(true);
  });
});

describe('the Content-Security-Policy header on app:// responses', () => {
  const policy = appResponseHeaders('text/html; charset=utf-8')['Content-Security-Policy'] ?? '';
  const parsed = directives(policy);

  it('allows no eval and no inline script or style', () => {
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('wasm-unsafe-eval');
  });

  it('loads nothing from the network', () => {
    for (const [name, sources] of parsed) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?:|wss?:|\*|http|\/\/)/);
      }
    }
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
  });

  it('forbids plugins and framing', () => {
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('comes with nosniff', () => {
    expect(appResponseHeaders('text/plain')['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/index-1.CSS', 'text/css; charset=utf-8'],
    ['assets/index-1.js.map', 'application/json; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.unknown', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let rendererRoot: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'crosscheck-protocol-'));
    rendererRoot = path.join(base, 'renderer');
    await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Crosscheck</title>');
    await writeFile(path.join(rendererRoot, 'assets', 'app.js'), 'console.log("hi")');
    await writeFile(path.join(base, 'secret.txt'), 'do not serve');
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const handler = () => createAppProtocolHandler({ rendererRoot, readFile: (file) => readFile(file) });

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await handler()(new Request('app://crosscheck/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Crosscheck</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler()(new Request('app://crosscheck/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a file next to the renderer folder, and still sends the CSP', async () => {
    const response = await handler()(new Request('app://crosscheck/assets/..%2f..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('do not serve');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await handler()(new Request('app://crosscheck/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://crosscheck/assets/'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://crosscheck/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
