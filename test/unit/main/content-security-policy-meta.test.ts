/**
 * The policy the build writes into index.html as a meta tag (the web build has no other CSP, and the Electron
 * build has it besides the app:// header). app-protocol.test.ts checks the header; this checks that the meta
 * policy is the same policy, minus only what a meta tag cannot carry.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY_META } from '../../../shared/security/content-security-policy';
import { directives } from './csp-directives';

const meta = directives(CONTENT_SECURITY_POLICY_META);
const header = directives(CONTENT_SECURITY_POLICY_HEADER);

describe('the Content-Security-Policy meta tag', () => {
  it('carries every directive of the header with the same sources, except frame-ancestors', () => {
    // Browsers ignore frame-ancestors in a meta tag; the app:// header sends it.
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(new Map([...header].filter(([name]) => name !== 'frame-ancestors'))).toEqual(meta);
  });

  it('allows no eval, no inline script or style, and nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY_META).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    for (const [name, sources] of meta) {
      for (const source of sources) expect(source, `${name} ${source}`).not.toMatch(/^(https?:|wss?:|\*|\/\/)/);
    }
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(meta.get('object-src')).toEqual(["'none'"]);
    expect(meta.get('base-uri')).toEqual(["'none'"]);
  });
});
