// One layout + text rendering of the scale model in a fresh process, so that its peak memory
// is this render's alone: `node scale-once.mjs <hosts> <perHost>` prints JSON.
import { modelToScene, parseDiagram } from '@diagrama/core';
import { sceneToText } from '@diagrama/render-ascii';
import { scaleModel } from './scale.mjs';

const hosts = Number(process.argv[2]);
const perHost = Number(process.argv[3]);
const limits = { maxNodes: 1_000_000, maxConnections: 1_000_000, timeBudgetMs: 600_000 };
const input = scaleModel(hosts, perHost);
const start = performance.now();
const text = sceneToText(modelToScene(parseDiagram(input, { limits }), { limits }));
const ms = performance.now() - start;
// maxRSS is in kilobytes
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, peakMb, bytes: text.length }));
