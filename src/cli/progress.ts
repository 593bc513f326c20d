/** A progress bar on stderr for large batches (cli-progress); only created for a terminal. */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** Batches smaller than this get no bar. */
export const PROGRESS_MIN_FILES = 10;

export async function startProgress(stream: NodeJS.WritableStream, total: number): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'clauselint {bar} {value}/{total} files {percentage}% | {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
