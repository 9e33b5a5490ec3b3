import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkSimplex, type SimplexEdge } from './simplex.js';

const cost = (values: Int32Array, edges: readonly SimplexEdge[]): number =>
  edges.reduce((sum, e) => sum + e.weight * ((values[e.to] ?? 0) - (values[e.from] ?? 0)), 0);

const feasible = (values: Int32Array, edges: readonly SimplexEdge[]): boolean =>
  edges.every((e) => (values[e.to] ?? 0) - (values[e.from] ?? 0) >= e.minlen);

const edge = (from: number, to: number, minlen = 1, weight = 1): SimplexEdge => ({
  from,
  to,
  minlen,
  weight,
});

/**
 * A random acyclic graph: `n` nodes in a range and edges from lower to higher node numbers,
 * each with its minlen and weight up to the bounds given.
 */
const dag = (
  nodes: { min: number; max: number },
  bounds: { minlen: number; weight: number; edges: (n: number) => fc.ArrayConstraints },
) =>
  fc.integer(nodes).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc
        .array(
          fc.record({
            a: fc.integer({ min: 0, max: n - 1 }),
            b: fc.integer({ min: 0, max: n - 1 }),
            minlen: fc.integer({ min: 0, max: bounds.minlen }),
            weight: fc.integer({ min: 0, max: bounds.weight }),
          }),
          bounds.edges(n),
        )
        .map((raw) =>
          raw
            .filter((r) => r.a !== r.b)
            .map((r) => edge(Math.min(r.a, r.b), Math.max(r.a, r.b), r.minlen, r.weight)),
        ),
    ),
  );

describe('networkSimplex', () => {
  it('ranks a chain one apart', () => {
    expect([...networkSimplex(3, [edge(0, 1), edge(1, 2)])]).toEqual([0, 1, 2]);
  });

  it('pulls a source down next to its only target (longest path would not)', () => {
    // 0 → 1 → 2 → 3, and 4 → 3: 4 belongs at rank 2, not 0
    const values = networkSimplex(5, [edge(0, 1), edge(1, 2), edge(2, 3), edge(4, 3)]);
    expect([...values]).toEqual([0, 1, 2, 3, 2]);
  });

  it('balances a diamond with a long side', () => {
    const edges = [edge(0, 1), edge(1, 2), edge(2, 3), edge(0, 4), edge(4, 3)];
    const values = networkSimplex(5, edges);
    expect(feasible(values, edges)).toBe(true);
    expect(cost(values, edges)).toBe(6);
  });

  it('solves each connected part on its own, from 0', () => {
    const values = networkSimplex(4, [edge(0, 1, 3), edge(2, 3, 2)]);
    expect([...values]).toEqual([0, 3, 0, 2]);
  });

  it('finds the optimum on small random graphs (checked by brute force)', () => {
    fc.assert(
      fc.property(
        dag({ min: 2, max: 5 }, { minlen: 2, weight: 3, edges: () => ({ maxLength: 8 }) }),
        ([n, edges]) => {
          const values = networkSimplex(n, edges);
          expect(feasible(values, edges)).toBe(true);
          // brute force over values 0..6 (enough: minlen ≤ 2, at most 5 nodes)
          let best = Number.POSITIVE_INFINITY;
          const current = new Int32Array(n);
          const search = (k: number): void => {
            if (k === n) {
              if (feasible(current, edges)) best = Math.min(best, cost(current, edges));
              return;
            }
            for (let v = 0; v <= 8; v++) {
              current[k] = v;
              search(k + 1);
            }
          };
          search(0);
          expect(cost(values, edges)).toBe(best);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds the same optimum however the nodes are numbered, on graphs that need many pivots', () => {
    // a pivot numbers only the subtree it changed: a slip there would stop early somewhere,
    // and a different numbering of the nodes gives a different tree and different pivots
    fc.assert(
      fc.property(
        dag(
          { min: 6, max: 40 },
          { minlen: 3, weight: 4, edges: (n) => ({ minLength: n, maxLength: 3 * n }) },
        ),
        ([n, edges]) => {
          const values = networkSimplex(n, edges, { maxIterations: 100_000 });
          expect(feasible(values, edges)).toBe(true);
          const flip = (v: number) => n - 1 - v;
          const flipped = edges.map((e) => edge(flip(e.to), flip(e.from), e.minlen, e.weight));
          const mirror = networkSimplex(n, flipped.reverse(), { maxIterations: 100_000 });
          expect(feasible(mirror, flipped)).toBe(true);
          // the mirror problem's optimum costs as much (values negated and shifted)
          expect(cost(mirror, flipped)).toBe(cost(values, edges));
          // and no single node moves a step to a cheaper feasible answer
          for (let v = 0; v < n; v++) {
            for (const step of [-1, 1]) {
              const moved = Int32Array.from(values);
              moved[v] = (moved[v] as number) + step;
              if (feasible(moved, edges)) {
                expect(cost(moved, edges)).toBeGreaterThanOrEqual(cost(values, edges));
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays feasible when the pivot bound is reached', () => {
    const edges: SimplexEdge[] = [];
    for (let i = 0; i + 1 < 60; i++) edges.push(edge(i, i + 1, 1, 1), edge(0, i + 1, 0, 3));
    const values = networkSimplex(60, edges, { maxIterations: 1 });
    expect(feasible(values, edges)).toBe(true);
  });
});
