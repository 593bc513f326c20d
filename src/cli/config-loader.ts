import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import { ConfigError, type ConfigObject } from '../config/resolve.js';
import { hostImport } from '../host-import.js';

const yamlLoader: Loader = async (filepath, content) => {
  const { parse } = await import('yaml');
  try {
    return parse(content) as unknown;
  } catch (err) {
    throw new ConfigError(filepath, '', `invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
};
const jsonLoader: Loader = (filepath, content) => {
  try {
    return JSON.parse(content) as unknown;
  } catch (err) {
    throw new ConfigError(filepath, '', `invalid JSON: ${(err as Error).message}`);
  }
};
// A JavaScript config's default export, as lilconfig's own loader gives it, through the host's import() (the
// built CLI's bundle cannot call import() itself: src/host-import.ts).
const moduleLoader: Loader = async (filepath) => (await hostImport<{ default?: unknown }>(pathToFileURL(filepath).href)).default;
const rcLoader: Loader = async (filepath, content) => (/^\s*[{[]/.test(content) ? jsonLoader(filepath, content) : yamlLoader(filepath, content));

export const SEARCH_PLACES = [
  'package.json',
  '.clauselintrc',
  '.clauselintrc.json',
  '.clauselintrc.yaml',
  '.clauselintrc.yml',
  '.clauselintrc.mjs',
  'clauselint.config.json',
  'clauselint.config.yaml',
  'clauselint.config.yml',
  'clauselint.config.mjs',
];

const explorer = lilconfig('clauselint', {
  searchPlaces: SEARCH_PLACES,
  loaders: { '.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader, '.mjs': moduleLoader, '.js': moduleLoader, '.cjs': moduleLoader, noExt: rcLoader },
});

/** Forget the configs found so far (each CLI run looks them up afresh). */
export function clearConfigCache(): void {
  explorer.clearCaches();
}

export interface LoadedConfig {
  file: string;
  config: ConfigObject;
}

/** The nearest config walking up from a file's folder (null when there is none). */
export async function findConfig(forFile: string): Promise<LoadedConfig | null> {
  try {
    const r = await explorer.search(dirname(resolve(forFile)));
    if (!r || r.isEmpty) return r ? { file: r.filepath, config: {} } : null;
    return { file: r.filepath, config: r.config as ConfigObject };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError('config', '', (err as Error).message);
  }
}

/** A config named with --config. */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  const file = resolve(path);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(path, '', 'cannot read the config file');
  }
  try {
    const r = await explorer.load(file);
    return { file, config: (r?.config ?? {}) as ConfigObject };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if (/\.(json)$/.test(file) || /^\s*[{[]/.test(content)) return { file, config: jsonLoader(file, content) as ConfigObject };
    throw new ConfigError(path, '', (err as Error).message);
  }
}
