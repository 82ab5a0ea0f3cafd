import { describe, expect, it, vi } from 'vitest';
import {
  createNavigationGuard,
  createSubFrameNavigationGuard,
  createTrustedUrlTest,
  createWindowOpenHandler,
  decideNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  openSafeExternalUrl,
  preventWebviewAttach,
  toSafeExternalUrl,
} from '../../../main/security';

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('isAppUrl', () => {
  it('accepts app://crosscheck URLs', () => {
    expect(isAppUrl('app://crosscheck/index.html')).toBe(true);
    expect(isAppUrl('app://crosscheck/assets/x.js?y=1#z')).toBe(true);
  });

  it.each([
    'https://crosscheck/index.html',
    'app://other/index.html',
    'app://crosscheck.example/index.html',
    'app://user@crosscheck/index.html',
    'file:///index.html',
    'javascript:alert(1)',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('the navigation guard', () => {
  it('lets the window move within the app', () => {
    const openInBrowser = vi.fn();
    const event = navigationEvent('app://crosscheck/index.html');
    createNavigationGuard({ openInBrowser })(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'chrome://settings',
    'about:blank',
  ])('stops %s and opens nothing', (url) => {
    const openInBrowser = vi.fn();
    const event = navigationEvent(url);
    createNavigationGuard({ openInBrowser })(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('stops a web link in the window and hands it to the system browser instead', () => {
    const openInBrowser = vi.fn();
    const event = navigationEvent('https://example.org/article?id=7');
    createNavigationGuard({ openInBrowser })(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(openInBrowser).toHaveBeenCalledWith('https://example.org/article?id=7');
  });

  it('stops http links too, and opens nothing when no opener is given (redirects)', () => {
    const event = navigationEvent('http://example.org/');
    createNavigationGuard()(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('does not hand unsafe web links to the browser', () => {
    const openInBrowser = vi.fn();
    const event = navigationEvent('https://bank.example@evil.example/');
    createNavigationGuard({ openInBrowser })(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('stops sub-frames from leaving the app, leaving main-frame events to will-navigate', () => {
    const guard = createSubFrameNavigationGuard();
    const subFrame = { ...navigationEvent('https://evil.example/'), isMainFrame: false };
    const mainFrame = { ...navigationEvent('https://example.org/'), isMainFrame: true };
    const appFrame = { ...navigationEvent('app://crosscheck/index.html'), isMainFrame: false };
    guard(subFrame);
    guard(mainFrame);
    guard(appFrame);
    expect(subFrame.preventDefault).toHaveBeenCalledOnce();
    expect(mainFrame.preventDefault).not.toHaveBeenCalled();
    expect(appFrame.preventDefault).not.toHaveBeenCalled();
  });

  it('decideNavigation explains the outcome', () => {
    expect(decideNavigation('app://crosscheck/')).toEqual({ allow: true });
    expect(decideNavigation('https://example.org')).toEqual({ allow: false, openExternally: 'https://example.org/' });
    expect(decideNavigation('file:///x')).toEqual({ allow: false });
  });
});

describe('the window-open handler', () => {
  it('denies every new window, even for app URLs', () => {
    const openInBrowser = vi.fn();
    const handler = createWindowOpenHandler(openInBrowser);
    expect(handler({ url: 'app://crosscheck/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('passes safe http(s) links to the injected opener', () => {
    const openInBrowser = vi.fn();
    const handler = createWindowOpenHandler(openInBrowser);
    expect(handler({ url: 'https://example.org/report' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(openInBrowser.mock.calls).toEqual([['https://example.org/report'], ['http://example.org/']]);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.org/', 'http://example.org/a?b=c#d', 'https://xn--caf-dma.example/'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['file URL', 'file:///etc/passwd'],
    ['javascript URL', 'javascript:alert(1)'],
    ['data URL', 'data:text/html,hi'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['mailto', 'mailto:desk@example.org'],
    ['credentials', 'https://user:secret@example.org/'],
    ['user name only', 'https://bank.example@evil.example/'],
    ['unparseable', 'https://'],
    ['relative', '/index.html'],
    ['newline', 'https://example.org/\nfile:///etc/passwd'],
    ['tab', 'https://exa\tmple.org/'],
    ['NUL', 'https://example.org/\u0000'],
    ['bidi override', 'https://example.org/\u202Egnp.exe'],
    ['leading space', ' https://example.org/'],
    ['too long', `https://example.org/${'a'.repeat(2100)}`],
    ['not a string', 42],
  ])('refuses a %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('returns the normalised URL for opening', () => {
    expect(toSafeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
  });
});

describe('openSafeExternalUrl', () => {
  function recordingShell() {
    return { openExternal: vi.fn(async (_url: string) => undefined) };
  }

  it('hands a safe web link, normalised, to shell.openExternal and says it did', async () => {
    const shell = recordingShell();
    await expect(openSafeExternalUrl('HTTPS://Example.org/report?id=3', shell)).resolves.toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://example.org/report?id=3']]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://bank.example@evil.example/',
    'https://example.org/\u202Egnp.exe',
    42,
  ])('never calls shell.openExternal for %s', async (url) => {
    const shell = recordingShell();
    await expect(openSafeExternalUrl(url, shell)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('passes on a failure of the system browser, so the caller can report it', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no browser configured'))) };
    await expect(openSafeExternalUrl('https://example.org/', shell)).rejects.toThrow('no browser configured');
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of the app', () => {
    expect(isTrustedSender({ url: 'app://crosscheck/index.html', parent: null })).toBe(true);
  });

  it('refuses a sub-frame even when it shows an app URL', () => {
    const top = { url: 'app://crosscheck/index.html', parent: null };
    expect(isTrustedSender({ url: 'app://crosscheck/index.html', parent: top })).toBe(false);
  });

  it('refuses foreign main frames and missing frames', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('createTrustedUrlTest', () => {
  it('adds a loopback dev server only for unpackaged runs', () => {
    const dev = createTrustedUrlTest({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('app://crosscheck/')).toBe(true);

    const packaged = createTrustedUrlTest({ isPackaged: true, devServerUrl: 'http://localhost:5173' });
    expect(packaged('http://localhost:5173/index.html')).toBe(false);
    expect(packaged('app://crosscheck/')).toBe(true);
  });

  it('ignores a dev server URL that is not loopback http', () => {
    const test = createTrustedUrlTest({ isPackaged: false, devServerUrl: 'https://evil.example' });
    expect(test('https://evil.example/')).toBe(false);
  });
});

describe('permissions and webviews', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies a %s permission request',
    (permission) => {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers no to permission checks', () => {
    expect(denyPermissionCheck()).toBe(false);
  });

  it('prevents <webview> from attaching', () => {
    const event = { preventDefault: vi.fn() };
    preventWebviewAttach(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
