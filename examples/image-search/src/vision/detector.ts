// The face detector: decode, image pyramid, integral images, the Haar cascade at every level,
// NCC verification of the cascade's hits, non-maximum suppression. Pure computation on plain
// data (no storage, no terminal): it can run on the device or on its clone.

import { Cascade, FACE_CASCADE } from './haar.js';
import { IntegralImage } from './integral.js';
import { suppress, type Box, type Detection } from './nms.js';
import { decodePgm } from './pgm.js';
import { makePreview, type Preview } from './preview.js';
import { buildPyramid } from './pyramid.js';
import { FaceTemplate } from './template.js';

export interface GalleryImage {
  /** Path relative to the gallery folder. */
  name: string;
  /** The encoded file (PGM). */
  bytes: Uint8Array;
}

export interface ImageReport {
  name: string;
  width: number;
  height: number;
  /** Pyramid levels scanned and windows the cascade looked at. */
  levels: number;
  windows: number;
  /** Windows that passed the cascade, and of those, the template check. */
  cascadeHits: number;
  verified: number;
  faces: Detection[];
  preview: Preview;
  /** Set when the file could not be decoded. */
  error?: string;
}

export interface DetectorOptions {
  /** Smallest face to find, in pixels (default 24, the window). */
  minFace?: number;
  /** Ratio between pyramid levels (default 1.1). */
  scaleFactor?: number;
  /** Window stride at each level, in that level's pixels (default 1). */
  step?: number;
  /** Minimum NCC with the face template (default 0.6). */
  verifyThreshold?: number;
  /** Detections must absorb at least this many overlapping hits (default 2). */
  minSupport?: number;
  /** Width of the terminal preview in characters (default 48). */
  previewColumns?: number;
}

export class FaceDetector {
  private readonly cascade: Cascade;
  private readonly template: FaceTemplate;
  private readonly settings: Required<DetectorOptions>;

  constructor(options: DetectorOptions = {}) {
    this.settings = {
      minFace: options.minFace ?? 24,
      scaleFactor: options.scaleFactor ?? 1.1,
      step: options.step ?? 1,
      verifyThreshold: options.verifyThreshold ?? 0.6,
      minSupport: options.minSupport ?? 2,
      previewColumns: options.previewColumns ?? 48,
    };
    this.cascade = new Cascade(FACE_CASCADE);
    this.template = new FaceTemplate(this.cascade.window);
  }

  describe(): { stages: number; window: number; templatePixels: number; scaleFactor: number } {
    return {
      stages: this.cascade.stages,
      window: this.cascade.window,
      templatePixels: this.template.pixels,
      scaleFactor: this.settings.scaleFactor,
    };
  }

  /** Every image of the gallery; one report per image, in order. */
  detectAll(images: GalleryImage[]): ImageReport[] {
    return images.map((image) => this.detect(image));
  }

  detect(file: GalleryImage): ImageReport {
    let image;
    try {
      image = decodePgm(file.bytes);
    } catch (error) {
      const preview: Preview = { columns: 0, rows: 0, cells: new Uint8Array(0) };
      return { name: file.name, width: 0, height: 0, levels: 0, windows: 0, cascadeHits: 0, verified: 0,
        faces: [], preview, error: (error as Error).message };
    }
    const { minFace, scaleFactor, step, verifyThreshold, minSupport, previewColumns } = this.settings;
    const window = this.cascade.window;
    const levels = buildPyramid(image, window, scaleFactor, minFace);
    const boxes: Box[] = [];
    let windows = 0;
    let cascadeHits = 0;
    for (const level of levels) {
      const integral = IntegralImage.of(level.image);
      const hits = this.cascade.scan(integral, step);
      windows += Math.ceil((level.image.width - window + 1) / step) * Math.ceil((level.image.height - window + 1) / step);
      cascadeHits += hits.length;
      for (const hit of this.template.verify(level.image, hits, verifyThreshold)) {
        boxes.push({ x: hit.x / level.scale, y: hit.y / level.scale, size: window / level.scale, score: hit.score });
      }
    }
    const faces = suppress(boxes, 0.3, minSupport).map((face) => ({
      ...face,
      x: Math.round(face.x),
      y: Math.round(face.y),
      size: Math.round(face.size),
      score: Math.round(face.score * 1000) / 1000,
    }));
    return { name: file.name, width: image.width, height: image.height, levels: levels.length, windows,
      cascadeHits, verified: boxes.length, faces, preview: makePreview(image, previewColumns) };
  }

  /** Totals over a gallery, for the summary line. */
  static summarize(reports: ImageReport[]): { images: number; withFaces: number; faces: number; windows: number; failed: string[] } {
    return {
      images: reports.length,
      withFaces: reports.filter((r) => r.faces.length > 0).length,
      faces: reports.reduce((sum, r) => sum + r.faces.length, 0),
      windows: reports.reduce((sum, r) => sum + r.windows, 0),
      failed: reports.filter((r) => r.error !== undefined).map((r) => r.name),
    };
  }
}
