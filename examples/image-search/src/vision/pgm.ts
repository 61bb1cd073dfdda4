// Decoding of Netpbm grayscale images (PGM): binary "P5" and plain-text "P2", maxval up to 65535.
// The gallery's pictures are stored in this format; decoding is part of the movable work.

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major luminance in [0, 255]. */
  pixels: Float32Array;
}

class HeaderReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get position(): number {
    return this.offset;
  }

  /** Next whitespace-separated token, skipping `#` comments. */
  token(): string {
    const { bytes } = this;
    for (;;) {
      while (this.offset < bytes.length && isSpace(bytes[this.offset]!)) this.offset++;
      if (bytes[this.offset] !== 0x23) break; // '#'
      while (this.offset < bytes.length && bytes[this.offset] !== 0x0a) this.offset++;
    }
    const start = this.offset;
    while (this.offset < bytes.length && !isSpace(bytes[this.offset]!)) this.offset++;
    if (start === this.offset) throw new Error('truncated PGM header');
    return String.fromCharCode(...bytes.subarray(start, this.offset));
  }

  number(what: string): number {
    const text = this.token();
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`bad PGM ${what}: ${text}`);
    return value;
  }

  /** The single whitespace byte that ends a binary header. */
  skipOneSpace(): void {
    this.offset++;
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

export function decodePgm(bytes: Uint8Array): GrayImage {
  const header = new HeaderReader(bytes);
  const magic = header.token();
  if (magic !== 'P5' && magic !== 'P2') throw new Error(`not a PGM image (magic ${magic})`);
  const width = header.number('width');
  const height = header.number('height');
  const maxval = header.number('maxval');
  if (maxval > 65535) throw new Error(`bad PGM maxval: ${maxval}`);
  const pixels = new Float32Array(width * height);
  const scale = 255 / maxval;

  if (magic === 'P2') {
    for (let i = 0; i < pixels.length; i++) pixels[i] = header.number('sample') * scale;
    return { width, height, pixels };
  }

  header.skipOneSpace();
  const wide = maxval > 255;
  const start = header.position;
  const needed = pixels.length * (wide ? 2 : 1);
  if (bytes.length - start < needed) throw new Error(`truncated PGM data: ${bytes.length - start} of ${needed} bytes`);
  for (let i = 0; i < pixels.length; i++) {
    const sample = wide ? (bytes[start + 2 * i]! << 8) | bytes[start + 2 * i + 1]! : bytes[start + i]!;
    pixels[i] = sample * scale;
  }
  return { width, height, pixels };
}
