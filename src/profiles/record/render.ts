/**
 * A profile as text in the committed format, one line per context: YAML (one flow mapping per
 * context) with a header comment, or JSON (one object per context) with the header as a
 * `header` list, for profiles too large for YAML to read quickly (see profileFormat).
 */
import { PROFILE_FORMAT_VERSION } from '../parse.js';
import { CONTEXT_FIGURES, type Profile, type ProfileContext } from '../types.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Above this many contexts a profile is written as JSON when no file name says otherwise. The
 * YAML reader takes 2–3 s per MB (2,000 contexts are about 0.25 MB, 10k contexts 1.1 MB and took
 * 3.5 s in bench:scale); JSON.parse reads a million contexts in about a second.
 */
export const JSON_PROFILE_CONTEXTS = 2_000;

export type ProfileFormat = 'yaml' | 'json';

/** The format of a profile to write: the one `out` names by its extension, else by size. */
export function profileFormat(out: string | undefined, contexts: number): ProfileFormat {
  if (out !== undefined) return out.endsWith('.json') ? 'json' : 'yaml';
  return contexts > JSON_PROFILE_CONTEXTS ? 'json' : 'yaml';
}

export function renderProfileAs(format: ProfileFormat, profile: Profile, header: string[]): string {
  return format === 'json' ? renderProfileJson(profile, header) : renderProfile(profile, header);
}

/** A figure that is not a number would be written as `NaN` (YAML reads it back as a string, JSON not at all). */
function checkFigures(c: ProfileContext): void {
  for (const k of CONTEXT_FIGURES) {
    if (!Number.isFinite(c[k])) throw new Error(`internal error: context ${c.id} (${c.method}) has ${k} ${c[k]}`);
  }
}

const SCHEMA_LINE = /^yaml-language-server: \$schema=(.*)$/;

/** The same profile as JSON: the header's schema line as `$schema`, its other lines as `header`. */
export function renderProfileJson(profile: Profile, header: string[]): string {
  const q = (v: unknown) => JSON.stringify(v);
  const schema = header.map((line) => SCHEMA_LINE.exec(line)?.[1]).find((s) => s !== undefined);
  const notes = header.filter((line) => !SCHEMA_LINE.test(line));
  const top: string[] = [
    ...(schema !== undefined ? [`"$schema": ${q(schema)}`] : []),
    ...(notes.length ? [`"header": [\n${notes.map((line) => `    ${q(line)}`).join(',\n')}\n  ]`] : []),
    `"clonecloud-profile": ${PROFILE_FORMAT_VERSION}`,
    `"side": ${q(profile.side)}`,
    ...(profile.app ? [`"app": ${q(profile.app)}`] : []),
    `"runs": ${profile.runs}`,
    ...(profile.exit ? [`"exit": ${q(profile.exit)}`] : []),
    ...(profile.estimated?.length ? [`"estimated": ${q(profile.estimated)}`] : []),
    ...(profile.unserializable?.length ? [`"unserializable": [\n${profile.unserializable.map((u) => `    ${q({ method: u.method, value: u.value, reason: u.reason, count: u.count })}`).join(',\n')}\n  ]`] : []),
    // Last before the contexts, as in YAML: a file cut short is found out.
    `"contextCount": ${profile.contexts.length}`,
  ];
  const lines = profile.contexts.map((c) => {
    checkFigures(c);
    const parent = c.parent === undefined ? '' : `"parent":${c.parent},`;
    return `    {"id":${c.id},${parent}"method":${q(c.method)},"calls":${c.calls},"selfMs":${round(c.selfMs, 4)},"bytesIn":${Math.round(c.bytesIn)},"bytesOut":${Math.round(c.bytesOut)}}`;
  });
  top.push(lines.length ? `"contexts": [\n${lines.join(',\n')}\n  ]` : '"contexts": []');
  return `{\n${top.map((member) => `  ${member}`).join(',\n')}\n}\n`;
}

export function renderProfile(profile: Profile, header: string[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    ...header.map((line) => `# ${line}`.trimEnd()),
    `clonecloud-profile: ${PROFILE_FORMAT_VERSION}`,
    `side: ${profile.side}`,
    ...(profile.app ? [`app: ${q(profile.app)}`] : []),
    `runs: ${profile.runs}`,
  ];
  if (profile.exit) {
    const parts = [
      ...(profile.exit.code !== undefined ? [`code: ${profile.exit.code}`] : []),
      ...(profile.exit.signal ? [`signal: ${profile.exit.signal}`] : []),
    ];
    lines.push(`exit: { ${parts.join(', ')} }`);
  }
  if (profile.estimated?.length) lines.push(`estimated: [${profile.estimated.join(', ')}]`);
  if (profile.unserializable?.length) {
    lines.push('unserializable:');
    for (const u of profile.unserializable) {
      lines.push(`  - { method: ${q(u.method)}, value: ${q(u.value)}, reason: ${q(u.reason)}, count: ${u.count} }`);
    }
  }
  // Last before the contexts, so that a file cut off at a line boundary is found out.
  lines.push(`contextCount: ${profile.contexts.length}`);
  lines.push(profile.contexts.length ? 'contexts:' : 'contexts: []');
  for (const c of profile.contexts) {
    checkFigures(c);
    const parent = c.parent === undefined ? '' : `parent: ${c.parent}, `;
    lines.push(
      `  - { id: ${c.id}, ${parent}method: ${q(c.method)}, calls: ${c.calls}, selfMs: ${round(c.selfMs, 4)}, ` +
        `bytesIn: ${Math.round(c.bytesIn)}, bytesOut: ${Math.round(c.bytesOut)} }`,
    );
  }
  return `${lines.join('\n')}\n`;
}
