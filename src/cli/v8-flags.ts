import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a run of the CLI, which lints for a fraction of a second to a few seconds: V8's defaults are
 * tuned for long-lived programs. Set by the CLI's start-up before any of its own code runs (worker threads share the
 * process's flags; they are started later, from the main thread); Node leaves V8's flags unfrozen
 * (`--no-freeze-flags-after-init`) for `v8.setFlagsFromString`. Neither changes what the code computes.
 *
 * - `--regexp-tier-up-ticks=0`: V8 runs a regular expression first in its bytecode interpreter and compiles it
 *   again, to machine code, when it runs a second time. Nearly all of clauselint's patterns run many times on a
 *   document, so each paid two compilations, the largest cost of a one-file run. With no interpreter runs before
 *   tiering up, a pattern is compiled once, to machine code, when it first runs, and only for the kind of string
 *   (one-byte or two-byte) it meets. One file (the corpus's 22 KB USDR model DPA, `--preset outsourcing`): 0.74×
 *   the time; the 44 corpus Markdown files on worker threads: 0.89–0.95× (measured with `--no-regexp-tier-up`,
 *   which compiles the same: 2 bytecode and 530 machine-code compilations in the DPA run with either flag, and this
 *   one runs in 0.97× its time).
 *   Not `--no-regexp-tier-up`, which gave the same and was set here before: turned off at run time, it crashes
 *   Node 20 (a segmentation fault) when a pattern compiled to bytecode before runs again afterwards — a pattern of
 *   Node's own, compiled at its start-up, is enough, and the CLI died so in a test run. With tiering left on and
 *   only the count changed, such a pattern tiers up as it would have. test/built-cli.test.ts runs the CLI with
 *   patterns compiled before it starts and run after it has set its flags.
 * - `--interrupt-budget` at four times V8's default (66 KB of bytecode run before a function is considered for
 *   TurboFan): fewer functions optimized that a short run never repays, and less compiling on background threads
 *   that compete with two workers on a two-core machine. The 44 corpus Markdown files: 0.81–0.84× the time;
 *   12 files in-process: 0.94×; one file and the 63,000-word DOCX: 1.00–1.02× (no change); CPU time 0.8–0.9× in
 *   each.
 *
 * Whole-process medians of paired runs against the same build without the flag (see the commits).
 */
export function setV8FlagsForLinting(): void {
  setFlagsFromString('--regexp-tier-up-ticks=0');
  setFlagsFromString('--interrupt-budget=270336');
}
