// image-search: finds faces in the pictures of a gallery on the device's storage.
//   image-search <gallery folder> [--min-face N] [--preview] [--quiet] [--no-timing]

import { join, relative } from 'node:path';
import { isDirectory, listImages, readImage, readJsonIfPresent } from './gallery/storage.js';
import { TerminalView } from './ui/terminal.js';
import { FaceDetector, type GalleryImage } from './vision/detector.js';
import { compareWithTruth, type TruthFace } from './vision/evaluate.js';

interface Options {
  folder: string;
  minFace: number;
  preview: boolean;
  quiet: boolean;
  /** Print elapsed times (off to compare two runs byte for byte). */
  timing: boolean;
}

const USAGE = 'usage: image-search <gallery folder> [--min-face N] [--preview] [--quiet] [--no-timing]';

function parseArgs(args: string[]): Options | string {
  const options: Options = { folder: '', minFace: 24, preview: false, quiet: false, timing: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--min-face') options.minFace = Number(args[++i]);
    else if (arg === '--preview') options.preview = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--no-timing') options.timing = false;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.folder = arg;
  }
  if (!options.folder) return USAGE;
  if (!Number.isInteger(options.minFace) || options.minFace < 24) return '--min-face: a whole number of pixels, at least 24';
  if (!isDirectory(options.folder)) return `not a folder: ${options.folder}`;
  return options;
}

/** Returns the exit code: 0 faces found, 1 none found, 2 usage or I/O error. */
export function main(args: string[]): number {
  const options = parseArgs(args);
  const view = new TerminalView(typeof options !== 'string' && options.quiet);
  if (typeof options === 'string') {
    view.error(options);
    return 2;
  }

  const detector = new FaceDetector({ minFace: options.minFace });
  view.banner(detector.describe());

  const paths = listImages(options.folder);
  if (paths.length === 0) {
    view.error(`no .pgm pictures in ${options.folder}`);
    return 2;
  }
  const images = paths.map((path, i): GalleryImage => {
    view.progress('reading', i + 1, paths.length);
    return { name: relative(options.folder, path).split('\\').join('/'), bytes: readImage(path) };
  });

  const started = performance.now();
  const reports = detector.detectAll(images);
  const elapsed = performance.now() - started;
  for (const report of reports) view.report(report, options.preview);
  const totals = FaceDetector.summarize(reports);
  view.summary(totals, options.timing ? elapsed : undefined);

  const truth = readJsonIfPresent(join(options.folder, 'truth.json'));
  if (truth !== undefined) view.accuracy(compareWithTruth(reports, truth as Record<string, TruthFace[]>));
  return totals.faces > 0 ? 0 : 1;
}
