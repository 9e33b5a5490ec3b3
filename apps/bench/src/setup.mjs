// pnpm bench:setup — installs the peers the benchmarks compare against, outside the project's
// normal install: npm peers into apps/bench/peers/, Debian packages with apt-get.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { NPM_PEERS, PEERS_DIR, peerStatus } from './peers.mjs';

mkdirSync(PEERS_DIR, { recursive: true });
writeFileSync(
  `${PEERS_DIR}package.json`,
  `${JSON.stringify({ name: 'diagrama-bench-peers', private: true, type: 'module' }, null, 2)}\n`,
);
const specs = Object.entries(NPM_PEERS).map(([name, version]) => `${name}@${version}`);
const npm = spawnSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--prefix', PEERS_DIR, ...specs],
  { stdio: 'inherit' },
);
if (npm.status !== 0) console.error('bench:setup: the npm peers could not be installed');
const apt = ['libgraph-easy-perl', 'libgraph-easy-as-svg-perl', 'plantuml', 'graphviz'];
if (process.getuid?.() === 0) {
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', ...apt], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) console.error(`bench:setup: apt-get could not install ${apt.join(' ')}`);
} else {
  console.error(`bench:setup: not root; install with: sudo apt-get install ${apt.join(' ')}`);
}
for (const [name, status] of Object.entries(peerStatus())) {
  console.log(
    `${name.padEnd(20)} ${status.available ? `ok ${status.version}` : `MISSING — ${status.why}`}`,
  );
}
