import { basename } from 'node:path';
import type { Progress } from './importer.js';

/**
 * A one-line progress bar on a terminal (stderr, so the report on stdout stays clean when redirected). Silent
 * when the stream is not a terminal, and for small files where it would only flicker.
 */
export function progressBar(stream: NodeJS.WriteStream, minBytes = 1 << 20): { update(p: Progress): void; done(): void } {
  let last = 0;
  let shown = false;
  const width = 30;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    update(p) {
      if (!stream.isTTY || p.totalBytes < minBytes) return;
      const now = Date.now();
      const complete = p.bytesRead >= p.totalBytes;
      if (!complete && now - last < 100) return;
      last = now;
      const ratio = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
      const filled = Math.round(ratio * width);
      const line = `${basename(p.file)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)} %  ${p.rows} rows`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 80) - 1)}`);
      shown = true;
    },
    done: clear,
  };
}
