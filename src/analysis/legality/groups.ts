/**
 * Native-state groups (CloneCloud's V_NatC): classes whose instances hold device-bound state, so
 * that all their instance methods share one location. A class is native-state when one of its
 * instance fields (declared, parameter property, or assigned `this.x = ...` in any instance
 * member) is typed by a catalog type (through unions and arrays), or is computed from a device
 * API (module, global or module-level value derived from one). Static members do not touch the
 * instance and stay out of the group.
 */
import { ts } from '../../typescript.cjs';
import { isMethodNode, isStatic } from '../../ids/methodIds.js';
import { catalogTypes } from './catalog.js';
import { deviceTypeOf } from './device-types.js';
import type { MethodTable } from '../methods.js';
import type { Pins } from './pinning.js';
import { fileLine, siteOf, type LoadedApp } from '../project.js';
import type { PlatformCatalog, Reason } from '../types.js';

export interface NativeGroups {
  groups: string[][];
  /** Class -> why its instances are device-bound (the first field found). */
  classes: Map<ts.ClassLikeDeclaration, { field: string; reason: Reason }>;
  /** Member id -> its group's reason. */
  memberReason: Map<string, Reason>;
}

export function nativeGroups(app: LoadedApp, table: MethodTable, catalogs: PlatformCatalog[], pins: Pins): NativeGroups {
  const types = catalogTypes(catalogs);
  const fileOf = new Map(app.files.map((f) => [f.sf, f]));
  const classes = new Map<ts.ClassLikeDeclaration, { field: string; reason: Reason }>();
  for (const [cls, clsId] of table.classId) {
    const found = deviceField(app.checker, cls, types, pins);
    if (!found) continue;
    const file = fileOf.get(cls.getSourceFile())!;
    const site = found.site ?? siteOf(file, found.node);
    const name = clsId.slice(clsId.indexOf('#') + 1);
    classes.set(cls, {
      field: found.field,
      reason: {
        rule: 'native-state',
        message: `${name} holds device-bound state in field '${found.field}' (${found.why}, ${fileLine(site)}); all its instance methods stay together`,
        site,
      },
    });
  }
  const members = new Map<ts.ClassLikeDeclaration, string[]>();
  for (const [id, m] of table.byId) {
    const cls = m.synthetic ? (m.synthetic.kind === 'constructor' ? m.synthetic.cls : undefined) : instanceClassOf(m.nodes[0]);
    if (cls && classes.has(cls)) (members.get(cls) ?? members.set(cls, []).get(cls)!).push(id);
  }
  const memberReason = new Map<string, Reason>();
  const groups: string[][] = [];
  for (const [cls, ids] of members) {
    ids.sort();
    groups.push(ids);
    for (const id of ids) memberReason.set(id, classes.get(cls)!.reason);
  }
  groups.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return { groups, classes, memberReason };
}

/** The class whose instance a method runs on (`this`), for instance methods, accessors, constructors and function-valued fields. */
export function instanceClassOf(node: ts.Node | undefined): ts.ClassLikeDeclaration | undefined {
  if (!node) return undefined;
  let host: ts.Node = node;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent && ts.isPropertyDeclaration(node.parent)) host = node.parent;
  const cls = host.parent;
  if (!cls || !ts.isClassLike(cls) || !(isMethodNode(host) || ts.isPropertyDeclaration(host))) return undefined;
  return isStatic(host) ? undefined : cls;
}

interface Found {
  field: string;
  why: string;
  node: ts.Node;
  site?: string;
}

function deviceField(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, types: Map<string, string>, pins: Pins): Found | undefined {
  const byType = (field: string, node: ts.Node): Found | undefined => {
    const name = catalogType(checker, checker.getTypeAtLocation(node), types, 0);
    return name ? { field, why: `type ${name} is a ${types.get(name)} device type`, node } : undefined;
  };
  const byInit = (field: string, e: ts.Expression): Found | undefined => {
    // A number or flag read from a device API (`process.stdout.isTTY`) is a copy, not a handle.
    if (isPlainValue(checker.getTypeAtLocation(e))) return undefined;
    const use = pins.deviceUse(e);
    return use ? { field, why: `computed from device-only ${use.what}`, node: e, site: use.site } : undefined;
  };
  for (const m of cls.members) {
    if (isStatic(m)) continue;
    if (ts.isPropertyDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) {
      const hit = byType(m.name.text, m) ?? (m.initializer && !isMethodNode(m.initializer) ? byInit(m.name.text, m.initializer) : undefined);
      if (hit) return hit;
    }
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.isParameterPropertyDeclaration(p, m) && ts.isIdentifier(p.name)) {
          const hit = byType(p.name.text, p);
          if (hit) return hit;
        }
      }
    }
    if (isMethodNode(m) && m.body) {
      const hit = thisAssignments(m.body, byInit);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** `this.x = <device value>` anywhere in a member body (arrow functions included: same `this`). */
function thisAssignments(body: ts.Node, byInit: (field: string, e: ts.Expression) => Found | undefined): Found | undefined {
  const visit = (n: ts.Node): Found | undefined => {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n)) return undefined;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) {
      if (n.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const hit = byInit(n.left.name.text, n.right);
        if (hit) return hit;
      }
    }
    return ts.forEachChild(n, visit);
  };
  return ts.forEachChild(body, visit);
}

function catalogType(checker: ts.TypeChecker, t: ts.Type, types: Map<string, string>, depth: number): string | undefined {
  if (depth > 3) return undefined;
  if (t.isUnionOrIntersection()) {
    for (const m of t.types) {
      const n = catalogType(checker, m, types, depth + 1);
      if (n) return n;
    }
    return undefined;
  }
  const device = deviceTypeOf(checker, t, types);
  if (device) return device.name;
  if (checker.isArrayType(t)) {
    const el = checker.getTypeArguments(t as ts.TypeReference)[0];
    return el && catalogType(checker, el, types, depth + 1);
  }
  return undefined;
}

/** Primitive values (and unions of them) cross any boundary by copy. */
function isPlainValue(t: ts.Type): boolean {
  if (t.isUnion()) return t.types.every(isPlainValue);
  const plain = ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  return (t.flags & plain) !== 0;
}
