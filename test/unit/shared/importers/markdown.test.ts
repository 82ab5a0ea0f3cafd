import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../shared/importers/markdown';

describe('parseMarkdown', () => {
  it('reads front matter, takes the first heading and strips inline markup', () => {
    const source = [
      '---',
      'outlet: "Tidewater Courier"',
      'date: 2024-11-02',
      '---',
      '# Ferry *Marisol* runs aground',
      '',
      'The ferry carried **212 passengers** when it struck a [sandbar](https://example.org/bar)',
      'off Port Avel, the `harbour_master` said.',
      '',
      '- Three crew were injured.',
      '- No one was lost.',
      '',
      '> "We felt a long shudder," one passenger said.',
    ].join('\n');
    const parsed = parseMarkdown(source);
    expect(parsed.frontMatter).toMatchObject({ outlet: 'Tidewater Courier', date: '2024-11-02' });
    expect(parsed.heading).toBe('Ferry Marisol runs aground');
    expect(parsed.paragraphs).toEqual([
      'Ferry Marisol runs aground',
      'The ferry carried 212 passengers when it struck a sandbar off Port Avel, the harbour_master said.',
      'Three crew were injured.',
      'No one was lost.',
      '"We felt a long shudder," one passenger said.',
    ]);
  });

  it('keeps arithmetic and snake_case that look like emphasis markers', () => {
    expect(parsed('Rates rose 2 * 3 points; see field_name_here.')).toEqual(['Rates rose 2 * 3 points; see field_name_here.']);
  });

  it('reads setext headings and drops rules', () => {
    const result = parseMarkdown('Storm warning\n=============\n\nWinds reached 90 km/h.\n\n---\n\nSchools closed.');
    expect(result.heading).toBe('Storm warning');
    expect(result.paragraphs).toEqual(['Storm warning', 'Winds reached 90 km/h.', 'Schools closed.']);
  });

  it('reads tables with their cells trimmed, and headings with their closing hashes dropped', () => {
    expect(parsed('## Tide times ##\n\n| Port |  High water |\n|---|---|\n|  Avel | 6.40am  |')).toEqual(['Tide times', 'Port | High water Avel | 6.40am']);
  });

  // Found by fuzzing (test/unit/fuzz/text-import.test.ts): these patterns rescanned the rest of the line
  // from every unclosed opener (and every space of a long run), so a 100 KB line took tens of seconds.
  it('reads long lines of unclosed markup and long runs of spaces in moments, keeping their text', () => {
    for (const opener of ['[a', '![a', '**a ', '~~a ', '<http:a', '<b ']) {
      expect(parsed(opener.repeat(30_000)), opener).toEqual([opener.repeat(30_000).trim()]);
    }
    expect(parsed(`Ferry${' '.repeat(50_000)}times`)).toEqual([`Ferry${' '.repeat(50_000)}times`]);
    expect(parsed(`# Tide${' '.repeat(50_000)}#a`)).toEqual([`Tide${' '.repeat(50_000)}#a`]);
    expect(parsed(`${' '.repeat(60_000)}Ferry times`)).toEqual(['Ferry times']);
  });
});

function parsed(text: string): string[] {
  return parseMarkdown(text).paragraphs;
}
