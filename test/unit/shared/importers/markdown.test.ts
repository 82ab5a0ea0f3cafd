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
});

function parsed(text: string): string[] {
  return parseMarkdown(text).paragraphs;
}
