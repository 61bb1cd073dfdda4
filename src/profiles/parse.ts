import { isAscii, isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import { JsonInput } from '../util/jsonInput.js';
import { CONTEXT_BOUNDS, scanContexts, type ContextColumns } from './jsonContexts.js';
import { FieldReader, YamlInput, type FieldPath, type SourcedInput } from '../util/yamlInput.js';
import { CONTEXT_FIGURES, type Profile, type ProfileContext, type ProfileExit, type Side, type UnserializableValue } from './types.js';

export const PROFILE_FORMAT_VERSION = 1;
const TOP_KEYS = ['$schema', 'clonecloud-profile', 'side', 'runs', 'app', 'header', 'contextCount', 'contexts', 'exit', 'unserializable', 'estimated'] as const;
const EXIT_KEYS = ['code', 'signal'] as const;
const UNSERIALIZABLE_KEYS = ['method', 'value', 'reason', 'count'] as const;
const CONTEXT_KEYS = ['id', 'parent', 'method', 'calls', 'selfMs', 'bytesIn', 'bytesOut'] as const;

/**
 * Bounds far beyond any recording (thirty years of self time, an exabyte across the boundary, more
 * calls or runs than a machine makes), so that every cost computed from them stays a finite
 * number: a figure of 1e300 made the solver's model infinite, reported against no file.
 */
const { ms: MAX_MS, bytes: MAX_BYTES, count: MAX_COUNT } = CONTEXT_BOUNDS;

const CONTEXT_KEY_SET: ReadonlySet<string> = new Set(CONTEXT_KEYS);
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isAmount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

/** The context `raw` stands for when it passes every check of the field readers, else undefined. */
function quickContext(raw: unknown, seen: Set<number>): ProfileContext | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const c = raw as Record<string, unknown>;
  for (const key in c) if (!CONTEXT_KEY_SET.has(key)) return undefined;
  const { id, parent, method, calls, selfMs, bytesIn, bytesOut } = c;
  if (!isCount(id, Infinity) || seen.has(id)) return undefined;
  if (parent !== undefined && !(isCount(parent, Infinity) && seen.has(parent))) return undefined;
  if (typeof method !== 'string' || method === '' || !isCount(calls, MAX_COUNT) || !isAmount(selfMs, MAX_MS)) return undefined;
  if ((bytesIn !== undefined && !isAmount(bytesIn, MAX_BYTES)) || (bytesOut !== undefined && !isAmount(bytesOut, MAX_BYTES))) return undefined;
  // A complete entry (what record writes) is the context itself: no second copy of a million.
  if (bytesIn !== undefined && bytesOut !== undefined) return c as unknown as ProfileContext;
  return {
    id,
    ...(parent === undefined ? {} : { parent: parent as number }),
    method,
    calls,
    selfMs,
    bytesIn: (bytesIn as number | undefined) ?? 0,
    bytesOut: (bytesOut as number | undefined) ?? 0,
  };
}

/**
 * Parses and validates a profile: `*.json` with JSON.parse, anything else as YAML (which reads
 * JSON too, a hundred times slower). Every problem is an InputError naming the file, line and
 * field; a valid result has unique ids and parents before children.
 */
export function parseProfile(text: string, file: string): Profile {
  return validateProfile(file.endsWith('.json') ? JsonInput.parse(text, file) : YamlInput.parse(text, file));
}

/**
 * "file:line" of the field at `path` in a profile's `text`, which parsed before: for what is found
 * wrong only later (the merge's depth limit, the app), when the parsed input is long let go.
 */
export function profileFieldWhere(text: string, file: string, path: FieldPath): string {
  return (file.endsWith('.json') ? JsonInput.parse(text, file) : YamlInput.parse(text, file)).where(path);
}

/**
 * A profile recorded for another app than the one partitioned is refused, at `where` (its `app`
 * field; a function, since finding the line may mean parsing the file again).
 */
export function refuseOtherApp(said: string | undefined, app: string | undefined, where: () => string): void {
  if (app !== undefined && said !== undefined && said !== app) throw new InputError(`profile is for app '${said}', not '${app}'`, where(), 'app');
}

const EMPTY_ARRAY = Buffer.from('[]');

/**
 * A JSON profile's bytes read the quick way: its contexts straight into columns, the rest (with
 * `[]` in their place) parsed and checked as parseProfile would. Undefined when the contexts are
 * not as record writes them, or anything is wrong: the caller then decodes the text and calls
 * parseProfile, which says what. The contexts being ASCII, the rest decodes as the whole would,
 * and being UTF-8 too, the file is (its digest is that of its bytes). `reuse`: see scanContexts.
 */
export function parseJsonProfileBytes(bytes: Buffer, file: string, reuse?: ContextColumns): { head: Omit<Profile, 'contexts'>; columns: ContextColumns } | undefined {
  const scanned = scanContexts(bytes, reuse);
  if (!scanned) return undefined;
  const rest = Buffer.concat([bytes.subarray(0, scanned.start), EMPTY_ARRAY, bytes.subarray(scanned.end)]);
  if (!isUtf8(rest)) return undefined;
  try {
    return { head: parseProfileHead(rest.toString(isAscii(rest) ? 'latin1' : 'utf8'), file, scanned.columns.length), columns: scanned.columns };
  } catch {
    return undefined;
  }
}

/**
 * A JSON profile whose contexts were read apart (jsonContexts.ts: `text` has `[]` in their
 * place, and there were `count` of them): the rest, checked as parseProfile checks it.
 */
function parseProfileHead(text: string, file: string, count: number): Omit<Profile, 'contexts'> {
  const { contexts, ...head } = validateProfile(JsonInput.parse(text, file), count);
  if (contexts.length !== 0) throw new Error('parseProfileHead: contexts were expected in their own columns');
  return head;
}

function validateProfile(input: SourcedInput, count?: number): Profile {
  const file = input.file;
  const read = new FieldReader(input);
  if (input.value === undefined || input.value === null) input.fail([], 'empty file: not a clonecloud profile');
  const top = read.object([], input.value, TOP_KEYS);

  const version = top['clonecloud-profile'];
  if (version === undefined) input.fail([], "not a clonecloud profile: missing 'clonecloud-profile: 1'");
  if (version !== PROFILE_FORMAT_VERSION) {
    input.fail(['clonecloud-profile'], `unsupported profile format version ${JSON.stringify(version)} (this clonecloud reads ${PROFILE_FORMAT_VERSION})`);
  }
  const side: Side = read.oneOf(['side'], top.side, ['device', 'clone'] as const);
  const runs = read.number(['runs'], top.runs, { integer: true, positive: true, max: MAX_COUNT });
  const app = top.app === undefined ? undefined : read.string(['app'], top.app);
  // What a YAML profile says in comments, a JSON one says here: read, checked, not kept.
  if (top.$schema !== undefined) read.string(['$schema'], top.$schema);
  if (top.header !== undefined) read.array(['header'], top.header).forEach((line, i) => typeof line === 'string' || input.fail(['header', i], 'expected a string'));

  const seen = new Set<number>();
  const raws = read.array(['contexts'], top.contexts);
  const contexts = raws.map((raw, i): ProfileContext => {
    // Most entries are right: checked without a path per field (a million contexts), and only
    // a wrong one goes through the field readers below, which say what is wrong and where.
    const quick = quickContext(raw, seen);
    if (quick) {
      seen.add(quick.id);
      raws[i] = undefined;
      return quick;
    }
    const at = ['contexts', i];
    const c = read.object(at, raw, CONTEXT_KEYS);
    // The parsed entry is not needed once read: let it go while the rest are (a million contexts).
    raws[i] = undefined;
    const id = read.number([...at, 'id'], c.id, { integer: true });
    if (seen.has(id)) input.fail([...at, 'id'], `duplicate context id ${id}`);
    let parent: number | undefined;
    if (c.parent !== undefined) {
      parent = read.number([...at, 'parent'], c.parent, { integer: true });
      if (!seen.has(parent)) input.fail([...at, 'parent'], `parent ${parent} is not an earlier context (parents must come before children)`);
    }
    seen.add(id);
    return {
      id,
      ...(parent === undefined ? {} : { parent }),
      method: read.string([...at, 'method'], c.method),
      calls: read.number([...at, 'calls'], c.calls, { integer: true, max: MAX_COUNT }),
      selfMs: read.number([...at, 'selfMs'], c.selfMs, { max: MAX_MS, unit: ' (ms: 30 years)' }),
      bytesIn: c.bytesIn === undefined ? 0 : read.number([...at, 'bytesIn'], c.bytesIn, { max: MAX_BYTES, unit: ' (an exabyte)' }),
      bytesOut: c.bytesOut === undefined ? 0 : read.number([...at, 'bytesOut'], c.bytesOut, { max: MAX_BYTES, unit: ' (an exabyte)' }),
    };
  });
  // Written before the contexts by record and import: a file cut off at a line boundary still
  // parses, with fewer contexts, and only the count tells.
  if (top.contextCount !== undefined) {
    const says = read.number(['contextCount'], top.contextCount, { integer: true });
    const has = count ?? contexts.length;
    if (says !== has) input.fail(['contextCount'], `says ${says} contexts, the file has ${has}: truncated?`);
  }
  const optional: Pick<Profile, 'exit' | 'unserializable' | 'estimated'> = {};
  if (top.exit !== undefined) {
    const e = read.object(['exit'], top.exit, EXIT_KEYS);
    const exit: ProfileExit = {};
    if (e.code !== undefined) exit.code = read.number(['exit', 'code'], e.code, { integer: true });
    if (e.signal !== undefined) exit.signal = read.string(['exit', 'signal'], e.signal);
    optional.exit = exit;
  }
  if (top.unserializable !== undefined) {
    optional.unserializable = read.array(['unserializable'], top.unserializable).map((raw, i): UnserializableValue => {
      const at = ['unserializable', i];
      const u = read.object(at, raw, UNSERIALIZABLE_KEYS);
      return {
        method: read.string([...at, 'method'], u.method),
        value: read.string([...at, 'value'], u.value),
        reason: read.string([...at, 'reason'], u.reason),
        count: read.number([...at, 'count'], u.count, { integer: true }),
      };
    });
  }
  if (top.estimated !== undefined) {
    optional.estimated = read.array(['estimated'], top.estimated).map((raw, i) => read.oneOf(['estimated', i], raw, CONTEXT_FIGURES));
  }
  return { file, side, runs, ...(app === undefined ? {} : { app }), contexts, ...optional };
}
