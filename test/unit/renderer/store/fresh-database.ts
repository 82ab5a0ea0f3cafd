/** A database of its own for each store test, removed afterwards; the same in Node and in Chromium. */
import Dexie from 'dexie';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import type { SourceDocument } from '../../../../shared/model';
import { CrosscheckDatabase } from '../../../../renderer/store/database';
import { importDocument } from '../../../../renderer/store/document-commands';

export async function openFreshDatabase(): Promise<CrosscheckDatabase> {
  const db = new CrosscheckDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

export async function discardDatabase(db: CrosscheckDatabase): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** Imports plain text as a document, the way pasting it would. */
export async function importText(db: CrosscheckDatabase, text: string): Promise<SourceDocument> {
  return importDocument(db, await draftFromPlainText(text, `${crypto.randomUUID()}.txt`));
}

/** Every table's rows in key order, to show that a command left the store exactly as it was. */
export async function storeSnapshot(db: CrosscheckDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}
