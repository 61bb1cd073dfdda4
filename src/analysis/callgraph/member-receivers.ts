/**
 * Which stores (`x.parse = f`, `x['parse'] = f`) may write the member an interface or type
 * literal declares, by the store's receiver: a call through `i.parse()` runs what was stored
 * on an object `i` may be, not what any object of the app keeps under that name.
 *
 * A store may write member `d` of `D` when, for some part of its receiver's type (each member
 * of a union; `this` and type parameters by their constraint):
 * - the type is opaque: any, unknown, a type parameter without constraint, `{}`/`object`;
 * - the type has no property of that name the checker can name (an index signature, an
 *   expando, a mapped type whose members have no declarations), or either type has an index
 *   signature: not known, so the name decides, as before;
 * - the property's declarations include `d` (D itself, its instantiations, intersections with
 *   it, Partial<D> and other homomorphic mapped types, which keep D's declarations);
 * - the property is declared by a type D extends, one extending D, or one sharing a descendant
 *   with D (interfaces and classes of the app, through `extends` and `implements`): an object
 *   seen as `Base & { tag }` may be a `Sub`, one seen as `Stream` a `Tape implements Source, Stream`;
 * - or one type may hold an object of the other: the receiver's type has every member D
 *   requires, or D has every member the receiver's type requires. That covers interfaces
 *   extending D or extended by it (redeclaring the member or not), classes implementing it, and
 *   an object seen under two types one of which is assignable to the other (a store through
 *   an alias typed by a narrower or wider view). Only names are compared, never member types:
 *   signatures (overloads, bivariant methods) do not decide whether one object has both views.
 * - or the receiver is a function given members by assignment (`f.resolve = g` after `function f`,
 *   TypeScript's expando members) and D is callable (a call signature beside its members): such a
 *   type is how a function with properties is described where it is used, and the function itself
 *   is handed out under another type (its own is anonymous), so the two meet only through a cast.
 * An object seen under two types neither of which has the other's required members, related
 * only through a third type the app does not declare as extending both (a structural fit, a
 * cast), is not followed.
 */
import { ts } from '../../typescript.cjs';

const NOT_OBJECT = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;
const OPAQUE = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive;

export type InterfaceMember = ts.PropertySignature | ts.MethodSignature;

/** A type's member names, and which of them are required; undefined for a type with an index signature. */
interface Shape {
  all: ReadonlySet<string>;
  required: readonly string[];
}

export class MemberReceivers {
  private readonly shapes = new Map<ts.Type, Shape | undefined>();
  private readonly ownerShapes = new Map<ts.Node, Shape | undefined>();
  /** Answers by receiver type, then member: many stores share a receiver type (`inst._zod`). */
  private readonly answers = new Map<ts.Type, Map<InterfaceMember, boolean>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    /** The app's sources, whose interfaces and classes relate types by `extends` and `implements`. */
    private readonly sources: () => Iterable<ts.SourceFile>,
  ) {}

  /** May the store `recv.<name> = v` write member `d` (of an interface or type literal) of the object a call goes through? */
  mayWrite(recv: ts.Expression, name: string, d: InterfaceMember): boolean {
    const owner = d.parent;
    if (!ts.isInterfaceDeclaration(owner) && !ts.isTypeLiteralNode(owner)) return true;
    const t = this.checker.getTypeAtLocation(recv);
    let byMember = this.answers.get(t);
    if (!byMember) this.answers.set(t, (byMember = new Map()));
    let yes = byMember.get(d);
    if (yes === undefined) byMember.set(d, (yes = (t.isUnion() ? t.types : [t]).some((part) => this.partMayWrite(part, name, d, owner))));
    return yes;
  }

  private partMayWrite(raw: ts.Type, name: string, d: InterfaceMember, owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): boolean {
    if (raw.flags & NOT_OBJECT) return false;
    const p = this.checker.getApparentType(raw);
    if (p.flags & OPAQUE) return true;
    // `T & Other` with T unconstrained (or a conditional type, an indexed access): any object.
    if (p.isUnionOrIntersection() && p.types.some((x) => x.flags & (OPAQUE | ts.TypeFlags.Instantiable))) return true;
    const decls = this.checker.getPropertyOfType(p, name)?.declarations ?? [];
    if (decls.length === 0 || decls.includes(d)) return true;
    const theirOwner = this.symbolOf(owner);
    if (decls.some((e) => this.related(e.parent, theirOwner))) return true;
    if (decls.some(isExpandoAssignment) && this.checker.getSignaturesOfType(p, ts.SignatureKind.Call).length > 0 && this.ownerCallable(owner)) return true;
    const mine = this.shapeOf(p);
    const theirs = this.ownerShape(owner);
    if (!mine || !theirs) return true;
    return theirs.required.every((n) => mine.all.has(n)) || mine.required.every((n) => theirs.all.has(n));
  }

  /** Whether the type declaring `mine` and `theirs` have a common descendant (either one included). */
  private related(mine: ts.Node, theirs: ts.Symbol | undefined): boolean {
    const sym = this.symbolOf(mine);
    if (!sym || !theirs) return false;
    const ours = this.descendantsOf(theirs);
    for (const s of this.descendantsOf(sym)) if (ours.has(s)) return true;
    return false;
  }

  /** A type's symbol and the app's interfaces and classes extending or implementing it, transitively. */
  private descendantsOf(sym: ts.Symbol): ReadonlySet<ts.Symbol> {
    if (!this.below) {
      this.below = new Map();
      const visit = (n: ts.Node): void => {
        if ((ts.isInterfaceDeclaration(n) || ts.isClassLike(n)) && n.heritageClauses?.length) {
          const s = this.symbolOf(n);
          if (s) for (const a of this.ancestors(s)) (this.below!.get(a) ?? this.below!.set(a, new Set()).get(a)!).add(s);
        }
        ts.forEachChild(n, visit);
      };
      for (const sf of this.sources()) visit(sf);
    }
    return new Set([sym, ...(this.below.get(sym) ?? [])]);
  }

  private below?: Map<ts.Symbol, Set<ts.Symbol>>;

  private symbolOf(owner: ts.Node): ts.Symbol | undefined {
    if (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) return owner.name && this.checker.getSymbolAtLocation(owner.name);
    if (ts.isClassExpression(owner)) return this.checker.getTypeAtLocation(owner).getSymbol();
    return ts.isTypeLiteralNode(owner) ? this.checker.getTypeAtLocation(owner).getSymbol() : undefined;
  }

  /** A type's symbol and those it extends or implements, through every declaration (merged interfaces) and intersections. */
  private ancestors(sym: ts.Symbol): ReadonlySet<ts.Symbol> {
    const hit = this.bases.get(sym);
    if (hit) return hit;
    const out = new Set<ts.Symbol>([sym]);
    this.bases.set(sym, out); // a cycle (an error) ends here
    for (const d of sym.declarations ?? []) {
      if (!ts.isInterfaceDeclaration(d) && !ts.isClassLike(d)) continue;
      for (const h of (d.heritageClauses ?? []).flatMap((c) => c.types)) {
        const t = this.checker.getTypeAtLocation(h);
        for (const part of t.isIntersection() ? t.types : [t]) {
          const base = part.getSymbol();
          if (base) for (const a of this.ancestors(base)) out.add(a);
        }
      }
    }
    return out;
  }

  private readonly bases = new Map<ts.Symbol, Set<ts.Symbol>>();

  /** Whether the interface or type literal declares a call signature (its own or inherited). */
  private ownerCallable(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): boolean {
    let yes = this.callable.get(owner);
    if (yes === undefined) this.callable.set(owner, (yes = this.checker.getSignaturesOfType(this.ownerType(owner), ts.SignatureKind.Call).length > 0));
    return yes;
  }

  private readonly callable = new Map<ts.Node, boolean>();

  private ownerType(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): ts.Type {
    const sym = ts.isInterfaceDeclaration(owner) ? this.checker.getSymbolAtLocation(owner.name) : undefined;
    return sym ? this.checker.getDeclaredTypeOfSymbol(sym) : this.checker.getTypeAtLocation(owner);
  }

  private ownerShape(owner: ts.InterfaceDeclaration | ts.TypeLiteralNode): Shape | undefined {
    if (this.ownerShapes.has(owner)) return this.ownerShapes.get(owner);
    const shape = this.shapeOf(this.ownerType(owner));
    this.ownerShapes.set(owner, shape);
    return shape;
  }

  private shapeOf(t: ts.Type): Shape | undefined {
    if (this.shapes.has(t)) return this.shapes.get(t);
    let shape: Shape | undefined;
    if (this.checker.getIndexInfosOfType(t).length === 0) {
      const props = this.checker.getPropertiesOfType(t);
      shape = { all: new Set(props.map((s) => s.escapedName as string)), required: props.filter((s) => !(s.flags & ts.SymbolFlags.Optional)).map((s) => s.escapedName as string) };
    }
    this.shapes.set(t, shape);
    return shape;
  }
}

/** A member declared by assigning it on a function (`f.k = v`, the binder's expando member of `function f`). */
function isExpandoAssignment(d: ts.Declaration): boolean {
  return ts.isPropertyAccessExpression(d) && ts.isBinaryExpression(d.parent) && d.parent.left === d && d.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}
