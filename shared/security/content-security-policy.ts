/**
 * The renderer's Content-Security-Policy, in one place: main sends it as a response header from the app://
 * protocol, and the renderer build writes it into index.html as a meta tag (which the web build relies on).
 * No remote sources, no eval, no inline script; imported documents are text and never load anything.
 */
const directives: Record<string, string[]> = {
  'default-src': ["'self'"],
  // Electronegativity rates 'self' LOW ("problematic if the origin hosts JSONP"): the app's origin (app:// in
  // Electron, the bundled web build otherwise) serves only the built files, articles live in IndexedDB and
  // are shown as text, and nothing on it answers JSONP. No script can come from anywhere else.
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
};

/** Directives a <meta> policy may not carry (browsers ignore them there); the header adds them. */
const headerOnly: Record<string, string[]> = {
  'frame-ancestors': ["'none'"],
};

function serialise(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** For the app:// protocol's `Content-Security-Policy` response header. */
export const CONTENT_SECURITY_POLICY_HEADER = serialise({ ...directives, ...headerOnly });

/** For `<meta http-equiv="Content-Security-Policy">` in index.html. */
export const CONTENT_SECURITY_POLICY_META = serialise(directives);
