import { ts } from 'ts-morph';
import { resolverFor } from '../../src/analysis/callgraph/calls.js';
import { handlerTrapsBeyondLiterals } from '../../src/analysis/callgraph/handler-classes.js';
import { collectMethods } from '../../src/analysis/methods.js';
import { loadApp } from '../../src/analysis/project.js';
import { fixture } from './helpers.js';

// Whether a `new` is made where a ProxyHandler is expected costs its contextual type (a call
// resolution where it is an argument): asked only of classes that could give a trap.
test('the contextual type is asked only of `new`s of classes with trap-named members (calls-proxy-handler-classes)', () => {
  const app = loadApp(fixture('calls-proxy-handler-classes'));
  const asked: string[] = [];
  let counting = false;
  const checker: ts.TypeChecker = {
    ...app.checker,
    getContextualType(node: ts.Expression) {
      if (counting && ts.isNewExpression(node)) asked.push(node.getText());
      return app.checker.getContextualType(node);
    },
  };
  const { all, resolver } = resolverFor({ ...app, checker }, collectMethods(app.files));
  const isHandler = (t: ts.Type | undefined) => (t?.isUnion() ? t.types : t ? [t] : []).some((p) => (p.aliasSymbol ?? p.getSymbol())?.getName() === 'ProxyHandler');
  counting = true;
  const traps = handlerTrapsBeyondLiterals(resolver, all, new Set(['get', 'set', 'has']), isHandler);
  counting = false;
  expect(asked.sort()).toEqual(['new BaseHandler(true)', 'new Cache()', 'new CountingHandler()', 'new MutableHandler()']);
  // The traps found are the handler classes' (and the made getter's), not Cache's.
  const names = traps.map((t) => `${t.name}:${(t.fn as ts.MethodDeclaration).parent && ts.isClassLike(t.fn.parent) ? t.fn.parent.name?.text : 'literal'}`);
  expect([...new Set(names)].sort()).toEqual(['get:BaseHandler', 'get:CountingHandler', 'get:literal', 'has:MutableHandler', 'set:MutableHandler']);
});
