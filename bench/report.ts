/** Formatting for the bench report: aligned text tables, units, verdicts against budgets. */

import { prng } from '../server/seed/results.js';

export type Verdict = 'ok' | 'OVER' | 'FAIL' | '';

export function verdict(withinBudget: boolean | undefined): Verdict {
  return withinBudget === undefined ? '' : withinBudget ? 'ok' : 'OVER';
}

export const kb = (bytes: number | null | undefined): string => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
export const ms = (value: number | null | undefined, digits = 0): string => (value == null ? '–' : `${value.toFixed(digits)} ms`);
export const ratio = (value: number | null | undefined): string => (value == null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);
export const count = (value: number | null | undefined): string => (value == null ? '–' : value.toLocaleString('en-US'));
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A text table: first row is the header; columns after the first are right-aligned unless `left` lists them. */
export function table(rows: string[][], options: { left?: number[]; indent?: string } = {}): string {
  const left = new Set([0, ...(options.left ?? [])]);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const line = (row: string[]) =>
    (options.indent ?? '  ') +
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        return left.has(i) ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  const rule = (options.indent ?? '  ') + widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100) of raw samples. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * How far the ratio of two medians, `median(a) / median(b)`, could be from the one measured, given how scattered
 * the samples are: a percentile bootstrap (each side resampled with replacement, `resamples` times), its central
 * `level` interval. Seeded, so the same samples always print the same interval. Null with fewer than 3 samples.
 */
export function medianRatioInterval(
  a: number[],
  b: number[],
  { level = 0.9, resamples = 2000, seed = 1 }: { level?: number; resamples?: number; seed?: number } = {},
): [number, number] | null {
  if (a.length < 3 || b.length < 3) return null;
  const random = prng(seed);
  const resample = (values: number[]) => median(values.map(() => values[Math.floor(random() * values.length)]!))!;
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) ratios.push(resample(a) / resample(b));
  const tail = ((1 - level) / 2) * 100;
  return [percentile(ratios, tail)!, percentile(ratios, 100 - tail)!];
}

/** Progress goes to stderr so that stdout holds only the report. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
