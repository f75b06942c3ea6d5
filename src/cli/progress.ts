/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes, CI or
 * --json consumers' logs). It shows counts and file positions, never patient data.
 */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly enabled: boolean;
  private readonly started = Date.now();

  constructor(private readonly total: number, private readonly label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && total > 1;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  /** Erase the bar so a result line can be printed on a clean line; the next tick redraws it. */
  clear(): void {
    if (this.enabled && this.done > 0 && this.done < this.total) this.stream.write('\r\x1b[2K');
  }

  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = this.done / Math.max(elapsed, 1e-3);
    const remaining = Math.max(0, (this.total - this.done) / rate);
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}` +
        `${this.failed ? ` (${this.failed} failed)` : ''} ~${remaining.toFixed(0)}s left `,
    );
    if (this.done === this.total) this.stream.write('\n');
  }
}
