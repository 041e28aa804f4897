import { PiiFinding, type Lang } from '../../src/contract/index.js';
import { detectPii, findOwnEmail } from '../../src/contract/pii-detect.js';
import { firstNames } from '../../src/contract/data/first-names.js';
import { readJsonOr, STORED } from '../store/json.js';

/** The detector as the server runs it: with the first-names list (names are found after a civility without it). */
export function detectOnServer(fields: { title?: string; body?: string }): PiiFinding[] {
  return detectPii(fields, { firstNames: firstNames() });
}

/** The author's own contact e-mail, however the title or story writes it: always to be masked. */
export function ownEmailFindings(text: TestimonyText, email: string | null | undefined): PiiFinding[] {
  if (!email) return [];
  return (['title', 'body'] as const).flatMap((field) =>
    findOwnEmail(text[field], email).map(({ start, end }) => ({ field, kind: 'email' as const, start, end })),
  );
}

/** What replaces personal data in a published text, in the testimony's language. */
export const MASK_TEXT: Record<Lang, string> = { fr: '[donnée masquée]', en: '[personal data removed]' };

export interface TestimonyText {
  title: string;
  body: string;
}

export interface Masked extends TestimonyText {
  /** Findings left unmasked, with their positions moved to the new text. */
  remaining: PiiFinding[];
}

const FIELDS = ['title', 'body'] as const;

/** Stored findings, keeping only well-formed ones that fit the text (a bad row must not break moderation). */
export function readFindings(json: string, text: TestimonyText): PiiFinding[] {
  return readJsonOr(json, STORED.items, []).flatMap((item) => {
    const parsed = PiiFinding.safeParse(item);
    if (!parsed.success) return [];
    const f = parsed.data;
    const length = text[f.field].length;
    const start = Math.min(f.start, length);
    const end = Math.min(f.end, length);
    return end > start ? [{ ...f, start, end }] : [];
  });
}

/**
 * Every place where one of these exact strings appears (case-insensitive), as findings. Used to keep
 * flagged text flagged after an agent's edit, and to flag the author's contact e-mail if the story repeats it.
 */
export function occurrences(text: TestimonyText, needles: readonly { value: string; kind: PiiFinding['kind'] }[]): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const field of FIELDS) {
    const haystack = text[field].toLowerCase();
    for (const { value, kind } of needles) {
      const needle = value.toLowerCase();
      if (needle.length < 3) continue;
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
        out.push({ field, kind, start: at, end: at + needle.length });
      }
    }
  }
  return out;
}

/** Findings plus extra ones, without two findings for the same characters. */
export function withFindings(findings: readonly PiiFinding[], extra: readonly PiiFinding[]): PiiFinding[] {
  const out = [...findings];
  for (const f of extra) {
    if (!out.some((o) => o.field === f.field && o.start <= f.start && f.end <= o.end)) out.push(f);
  }
  return out.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
}

/**
 * After an agent rewrites a field, the findings of that field no longer point anywhere; what they pointed at
 * stays flagged wherever it still appears in the new text (so re-typing a number does not unflag it).
 */
export function findingsAfterEdit(before: TestimonyText, findings: readonly PiiFinding[], after: TestimonyText): PiiFinding[] {
  const kept = findings.filter((f) => before[f.field] === after[f.field]);
  const carried = FIELDS.filter((field) => before[field] !== after[field]).flatMap((field) =>
    occurrences(
      { title: field === 'title' ? after.title : '', body: field === 'body' ? after.body : '' },
      findings.map((f) => ({ value: before[f.field].slice(f.start, f.end), kind: f.kind })),
    ),
  );
  return withFindings(kept, carried);
}

interface Range {
  start: number;
  end: number;
}

function merge(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * Replaces the selected findings (all when `selected` is undefined) with the mask text. A finding that overlaps
 * a masked one is masked with it; the others keep pointing at the same characters in the new text.
 */
export function maskFindings(
  text: TestimonyText,
  findings: readonly PiiFinding[],
  mask: string,
  selected?: ReadonlySet<number>,
): Masked {
  const out: Masked = { title: text.title, body: text.body, remaining: [] };
  for (const field of FIELDS) {
    const mine = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.field === field);
    let ranges = merge(mine.filter(({ index }) => !selected || selected.has(index)).map(({ f }) => f));
    let others = mine.filter(({ index }) => selected && !selected.has(index)).map(({ f }) => f);
    // A finding overlapping a masked range would point into the mask: mask it too.
    for (;;) {
      const overlapping = others.filter((f) => ranges.some((r) => f.start < r.end && r.start < f.end));
      if (!overlapping.length) break;
      ranges = merge([...ranges, ...overlapping]);
      others = others.filter((f) => !overlapping.includes(f));
    }
    const source = text[field];
    let result = '';
    let cursor = 0;
    for (const r of ranges) {
      result += source.slice(cursor, r.start) + mask;
      cursor = r.end;
    }
    out[field] = result + source.slice(cursor);
    for (const f of others) {
      const shift = ranges.filter((r) => r.end <= f.start).reduce((sum, r) => sum + mask.length - (r.end - r.start), 0);
      out.remaining.push({ ...f, start: f.start + shift, end: f.end + shift });
    }
  }
  return out;
}
