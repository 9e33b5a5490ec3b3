/**
 * Network simplex (Gansner, Koutsofios, North & Vo, "A Technique for Drawing Directed Graphs",
 * 1993): integer values `v` for the nodes of a directed acyclic graph that minimise
 * Σ weight·(v[to] − v[from]) subject to v[to] − v[from] ≥ minlen for every edge. The layered
 * layout uses it twice, as `dot` does: for ranks (edges want to be short) and for coordinates
 * across the ranks (edges want to be straight, on an auxiliary graph).
 *
 * Deterministic: the same graph gives the same values. Work is bounded by `maxIterations`
 * pivots; the answer is always feasible, and optimal when the bound is not reached.
 */

/** A constraint `v[to] − v[from] ≥ minlen` whose length costs `weight` per unit. */
export interface SimplexEdge {
  from: number;
  to: number;
  minlen: number;
  weight: number;
}

/** Options for {@link networkSimplex}. */
export interface SimplexOptions {
  /** Pivots at most; the result stays feasible when the bound is reached. @default 2000 */
  maxIterations?: number;
  /** Called now and then, so a long run can answer to a time budget by throwing. */
  check?: () => void;
}

/** Values that satisfy every edge's minlen: longest paths from the sources, in edge order. */
function feasibleStart(n: number, edges: readonly SimplexEdge[]): Int32Array {
  const value = new Int32Array(n);
  const indegree = new Int32Array(n);
  const out: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => {
    indegree[e.to] = (indegree[e.to] as number) + 1;
    (out[e.from] as number[]).push(i);
  });
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  let seen = 0;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    seen++;
    for (const i of out[v] as number[]) {
      const e = edges[i] as SimplexEdge;
      const candidate = (value[v] as number) + e.minlen;
      if (candidate > (value[e.to] as number)) value[e.to] = candidate;
      indegree[e.to] = (indegree[e.to] as number) - 1;
      if (indegree[e.to] === 0) queue.push(e.to);
    }
  }
  if (seen !== n) throw new Error('network simplex needs an acyclic graph');
  return value;
}

/**
 * Solves the problem described above for nodes `0 … n−1`. Each connected part of the graph
 * is solved on its own and shifted so that its smallest value is 0.
 */
export function networkSimplex(
  n: number,
  edges: readonly SimplexEdge[],
  options: SimplexOptions = {},
): Int32Array {
  const value = feasibleStart(n, edges);
  if (n === 0) return value;
  const maxIterations = options.maxIterations ?? 2000;
  const check = options.check ?? (() => {});
  // incidence lists
  const incident: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => {
    (incident[e.from] as number[]).push(i);
    (incident[e.to] as number[]).push(i);
  });
  const slack = (i: number): number => {
    const e = edges[i] as SimplexEdge;
    return (value[e.to] as number) - (value[e.from] as number) - e.minlen;
  };
  const component = new Int32Array(n).fill(-1);
  const inTree = new Uint8Array(edges.length);
  const treeNode = new Uint8Array(n);
  let components = 0;
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    // the connected part holding `start`
    const members: number[] = [start];
    component[start] = components;
    for (let k = 0; k < members.length; k++) {
      for (const i of incident[members[k] as number] as number[]) {
        const e = edges[i] as SimplexEdge;
        for (const w of [e.from, e.to]) {
          if (component[w] === -1) {
            component[w] = components;
            members.push(w);
          }
        }
      }
    }
    tightTree(members, start);
    solve(members, start);
    let low = Number.POSITIVE_INFINITY;
    for (const v of members) low = Math.min(low, value[v] as number);
    for (const v of members) value[v] = (value[v] as number) - low;
    components++;
  }
  return value;

  /**
   * Grows a spanning tree of tight edges (slack 0), shifting the tree's values to make the
   * tightest edge out of it tight each time. The shift is kept as one offset (a node's value
   * is its `base` plus the offset since it joined) and edges wait in two heaps keyed so that a
   * shift never reorders them: O(E log E) instead of a scan of every edge per node.
   */
  function tightTree(members: readonly number[], root: number): void {
    let offset = 0;
    const base = new Map<number, number>();
    // candidate edges: from a tree node out (slack = keyOut − offset) or into one (keyIn + offset)
    const out = new EdgeHeap();
    const into = new EdgeHeap();
    const join = (v: number, stack: number[]): void => {
      treeNode[v] = 1;
      base.set(v, (value[v] as number) - offset);
      stack.push(v);
    };
    const valueAt = (v: number): number =>
      treeNode[v] === 1 ? (base.get(v) as number) + offset : (value[v] as number);
    const grow = (first: number): void => {
      const stack: number[] = [];
      join(first, stack);
      while (stack.length > 0) {
        const v = stack.pop() as number;
        for (const i of incident[v] as number[]) {
          const e = edges[i] as SimplexEdge;
          const w = e.from === v ? e.to : e.from;
          if (treeNode[w] === 1) continue;
          const slackNow = valueAt(e.to) - valueAt(e.from) - e.minlen;
          if (slackNow === 0) {
            inTree[i] = 1;
            join(w, stack);
            continue;
          }
          if (e.from === v) out.push(slackNow + offset, i);
          else into.push(slackNow - offset, i);
        }
      }
    };
    grow(root);
    let inside = base.size;
    while (inside < members.length) {
      check();
      const pending = (heap: EdgeHeap): void => {
        while (heap.size > 0) {
          const e = edges[heap.peekValue()] as SimplexEdge;
          if ((treeNode[e.from] as number) + (treeNode[e.to] as number) === 1) return;
          heap.pop();
        }
      };
      pending(out);
      pending(into);
      const outSlack = out.size > 0 ? out.peekKey() - offset : Number.POSITIVE_INFINITY;
      const inSlack = into.size > 0 ? into.peekKey() + offset : Number.POSITIVE_INFINITY;
      const useOut =
        outSlack < inSlack ||
        (outSlack === inSlack &&
          out.size > 0 &&
          (into.size === 0 || out.peekValue() < into.peekValue()));
      const i = useOut ? out.pop() : into.pop();
      const e = edges[i] as SimplexEdge;
      // tighten it by moving the whole tree: out of the tree means the tree moves up
      offset += useOut ? outSlack : -inSlack;
      inTree[i] = 1;
      grow(treeNode[e.from] === 1 ? e.to : e.from);
      inside = base.size;
    }
    for (const [v, b] of base) value[v] = b + offset;
  }

  /** Pivots until no tree edge has a negative cut value (or the bound is reached). */
  function solve(members: readonly number[], root: number): void {
    if (members.length < 2) return;
    // per node, in typed arrays (this runs once per pivot): the tree edge to its parent,
    // post-order numbers (`low` is the first of its subtree), and Σ(weight out − weight in)
    // over its subtree, which is the cut value of the edge above it
    const parentEdge = new Int32Array(n);
    const low = new Int32Array(n);
    const lim = new Int32Array(n);
    const net = new Float64Array(n);
    const next = new Int32Array(n);
    const seen = new Uint8Array(n);
    // post-order: the subtree of v is order[low[v] − 1 … lim[v] − 1]
    const order = new Array<number>(members.length).fill(root);
    const trail: number[] = [];
    /**
     * Numbers the subtree of `top` again (the whole tree from the root) and sums its nodes'
     * weights. A pivot changes the tree only under the lowest common ancestor of the entering
     * edge's ends, whose subtree keeps its nodes and so its range of numbers: numbering that
     * subtree alone gives what numbering the whole tree would, in time for the subtree.
     */
    const index = (top: number): void => {
      const start = top === root ? 0 : (low[top] as number) - 1;
      const end = top === root ? members.length : (lim[top] as number);
      if (top === root) {
        for (const v of members) seen[v] = 0;
        parentEdge[root] = -1;
      } else {
        for (let k = start; k < end; k++) seen[order[k] as number] = 0;
      }
      // nodes outside the subtree stay seen, so the walk never leaves it
      seen[top] = 1;
      next[top] = 0;
      low[top] = start + 1;
      let counter = start;
      trail.length = 0;
      trail.push(top);
      while (trail.length > 0) {
        const v = trail[trail.length - 1] as number;
        const list = incident[v] as number[];
        let descended = false;
        while ((next[v] as number) < list.length) {
          const i = list[next[v] as number] as number;
          next[v] = (next[v] as number) + 1;
          if (inTree[i] !== 1) continue;
          const e = edges[i] as SimplexEdge;
          const w = e.from === v ? e.to : e.from;
          if (seen[w] === 1) continue;
          seen[w] = 1;
          parentEdge[w] = i;
          next[w] = 0;
          low[w] = counter + 1;
          trail.push(w);
          descended = true;
          break;
        }
        if (descended) continue;
        counter++;
        lim[v] = counter;
        order[counter - 1] = v;
        trail.pop();
      }
      for (let k = start; k < end; k++) {
        const v = order[k] as number;
        let sum = 0;
        for (const i of incident[v] as number[]) {
          const e = edges[i] as SimplexEdge;
          sum += e.from === v ? e.weight : -e.weight;
        }
        net[v] = sum;
      }
      // children come before parents in `order`; what is above `top` keeps its sums
      for (let k = start; k < end; k++) {
        const v = order[k] as number;
        const pe = parentEdge[v] as number;
        if (pe < 0 || v === top) continue;
        const e = edges[pe] as SimplexEdge;
        const parent = e.from === v ? e.to : e.from;
        net[parent] = (net[parent] as number) + (net[v] as number);
      }
    };
    const cutValue = (child: number): number => {
      const e = edges[parentEdge[child] as number] as SimplexEdge;
      return e.from === child ? (net[child] as number) : -(net[child] as number);
    };
    const inSubtree = (v: number, child: number): boolean => {
      const l = lim[v] as number;
      return (low[child] as number) <= l && l <= (lim[child] as number);
    };
    index(root);
    let cursor = 0;
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      if ((iteration & 63) === 0) check();
      // the next tree edge with a negative cut value, searched cyclically
      let leaving = -1;
      for (let k = 0; k < order.length; k++) {
        const v = order[(cursor + k) % order.length] as number;
        if (v === root) continue;
        if (cutValue(v) < 0) {
          leaving = v;
          cursor = (cursor + k + 1) % order.length;
          break;
        }
      }
      if (leaving === -1) return;
      const tree = edges[parentEdge[leaving] as number] as SimplexEdge;
      // the tail side is the subtree when the tree edge points out of it
      const subtreeIsTail = tree.from === leaving;
      let entering = -1;
      let best = Number.POSITIVE_INFINITY;
      const first = low[leaving] as number;
      const last = lim[leaving] as number;
      for (let k = first - 1; k < last; k++) {
        const v = order[k] as number;
        for (const i of incident[v] as number[]) {
          if (inTree[i] === 1) continue;
          const e = edges[i] as SimplexEdge;
          const fromInside = inSubtree(e.from, leaving);
          const toInside = inSubtree(e.to, leaving);
          if (fromInside === toInside) continue;
          // an edge from the head side to the tail side
          if (subtreeIsTail ? !toInside : toInside) continue;
          const s = slack(i);
          if (s < best || (s === best && i < entering)) {
            best = s;
            entering = i;
          }
        }
      }
      if (entering === -1) return;
      const e = edges[entering] as SimplexEdge;
      const inside = inSubtree(e.to, leaving) ? e.to : e.from;
      const shift = inside === e.to ? -best : best;
      // the lowest common ancestor of the entering edge's ends, up from the end outside
      let top = inside === e.to ? e.from : e.to;
      while (!inSubtree(inside, top)) {
        const up = edges[parentEdge[top] as number] as SimplexEdge;
        top = up.from === top ? up.to : up.from;
      }
      for (let k = first - 1; k < last; k++) {
        const v = order[k] as number;
        value[v] = (value[v] as number) + shift;
      }
      inTree[parentEdge[leaving] as number] = 0;
      inTree[entering] = 1;
      index(top);
    }
  }
}

/** A binary min-heap of edge indexes by integer key; ties by the smaller edge index. */
class EdgeHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  peekKey(): number {
    return this.keys[0] as number;
  }

  peekValue(): number {
    return this.values[0] as number;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && (this.values[a] as number) < (this.values[b] as number));
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b] as number, this.keys[a] as number];
    [this.values[a], this.values[b]] = [this.values[b] as number, this.values[a] as number];
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.values[0] as number;
    const lastKey = this.keys.pop() as number;
    const lastValue = this.values.pop() as number;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
