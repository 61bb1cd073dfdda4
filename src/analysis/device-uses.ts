/**
 * Methods that use a device value that travelled to them (device-values.ts): a method uses a
 * value when it reads a member of it, indexes it or calls it. Passing a value on to an app
 * function is not a use: that function's parameter holds it, and its uses are found there.
 * Only values that name a catalog API count (a global path on its way to one, `navigator`, is
 * not yet a device value: `navigator.language` is not the device, `navigator.geolocation` is).
 */
import { ts } from '../typescript.cjs';
import { isMethodNode } from '../ids/methodIds.js';
import type { DeviceValue, DeviceValues } from './device-values.js';
import type { MethodTable } from './methods.js';
import { fileLine, siteOf, type AppFile } from './project.js';
import type { Reason } from './types.js';
import { skipWrappers } from './walk.js';

/** A method's use of a device value, as a 'pinned' reason keyed by the API (one reason per API and method). */
export interface DeviceUse {
  owner: string;
  key: string;
  reason: Reason;
}

export function deviceUses(files: AppFile[], table: MethodTable, values: DeviceValues): DeviceUse[] {
  const out: DeviceUse[] = [];
  for (const file of files) {
    const visit = (node: ts.Node, owner: string | undefined): void => {
      if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
      owner = table.initOwner.get(node) ?? owner;
      if (isMethodNode(node)) owner = table.idOf.get(node);
      const used = owner ? usedExpression(node) : undefined;
      const v = used && values.used(used);
      if (owner && used && v?.api) out.push({ owner, key: v.api.entry.name, reason: reasonFor(v, file, used) });
      ts.forEachChild(node, (c) => visit(c, owner));
    };
    ts.forEachChild(file.sf, (c) => visit(c, undefined));
  }
  return out;
}

/** The expression a node uses as a value: the object of a member access, a called function value. */
function usedExpression(node: ts.Node): ts.Expression | undefined {
  let e: ts.Expression | undefined;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) e = node.expression;
  else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = skipWrappers(node.expression);
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) e = callee;
  }
  if (!e) return undefined;
  const inner = skipWrappers(e);
  const k = inner.kind;
  if (k === ts.SyntaxKind.ThisKeyword || k === ts.SyntaxKind.SuperKeyword || k === ts.SyntaxKind.ImportKeyword || ts.isLiteralExpression(inner) || isMethodNode(inner)) return undefined;
  return e;
}

function reasonFor(v: DeviceValue, file: AppFile, used: ts.Expression): Reason {
  const api = v.api!;
  const site = siteOf(file, used);
  const why = api.entry.why ? `: ${api.entry.why}` : '';
  return {
    rule: 'pinned',
    message: `uses a device value from ${api.kind} '${api.entry.name}' (${api.catalog.platform}${why}): ${v.chain.join(' -> ')} -> used at ${fileLine(site)}`,
    site,
  };
}
