/**
 * V8 runs a regular expression first in its bytecode interpreter and compiles it to machine code only when it runs
 * again ("tier-up") — at once, though, when the first string it runs on is 1,000 characters or longer. clauselint's
 * large patterns (the catalogue's vendor wordings, the documents that carry clauses, the detectors' patterns built
 * from parts, some 50–190 KB of bytecode each) run a few times in a one-file run, so the bytecode and its slow first
 * run cost more than they save. `native` runs a pattern once on a long string no pattern can match, which makes V8
 * compile it to machine code straight away. With the catalogue's tables compiled per clause when first needed
 * (detect/locate.ts), a one-file run (the corpus's 22 KB USDR model DPA, --preset outsourcing) took 0.37 s instead
 * of 0.41 s, medians of 31 paired whole-process runs; outputs unchanged.
 *
 * Used on the patterns built from parts (module constants made with `new RegExp`), the catalogue's compiled tables,
 * and the module patterns of 20 KB of bytecode or more in a traced one-file run (`node --print-regexp-bytecode`);
 * a small pattern compiles quickly either way. Only for patterns built once, never in a loop. If V8 drops the
 * heuristic, the call costs a failed match and nothing else changes.
 */
const UNMATCHABLE = '\u0001'.repeat(1000);

export function native<T extends RegExp>(re: T): T {
  re.test(UNMATCHABLE);
  re.lastIndex = 0;
  return re;
}
