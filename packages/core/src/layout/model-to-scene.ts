import { DiagramaError, type ModelPath } from '../errors.js';
import { LIMIT_FLAGS, type Limits, limitMessage, resolveLimits } from '../limits.js';
import { describeDiagram } from '../model/describe.js';
import type { Connection, Diagram, Node } from '../model/types.js';
import { SCENE_VERSION, type Scene } from '../scene/types.js';
import { type Block, type LayoutContext, pairKey } from './block.js';
import { measureFlowDown } from './flow.js';
import { measureHost } from './host.js';
import { measureLeaf } from './leaf.js';
import { measureStack } from './stack.js';

type Measure = (node: Node, path: ModelPath, context: LayoutContext) => Block;

/** One measuring handler per node kind. */
const MEASURE_BY_KIND: Readonly<Record<Node['kind'], Measure>> = {
  host: (node, path, context) =>
    measureHost(node as Extract<Node, { kind: 'host' }>, path, context),
  stack: (node, path, context) =>
    measureStack(node as Extract<Node, { kind: 'stack' }>, path, context),
  client: measureLeaf,
  api: measureLeaf,
  daemon: measureLeaf,
  box: measureLeaf,
  layer: measureLeaf,
};

/** Options for {@link modelToScene}. */
export interface LayoutOptions {
  /** Limits on the picture's size and the time spent; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /**
   * Cancels the layout (a request that went away) with `limit/time-budget`. The wall-clock
   * budget itself is `limits.timeBudgetMs`, checked as the layout goes.
   */
  signal?: AbortSignal;
}

function aborted(limits: Limits): DiagramaError {
  return new DiagramaError([
    {
      code: 'limit/time-budget',
      message: `laying out the diagram took longer than its budget of ${limits.timeBudgetMs} ms (raise it with ${LIMIT_FLAGS.timeBudgetMs}, or the \`timeBudgetMs\` option)`,
      expected: 'a smaller diagram, or a larger budget',
    },
  ]);
}

function measureNode(node: Node, path: ModelPath, context: LayoutContext): Block {
  const handler = MEASURE_BY_KIND[node.kind];
  if (handler === undefined) throw new Error(`no layout for node kind ${String(node.kind)}`);
  return handler(node, path, context);
}

/**
 * Lays a validated diagram out in whole character cells and returns the positioned scene
 * every renderer draws. Pure: the same diagram always gives the same scene. Throws a
 * `DiagramaError` when the diagram cannot be laid out (a width hint too small, a connection
 * between nodes that are not neighbours).
 */
export function modelToScene(diagram: Diagram, options: LayoutOptions = {}): Scene {
  const limits = resolveLimits(options.limits);
  const signal = options.signal;
  if (signal?.aborted) throw aborted(limits);
  const deadline = performance.now() + limits.timeBudgetMs;
  const pending = new Map<string, Connection>();
  const connectionPaths = new Map<string, ModelPath>();
  const context: LayoutContext = {
    pending,
    connectionPaths,
    diagnostics: [],
    diagramCaptions: [],
    measure: (node, path) => {
      if (signal?.aborted || performance.now() > deadline) throw aborted(limits);
      return measureNode(node, path, context);
    },
  };
  const duplicates: Connection[] = [];
  diagram.connections.forEach((connection, index) => {
    connectionPaths.set(connection.id, ['connections', index]);
    const key = pairKey(connection.from, connection.to);
    if (pending.has(key)) duplicates.push(connection);
    else pending.set(key, connection);
  });
  const root = measureFlowDown(
    '(root)',
    diagram.nodes.map((node, index) => ({ node, path: ['nodes', index] })),
    context,
  );
  for (const connection of [...pending.values(), ...duplicates]) {
    context.diagnostics.push({
      code: 'layout/unsupported-connection',
      message: `cannot draw ${connection.from} → ${connection.to}: this version draws connections only between neighbours in the same container`,
      path: connectionPaths.get(connection.id) ?? ['connections'],
      expected:
        'two nodes next to each other in the same host (or at the top level), one below the other',
    });
  }
  if (root.width * root.height > limits.maxCanvasCells) {
    context.diagnostics.push({
      code: 'limit/canvas',
      message: limitMessage(
        'maxCanvasCells',
        `the picture (${root.width} × ${root.height} cells) has`,
        root.width * root.height,
        limits,
      ),
      path: [],
      expected: `at most ${limits.maxCanvasCells} cells`,
    });
  }
  if (context.diagnostics.length > 0) throw new DiagramaError(context.diagnostics);
  const captions = context.diagramCaptions.flatMap(({ owner, lines }) =>
    lines.map((line, index) => ({ owner, line, index })),
  );
  const scene: Scene = {
    version: SCENE_VERSION,
    width: captions.reduce((max, { line }) => Math.max(max, line.width), root.width),
    height: root.height + captions.length,
    title: diagram.title ?? diagram.nodes[0]?.label.split('\n')[0] ?? 'diagram',
    description: describeDiagram(diagram),
    boxes: [],
    dividers: [],
    connectors: [],
    texts: [],
  };
  root.place(0, 0, 0, scene);
  captions.forEach(({ owner, line, index }, row) => {
    scene.texts.push({
      id: `${owner}:caption:${index}`,
      owner,
      role: 'caption',
      x: 0,
      y: root.height + row,
      width: line.width,
      text: line.text,
      align: 'left',
    });
  });
  return scene;
}
