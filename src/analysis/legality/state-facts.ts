/**
 * What the state pass (state.ts) finds, as plain data for the rules that read it
 * (state-kinds.ts, state-flow.ts, state-rules.ts): the bindings, each method's own uses of them,
 * and where the program writes or changes them after load.
 */
import type { ts } from '../../typescript.cjs';
import type { AppFile } from '../project.js';

export interface Binding {
  scope: 'module' | 'captured';
  file: AppFile;
  name: string;
  line: number;
  /** 'static', 'namespace', 'global', 'exports': state no call carries (module scope, so that it flows over the whole graph). */
  kind: 'const' | 'let' | 'var' | 'using' | 'parameter' | 'catch' | 'default' | 'this' | 'static' | 'namespace' | 'global' | 'exports';
  /** The declared name (or the export assignment, or the function/class providing `this`; the static field; the first write of a global). */
  decl: ts.Node;
  /** A module binding exported from a module compiled to CommonJS: it lives on (or is copied to) `exports`, which no call carries. */
  cjs?: boolean;
  /** Captured: the function (or class, for `this` of a field) that declares it. */
  owner?: ts.Node;
  sym?: ts.Symbol;
  /** The variable's initialiser (of the whole declaration when destructured). */
  init?: ts.Expression;
  /** Declared by destructuring (`const { a } = x`). */
  destructured?: boolean;
  /** For `this`: the first `this` met, to ask its type. */
  sample?: ts.Node;
}

/** How a method uses a binding: READ | WRITE bits, and where first. */
export interface Use {
  bits: number;
  site: string;
}

export interface StateFacts {
  bindings: Binding[];
  /** method id -> binding index -> its own uses (references in nested functions included for captures). */
  own: Map<string, Map<number, Use>>;
  /** binding index -> first place anything writes it after its declaration (also top-level code). */
  written: Map<number, string>;
  /**
   * For state no call carries (kinds 'static', 'namespace', 'global', 'exports', and `cjs` bindings): the first
   * place the program changes it after load, and how ("assigned", "changed (.set() called)",
   * "handed out (returned)"). Such state that nothing changes is the same on both sides.
   */
  changed: Map<number, Change>;
  /**
   * Method id -> the first `super`, or (for an arrow, also through arrows nested in it) the
   * enclosing function's `arguments` or `new.target`, in its body: a copy of it elsewhere would
   * mean something else by it.
   */
  lexical: Map<string, Lexical>;
}

export interface Lexical {
  node: ts.Node;
  /** 'super', "'arguments'" or 'new.target'. */
  what: string;
}

/** `Change.how` of a static field holding a function made at load by a call. */
export const MADE_FUNCTION = 'a function made at load';
/** `Change.how` of a static field whose initial value is computed as its class loads (each side computes its own). */
export const COMPUTED_AT_LOAD = 'computed as its class loads';
/** `Change.how` of uncarried state given an object that other code holds too. */
export const SHARED = 'given an object that other code holds too';

export interface Change {
  site: string;
  how: string;
  /** Whether the change is made by a module's top-level code (or class initialisers) as it loads: 'own' module's, or 'other'. */
  load?: 'own' | 'other';
}
