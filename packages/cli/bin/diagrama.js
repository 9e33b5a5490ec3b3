#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ caches compiled code between runs; start-up is most of a render.
module.enableCompileCache?.();
await import('../dist/bundle/diagrama.js');
