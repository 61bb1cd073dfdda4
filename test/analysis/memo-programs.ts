/**
 * Small programs, made from a seed, whose function values flow through what value following
 * cuts short or limits: interface members whose implementations hold reads and calls of members
 * (cycles through implementations), factories returning calls of each other (cycles through
 * calls' results), class fields set in several places, arrays pushed onto, and alias chains
 * longer than the depth limit. Call sites spread over files, so the order they are resolved in
 * (and so what the memo holds when) varies with the seed. test/analysis/memo-oracle.test.ts
 * analyses each with and without value following's memo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng as random } from '../helpers/random.js';

export interface ProgramShape {
  interfaces: number;
  leaves: number;
  aliases: number;
  factories: number;
  literals: number;
  sites: number;
}

export const SMALL: ProgramShape = { interfaces: 2, leaves: 4, aliases: 4, factories: 3, literals: 4, sites: 4 };

/** The files of the program for `seed`, by path under src/. */
export function memoProgram(seed: number, shape: ProgramShape = SMALL): Map<string, string> {
  const rnd = random(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const leaf = (): string => `f${pick(shape.leaves)}`;

  /** A value of type `Fn | undefined`, at most `size` steps deep. */
  const value = (size: number): string => {
    const k = pick(size > 0 ? 10 : 3);
    switch (k) {
      case 0:
        return leaf();
      case 1:
        return `v${pick(shape.interfaces)}.m`;
      case 2:
        return `a${pick(shape.aliases)}`;
      case 3:
        return `v${pick(shape.interfaces)}.m()`;
      case 4:
        return `g${pick(shape.factories)}()`;
      case 5:
        return `(flag ? ${value(size - 1)} : ${value(size - 1)})`;
      case 6:
        return `(${value(size - 1)} ?? ${value(size - 1)})`;
      case 7:
        return `holder.h${pick(2)}`;
      case 8:
        return `list${pick(2)}.pop()`;
      default:
        return `a${pick(shape.aliases)}`;
    }
  };
  /** A value of type Fn: a function always among the values. */
  const fn = (size: number): string => `(${value(size)} ?? ${leaf()})`;

  const lines: string[] = [
    'export type Fn = () => Fn | undefined;',
    'export declare const flag: boolean;',
  ];
  for (let i = 0; i < shape.interfaces; i++) lines.push(`export interface I${i} {`, '  m: Fn;', '}', `export declare const v${i}: I${i};`);
  for (let i = 0; i < shape.leaves; i++) lines.push(`export function f${i}(): Fn | undefined {`, `  return ${rnd() < 0.5 ? 'undefined' : value(1)};`, '}');
  // Aliases: some a chain longer than the depth limit.
  for (let i = 0; i < shape.aliases; i++) {
    // Each conditional a step deeper: what is at the end of seven is past the limit.
    const chained = rnd() < 0.3 ? `${Array.from({ length: 7 }, () => `flag ? ${leaf()} : `).join('')}${fn(1)}` : fn(2);
    lines.push(`export const a${i}: Fn = ${chained};`);
  }
  for (let i = 0; i < shape.factories; i++) lines.push(`export function g${i}(): Fn {`, `  return ${fn(2)};`, '}');
  for (let i = 0; i < shape.literals; i++) lines.push(`export const lit${i}: I${pick(shape.interfaces)} = { m: ${fn(2)} };`);
  lines.push('export class Holder {', `  h0: Fn = ${leaf()};`, `  h1: Fn = ${leaf()};`, '}', 'export const holder = new Holder();');
  lines.push(`export const list0: Fn[] = [${fn(1)}];`, `export const list1: Fn[] = [];`);
  lines.push('export function setUp(): void {');
  lines.push(`  holder.h${pick(2)} = ${fn(2)};`, `  holder.h${pick(2)} = ${fn(1)};`);
  lines.push(`  list${pick(2)}.push(${fn(2)});`, `  list1.push(${fn(1)});`);
  lines.push('}');

  const files = new Map<string, string>([['values.ts', lines.join('\n') + '\n']]);
  // Each site file calls one or two values; their names order the files the analysis walks.
  for (let i = 0; i < shape.sites; i++) {
    const calls = [`  ${fn(2)}();`];
    if (rnd() < 0.5) calls.push(`  a${pick(shape.aliases)}();`);
    if (rnd() < 0.5) calls.push(`  v${pick(shape.interfaces)}.m();`);
    const body = ['import * as V from "./values";', `export function site${i}(): void {`, ...calls.map((c) => c.replace(/\b([afg]\d|v\d|lit\d|holder|list\d|flag)\b/g, 'V.$1')), '}'];
    files.set(`${String.fromCharCode(97 + pick(26))}-site${i}.ts`, body.join('\n') + '\n');
  }
  return files;
}

/** Writes the program's files and a tsconfig under `dir`. */
export function writeProgram(dir: string, files: Map<string, string>): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', strict: true, lib: ['ES2022'], types: [] }, include: ['src'] }),
  );
  for (const [name, text] of files) writeFileSync(join(dir, 'src', name), text);
}
