import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { parseCpuProfile } from '../../profiles/import/cpuprofile.js';
import { loadFrames } from '../lazy.js';
import { cpuProfileToProfile } from '../../profiles/import/toProfile.js';
import { JSON_PROFILE_CONTEXTS } from '../../profiles/record/render.js';
import { appName, checkOutputPath, displayPath, readText, resolveAppDir } from '../load.js';
import type { Output } from '../output.js';
import { parseSide, writeProfile } from './record.js';

interface ImportFlags {
  side: string;
  app: string;
  out?: string;
  json?: boolean;
}

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description('convert a V8/Chrome DevTools CPU profile (.cpuprofile) into a profile, frames mapped to method ids through source maps')
    .argument('<file>', 'the .cpuprofile (node --cpu-prof, DevTools export)')
    .requiredOption('--side <side>', "'device' or 'clone': where it was recorded")
    .option('--app <dir>', 'the app folder method ids are relative to (where its tsconfig.json is)', '.')
    .option('--out <file>', `profile to write, as JSON when it ends in .json (default: <app>/profiles/<side>-<name>.profile.yaml, .json above ${JSON_PROFILE_CONTEXTS} contexts)`)
    .option('--json', 'print a summary as JSON on stdout')
    .addHelpText('after', '\nExample:\n  $ node --cpu-prof --cpu-prof-dir prof build/main.js\n  $ clonecloud import prof/*.cpuprofile --side device --app .')
    .action(async (file: string, flags: ImportFlags) => {
      const side = parseSide(flags.side);
      const appDir = resolveAppDir(flags.app);
      if (flags.out !== undefined) checkOutputPath(flags.out, '--out', true);
      const cpu = parseCpuProfile(readText(file, 'CPU profile'), displayPath(resolve(file)));
      const { FrameResolver } = await loadFrames();
      const frames = new FrameResolver(appDir, [dirname(resolve(file)), appDir]);
      const { profile, summary } = cpuProfileToProfile(cpu, (n) => frames.idOf(n.callFrame), { side, app: appName(appDir) });
      const dropped = Object.entries(summary.droppedMs).map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join(', ');
      const header = [
        `Imported by clonecloud import from ${basename(file)} (a V8 CPU profile: ${summary.samples} samples, ${((cpu.endTime - cpu.startTime) / 1000).toFixed(1)} ms).`,
        `selfMs: sampled time of the innermost app method on each sample's stack (a sample lasts until the next one);`,
        `frames of code outside the app count for their app caller; recursion folds onto the first occurrence.`,
        `ESTIMATED: a CPU profile has no call counts nor values: calls is 1 per context seen (a lower bound), bytesIn and`,
        `bytesOut are 0. Prefer 'clonecloud record' where calls and boundary bytes matter.`,
        `In app methods: ${summary.appMs.toFixed(1)} ms. Not in any app method (dropped): ${dropped || 'nothing'}.`,
        ...(frames.missingFiles.size ? [`Scripts not found here (their frames count as outside the app): ${[...frames.missingFiles].sort().join(', ')}`] : []),
      ];
      // A profile of nothing would be merged as if it said something: refuse it.
      if (profile.contexts.length === 0) {
        const missing = frames.missingFiles.size ? `; ${frames.missingFiles.size} of its scripts are not here` : '';
        throw new InputError(`no frame maps to a method of the app in ${displayPath(appDir)} (is --app the app it was recorded from?${missing}): nothing written`, displayPath(resolve(file)));
      }
      const target = writeProfile(output, profile, { out: flags.out, appDir, name: basename(file).replace(/\.cpuprofile$/, '') }, () => header);
      output.err(`wrote ${displayPath(target)}: ${profile.contexts.length} contexts, ${summary.appMs.toFixed(1)} ms in app methods`);
      if (flags.json) {
        output.out(JSON.stringify({ file: displayPath(target), side, contexts: profile.contexts.length, samples: summary.samples, appMs: summary.appMs, droppedMs: summary.droppedMs }, null, 2));
      }
    });
}
