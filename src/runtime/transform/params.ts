/**
 * What the device's wrapper sends as a call's arguments. The wrapper runs at the start of the
 * body, after the parameters' defaults were evaluated; a clone given the call's `arguments` would
 * evaluate a missing parameter's default again, so a default with effects (`id = nextId++`) would
 * happen twice. So a function whose parameters are plain names sends their values (a default then
 * runs on the clone only for a value that is still undefined, and the wrapper keeps such a call
 * home when that default is not inert); other functions send `arguments`, unless a default in
 * their parameters is not inert. An arrow has no `arguments` of its own, and a destructured
 * parameter's value is gone once its pattern ran: the wrapper rebuilds it from the names the
 * pattern bound (`([line, record]) => …` sends `[[line, record]]`), which the clone's copy of the
 * function destructures again into the same values (the body never sees the original object).
 */
import { ts } from '../../typescript.cjs';

export type Params = { args: string; guard?: string } | { unsupported: string };

export function paramsOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): Params {
  const plain = fn.parameters.every((p) => ts.isIdentifier(p.name));
  const defaulted = fn.parameters.some((p) => p.initializer);
  // Asked only where it decides (a default, in a function that is no arrow): it walks the whole body.
  const ownArguments = (): boolean => !ts.isArrowFunction(fn) && usesOwnArguments(fn);
  if (plain && (ts.isArrowFunction(fn) || (defaulted && !ownArguments()))) return rebuilt(fn, sf);
  const effectful = initializersOf(fn.parameters).find((e) => !isInert(e));
  if (!ts.isArrowFunction(fn) && !effectful) return { args: 'arguments' };
  // A function that reads its own `arguments` would see the rebuilt values, not the call's.
  if (ownArguments()) return { unsupported: `a parameter's default (${effectful!.getText(sf)}) would be evaluated again on the clone` };
  return rebuilt(fn, sf);
}

/**
 * The parameters' values as the wrapper rebuilds them, with a guard that keeps home a call in
 * which a default with effects left its name undefined (the clone would run that default again).
 */
function rebuilt(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): Params {
  const guards: string[] = [];
  let unsupported: string | undefined;
  const build = (name: ts.BindingName): string => {
    if (ts.isIdentifier(name)) return name.text;
    // A hole is sent as undefined, which destructures the same, so that no sparse array crosses.
    if (ts.isArrayBindingPattern(name)) return `[${name.elements.map((e) => (ts.isOmittedExpression(e) ? 'void 0' : element(e))).join(',')}]`;
    return `{${name.elements.map((e) => (e.dotDotDotToken ? element(e) : `${key(e)}:${element(e)}`)).join(',')}}`;
  };
  const element = (e: ts.BindingElement | ts.ParameterDeclaration): string => {
    if (e.initializer && !isInert(e.initializer) && ts.isIdentifier(e.name)) guards.push(`${e.name.text}!==undefined`);
    return `${e.dotDotDotToken ? '...' : ''}${build(e.name)}`;
  };
  const key = (e: ts.BindingElement): string => {
    const k = e.propertyName ?? (e.name as ts.Identifier);
    if (!ts.isComputedPropertyName(k)) return ts.isIdentifier(k) ? k.text : k.getText(sf);
    // The key is evaluated again to rebuild the object (and once more on the clone).
    if (!isInert(k.expression)) unsupported ??= `a computed key in a destructured parameter (${k.expression.getText(sf)}) would be evaluated again`;
    return `[${k.expression.getText(sf)}]`;
  };
  const args = `[${fn.parameters.map(element).join(',')}]`;
  if (unsupported) return { unsupported };
  return { args, ...(guards.length ? { guard: guards.join('&&') } : {}) };
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
