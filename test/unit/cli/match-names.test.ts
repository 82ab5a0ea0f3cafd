import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('npm run match-names', () => {
  it('prints score, verdict and both names for each line', () => {
    const result = runCli('match-names.ts', [], 'Muammar Qaddafi\tMoammar Gadhafi\nTobias Wendtner\tTobias Renn\n\nSteve Witkoff\tSteve Weitekamp\n');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(lines.map((line) => line.slice(1))).toEqual([
      ['same', 'Muammar Qaddafi', 'Moammar Gadhafi'],
      ['different', 'Tobias Wendtner', 'Tobias Renn'],
      ['same', 'Steve Witkoff', 'Steve Weitekamp'],
    ]);
    for (const [score] of lines) expect(score).toMatch(/^(?:0|1)\.\d{3}$/);
  });

  it('reports a line without a tab on stderr and keeps going', () => {
    const result = runCli('match-names.ts', [], 'just one name\nAnna Berg\tLukas Berg\n');
    expect(result.stderr).toContain('line 1');
    expect(result.stdout).toMatch(/^0\.\d{3}\tdifferent\tAnna Berg\tLukas Berg\n$/);
    expect(result.status).toBe(1);
  });

  it('prints a usage line and exits with 2 when given arguments', () => {
    const result = runCli('match-names.ts', ['--fast']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: match-names/);
  });
});
