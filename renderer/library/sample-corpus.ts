/** The sample corpus shipped in resources/samples, bundled into the renderer so both builds have it. */
import { draftFromFile, type DocumentDraft } from '../../shared/importers/source-document';

const sampleFiles = import.meta.glob<string>('../../resources/samples/*.{txt,md}', { query: '?raw', import: 'default', eager: true });

/** Drafts of every sample article, in file-name order. */
export async function sampleCorpusDrafts(): Promise<DocumentDraft[]> {
  const entries = Object.entries(sampleFiles).sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    entries.map(([path, source]) => draftFromFile({ name: path.slice(path.lastIndexOf('/') + 1), bytes: new TextEncoder().encode(source) })),
  );
}
