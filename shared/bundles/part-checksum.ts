/**
 * Checksums of bundle parts: hex sha-256 of the bytes as stored (shared/text/sha256.ts hashes strings; a
 * part is hashed as bytes so that it never has to become one long string).
 */

export async function sha256OfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
