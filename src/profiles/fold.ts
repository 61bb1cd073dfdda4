/**
 * Several recordings of ONE side folded into one profile, before any merging with the other side.
 *
 * `sum` is what the design says runs do: they add up, and the optimizer divides by `runs`, so a
 * context's self time is its mean over the runs. `median` takes, per calling context, the median
 * over the runs of that context's self time in each run: one slow run on a loaded machine (a
 * recording under load 6 measured the same command at 14.2 s and 10.3 s) moves a mean by a third
 * of its excess and a median of three not at all. Calls and boundary bytes are properties of the
 * workload, not of the machine's load: they stay totals (the design's sum) in both modes, and a
 * deterministic workload has the same calls in every run (a note says where it did not).
 *
 * The folded profile is a normal profile: `runs` is the number of runs folded, every figure a total
 * over them; under `median` a context's selfMs is runs × its median, so that totals ÷ runs is the
 * median and files with different numbers of runs still merge correctly.
 */
import { InputError } from '../errors.js';
import { compare as cmp } from '../util/compare.js';
import { CONTEXT_FIGURES, type ContextFigure, type Profile, type ProfileContext, type Side } from './types.js';
import { sumUnserializable } from './record/toProfile.js';

export const FOLD_MODES = ['sum', 'median'] as const;
export type FoldMode = (typeof FOLD_MODES)[number];

export function parseFoldMode(value: string, field = '--fold'): FoldMode {
  if (!(FOLD_MODES as readonly string[]).includes(value)) throw new InputError(`expected ${FOLD_MODES.map((m) => `'${m}'`).join(' or ')}, got '${value}'`, undefined, field);
  return value as FoldMode;
}

export interface FoldOutcome {
  profile: Profile;
  /** What a reader of the folded figures should know: runs that disagreed on calls, contexts absent from some runs. */
  notes: string[];
}

interface Node {
  method: string;
  children: Map<string, Node>;
  calls: number;
  bytesIn: number;
  bytesOut: number;
  selfMs: number;
  /** Per input profile (by index): its per-run self time here, and the calls it saw. */
  samples: Map<number, { selfMs: number; calls: number }>;
}

const newNode = (method: string): Node => ({ method, children: new Map(), calls: 0, bytesIn: 0, bytesOut: 0, selfMs: 0, samples: new Map() });

/**
 * Folds profiles of one side by call path. A profile of r runs counts as r runs of its per-run
 * figures (totals ÷ r). Under `median`, a run in which a context does not occur counts 0 ms there
 * (it did not run there): a context seen in fewer than half the runs gets a median of 0 ms, and
 * one seen in exactly half gets half the median of the runs that saw it. The output's contexts are
 * parents before children, siblings sorted by method id, whatever the order of the inputs' runs.
 */
export function foldProfiles(profiles: readonly Profile[], mode: FoldMode, file = ''): FoldOutcome {
  const first = profiles[0];
  if (!first) throw new InputError('nothing to fold: no profile');
  const side: Side = first.side;
  for (const p of profiles) {
    if (p.side !== side) throw new InputError(`cannot fold a ${p.side} profile into ${side} profiles: fold runs of one side`, p.file);
    if (p.app !== first.app) throw new InputError(`cannot fold profiles of app '${p.app ?? '(none)'}' and '${first.app ?? '(none)'}'`, p.file);
    if (!(p.runs >= 1)) throw new InputError(`a profile of ${p.runs} runs cannot be folded`, p.file, 'runs');
  }
  const root = newNode('');
  profiles.forEach((p, index) => addProfile(root, p, index));
  const runs = profiles.reduce((n, p) => n + p.runs, 0);
  const weights = profiles.map((p) => p.runs);

  const contexts: ProfileContext[] = [];
  const disagree: string[] = [];
  const partial: string[] = [];
  const stack: { node: Node; parent: number | undefined; path: string }[] = [...childrenOf(root)].reverse().map((node) => ({ node, parent: undefined, path: node.method }));
  while (stack.length > 0) {
    const { node, parent, path } = stack.pop()!;
    const seenIn = profiles.reduce((n, _, i) => n + (node.samples.has(i) ? weights[i]! : 0), 0);
    if (seenIn < runs) partial.push(`${path} (${seenIn} of ${runs} runs)`);
    const calls = new Set([...node.samples.values()].map((s) => s.calls));
    if (seenIn === runs && calls.size > 1) {
      disagree.push(`${path} (${profiles.map((_, i) => fmt(node.samples.get(i)?.calls ?? 0)).join(', ')})`);
    }
    const selfMs = mode === 'sum' ? node.selfMs : runs * weightedMedian(profiles.map((_, i) => node.samples.get(i)?.selfMs ?? 0), weights);
    const id = contexts.length;
    contexts.push({ id, ...(parent === undefined ? {} : { parent }), method: node.method, calls: node.calls, selfMs, bytesIn: node.bytesIn, bytesOut: node.bytesOut });
    for (const child of [...childrenOf(node)].reverse()) stack.push({ node: child, parent: id, path: `${path} > ${child.method}` });
  }

  const notes: string[] = [];
  if (disagree.length > 0) {
    notes.push(`${disagree.length} context(s) had different call counts in different runs (calls and bytes are totals over the runs, as when runs add up), e.g. ${examples(disagree)}`);
  }
  if (partial.length > 0) {
    const how = mode === 'median' ? 'a run without one counts 0 ms there' : 'their figures are totals over the runs that had them';
    notes.push(`${partial.length} context(s) did not occur in every run (${how}), e.g. ${examples(partial)}`);
  }
  const estimated = unionOf(profiles.map((p) => p.estimated ?? []));
  const unserializable = sumUnserializable(profiles.flatMap((p) => p.unserializable ?? []));
  const last = profiles[profiles.length - 1]!;
  const profile: Profile = {
    file,
    side,
    runs,
    ...(first.app !== undefined ? { app: first.app } : {}),
    contexts,
    ...(last.exit ? { exit: last.exit } : {}),
    ...(unserializable.length ? { unserializable } : {}),
    ...(estimated.length ? { estimated } : {}),
  };
  return { profile, notes };
}

function addProfile(root: Node, profile: Profile, index: number): void {
  const nodeOfId = new Map<number, Node>();
  for (const [i, c] of profile.contexts.entries()) {
    const parent = c.parent === undefined ? root : nodeOfId.get(c.parent);
    if (!parent) throw new InputError(`context ${c.id} names parent ${c.parent}, which does not come before it`, profile.file, `contexts[${i}]`);
    let node = parent.children.get(c.method);
    if (!node) parent.children.set(c.method, (node = newNode(c.method)));
    nodeOfId.set(c.id, node);
    node.calls += c.calls;
    node.bytesIn += c.bytesIn;
    node.bytesOut += c.bytesOut;
    node.selfMs += c.selfMs;
    // Two contexts of one profile on the same path (the recorder adds them up; a hand-written
    // file may not) are one context of that profile.
    const sample = node.samples.get(index) ?? { selfMs: 0, calls: 0 };
    sample.selfMs += c.selfMs / profile.runs;
    sample.calls += c.calls / profile.runs;
    node.samples.set(index, sample);
  }
}

const childrenOf = (node: Node): Node[] => [...node.children.values()].sort((a, b) => cmp(a.method, b.method));

/**
 * The median of `values` where value i counts `weights[i]` times (whole numbers ≥ 1): the middle
 * one of an odd count, the mean of the two middle ones of an even count.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((v, i) => ({ v, w: weights[i] ?? 1 })).sort((a, b) => a.v - b.v);
  const total = order.reduce((n, x) => n + x.w, 0);
  if (total === 0) return 0;
  const at = (k: number): number => {
    let seen = 0;
    for (const x of order) {
      seen += x.w;
      if (k < seen) return x.v;
    }
    return order[order.length - 1]!.v;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

function unionOf(lists: readonly (readonly ContextFigure[])[]): ContextFigure[] {
  const all = new Set(lists.flat());
  return CONTEXT_FIGURES.filter((f) => all.has(f));
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const examples = (xs: string[]) => xs.slice(0, 3).join('; ') + (xs.length > 3 ? `; and ${xs.length - 3} more` : '');
