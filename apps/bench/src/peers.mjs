import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `pnpm bench:setup` installs the npm peers, apart from the project's own install. */
export const PEERS_DIR = fileURLToPath(new URL('../peers/', import.meta.url));
export const NPM_PEERS = { 'beautiful-mermaid': '1.1.3', '@terrastruct/d2': '0.1.33' };

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** The ES module entry of an installed npm peer, or undefined. */
export function peerEntry(name) {
  const manifestPath = `${PEERS_DIR}node_modules/${name}/package.json`;
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const dot =
    typeof manifest.exports === 'object' ? (manifest.exports['.'] ?? manifest.exports) : undefined;
  let target = dot?.import ?? dot?.default ?? manifest.module ?? manifest.main;
  if (target && typeof target === 'object') target = target.node ?? target.default;
  return `${PEERS_DIR}node_modules/${name}/${String(target).replace(/^\.\//, '')}`;
}

/** Loads an npm peer from the peers folder, or undefined when it is not installed. */
export async function loadNpmPeer(name) {
  const entry = peerEntry(name);
  return entry ? import(entry) : undefined;
}

/** Peers from Debian's packages: name, command, package. */
const DEBIAN_PEERS = [
  ['Graph::Easy', 'graph-easy', 'libgraph-easy-perl'],
  ['PlantUML', 'plantuml', 'plantuml'],
];

const debianVersion = (pkg) =>
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).stdout.trim() ||
  'installed';

/** Which peers are here, with their versions (or why not). */
export function peerStatus() {
  const status = {};
  for (const name of Object.keys(NPM_PEERS)) {
    const manifest = `${PEERS_DIR}node_modules/${name}/package.json`;
    status[name] = existsSync(manifest)
      ? {
          available: true,
          version: JSON.parse(spawnSync('cat', [manifest], { encoding: 'utf8' }).stdout).version,
        }
      : { available: false, why: 'not installed: run pnpm bench:setup' };
  }
  for (const [name, command, pkg] of DEBIAN_PEERS) {
    status[name] = has(command)
      ? { available: true, version: debianVersion(pkg) }
      : { available: false, why: `${command} not found: pnpm bench:setup installs ${pkg}` };
  }
  return status;
}

/** Graphviz `dot`, for the layout-quality comparison (not a timed peer). */
export function graphvizStatus() {
  return has('dot')
    ? { available: true, version: debianVersion('graphviz') }
    : { available: false, why: 'dot not found: pnpm bench:setup installs graphviz' };
}
