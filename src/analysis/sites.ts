/**
 * How call sites are named in results: the node a site is reported at, the callee's text, and
 * the order results are sorted in (by file, then numerically by line and column).
 */
import { ts } from '../typescript.cjs';
import type { CallSite } from './walk.js';
import { compare as cmp } from '../util/compare.js';

/** Where a site is reported: the member name of `a.b()` (distinct sites in chains), the tag, the JSX tag, else the node. */
export function siteNode(call: CallSite): ts.Node {
  if (ts.isJsxOpeningElement(call) || ts.isJsxSelfClosingElement(call)) return call.tagName;
  if (ts.isTaggedTemplateExpression(call)) return call.tag;
  const e = call.expression;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(e) ? e.name : call;
}

/** The callee as written, on one line and at most 60 characters. */
export function calleeText(call: CallSite, sf: ts.SourceFile): string {
  return shorten(writtenCallee(call, sf));
}

function writtenCallee(call: CallSite, sf: ts.SourceFile): string {
  if (ts.isJsxOpeningElement(call) || ts.isJsxSelfClosingElement(call)) return call.tagName.getText(sf);
  if (ts.isTaggedTemplateExpression(call)) return call.tag.getText(sf);
  return call.expression.getText(sf);
}

/** One line of at most 60 characters, for reasons and site texts. */
export function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

export { cmp };

/** Sites compare by file, then numerically by line and column. */
export function cmpSite(a: string, b: string): number {
  const pa = a.split(':');
  const pb = b.split(':');
  return cmp(pa[0] ?? '', pb[0] ?? '') || Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2]);
}
