/** A profile as YAML text in the committed format (one flow mapping per context), with a header comment. */
import { PROFILE_FORMAT_VERSION } from '../parse.js';
import type { Profile } from '../types.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

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
    // A figure that is not a number would be written as `NaN` and read back as a string.
    for (const k of ['calls', 'selfMs', 'bytesIn', 'bytesOut'] as const) {
      if (!Number.isFinite(c[k])) throw new Error(`internal error: context ${c.id} (${c.method}) has ${k} ${c[k]}`);
    }
    const parent = c.parent === undefined ? '' : `parent: ${c.parent}, `;
    lines.push(
      `  - { id: ${c.id}, ${parent}method: ${q(c.method)}, calls: ${c.calls}, selfMs: ${round(c.selfMs, 4)}, ` +
        `bytesIn: ${Math.round(c.bytesIn)}, bytesOut: ${Math.round(c.bytesOut)} }`,
    );
  }
  return `${lines.join('\n')}\n`;
}
