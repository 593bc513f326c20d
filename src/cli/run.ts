import { runCli } from './bundle.js';

// The CLI from the TypeScript sources (`tsx src/cli/run.ts`). The built CLI starts from src/cli/start.ts.
process.exitCode = await runCli();
