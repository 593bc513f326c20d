#!/usr/bin/env node
// The CLI's start-up module loads the bundle with V8's code cache (src/cli/code-cache.ts); Node 22.1 and later
// also keep the compiled code of this small module between runs.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/src/cli/run.js');
