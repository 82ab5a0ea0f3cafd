import { describe, expect, it } from 'vitest';
import { rolesAround } from '../../../../shared/extract/roles';

function rolesOf(text: string, name: string) {
  const start = text.indexOf(name);
  return rolesAround(text, start, start + name.length).map((r) => [r.head, r.phrase]);
}

describe('rolesAround', () => {
  it('reads a title before the name', () => {
    expect(rolesOf('He met U.S. envoy Steve Halloran on Monday.', 'Steve Halloran')).toEqual([['envoy', 'u.s. envoy']]);
    expect(rolesOf('Prime Minister Odo Varn spoke.', 'Odo Varn')).toEqual([['minister', 'prime minister']]);
  });

  it('reads appositives before and after the name', () => {
    expect(rolesOf('A company spokesman, Alder Fenwick, said so.', 'Alder Fenwick')).toEqual([['spokesperson', 'company spokesman']]);
    expect(rolesOf('Tobias Vantner, the regional envoy for labour questions, said so.', 'Tobias Vantner')).toEqual([['envoy', 'regional envoy']]);
  });

  it('reads a role inside a tagged span', () => {
    expect(rolesOf('Rescue coordinator Tobias Renn said so.', 'Rescue coordinator Tobias Renn')).toEqual([['coordinator', 'rescue coordinator']]);
  });

  it('finds no role where there is none', () => {
    expect(rolesOf('Tobias Renn, who leads the rescue, said so.', 'Tobias Renn')).toEqual([]);
    expect(rolesOf('The envoy arrived. Tobias Renn said so.', 'Tobias Renn')).toEqual([]);
  });
});
