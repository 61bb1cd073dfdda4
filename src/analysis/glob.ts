/**
 * Method-id globs for `pin` / `allow`: `**` matches anything, `*` anything but `/`,
 * `?` one character but `/`. A pattern without `#` is matched against the file part only,
 * so `src/ui/**` and `src/a.ts` select whole files; `src/a.ts#Foo.*` selects Foo's members.
 */
export function globMatcher(patterns: string[]): (id: string) => boolean {
  const compiled = patterns.map((p) => ({ re: toRegExp(p), fileOnly: !p.includes('#') }));
  return (id) => {
    const file = id.slice(0, id.indexOf('#') < 0 ? id.length : id.indexOf('#'));
    return compiled.some((c) => c.re.test(c.fileOnly ? file : id));
  };
}

function toRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?'; // zero or more directories
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
