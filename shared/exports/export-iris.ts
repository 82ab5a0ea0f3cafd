/**
 * IRIs for exported resources. With a base URL (where the export will be published) they are readable
 * addresses under it; without one they are `urn:uuid:` names: a record whose id is already a UUID keeps it,
 * any other id gets a name-based UUID (version 8, from sha-256), the same on every export.
 */
import { sha256Hex } from '../text/sha256';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name-based UUID (RFC 9562 version 8) for `name`. */
export async function nameBasedUuid(name: string): Promise<string> {
  const hex = (await sha256Hex(name)).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export type ResourceKind = 'annotation' | 'link' | 'contradiction' | 'collection';

const SEGMENTS: Record<ResourceKind, string> = {
  annotation: 'annotations',
  link: 'links',
  contradiction: 'contradictions',
  collection: 'collections',
};

/** The base URL with exactly one trailing slash, or undefined when none or not http(s). */
export function normaliseBaseUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined || !/^https?:\/\/[^\s/?#]+/i.test(baseUrl.trim())) return undefined;
  return `${baseUrl.trim().replace(/[?#].*$/, '').replace(/\/+$/, '')}/`;
}

/** The IRI of a resource of `kind` with Crosscheck id `id`. */
export async function resourceIri(kind: ResourceKind, id: string, baseUrl?: string): Promise<string> {
  const base = normaliseBaseUrl(baseUrl);
  if (base) return `${base}${SEGMENTS[kind]}/${encodeURIComponent(id)}`;
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  return `urn:uuid:${await nameBasedUuid(`crosscheck:${kind}:${id}`)}`;
}

/** Where a document's text lives: its web address when it has one, otherwise its text's hash. */
export function documentIri(document: { url?: string; sha256: string }): string {
  return document.url && /^https?:\/\/\S+$/i.test(document.url) ? document.url : `urn:sha256:${document.sha256}`;
}
