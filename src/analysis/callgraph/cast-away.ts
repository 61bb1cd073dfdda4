/**
 * Values cast away from their own type: `{ exec: () => null } as unknown as RegExp`, `const s:
 * Store = fake as any`, `use(fake as any)`, `return fake as any`. Past an assertion to `any` or
 * `unknown` the program knows the value only by the type its context gives it (an outer
 * assertion's, a declared variable's, a parameter's, a declared return type). A call of that
 * type's member then runs the value's own member of that name, which neither the declared member
 * (a library's, or an app type the value does not implement) nor a structural fit leads to.
 * Keyed by the declarations of the context type's members, so a call reaches the value wherever
 * the member it names is that one (through unions and subtypes that inherit it).
 */
import { ts } from '../../typescript.cjs';
import { propertyDeclsOf } from './keys.js';
import { skipWrappers } from '../expressions.js';
import { syntaxIndex } from '../syntax-index.js';
import type { Sunk } from './value-memo.js';

/** A value cast away, and the name of the member a call of the context type's member runs. */
export interface CastAwayMember {
  value: ts.Expression;
  name: string;
}

const NONE: readonly CastAwayMember[] = [];

/** What value following (value-memo.ts) tells of a follow, so that its answer may be kept. */
export interface FollowMemo {
  /** Runs `compute`, returning also the parameters it met (reported to the walks around it as usual). */
  captured<T>(compute: () => T): { result: T; met: Sunk[] };
  /** Reports the parameters a kept answer met, as computing it afresh would. */
  replay(met: readonly Sunk[]): void;
  /** Walks cut short so far, by any cycle (this one's included). */
  cuts(): number;
  /** Runs `compute`, also telling whether it used an answer kept for a walk under way that was made before it began. */
  usingPartials<T>(compute: () => T): { result: T; earlierUsed: boolean };
}

/** Values cast away followed one inside another at most (a call's callee reached through another's). */
const MAX_NESTED = 4;

export class CastAway {
  private byDecl?: Map<ts.Declaration, CastAwayMember[]>;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly files: readonly ts.SourceFile[],
  ) {}

  /**
   * The values being followed, innermost last: at most MAX_NESTED, so a list (a set filled and
   * emptied at every follow, millions of times on zod, spent its time rebuilding its table).
   */
  private readonly following: CastAwayMember[] = [];
  private cutCount = 0;

  /**
   * The functions the values cast away hold under the names a call of these member declarations
   * runs, by `memberOf` (the value flow). A value asked for again while it is being followed (its
   * own calls lead back to it), or past MAX_NESTED values followed one inside another (each a call
   * whose callees' members lead to the next), is cut there, and counted, so that answers computed
   * meanwhile are not kept as whole (values.ts cuts).
   */
  members(decls: readonly ts.Declaration[], memberOf: (value: ts.Expression, name: string) => ts.Node[], memo?: FollowMemo): ts.Node[] {
    if (!memo || this.following.length) return this.follow(decls, memberOf);
    const known = this.kept.get(decls);
    if (known) {
      memo.replay(known.met);
      this.cutCount += known.cuts;
      return known.nodes;
    }
    const cuts = memo.cuts();
    const own = this.cutCount;
    const { result: { result, met }, earlierUsed } = memo.usingPartials(() => memo.captured(() => this.follow(decls, memberOf)));
    const ownCuts = this.cutCount - own;
    if (memo.cuts() - cuts === ownCuts && !earlierUsed) this.kept.set(decls, { nodes: result, met, cuts: ownCuts });
    return result;
  }

  /**
   * Answers of follows that began with no value followed, by the declarations asked (a symbol's
   * list), kept when cut only here. A value's own calls leading back to it cut each follow
   * there, so value following kept nothing around it and every call of such a member (zod: every
   * library call, 130k follows of ~30 values each) followed them all again. The cut on a value
   * followed from the top lacks nothing of its own answer (as cycle-aware-cache.ts's keys): what
   * a follow from the top finds does not change. So are the answers value following kept for the
   * walk under way while the follow ran (cut short by the follow's own cuts, the only ones it
   * met): only a partial answer made before it began (cut short by a walk around it, and missing
   * what that walk was following) keeps it from being kept. Keeping none built on any partial
   * answer, tinybench followed 221k values for 16k asks of 172 declaration lists. A reuse reports
   * what the follow met and the cuts it made, as following again would, so the walks around it
   * keep what they kept before.
   */
  private readonly kept = new Map<readonly ts.Declaration[], { nodes: ts.Node[]; met: Sunk[]; cuts: number }>();

  private follow(decls: readonly ts.Declaration[], memberOf: (value: ts.Expression, name: string) => ts.Node[]): ts.Node[] {
    const byDecl = (this.byDecl ??= this.collect());
    if (!byDecl.size) return [];
    // Asked of nearly every member call, and almost never of a member a cast reaches: nothing made then.
    let out: Set<ts.Node> | undefined;
    for (const d of decls) {
      for (const c of byDecl.get(d) ?? NONE) {
        if (this.following.length >= MAX_NESTED || this.following.includes(c)) {
          this.cutCount++;
          continue;
        }
        this.following.push(c);
        try {
          for (const n of memberOf(c.value, c.name)) (out ??= new Set()).add(n);
        } finally {
          this.following.pop();
        }
      }
    }
    return out ? [...out] : [];
  }

  /** Follows cut short by a cycle so far. */
  get cuts(): number {
    return this.cutCount;
  }

  private collect(): Map<ts.Declaration, CastAwayMember[]> {
    const out = new Map<ts.Declaration, CastAwayMember[]>();
    // Each file's casts to any or unknown, in the order a walk of it meets them (syntax-index.ts).
    for (const sf of this.files) for (const n of syntaxIndex(sf).casts) this.add(n, out);
    return out;
  }

  private add(cast: ts.AsExpression | ts.TypeAssertion, out: Map<ts.Declaration, CastAwayMember[]>): void {
    const value = skipWrappers(cast.expression);
    const own = this.checker.getTypeAtLocation(value);
    // A value already untyped tells nothing of its members.
    if (own.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    const context = this.checker.getContextualType(cast);
    if (!context || context.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    for (const prop of this.checker.getApparentType(own).getProperties()) {
      const name = prop.escapedName as string;
      for (const d of propertyDeclsOf(this.checker, context, name)) {
        const list = out.get(d) ?? [];
        list.push({ value, name });
        out.set(d, list);
      }
    }
  }
}
