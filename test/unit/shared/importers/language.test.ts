import { describe, expect, it } from 'vitest';
import { draftFromFile, draftFromPlainText } from '../../../../shared/importers/source-document';
import { isRightToLeftLanguage, normalizeLanguageTag } from '../../../../shared/text/language';

const languageOf = async (text: string): Promise<string> => (await draftFromPlainText(text, 'test.txt')).language;

describe('the language of an imported text', () => {
  it('is detected from the text and given as a two-letter tag', async () => {
    expect(await languageOf('The ferry carried 212 passengers when it struck a sandbar off Port Avel, the harbour master said on Tuesday.')).toBe('en');
    expect(await languageOf('Le traversier transportait 212 passagers lorsqu’il a heurté un banc de sable au large du port, a déclaré le capitaine.')).toBe('fr');
    expect(await languageOf('Die Fähre hatte 212 Passagiere an Bord, als sie vor dem Hafen auf eine Sandbank lief, sagte der Hafenmeister.')).toBe('de');
  });

  it('recognises the right-to-left languages, including Hebrew, which the detector itself lacks', async () => {
    const arabic = await languageOf('هطلت أمطار غزيرة على المدينة يوم الاثنين وأغلقت ثلاث طرق رئيسية بحسب ما أعلنت البلدية.');
    const persian = await languageOf('باران شدید روز دوشنبه در شهر بارید و سه جاده اصلی بسته شد، شهرداری اعلام کرد.');
    const urdu = await languageOf('پیر کے روز شہر میں شدید بارش ہوئی اور تین اہم سڑکیں بند کر دی گئیں، بلدیہ نے بتایا۔');
    const hebrew = await languageOf('גשם כבד ירד בעיר ביום שני ושלושה כבישים ראשיים נסגרו, כך הודיעה העירייה.');
    expect([arabic, persian, urdu, hebrew]).toEqual(['ar', 'fa', 'ur', 'he']);
    expect([arabic, persian, urdu, hebrew].every(isRightToLeftLanguage)).toBe(true);
    expect(isRightToLeftLanguage('en-GB')).toBe(false);
  });

  it('is the body’s language when an English headline tops an Arabic article', async () => {
    expect(await languageOf('Rain report in two languages\nهطلت أمطار غزيرة على المدينة يوم الاثنين وأغلقت ثلاث طرق.')).toBe('ar');
  });

  it('is und when the text is too short to tell', async () => {
    expect(await languageOf('Dam inspectors report cracks')).toBe('und');
    expect(await languageOf('12 34 56 78 90 2024-03-01 100% 7.5 0.25')).toBe('und');
  });

  it('comes from Markdown front matter when it declares one, normalised to BCP-47', async () => {
    const draft = await draftFromFile({ name: 'x.md', bytes: new TextEncoder().encode('---\nlanguage: pt_br\n---\nThe harbour reopened after the storm passed through the bay.') });
    expect(draft.language).toBe('pt-BR');
  });
});

describe('normalizeLanguageTag', () => {
  it('cases tags as BCP-47 does and rejects what is not a tag', () => {
    expect(normalizeLanguageTag('EN-gb')).toBe('en-GB');
    expect(normalizeLanguageTag('zh_hant_tw')).toBe('zh-Hant-TW');
    expect(normalizeLanguageTag('english')).toBeUndefined();
    expect(normalizeLanguageTag('')).toBeUndefined();
    expect(normalizeLanguageTag('und')).toBeUndefined();
  });
});
