import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../../../../shared/resolve/blocking-keys';
import { parseName } from '../../../../shared/resolve/name-parts';

function shared(a: string, b: string, type: 'person' | 'organization' = 'person', rolesA: string[] = [], rolesB: string[] = []): string[] {
  const keysB = new Set(blockingKeys(type, parseName(b), rolesB));
  return blockingKeys(type, parseName(a), rolesA).filter((key) => keysB.has(key));
}

describe('blockingKeys', () => {
  it('puts spelling variants in a common block', () => {
    expect(shared('Muammar Qaddafi', 'Moammar Gadhafi')).not.toEqual([]);
    expect(shared('Steve Witkoff', 'Steve Weitekamp')).toContain('po:ftk');
    expect(shared('Steve Witkoff', 'S. Witkoff')).not.toEqual([]);
    expect(shared('Kim Jong-un', 'Kim Jong Un')).not.toEqual([]);
    expect(shared('Hezbollah', 'Hizbullah', 'organization')).not.toEqual([]);
  });

  it('puts people who share a first name and a role together, so the resolver can tell them apart', () => {
    expect(shared('Tobias Wendtner', 'Tobias Renn', 'person', ['envoy'], ['envoy'])).toEqual(['pf:tobias', 'pg:tobias|envoy']);
  });

  it('keeps unrelated names out of each other’s blocks', () => {
    expect(shared('Petra Sollis', 'Alder Fenwick')).toEqual([]);
    expect(shared('Brask Mining Company', 'Leaton Hospital', 'organization')).toEqual([]);
  });

  it('gives an organisation and a person no common key', () => {
    const person = new Set(blockingKeys('person', parseName('Odell Brask')));
    expect(blockingKeys('organization', parseName('Odell Brask Holdings')).some((key) => person.has(key))).toBe(false);
  });
});
