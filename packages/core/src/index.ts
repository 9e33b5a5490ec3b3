// The model: its types and their allowed values
export type {
  Alignment,
  Annotation,
  AnnotationPlace,
  BorderStyle,
  CaptionPlace,
  Connection,
  ConnectionDirection,
  ConnectionHints,
  ContainerKind,
  Diagram,
  FlowAxis,
  FlowDirection,
  HostNode,
  LayerNode,
  LeafKind,
  LeafNode,
  LineStyle,
  Node,
  NodeHints,
  NodeKind,
  NoteEnd,
  NoteSide,
  Side,
  Spacing,
  StackLayout,
  StackNode,
  TitlePlace,
} from './model/types.js';
export {
  ALIGNMENTS,
  ANNOTATION_PLACES,
  BORDER_STYLES,
  CAPTION_PLACES,
  CONNECTION_DIRECTIONS,
  FLOW_AXES,
  FLOW_DIRECTIONS,
  isContainer,
  isContainerKind,
  LINE_STYLES,
  NODE_KINDS,
  NOTE_ENDS,
  NOTE_SIDES,
  SIDES,
  STACK_LAYOUTS,
  TITLE_PLACES,
} from './model/types.js';

// Building a model in code
export type { NodeOptions } from './model/builder.js';
export {
  api,
  box,
  client,
  connect,
  daemon,
  database,
  diagram,
  external,
  fromOutside,
  group,
  host,
  layer,
  queue,
  stack,
  toOutside,
  user,
} from './model/builder.js';
export type {
  AnnotationInput,
  ConnectionHintsInput,
  ConnectionInput,
  DiagramInput,
  NodeHintsInput,
  NodeInput,
} from './model/input.js';

// Validating and transforming a model
export { describeDiagram } from './model/describe.js';
export { slugify } from './model/ids.js';
export type { CheckOptions, CheckResult } from './model/parse.js';
export { adviseDiagram } from './model/advice.js';
export { checkDiagram, parseDiagram } from './model/parse.js';
export { stripHints } from './model/transform.js';
export { walkNodes } from './model/walk.js';

// JSON Schema
export { diagramJsonSchema, SCHEMA_ID } from './model/schema.js';

// Layout: model → scene
export { KIND_BORDERS, SHAPE_INSETS } from './layout/chrome.js';
export { fitWidth, wrapText } from './layout/fit-width.js';
export type { LayoutOptions } from './layout/model-to-scene.js';
export { modelToScene } from './layout/model-to-scene.js';

// The positioned scene
export { boxesById } from './scene/lookup.js';
export type { SceneMetrics } from './scene/metrics.js';
export { sceneMetrics } from './scene/metrics.js';
export type {
  Point,
  Scene,
  SceneBox,
  SceneConnector,
  SceneDivider,
  SceneText,
  SceneTextRole,
} from './scene/types.js';
export { SCENE_VERSION } from './scene/types.js';

// Text width
export type { DisplayLine, Grapheme } from './text/width.js';
export {
  displayGraphemes,
  isPlainLine,
  TAB_WIDTH,
  textWidth,
  toDisplayLines,
} from './text/width.js';

// Limits on untrusted input
export type { Limits } from './limits.js';
export { DEFAULT_LIMITS, limitMessage, raiseLimit, resolveLimits } from './limits.js';

// Errors and diagnostics
export type { Diagnostic, ModelPath, SourcePosition } from './errors.js';
export {
  aKind,
  count,
  DiagramaError,
  escapeForTerminal,
  formatDiagnostic,
  formatPath,
  isDiagramaError,
  QUOTE_LIMIT,
  quote,
  shortened,
} from './errors.js';
