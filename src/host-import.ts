/**
 * `import()` of a module that is not in clauselint's bundle: a user's config or plugin file, piscina, pdf.js.
 *
 * The built CLI runs its bundle as a script compiled with V8's code cache (src/cli/code-cache.ts), and a script
 * compiled that way cannot call `import()` on Node 20 (the host hook is the module loader's, and it is missing for
 * code read back from the cache). The start-up module, an ordinary ES module, lends its own `import()` under this
 * key; from the TypeScript sources (tests, tsx) there is none, and the plain `import()` runs.
 */
export const HOST_IMPORT = Symbol.for('clauselint.hostImport');

type Importer = (specifier: string) => Promise<unknown>;

export function hostImport<T = unknown>(specifier: string): Promise<T> {
  const host = (globalThis as { [HOST_IMPORT]?: Importer })[HOST_IMPORT];
  return (host ? host(specifier) : import(specifier)) as Promise<T>;
}
