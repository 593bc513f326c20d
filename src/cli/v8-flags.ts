import { setFlagsFromString } from 'node:v8';

/**
 * V8 runs a regular expression first in its bytecode interpreter and compiles it to machine code when it runs again
 * ("tier-up"). clauselint's patterns nearly all run many times on a document, so each paid two compilations, and
 * compiling them is the largest single cost of a one-file run (about 40% of the process before this). With tier-up
 * off, a pattern is compiled once, to machine code, when it first runs, and only for the kind of string (one-byte
 * or two-byte) it meets. On the corpus's 22 KB USDR model DPA (`--preset outsourcing`, whole process, with the code
 * cache) a run took 0.74× the time, and a batch of the 44 corpus Markdown files 0.89× (paired runs; see the commit).
 * Outputs are unchanged: the flag changes how a pattern is compiled, never what it matches.
 *
 * Set by the CLI's start-up before any of its own patterns runs (worker threads share the process's flags; they
 * are started later, from the main thread). V8 reads this flag when it compiles a pattern, so setting it at run
 * time is safe; Node leaves V8's flags unfrozen (`--no-freeze-flags-after-init`) for `v8.setFlagsFromString`.
 */
export function compileRegExpsOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}
