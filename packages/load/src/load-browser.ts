import { type LoadedDiagram, type LoadOptions, loadWith } from './load.js';
import { parseYamlFully } from './yaml.js';

/**
 * Parses and validates a diagram from YAML or JSON text. Throws a `DiagramaError` whose
 * diagnostics all carry `file:line:col` — syntax errors and model errors alike. (In the
 * browser YAML is read by the `yaml` package alone: same answers, a smaller bundle.)
 */
export function loadDiagram(text: string, options: LoadOptions = {}): LoadedDiagram {
  return loadWith(parseYamlFully, text, options);
}
