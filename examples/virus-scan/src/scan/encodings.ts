// Single-byte encodings that droppers use to hide a payload from plain pattern matching.
// Like XORSearch, the deep scan tries every key: each encoding is a 256-byte decoding table,
// so the matcher reads the file "through" it without copying the file.

export interface EncodingView {
  /** e.g. "xor 0x5a", "rol 3". */
  name: string;
  /** decode[b] is what the encoded byte b stands for. */
  decode: Uint8Array;
}

function table(decodeByte: (b: number) => number): Uint8Array {
  const decode = new Uint8Array(256);
  for (let b = 0; b < 256; b++) decode[b] = decodeByte(b) & 0xff;
  return decode;
}

const hex = (key: number): string => `0x${key.toString(16).padStart(2, '0')}`;

/** Every non-trivial XOR key and left rotation of a byte (XORSearch's two commonest). */
export const encodingViews = (): EncodingView[] => {
  const views: EncodingView[] = [];
  for (let key = 1; key < 256; key++) {
    views.push({ name: `xor ${hex(key)}`, decode: table((b) => b ^ key) });
  }
  for (let bits = 1; bits < 8; bits++) {
    // Encoded by rotating left, so decoding rotates right.
    views.push({ name: `rol ${bits}`, decode: table((b) => (b >>> bits) | (b << (8 - bits))) });
  }
  return views;
};
