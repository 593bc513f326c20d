#!/usr/bin/env node
// V8 compiles a regular expression to machine code once it has run a little ("tier-up"). clauselint runs some
// hundreds of large patterns a few times each per document, so the compiling costs more than it saves: measured
// whole-process, CPU falls by a quarter on one 7.5 KB DPA and by 9% on the corpus's 44 Markdown files with the
// patterns kept as bytecode. The flag is set before any pattern is compiled (the CLI is imported after it) and holds
// for the worker threads too.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
await import('../dist/src/cli/run.js');
