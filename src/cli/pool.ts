import type { LintResult, LintTask, ReadResult } from './lint-file.js';
import { timedOut } from './io.js';
import { hostImport } from '../host-import.js';

/** The worker script beside this module: worker.js when built; from the sources (tests, tsx) a bootstrap that registers tsx first. */
function workerSpec(): { filename: string; execArgv?: string[] } {
  if (import.meta.url.endsWith('.ts')) return { filename: new URL('./worker-tsx.mjs', import.meta.url).href, execArgv: [] };
  return { filename: new URL('./worker.js', import.meta.url).href };
}

/**
 * A pool of worker threads (piscina) that lints one file per task. A file's timeout on a worker is hard: it runs
 * from when the worker starts the file (the worker says so), and the worker is then terminated (piscina starts
 * another), so a file stuck in one stage never holds the others up. Used for a batch (src/cli/batch.ts) and, kept
 * alive, by `clauselint serve`.
 */
export class LintPool {
  private readonly onStart = new Map<number, () => void>();
  private nextId = 0;

  private constructor(private readonly pool: import('piscina').Piscina<LintTask, LintResult | ReadResult>) {
    pool.on('message', (msg: unknown) => {
      const id = (msg as Partial<import('./worker.js').StartedMessage> | null)?.clauselintStarted;
      if (typeof id === 'number') this.onStart.get(id)?.();
    });
  }

  static async create(threads: number, idleTimeout = 1000): Promise<LintPool> {
    const { Piscina } = await hostImport<typeof import('piscina')>('piscina');
    return new LintPool(new Piscina<LintTask, LintResult | ReadResult>({ ...workerSpec(), minThreads: threads, maxThreads: threads, idleTimeout }));
  }

  /** Lint one file; a failure or a timeout is a result, never a rejection. */
  run(task: LintTask): Promise<LintResult> {
    return this.submit({ ...task, readOnly: false }) as Promise<LintResult>;
  }

  /** Only read one file into the document model (a pack's files, linted together afterwards). */
  read(task: LintTask): Promise<ReadResult> {
    return this.submit({ ...task, readOnly: true }) as Promise<ReadResult>;
  }

  private submit(task: LintTask): Promise<LintResult | ReadResult> {
    const failed = (err: unknown): LintResult => ({ ok: false, error: `${task.readOnly ? 'cannot read' : 'lint failed'}: ${(err as Error).message.split('\n')[0]}` });
    const seconds = task.timeout;
    if (!seconds) return this.pool.run(task).then((r) => r, failed);
    const id = this.nextId++;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    this.onStart.set(id, () => {
      timer = setTimeout(() => abort.abort(), seconds * 1000);
    });
    return this.pool.run({ ...task, id }, { signal: abort.signal }).then(
      (r) => r,
      (err: unknown): LintResult | ReadResult => (abort.signal.aborted ? { ok: false, error: timedOut(seconds) } : failed(err)),
    ).finally(() => {
      clearTimeout(timer);
      this.onStart.delete(id);
    });
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
