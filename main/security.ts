/**
 * What the app trusts: which URLs may be shown in a window, which may be handed to the system browser, which
 * frames may call IPC. Pure decisions here; main/index.ts wires them to Electron's events.
 */
import type { HandlerDetails, Shell, WebContents, WindowOpenHandlerResponse } from 'electron';
import { parseAppUrl } from './app-protocol';

/** True only for `app://crosscheck/...`, the origin the renderer is served from. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}

/** Decides whether a URL belongs to the app. Production uses isAppUrl; development adds the dev server. */
export type TrustedUrlTest = (url: string) => boolean;

/**
 * The trust test for this run. `devServerUrl` (electron-vite's ELECTRON_RENDERER_URL) is honoured only for
 * unpackaged runs and only on loopback http, so an environment variable cannot widen a shipped app's trust.
 */
export function createTrustedUrlTest(options: { isPackaged: boolean; devServerUrl?: string | undefined }): TrustedUrlTest {
  const devOrigin = options.isPackaged ? null : loopbackOrigin(options.devServerUrl);
  if (!devOrigin) return isAppUrl;
  return (url) => isAppUrl(url) || originOf(url) === devOrigin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function loopbackOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && loopback ? parsed.origin : null;
  } catch {
    return null;
  }
}

// Controls and invisible format characters (bidi overrides, zero-width) can disguise where a link goes;
// whitespace is refused because the URL parser silently strips or encodes it.
const DISGUISING_CHARACTERS = /[\p{Cc}\p{Cf}\s]/u;
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The normalised form of a URL that may be handed to the system browser, or null. Only http(s), parseable,
 * with a host, without credentials (`https://bank.example@evil.example` tricks) and without control characters.
 */
export function toSafeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (DISGUISING_CHARACTERS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** True when `url` may be opened in the system browser. */
export function isSafeExternalUrl(url: unknown): boolean {
  return toSafeExternalUrl(url) !== null;
}

/**
 * The app's only way into the system browser: opens `url` with `shell.openExternal` when toSafeExternalUrl
 * accepts it, and answers whether it did. Callers may have checked the URL already; it is checked again here,
 * next to the call, so that no path can reach `openExternal` unchecked.
 */
export async function openSafeExternalUrl(url: unknown, shell: Pick<Shell, 'openExternal'>): Promise<boolean> {
  const safe = toSafeExternalUrl(url);
  if (safe === null) return false;
  // Electronegativity flags every openExternal whose argument is not a constant. This one only ever receives
  // what toSafeExternalUrl returned on the line above: a parsed http(s) URL with a host, no credentials and
  // no control or invisible characters (test/unit/main/security.test.ts).
  await shell.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  /** Null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * The IPC sender check: the calling frame must be a main frame showing the app itself. Sub-frames and any
 * page that got into a window some other way are refused, so they cannot reach the file system.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, isTrustedUrl: TrustedUrlTest = isAppUrl): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url);
}

export type NavigationDecision =
  | { allow: true }
  /** `openExternally` is set when the URL is a safe web link the user meant to follow. */
  | { allow: false; openExternally?: string };

/** What happens when a page tries to navigate its window to `url` (a link click, a redirect, location=). */
export function decideNavigation(url: string, isTrustedUrl: TrustedUrlTest = isAppUrl): NavigationDecision {
  if (isTrustedUrl(url)) return { allow: true };
  const external = toSafeExternalUrl(url);
  return external ? { allow: false, openExternally: external } : { allow: false };
}

/** Hands a safe web link to the system browser; in the app, a call of openSafeExternalUrl. */
export type OpenInBrowser = (url: string) => void;

/** The part of Electron's navigation events (`will-navigate`, `will-redirect`, `will-frame-navigate`) the guard reads. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

export interface NavigationGuardOptions {
  /** Given safe web links the user followed; leave out where a link cannot be the user's intent (redirects). */
  openInBrowser?: OpenInBrowser;
  isTrustedUrl?: TrustedUrlTest;
}

/** A navigation listener that keeps the window on the app, sending safe web links to the system browser. */
export function createNavigationGuard(options: NavigationGuardOptions = {}): (event: NavigationEvent) => void {
  const isTrustedUrl = options.isTrustedUrl ?? isAppUrl;
  return (event) => {
    const decision = decideNavigation(event.url, isTrustedUrl);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally && options.openInBrowser) options.openInBrowser(decision.openExternally);
  };
}

/**
 * The `will-frame-navigate` listener for sub-frames (the CSP already forbids frames; this is the second lock).
 * Main-frame events are left to the `will-navigate` guard, so a followed link is decided, and opened, once.
 */
export function createSubFrameNavigationGuard(
  isTrustedUrl: TrustedUrlTest = isAppUrl,
): (event: NavigationEvent & { readonly isMainFrame: boolean }) => void {
  const guard = createNavigationGuard({ isTrustedUrl });
  return (event) => {
    if (!event.isMainFrame) guard(event);
  };
}

/**
 * The `setWindowOpenHandler` callback: the app never opens a second Electron window from page code, not even
 * for its own URLs; a safe web link goes to the system browser.
 */
export function createWindowOpenHandler(openInBrowser: OpenInBrowser) {
  return (details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    const external = toSafeExternalUrl(details.url);
    if (external) openInBrowser(external);
    return { action: 'deny' };
  };
}

/** `will-attach-webview` listener: the app has no use for <webview>, whose options a page could choose. */
export function preventWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * The session's permission request handler. The app needs no camera, microphone, notifications, geolocation,
 * or clipboard-read permission (paste works through the Edit menu and keyboard), so everything is refused.
 */
export function denyPermissionRequest(
  _webContents: WebContents | null,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** The session's permission check handler: answers "no" to every synchronous permission query. */
export function denyPermissionCheck(): boolean {
  return false;
}
