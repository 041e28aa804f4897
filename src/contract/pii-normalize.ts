/**
 * What the personal-data detector looks at: the text with its disguises removed, and where each character came
 * from. Format characters (zero-width space, joiners, soft hyphen, bidi marks) are dropped, each character is
 * NFKC-normalised with its combining marks (full-width digits and "＠" become ASCII), every space becomes " ",
 * every dash "-" and every apostrophe "'". Findings are made on this text and mapped back to the UTF-16 offsets
 * of the text as typed, so masking replaces exactly what the citizen wrote, disguises included.
 */
export interface Normalized {
  text: string;
  /** For each UTF-16 unit of `text`: the `[start, end)` it comes from in the original. */
  starts: number[];
  ends: number[];
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const FORMAT = /^\p{Cf}+$/u;
const SPACE = /^[\p{Zs}\t]$/u;
const DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/u;
const APOSTROPHE = /^[\u2018\u2019\u02BC\u2032\uFF07`´]$/u;

export function normalizeForDetection(original: string): Normalized {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const cluster = m[0];
    if (FORMAT.test(cluster)) continue;
    const mapped = SPACE.test(cluster) ? ' ' : DASH.test(cluster) ? '-' : APOSTROPHE.test(cluster) ? "'" : cluster.normalize('NFKC');
    for (let i = 0; i < mapped.length; i++) {
      starts.push(m.index);
      ends.push(m.index + cluster.length);
    }
    text += mapped;
  }
  return { text, starts, ends };
}

/** The original `[start, end)` of a normalised `[start, end)`. */
export function originalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

/** Lower case without accents: how names and keywords are compared. */
export const fold = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
