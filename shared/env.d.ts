// shared/ is pure TypeScript: no DOM, no Node. These are the few web-standard globals it may use,
// all present in Node 20, browsers and workers.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare const crypto: {
  subtle: { digest(algorithm: 'SHA-256', data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer> };
  randomUUID(): string;
};
