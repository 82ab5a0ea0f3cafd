/**
 * What "always a message" means in the fuzz properties: an Error whose message is a sentence a person can act
 * on, not an engine's words leaking through ("Cannot read properties of undefined", "Unexpected token").
 */

// Phrases of V8, JSON.parse, TextDecoder, zod and fflate that would mean an error escaped unexplained.
const RAW_ERROR_WORDS = [
  /cannot read propert/i,
  /cannot set propert/i,
  /is not a function/i,
  /is not iterable/i,
  /is not defined/i,
  /is not a constructor/i,
  /cannot convert/i,
  /maximum call stack/i,
  /invalid (?:array|string|typed array) length/i,
  /array buffer allocation failed/i,
  /out of memory/i,
  /unexpected (?:token|end of (?:json|input))/i,
  /in JSON at position/i,
  /invalid time value/i,
  /\[object \w+\]/,
  /\b(?:TypeError|RangeError|SyntaxError|ReferenceError)\b/,
  /^(?:undefined|null|NaN|Error|\d+)$/,
  /invalid (?:zip data|block type|distance|length\/literal)/i,
  /unexpected EOF/i,
];

/** Why `error` is not a clear message, or undefined when it is one. */
export function unclearMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
  const message = typeof error.message === 'string' ? error.message.trim() : '';
  if (message.length < 20) return `its message is too short to explain anything: ${JSON.stringify(message)}`;
  const raw = RAW_ERROR_WORDS.find((pattern) => pattern.test(message));
  if (raw) return `its message is an engine's error, not an explanation (${raw}): ${JSON.stringify(message.slice(0, 300))}`;
  // At least one finished sentence (messages may open with a file name: "documents.ndjson is …").
  if (!/[.!?]["”’)]?(?:\s|$)/u.test(message)) return `its message has no full sentence: ${JSON.stringify(message.slice(0, 300))}`;
  return undefined;
}

/** Throws with the reason when `error` is not a clear message; `expected` names the error class it must be. */
export function expectClearMessage(error: unknown, expected: abstract new (...args: never[]) => Error, what: string): void {
  const unclear = unclearMessage(error);
  if (unclear) throw new Error(`${what} ${unclear}`, { cause: error });
  if (!(error instanceof expected)) {
    throw new Error(`${what} threw ${(error as Error).name} instead of ${expected.name}: ${(error as Error).message}`, { cause: error });
  }
}
