/**
 * Call frames (url, 0-based line and column of the function's start) -> method ids, through the
 * same source-map and naming code as the recorder. A url that does not exist here (a profile
 * recorded on another machine) is looked up by its trailing path segments under the given
 * folders (the profile's and the app's).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from '../../typescript.cjs';
import { isMethodNode } from '../../ids/methodIds.js';
import { moduleIds, type ModuleIds } from '../../ids/sourceIds.js';
import type { CallFrame } from './cpuprofile.js';

export class FrameResolver {
  private modules = new Map<string, ModuleIds | undefined>();
  readonly missingFiles = new Set<string>();

  constructor(
    private readonly appDir: string,
    private readonly searchDirs: string[],
  ) {}

  /** The method id of the app function of this frame, or undefined for code that is not the app's. */
  idOf(frame: CallFrame): string | undefined {
    if (!frame.url || frame.lineNumber < 0) return undefined;
    const file = this.locate(frame.url);
    if (!file) return undefined;
    const mod = this.module(file);
    if (!mod) return undefined;
    const pos = mod.sf.getPositionOfLineAndCharacter(Math.min(frame.lineNumber, mod.sf.getLineStarts().length - 1), 0) + frame.columnNumber;
    // The innermost method node around the position: down the one child that holds it, in a
    // loop (a deeply nested file must not exhaust the stack).
    let best: ts.Node | undefined;
    let node: ts.Node | undefined = mod.sf;
    while (node) {
      if (isMethodNode(node) && mod.ids.has(node)) best = node;
      node = ts.forEachChild(node, (child) => (pos >= child.getFullStart() && pos < child.end ? child : undefined));
    }
    return best && mod.ids.get(best);
  }

  private locate(url: string): string | undefined {
    let path: string;
    try {
      path = url.startsWith('file:') ? fileURLToPath(url) : url;
    } catch {
      return undefined;
    }
    if (!isAbsolute(path) || url.startsWith('node:')) return undefined;
    // The copy next to the profile or in the app first (the longest matching tail), then the path itself.
    const parts = path.split(/[\\/]/).filter(Boolean);
    for (let k = parts.length - 1; k >= 1; k--) {
      for (const dir of this.searchDirs) {
        const candidate = join(dir, ...parts.slice(-k));
        if (existsSync(candidate)) return candidate;
      }
    }
    if (existsSync(path)) return path;
    if (!parts.includes('node_modules')) this.missingFiles.add(path);
    return undefined;
  }

  private module(file: string): ModuleIds | undefined {
    if (!this.modules.has(file)) {
      let found: ModuleIds | undefined;
      try {
        found = moduleIds(file, readFileSync(file, 'utf8'), this.appDir);
      } catch {
        found = undefined;
      }
      this.modules.set(file, found);
    }
    return this.modules.get(file);
  }
}
