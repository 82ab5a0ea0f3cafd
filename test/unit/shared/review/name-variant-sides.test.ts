// The sides of name-variant flags as the real engine reports them: the sample corpus (a suspect spelling
// used by one article) and two tagged spellings used once each (a tie).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContradictionEngine } from '../../../../shared/detect/contradiction-engine';
import type { Contradiction } from '../../../../shared/detect/contradiction';
import { extractDocument } from '../../../../shared/extract/extract-document';
import { draftFromFile } from '../../../../shared/importers/source-document';
import { nameVariantSides } from '../../../../shared/review/name-variant-sides';
import { entity, userAnnotation } from '../detect/engine-fixtures';

const SAMPLES = join(__dirname, '../../../../resources/samples');
type NameVariant = Extract<Contradiction, { kind: 'name-variant' }>;
const isNameVariant = (c: Contradiction): c is NameVariant => c.kind === 'name-variant';

describe('nameVariantSides', () => {
  it('splits the sample corpus’s flag into the suspect “Tobias Vantner” and the usual “Tobias Wendtner”', async () => {
    const documents = await Promise.all(
      readdirSync(SAMPLES)
        .sort()
        .map(async (name, index) => ({ ...(await draftFromFile({ name, bytes: readFileSync(join(SAMPLES, name)) })), id: `sample-${index}` })),
    );
    const engine = new ContradictionEngine({ now: new Date('2025-03-10') });
    engine.load({ documents, extractions: documents.map((document) => extractDocument(document)) });
    const flag = engine.contradictions().find(isNameVariant)!;
    const sides = nameVariantSides(flag);
    expect(sides.variant.name).toBe('Tobias Vantner');
    expect(sides.variantIsSuspect).toBe(true);
    expect(sides.expected.name).toBe('Tobias Wendtner');
    expect(sides.variantEvidence.map((e) => e.quote)).toEqual(['Tobias Vantner']);
    expect(sides.expectedEvidence.length).toBeGreaterThan(0);
    expect(sides.expectedEvidence.every((e) => /Wendtner/.test(e.quote))).toBe(true);
  });

  it('finds the spelling to check in a tie, where the detector names no suspect', () => {
    const first = { id: 'pier', title: 'Pier repairs', text: 'Pier repairs\n\nHarbour master Lena Aaltonen said the pier reopens in May.' };
    const second = { id: 'ferry', title: 'Ferry timetable', text: 'Ferry timetable\n\nHarbour master Lena Altonen confirmed the new timetable.' };
    const engine = new ContradictionEngine({ now: new Date('2025-03-10') });
    engine.load({
      documents: [first, second],
      entities: [entity('e1', 'Lena Aaltonen'), entity('e2', 'Lena Altonen')],
      annotations: [userAnnotation(first, 'Lena Aaltonen', { kind: 'entity', entityId: 'e1' }), userAnnotation(second, 'Lena Altonen', { kind: 'entity', entityId: 'e2' })],
    });
    const flag = engine.contradictions().find(isNameVariant)!;
    expect(flag.details.suspect).toBeUndefined();
    const sides = nameVariantSides(flag);
    expect(sides.variantIsSuspect).toBe(false);
    expect([sides.variant.name, sides.expected.name].sort()).toEqual(['Lena Aaltonen', 'Lena Altonen']);
    expect(sides.variantEvidence.map((e) => e.quote)).toEqual([sides.variant.name]);
    expect(sides.expectedEvidence.map((e) => e.quote)).toEqual([sides.expected.name]);
  });
});
