/** A problem with an input file that stops it from being read. The CLI prints it as one line and exits 2. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'InputError';
  }
}
