/**
 * `import()` of a module that is not in clauselint's bundle: a user's config or plugin file, piscina, pdf.js.
 *
 * The built CLI runs its bundle as a `vm.Script` with V8's code cache (src/cli/code-cache.ts). Such a script has
 * no `import()` of its own on Node 20: without an `importModuleDynamically` hook it throws
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, and the hook that would lend it the main loader's is experimental there
 * (a warning on every run) and was missing again for a script read back from the cache. The start-up module, an
 * ordinary ES module, lends its own `import()` under this key; from the TypeScript sources (tests, tsx) there is
 * none, and the plain `import()` runs.
 */
export const HOST_IMPORT = Symbol.for('clauselint.hostImport');

type Importer = (specifier: string) => Promise<unknown>;

export function hostImport<T = unknown>(specifier: string): Promise<T> {
  const host = (globalThis as { [HOST_IMPORT]?: Importer })[HOST_IMPORT];
  return (host ? host(specifier) : import(specifier)) as Promise<T>;
}
