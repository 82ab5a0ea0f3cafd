// Helpers for engine tests: fixture documents from test/fixtures/engine, and user annotations as the store
// would hold them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, Entity, EntityType, Link } from '../../../../shared/model';
import { draftFromFile } from '../../../../shared/importers/source-document';
import type { EngineDocument } from '../../../../shared/detect/contradiction-engine';
import { describeTextQuote } from '../../../../shared/anchoring/text-anchor';

export const FIXTURES = join(__dirname, '../../../fixtures/engine');

/** Imports fixture files the way the app does; the id is the file name without extension. */
export async function fixtureDocuments(...names: string[]): Promise<EngineDocument[]> {
  const files = names.length > 0 ? names : readdirSync(FIXTURES).sort();
  return Promise.all(
    files.map(async (name) => {
      const draft = await draftFromFile({ name, bytes: readFileSync(join(FIXTURES, name)) });
      return { id: name.replace(/\.\w+$/, ''), title: draft.title, text: draft.text, ...(draft.publishedAt ? { publishedAt: draft.publishedAt } : {}) };
    }),
  );
}

const NOW = '2025-01-01T00:00:00.000Z';
let sequence = 0;

/** A user's annotation over the first occurrence of `quote` in the document. */
export function userAnnotation(document: EngineDocument, quote: string, fields: Partial<Annotation> & Pick<Annotation, 'kind'>): Annotation {
  const start = document.text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in ${document.id}`);
  sequence++;
  return {
    id: `a${sequence}`,
    documentId: document.id,
    start,
    end: start + quote.length,
    ...describeTextQuote(document.text, start, start + quote.length),
    origin: 'user',
    status: 'unverified',
    author: 'Test Reviewer',
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  };
}

export function entity(id: string, name: string, type: EntityType = 'person'): Entity {
  return { id, name, type, aliases: [] };
}

export function link(id: string, fromId: string, toId: string, relation: Link['relation']): Link {
  return { id, fromId, toId, relation, author: 'Test Reviewer', createdAt: NOW };
}
