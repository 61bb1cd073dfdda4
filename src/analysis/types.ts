/** Plain data produced by the analysis stage. Nothing here knows about profiles. */
import type { Reachability } from '../util/reach.js';

/** Why a method is not a candidate migration point (or why it is pinned). */
export interface Reason {
  /** Which legality rule produced it. */
  rule: 'pinned' | 'reaches-pinned' | 'not-serializable' | 'user-pin' | 'native-state' | 'unresolved-call' | 'state';
  /** One readable sentence, with file:line. */
  message: string;
  /** file:line:col of the API use or call that caused it. */
  site?: string;
  /** For reaches-pinned (and unresolved-call, state): the call path from this method down to the method that causes it (method ids). */
  via?: string[];
  /** The edges of that path, in order (each with its call site and kind). */
  path?: CallEdge[];
}

/** A binding that a migrated call must carry to the clone (and back when written). */
export interface StateBinding {
  scope: 'module' | 'captured';
  /** Declaring file, app-relative, forward slashes. */
  file: string;
  /** The binding's name as declared (for a captured `this` of an arrow function: 'this'). */
  name: string;
  /** 1-based line of the declaration (for `this`: of the function or class that provides it). */
  line: number;
  access: 'read' | 'write' | 'read-write';
}

export interface MethodInfo {
  /** `<path from project root>#<qualified name>`, see src/ids. */
  id: string;
  /** Path from the project root, forward slashes. */
  file: string;
  line: number;
  /** Runs on the device, always: touches a device-only API (CloneCloud's V_M). */
  pinned: boolean;
  /** May be a migration point: not pinned, cannot reach a pinned method, serializable boundary. */
  candidate: boolean;
  reasons: Reason[];
  /**
   * Set for methods without a function node: `constructor` (implicit constructor running field
   * initialisers) or `static-init` (static field initialisers and `static {}` blocks).
   */
  synthetic?: 'constructor' | 'static-init';
  /** For members of a native-state group: why the class holds device-bound state (does not by itself block migration). */
  nativeState?: Reason;
  /**
   * Candidates only: the module-level and captured bindings a migrated call may use, its own and
   * those of every method it may reach, sorted by (scope, file, name, line); empty when none.
   */
  state?: StateBinding[];
}

/**
 * How a call edge was resolved: 'direct' (declared function, IIFE), 'method', 'constructor'
 * (`new`), 'super' (`super(...)`, `super.m()`, implicit base constructor), 'hierarchy' (override,
 * interface/abstract implementation, or the member of a class with the receiver class's shape), 'callback' (function value), 'accessor' (getter/setter
 * run by a property access), 'jsx' (component), 'tagged-template', 'implicit' (run by the language
 * where no call is written: iteration, conversion to a primitive, toJSON; implicit.ts), 'library' (only in
 * `libraryCalls`: a call into node_modules/lib, `to` is a `lib:<module>#<export>` leaf).
 */
export type EdgeKind =
  | 'direct'
  | 'method'
  | 'constructor'
  | 'super'
  | 'hierarchy'
  | 'callback'
  | 'accessor'
  | 'jsx'
  | 'tagged-template'
  | 'implicit'
  | 'library';

export interface CallEdge {
  from: string;
  to: string;
  /** file:line:col of the call site. */
  site: string;
  kind: EdgeKind;
}

export interface UnresolvedCall {
  /** Method id of the caller. */
  from: string;
  site: string;
  /** The call expression's text, shortened. */
  text: string;
  reason: string;
}

/**
 * What a diagnostic is about. `syntax` (a file that did not parse, or nests too deeply to be
 * analysed) and `config` (the tsconfig or its options are broken) mean the verdicts rest on code
 * or settings the compiler could not read as written; the others are informational.
 */
export type DiagnosticKind = 'syntax' | 'config' | 'deprecated' | 'import' | 'type' | 'link';

/** A problem in the analysed app (syntax/type error, unreadable config) that did not stop analysis. */
export interface Diagnostic {
  file: string;
  line: number;
  message: string;
  kind: DiagnosticKind;
}

export interface AnalysisResult {
  /** Sorted by id. */
  methods: MethodInfo[];
  /** Sorted by (from, to, site). */
  edges: CallEdge[];
  unresolved: UnresolvedCall[];
  diagnostics: Diagnostic[];
  /** Every analysed source file with the sha256 of its bytes, sorted by file. */
  sources: { file: string; sha256: string }[];
  /**
   * Which method may (transitively) call which: the call graph's strongly connected components
   * and the calls between them, linear in the graph. Ask it with util/reach.ts for the pairs of
   * some set of methods (the candidates: `analyze --json --reaches`).
   */
  reach: Reachability;
  /**
   * Calls into node_modules/lib, one per (caller, leaf) with its first site, sorted like edges.
   * `to` is `lib:<module>#<export path>` (`lib:fs#readFileSync`, `lib:globals#setTimeout`).
   */
  libraryCalls: CallEdge[];
  /** Library leaves called by the app that a platform catalog matches, with the reason. */
  pinnedLibrary: { id: string; reason: Reason }[];
  /** Native-state groups (V_NatC): sorted method ids of one class each, sorted by first id. */
  groups: string[][];
  /** Where the app's compiled JavaScript goes, relative to the app: tsconfig's outDir, or '.'. */
  build: string;
  /**
   * The program's entries (legality/entry-modules.ts: modules nothing loads whose top level does
   * work), sorted: the clone never imports them, as that would run the program there.
   */
  entries?: string[];
}

/** One entry of a platform catalog: a module specifier, a global path or a type name. */
export interface CatalogEntry {
  name: string;
  /** Why it is device-only (shown in reasons). */
  why?: string;
  /**
   * What calling it returns: by default a handle on the device (`getContext('2d')`); `code` for
   * an API that makes or runs code from text (`Function`, `eval`), whose result is followed as
   * such code only where the app takes it for a function, and is data elsewhere.
   */
  results?: 'handle' | 'code';
  /** 1-based line in the catalog file. */
  line?: number;
}

/** What counts as device-only on one platform (`profiles/platforms/*.yaml`). */
export interface PlatformCatalog {
  platform: string;
  /** Where it was read from, for messages. */
  file: string;
  description?: string;
  /** Module specifiers; `fs` also matches `node:fs` and subpaths such as `fs/x`. */
  modules: CatalogEntry[];
  /** Global identifiers or member paths (`document`, `navigator.geolocation`). */
  globals: CatalogEntry[];
  /** Type names whose values cannot leave the device (DOM nodes, canvas contexts, streams). */
  types: CatalogEntry[];
}

export interface AnalyzeOptions {
  appDir: string;
  /** Relative to appDir; default 'tsconfig.json'. */
  tsconfig?: string;
  catalogs: PlatformCatalog[];
  /** Method-id globs that are pinned (rule 'user-pin'). */
  pin?: string[];
  /** Method-id globs exempt from catalog pinning. */
  allow?: string[];
  /** Also report type errors of the app's files (a full type check: slower). */
  typeErrors?: boolean;
  /**
   * What a call site the analysis could not resolve may do: 'allow' (default) keeps its method a
   * candidate (the site is listed, and noted by explain); 'device' treats it as possibly reaching
   * the device, so its method and every method reaching it are not candidates (rule 'unresolved-call').
   */
  unresolved?: UnresolvedPolicy;
  /**
   * Source files reached through a symbolic link that leads outside the app: 'warn' (default)
   * analyses them as the app's and says so (a diagnostic of kind 'link'); 'refuse' stops.
   */
  outsideLinks?: OutsideLinkPolicy;
}

export type UnresolvedPolicy = 'allow' | 'device';
export type OutsideLinkPolicy = 'warn' | 'refuse';
