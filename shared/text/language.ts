/**
 * A document's language as a BCP-47 tag: read from what the source declares, or detected from its text
 * (franc-min, trigram statistics), `und` when the text is too short or the guess too close to call.
 */
import { francAll } from 'franc-min';

export const UNDETERMINED_LANGUAGE = 'und';

// franc-min answers in ISO 639-3; BCP-47 wants the two-letter ISO 639-1 code where one exists. Individual
// languages that sit inside a macrolanguage (Standard Arabic, Iranian Persian) take the macrolanguage's
// code, which is what pages and readers use.
const TWO_LETTER: Record<string, string> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', cmn: 'zh', deu: 'de',
  ell: 'el', eng: 'en', fra: 'fr', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu', ibo: 'ig', ind: 'id',
  ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko', lin: 'ln', mal: 'ml', mar: 'mr',
  mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt',
  ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw',
  tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo',
  zlm: 'ms', zul: 'zu', zyb: 'za',
};

// Fewer letters than this and trigram statistics are noise ("Dam inspectors report cracks" reads as German).
const MIN_LETTERS = 40;
// franc scores the runner-up relative to the winner (1); this close, the text does not tell them apart.
const TOO_CLOSE = 0.99;
// franc itself reads no further than its first 2048 characters.
const SAMPLE_LENGTH = 2048;

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** True for languages written right to left (Arabic, Hebrew, Persian, Urdu…), by a tag's primary subtag. */
export function isRightToLeftLanguage(tag: string): boolean {
  return RIGHT_TO_LEFT.has(tag.split('-')[0]!.toLowerCase());
}

/**
 * A language tag as a source declares it ("en_GB", "EN-gb", "fr"), in BCP-47 case; undefined when the value
 * is not a plausible tag ("english", "x", an empty attribute).
 */
export function normalizeLanguageTag(value: string | null | undefined): string | undefined {
  const raw = value?.trim().replace(/_/g, '-');
  if (!raw || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(raw)) return undefined;
  const [primary, ...rest] = raw.split('-');
  const subtags = rest.map((part) => (part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()));
  const language = primary!.toLowerCase();
  if (language === UNDETERMINED_LANGUAGE) return undefined;
  return [language, ...subtags].join('-');
}

/** The language a text is written in, as a BCP-47 tag, or `und`. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return UNDETERMINED_LANGUAGE;
  // franc-min has no Hebrew (it covers languages with 8M+ speakers); the script is Hebrew's alone in practice
  // (Yiddish aside), so it decides.
  const hebrew = sample.match(/\p{Script=Hebrew}/gu)?.length ?? 0;
  if (hebrew > letters / 2) return 'he';
  const [best, runnerUp] = francAll(sample, { minLength: MIN_LETTERS });
  if (!best || best[0] === UNDETERMINED_LANGUAGE) return UNDETERMINED_LANGUAGE;
  if (runnerUp && runnerUp[1] >= TOO_CLOSE) return UNDETERMINED_LANGUAGE;
  return TWO_LETTER[best[0]] ?? best[0];
}
