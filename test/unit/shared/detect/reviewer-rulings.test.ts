// Reviewers' rulings on names: "different people" keeps two names apart for good; merging with the variant
// recorded as a misspelling stops the flag. Two small original articles about a harbour strike.
import { describe, expect, it } from 'vitest';
import { ContradictionEngine, type EngineDocument } from '../../../../shared/detect/contradiction-engine';
import { entity, userAnnotation } from './engine-fixtures';

const strikeReport: EngineDocument = {
  id: 'strike-report',
  title: 'Dock strike enters second week',
  text: 'Dock strike enters second week\n\nUnion negotiator Ilse Marquardt said the dockers would not return before Friday.',
};
const translatedReport: EngineDocument = {
  id: 'translated-report',
  title: 'Harbour talks stall',
  text: 'Harbour talks stall\n\nThe union negotiator Ilse Markwart told reporters that talks had stalled on Tuesday.',
};

function engineWith(options: { misspellings?: string[]; sameEntity?: boolean } = {}) {
  const engine = new ContradictionEngine({ now: new Date('2025-01-01') });
  const first = entity('e1', 'Ilse Marquardt');
  const second = options.sameEntity ? first : entity('e2', 'Ilse Markwart');
  if (options.misspellings) first.misspellings = options.misspellings;
  engine.load({
    documents: [strikeReport, translatedReport],
    entities: options.sameEntity ? [first] : [first, second],
    annotations: [
      userAnnotation(strikeReport, 'Ilse Marquardt', { kind: 'entity', entityId: first.id }),
      userAnnotation(translatedReport, 'Ilse Markwart', { kind: 'entity', entityId: second.id }),
    ],
  });
  return engine;
}

const nameVariants = (engine: ContradictionEngine) => engine.contradictions().filter((c) => c.kind === 'name-variant');

describe('reviewer rulings on names', () => {
  it('flags two spellings of the negotiator as a name variant to begin with', () => {
    expect(nameVariants(engineWith())).toHaveLength(1);
  });

  it('never joins names a reviewer ruled different, and joins them again when the ruling is withdrawn', () => {
    const engine = engineWith();
    engine.setNameDistinctions([['Ilse Markwart', 'Ilse Marquardt']]);
    expect(nameVariants(engine)).toHaveLength(0);
    engine.setNameDistinctions([]);
    expect(nameVariants(engine)).toHaveLength(1);
  });

  it('still flags a merged entity whose variant is not recorded as a misspelling', () => {
    expect(nameVariants(engineWith({ sameEntity: true }))).toHaveLength(1);
  });

  it('does not flag a merged entity whose variant is recorded as a misspelling', () => {
    expect(nameVariants(engineWith({ sameEntity: true, misspellings: ['Ilse Markwart'] }))).toHaveLength(0);
  });

  it('drops the flag when the misspelling is recorded on an entity already loaded', () => {
    const engine = engineWith({ sameEntity: true });
    expect(nameVariants(engine)).toHaveLength(1);
    engine.upsertEntity({ ...entity('e1', 'Ilse Marquardt'), misspellings: ['Ilse Markwart'] });
    expect(nameVariants(engine)).toHaveLength(0);
  });
});
