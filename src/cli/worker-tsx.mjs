// The worker entry when clauselint runs from its TypeScript sources (tests, `tsx src/cli/run.ts`):
// Node 20 runs no TypeScript, so tsx is registered before the worker module is loaded.
// The built CLI uses dist/src/cli/worker.js directly.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
