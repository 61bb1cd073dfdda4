/**
 * What the device's wrapper sends as a call's arguments. The wrapper runs at the start of the
 * body, after the parameters' defaults were evaluated; a clone given the call's `arguments` would
 * evaluate a missing parameter's default again, so a default with effects (`id = nextId++`) would
 * happen twice. So a function whose parameters are plain names sends their values (a default then
 * runs on the clone only for a value that is still undefined, and the wrapper keeps such a call
 * home when that default is not inert); other functions send `arguments`, unless a default in
 * their parameters is not inert.
 */
import { ts } from '../../typescript.cjs';

export type Params = { args: string; guard?: string } | { unsupported: string };

export function paramsOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): Params {
  const plain = fn.parameters.every((p) => ts.isIdentifier(p.name));
  const defaulted = fn.parameters.some((p) => p.initializer);
  if (plain && (ts.isArrowFunction(fn) || (defaulted && !usesOwnArguments(fn)))) {
    const names = fn.parameters.map((p) => `${p.dotDotDotToken ? '...' : ''}${p.name.getText(sf)}`);
    const guards = fn.parameters.filter((p) => p.initializer && !isInert(p.initializer)).map((p) => `${p.name.getText(sf)}!==undefined`);
    return { args: `[${names.join(',')}]`, ...(guards.length ? { guard: guards.join('&&') } : {}) };
  }
  if (ts.isArrowFunction(fn)) return { unsupported: 'an arrow function with destructured parameters (its arguments cannot be recovered)' };
  const effectful = initializersOf(fn.parameters).find((e) => !isInert(e));
  if (effectful) return { unsupported: `a parameter's default (${effectful.getText(sf)}) would be evaluated again on the clone` };
  return { args: 'arguments' };
}

/** Whether evaluating the expression again can make no difference: literals, names, fresh literals of those, functions. */
function isInert(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e)) return isInert(e.expression);
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isBigIntLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isRegularExpressionLiteral(e) || ts.isIdentifier(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(e)) return (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken) && (ts.isNumericLiteral(e.operand) || ts.isBigIntLiteral(e.operand));
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => !ts.isSpreadElement(x) && (ts.isOmittedExpression(x) || isInert(x)));
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) => ts.isShorthandPropertyAssignment(p) ? !p.objectAssignmentInitializer : ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isInert(p.initializer));
  }
  return false;
}

/** Every default in the parameters, those inside destructuring patterns included. */
function initializersOf(params: readonly ts.ParameterDeclaration[]): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isParameter(node) || ts.isBindingElement(node)) && node.initializer) out.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  params.forEach(visit);
  return out;
}

/** Whether a non-arrow function reads its own `arguments` (not a nested function's). */
function usesOwnArguments(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === 'arguments') found = true;
    else if (!(ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node))) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}
