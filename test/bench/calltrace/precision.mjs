/**
 * Where the static edges come from, against what the runs saw: for each edge kind of the analysis
 * (direct, callback, hierarchy, accessor, ...), the (caller, callee) pairs between app methods that
 * have an edge of that kind, those of them the tracer saw, and those no other kind gives; and the
 * callees that most `callback` pairs lead to, each with how many of those pairs were seen. A pair
 * not seen is not wrong (the suites do not run everything); a kind whose pairs are rarely seen
 * where most of its callers did run is where the static graph is wider than the code.
 */

/**
 * @param edges the analysis's edges ({ from, to, kind }), both ends in the app
 * @param seen the dynamic pairs, as "from\0to"
 * @param entered the methods the runs entered
 */
export function staticByKind(edges, seen, entered, top = 12) {
  const kinds = new Map(); // kind -> Set of pairs
  const kindsOf = new Map(); // pair -> Set of kinds
  for (const e of edges) {
    const pair = `${e.from}\0${e.to}`;
    (kinds.get(e.kind) ?? kinds.set(e.kind, new Set()).get(e.kind)).add(pair);
    (kindsOf.get(pair) ?? kindsOf.set(pair, new Set()).get(pair)).add(e.kind);
  }
  const byKind = {};
  for (const [kind, pairs] of [...kinds].sort((a, b) => b[1].size - a[1].size)) {
    const list = [...pairs];
    const callerRan = list.filter((p) => entered.has(p.slice(0, p.indexOf('\0'))));
    byKind[kind] = {
      pairs: list.length,
      seen: list.filter((p) => seen.has(p)).length,
      callerEntered: callerRan.length,
      onlyThisKind: list.filter((p) => kindsOf.get(p).size === 1).length,
      onlyThisKindSeen: list.filter((p) => kindsOf.get(p).size === 1 && seen.has(p)).length,
    };
  }
  const targets = new Map(); // callee -> { pairs, seen, callers entered }
  for (const p of kinds.get('callback') ?? []) {
    const to = p.slice(p.indexOf('\0') + 1);
    const t = targets.get(to) ?? targets.set(to, { to, pairs: 0, seen: 0, callerEntered: 0 }).get(to);
    t.pairs++;
    if (seen.has(p)) t.seen++;
    if (entered.has(p.slice(0, p.indexOf('\0')))) t.callerEntered++;
  }
  const callbackTargets = [...targets.values()].sort((a, b) => b.pairs - a.pairs);
  return { byKind, callbackTargets: callbackTargets.slice(0, top), callbackTargetCount: callbackTargets.length };
}

export function printStaticByKind({ byKind, callbackTargets, callbackTargetCount }) {
  console.log('static pairs by kind (seen by the tracer; caller entered; only this kind, seen):');
  for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind}: ${k.pairs} (${k.seen} seen; ${k.callerEntered} from entered callers; ${k.onlyThisKind} only ${kind}, ${k.onlyThisKindSeen} seen)`);
  if (!callbackTargets.length) return;
  console.log(`callees of the most callback pairs (of ${callbackTargetCount}; pairs, seen, from entered callers):`);
  for (const t of callbackTargets) console.log(`  ${t.to}: ${t.pairs}, ${t.seen} seen, ${t.callerEntered} from entered callers`);
}
