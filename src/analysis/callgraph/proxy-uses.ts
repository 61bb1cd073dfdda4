/**
 * Which traps of a proxy a library call runs, by what it does to its receiver and arguments:
 * reflective functions by their name (`Object.keys(p)` lists keys, `Reflect.get(p, k)` reads,
 * `Object.getPrototypeOf(p)` asks the prototype, `JSON.stringify(p)` lists and reads), and a
 * built-in method called on the proxy (`p.splice(0, 1)`, `p.hasOwnProperty(k)`) any of reading,
 * writing, testing, deleting and listing its properties. Arguments a library call iterates
 * (`Array.from(p)`, `new Map(p)`) are read as iterating reads (implicit-sites.ts); other
 * arguments are not counted as read (`new Proxy(obj, h)`, `cache.add(p)` read nothing of them).
 */
import { ts } from '../../typescript.cjs';
import { BUILTIN_USES, type TrapUse } from './proxies.js';
import type { CallSite } from '../walk.js';
import { skipWrappers } from '../expressions.js';
import { keyNames } from './keys.js';

const REFLECTIVE: [RegExp, TrapUse[]][] = [
  [/^(Object\.(keys|values|entries|getOwnPropertyNames|getOwnPropertySymbols)|Reflect\.ownKeys)$/, ['ownKeys']],
  [/^(Object|Reflect)\.getOwnPropertyDescriptors?$/, ['ownKeys']],
  [/^(Object|Reflect)\.getPrototypeOf$/, ['getPrototypeOf']],
  [/^Reflect\.get$/, ['get']],
  [/^Reflect\.set$/, ['set']],
  [/^Reflect\.has$/, ['has']],
  [/^Reflect\.deleteProperty$/, ['deleteProperty']],
  [/^(Object|Reflect)\.defineProperty$/, ['set']],
  [/^Object\.(assign|freeze|isFrozen|seal|isSealed)$/, ['ownKeys', 'get', 'set']],
  [/^(JSON\.stringify|structuredClone)$/, ['ownKeys', 'get']],
  // `Object.prototype.hasOwnProperty.call(p, k)` asks p for a descriptor; other Object.prototype methods read.
  [/^Object\.prototype\.(hasOwnProperty|propertyIsEnumerable)\.call$/, ['ownKeys']],
  [/^Object\.prototype\.\w+\.call$/, ['get']],
];

/** The expressions a library call uses as a proxy may be, each with the traps that use runs. */
export function proxyUses(node: CallSite, callee: string): [ts.Expression, TrapUse][] {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return [];
  const args = (node.arguments ?? []).filter((a): a is ts.Expression => !ts.isSpreadElement(a));
  const reflective = REFLECTIVE.find(([re]) => re.test(callee));
  if (reflective) return args.slice(0, callee === 'Object.assign' ? undefined : 1).flatMap((a) => reflective[1].map((u): [ts.Expression, TrapUse] => [a, u]));
  return [];
}

/** Methods of Array.prototype and Object.prototype, which work on any object through its properties (so through a proxy's traps). */
const GENERIC_BUILTINS = new Set(
  'at concat copyWithin entries every fill filter find findIndex findLast findLastIndex flat flatMap forEach includes indexOf join keys lastIndexOf map pop push reduce reduceRight reverse shift slice some sort splice toReversed toSorted toSpliced unshift values with hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString'.split(' '),
);

const OBJECT_METHODS = new Set(['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']);

/**
 * A generic built-in method called on what may be a proxy (`p.splice(0, 1)`): the receiver, which it
 * uses every way; called through `call`/`apply` (`raw[method].apply(self, args)`, `method` one of
 * Array's keys): their `this` argument.
 */
export function builtinReceiverUses(checker: ts.TypeChecker, node: CallSite): [ts.Expression, TrapUse][] {
  const target = ts.isCallExpression(node) ? skipWrappers(node.expression) : undefined;
  if (!target || !ts.isPropertyAccessExpression(target)) return [];
  if (GENERIC_BUILTINS.has(target.name.text)) return BUILTIN_USES.map((u) => [target.expression, u]);
  const self = (node as ts.CallExpression).arguments[0];
  if ((target.name.text !== 'call' && target.name.text !== 'apply') || !self || ts.isSpreadElement(self)) return [];
  const fn = skipWrappers(target.expression);
  const names = ts.isPropertyAccessExpression(fn) ? [fn.name.text] : ts.isElementAccessExpression(fn) ? keyNames(checker, fn.argumentExpression) : undefined;
  // A key not known (`method: keyof Array<any>`, too many names to list) may name a built-in too.
  // Object.prototype's methods called so are reflective (REFLECTIVE: hasOwnProperty asks a descriptor only).
  const builtin = ts.isElementAccessExpression(fn) && names === undefined ? true : names?.some((n) => GENERIC_BUILTINS.has(n) && !OBJECT_METHODS.has(n));
  return builtin ? BUILTIN_USES.map((u) => [self, u]) : [];
}
