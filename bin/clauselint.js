#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle on disk between runs (the start-up of every
// pre-commit run); Node 20 has no such cache and starts as before.
module.enableCompileCache?.();
await import('../dist/src/cli/run.js');
