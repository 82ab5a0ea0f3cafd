/** How the store compares names: NFC, folded white space, case-insensitive. "Tobias  wendtner" = "Tobias Wendtner". */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The id of a ruling about a pair of names, the same whichever order they come in. */
export function namePairId(a: string, b: string): string {
  return [nameKey(a), nameKey(b)].sort().join('\u241f');
}
