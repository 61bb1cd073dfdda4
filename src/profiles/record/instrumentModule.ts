/** Source text of a module -> instrumented source text (undefined when it is not app code). */
import { instrument } from './instrument.js';
import { moduleIds } from '../../ids/sourceIds.js';

export function instrumentModule(file: string, text: string, appDir: string): string | undefined {
  const found = moduleIds(file, text, appDir);
  return found && instrument(found.sf, found.ids)?.code;
}
