/**
 * Globals in the state rule: a name no declaration of the app binds (or an ambient one),
 * `globalThis.x`, `window.x`, and the members the app installs on built-ins (`Math.round = ...`,
 * `Array.prototype.total = ...`, patched-builtins.ts). A global the app writes anywhere gets one
 * binding; every method that reads it uses that binding (the clone keeps globals of its own, and a
 * call does not carry them). Reads are gathered as the walk goes and matched at the end, once every
 * write is known.
 */
import { ts } from '../../typescript.cjs';
import { siteOf, type AppFile } from '../project.js';
import type { Binding, StateFacts } from './state-facts.js';
import { accessOf, isAmbient, READ, WRITE } from './state-syntax.js';
import type { GlobalAccess } from './state-uncarried.js';
import { conversionReadKeys, installedNames, isPrototypeKey, key, meets, memberReadKeys, namesWritten } from './patched-builtins.js';

type Use = (frame: string, i: number, bits: number, file: AppFile, at: ts.Node) => void;

interface Read {
  /** The identifier to check once more at the end (a name the app declared later is no global); none for a conversion. */
  id?: ts.Identifier;
  at: ts.Node;
  file: AppFile;
}

export interface GlobalState {
  /** Whether an identifier names a global: nothing, or only declarations of libraries or ambient ones (`declare global { var x }`). */
  isGlobalRef(id: ts.Identifier): boolean;
  /** A use of a global, as globalAccess found it, by the method `frame` (undefined at the top level). */
  access(g: GlobalAccess, id: ts.Identifier, file: AppFile, frame: string | undefined): void;
  /** A property name read (`x.total`): a member the app may have installed on a built-in. */
  memberRead(id: ts.Identifier, name: string, file: AppFile, frame: string): void;
  /** Whether a conversion may run a member the app installed (toString, valueOf, toJSON): worth `conversion`'s look. */
  readonly convertsInstalled: boolean;
  conversion(node: ts.Node, file: AppFile, frame: string): void;
  /** Every method's use of every global the app writes. */
  finish(use: Use): void;
}

export function globalState(files: readonly AppFile[], checker: ts.TypeChecker, facts: StateFacts, add: (b: Binding) => number, use: Use): GlobalState {
  const bindings = new Map<string, number>();
  /** Global name (also `root.member`, `Builtin.prototype.member`) -> method id -> its first read there. */
  const reads = new Map<string, Map<string, Read>>();
  const isGlobalRef = (id: ts.Identifier): boolean => {
    const p = id.parent;
    const sym = p && ts.isShorthandPropertyAssignment(p) && p.name === id ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(id);
    return !sym || (sym.declarations ?? []).every((d) => d.getSourceFile().isDeclarationFile || isAmbient(d));
  };
  /** Whether a global (`x` or `globalThis.x`) is a library's: `process`, `Math`, `fetch`, also as the app augments it (`declare global { interface Array<T> {...} }`). */
  const builtIn = (root: ts.Node): boolean => {
    const name = ts.isPropertyAccessExpression(root) ? root.name : ts.isElementAccessExpression(root) ? root.argumentExpression : root;
    const decls = checker.getSymbolAtLocation(name)?.declarations ?? [];
    const library = (d: ts.Declaration) => d.getSourceFile().isDeclarationFile && /[\\/]node_modules[\\/]/.test(d.getSourceFile().fileName);
    return decls.some(library) && decls.every((d) => library(d) || isAmbient(d));
  };
  const installed = installedNames(files, (id) => isGlobalRef(id) && builtIn(id));
  const installedAny = installed.has('*');

  const write = (name: string, file: AppFile, at: ts.Node, bits: number, frame: string | undefined): void => {
    let i = bindings.get(name);
    if (i === undefined) {
      const shown = name === '*' ? 'globalThis[*]' : name.includes('.') ? name : `globalThis.${name}`;
      const line = file.sf.getLineAndCharacterOfPosition(at.getStart(file.sf)).line + 1;
      bindings.set(name, (i = add({ scope: 'module', file, name: shown, line, kind: 'global', decl: at })));
    }
    if (!facts.changed.has(i)) facts.changed.set(i, { site: siteOf(file, at), how: 'written' });
    if (frame) use(frame, i, bits, file, at);
  };
  const read = (name: string, frame: string, r: Read): void => {
    let m = reads.get(name);
    if (!m) reads.set(name, (m = new Map()));
    if (!m.has(frame)) m.set(frame, r);
  };

  return {
    isGlobalRef,
    access(g, id, file, frame) {
      if ('call' in g) {
        if (isGlobalRef(id)) for (const k of g.keys) write(k, file, g.call, WRITE, frame);
        return;
      }
      if (g.write) {
        if (!isGlobalRef(id)) return;
        const builtin = g.rootName !== '*' && builtIn(g.root);
        if (builtin && g.member?.name === 'prototype' && ts.isPropertyAccessExpression(g.member.node)) {
          const members = namesWritten(g.member.node);
          for (const m of members) write(key(g.rootName, m), file, g.member.node, WRITE, frame);
          if (members.length) return;
        }
        const name = builtin && g.member && g.member.name !== '*' ? `${g.rootName}.${g.member.name}` : g.rootName;
        const at = builtin && g.member ? g.member.node : g.root;
        return write(name, file, at, accessOf(at) & WRITE ? accessOf(at) : WRITE, frame);
      }
      if (!frame) return;
      read(g.rootName, frame, { id, at: g.root, file });
      if (g.member) read(`${g.rootName}.${g.member.name}`, frame, { id, at: g.member.node, file });
    },
    memberRead(id, name, file, frame) {
      if (!installedAny && !installed.has(name)) return;
      for (const k of memberReadKeys(id, name, checker)) read(k, frame, { at: id.parent, file });
    },
    convertsInstalled: installedAny || ['toString', 'valueOf', 'toJSON'].some((m) => installed.has(m)),
    conversion(node, file, frame) {
      for (const k of conversionReadKeys(node, checker)) read(k, frame, { at: node, file });
    },
    finish(use) {
      const prototypeReads = [...reads.keys()].filter(isPrototypeKey);
      for (const [name, i] of bindings) {
        // A read of an unknown global (`globalThis[k]`) may read any; a member installed on a prototype meets reads of it on any built-in.
        const found = name === '*' ? [...reads.values()] : isPrototypeKey(name) ? prototypeReads.filter((r) => meets(name, r)).map((r) => reads.get(r)) : [reads.get(name), reads.get('*')];
        for (const m of found) for (const [frame, r] of m ?? []) if (!r.id || isGlobalRef(r.id)) use(frame, i, READ, r.file, r.at);
      }
    },
  };
}
