/**
 * The text the transform inserts. Everything reaches the run-time through `__cc$` (the global
 * contract in ../global.ts); the inserted names start with `__cc$` so they never meet the app's.
 */
import { ts } from '../../typescript.cjs';
import { RUNTIME_GLOBAL } from '../global.js';
import type { Located } from './forms.js';

type Found = Extract<Located, { form: unknown }>;

const q = (s: string): string => JSON.stringify(s);

export function header(moduleKey: string, points: { variable: string; id: string }[]): string {
  const decls = [`__cc$=globalThis[Symbol.for(${q(RUNTIME_GLOBAL)})]`, `__cc$m=__cc$.mod(${q(moduleKey)})`, ...points.map((p) => `${p.variable}=__cc$.point(${q(p.id)})`)];
  return `const ${decls.join(',')};`;
}

export function bindings(names: { name: string; writable: boolean }[]): string {
  if (!names.length) return '';
  const entries = names.map(({ name, writable }) => `${q(name)}:[()=>${name}${writable ? `,(__cc$v)=>{${name}=__cc$v}` : ''}]`);
  return `__cc$m.bind({${entries.join(',')}});`;
}

export function registerFunction(name: string): string {
  return `__cc$m.fn(${q(name)},${name});`;
}

export function unsupported(id: string, why: string): string {
  return `__cc$.point(${q(id)}).unsupported(${q(why)});`;
}

/** The device's wrapper at the start of a migration point's body. */
export function wrapper(variable: string, found: Found, self: string, captured: { name: string; writable: boolean }[]): string {
  const writable = captured.map((c, i) => (c.writable ? `${c.name}=__cc$v[${i}]` : '')).filter(Boolean);
  const extra = captured.length
    ? [`()=>[${captured.map((c) => c.name).join(',')}]`, writable.length ? `(__cc$v)=>{${writable.join(';')}}` : 'undefined']
    : ['undefined', 'undefined'];
  const args = (part?: string) => [self, found.args, ...extra, ...(part ? [q(part)] : [])].join(',');
  const on = found.guard ? `${variable}.on&&${found.guard}` : `${variable}.on`;
  if (found.isConstructor) return `if(${on}&&${variable}.construct(${args()}))return;`;
  if (found.part === 'set') return `if(${on}&&${variable}.call(${args('set')})!==__cc$.L)return;`;
  return `if(${on}){const __cc$r=${variable}.call(${args(found.part)});if(__cc$r!==__cc$.L)return __cc$r;}`;
}

/** The clone's entry to a migration point, appended to the module. */
export function entry(id: string, found: Found, classKey: string | undefined, texts: { node: ts.FunctionLikeDeclaration; text: string }[]): string {
  const { form } = found;
  if (form.kind === 'member') {
    return `__cc$m.entry(${q(id)},{cls:${q(classKey!)},member:${q(form.member)},isStatic:${form.isStatic},kind:${q(form.entry)}});`;
  }
  if (form.kind === 'top') return `__cc$m.entry(${q(id)},{fn:()=>${form.name}});`;
  const names = form.captures.names.map((c) => c.name);
  const lets = names.length ? `let ${names.map((n, i) => `${n}=__cc$v[${i}]`).join(',')};` : '';
  const getter = texts.find((t) => ts.isGetAccessorDeclaration(t.node));
  const setter = texts.find((t) => ts.isSetAccessorDeclaration(t.node));
  const fn = getter && setter ? `__cc$p==="set"?${asFunction(setter)}:${asFunction(getter)}` : asFunction(texts[0]!);
  return `__cc$m.entry(${q(id)},{captured:${JSON.stringify(names)},lift:function(__cc$v,__cc$p){${lets}return[${fn},()=>[${names.join(',')}]]}});`;
}

/** A function's own text as an expression that evaluates to it, outside its original place. */
function asFunction({ node, text }: { node: ts.FunctionLikeDeclaration; text: string }): string {
  if (ts.isMethodDeclaration(node) || ts.isAccessor(node)) {
    const part = ts.isGetAccessorDeclaration(node) ? 'get' : ts.isSetAccessorDeclaration(node) ? 'set' : undefined;
    return `__cc$.member({${text}}${part ? `,${q(part)}` : ''})`;
  }
  return `(${text})`;
}
