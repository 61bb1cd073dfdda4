/** JSON inputs of the profile stage (partial traces, CPU profiles) and package.json: the value only. */
import { JsonInput } from '../util/jsonInput.js';

/** Parses `text`; bad JSON is an InputError at `file:line:column`, its message after `prefix`. */
export function parseJson(text: string, file: string, prefix = ''): unknown {
  return JsonInput.parse(text, file, prefix).value;
}
