import type { PiiFinding, PiiKind } from './pii.js';

/**
 * Finds personal data in free text: e-mail addresses, French phone numbers, social-security numbers (NIR, key
 * checked), IBANs (mod-97 checked) and file / allocataire numbers introduced by a keyword. Shared by the form
 * (warn and offer to mask before sending) and the server (flag for the moderator), so both see the same thing.
 *
 * Tuned against false alarms as much as misses: a citizen warned about a date or an amount stops trusting the
 * warning. Dates, amounts, postcodes, years and short service numbers ("32 30") are never reported; numbers
 * that must carry a check key (NIR, IBAN) are reported only when the key is right.
 */

export interface PiiMatch {
  kind: PiiKind;
  /** UTF-16 offsets, `[start, end)`. */
  start: number;
  end: number;
  /** The matched text, as typed. */
  text: string;
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// National format: every pair separated ("06 12 34 56 78", "06.12.34.56.78") or none at all ("0612345678"),
// which keeps "01.02.2023 10h" from reading as a phone number.
const PHONE_NATIONAL = /(?<![\p{L}\p{N}+])0[1-9](?:(?:[ \u00a0\u202f.-]\d{2}){4}|\d{8})(?!\p{N})/gu;
// International: the +33 / 0033 prefix is evidence enough to accept looser spacing and "(0)".
const PHONE_INTERNATIONAL = /(?<!\p{N})(?:\+|00)33[ \u00a0\u202f.-]?(?:\(0\)[ \u00a0\u202f.-]?)?[1-9](?:[ \u00a0\u202f.-]?\d{2}){4}(?!\p{N})/gu;

// sex, year, month, department (2A/2B for Corsica), commune, order, key; spaces or dots may split the groups.
const NIR = /(?<![\p{L}\p{N}])([1-478])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?![\p{L}\p{N}])/giu;

// Country code, check digits, then groups of up to 4 letters or digits, spaced or not.
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,8}(?![\p{L}\p{N}])/giu;

// A keyword announcing a file number; symbols ("n°") may touch the code, words must end.
const FILE_KEYWORD =
  /(?<![\p{L}\p{N}])(?:n[°º]|no\.|num\.|r[ée]f\.|(?:num[ée]ro|dossier|allocataire|r[ée]f[ée]rence|r[ée]f|matricule|identifiant|number|case|claim|file|account)(?![\p{L}\p{N}]))/giu;
// One token after the keyword: a word, a code, or a colon / hash.
const TOKEN = /[ \u00a0\u202f]*([\p{L}\p{N}](?:[\p{L}\p{N}'’°]|-(?=[\p{L}\p{N}]))*|[:#°])/uy;
const LINKING_WORD = /^(?:[\p{L}'’°]{1,14}|[:#°])$/u;
const CODE = /^[\p{L}\p{N}-]{6,40}$/u;
const DATE_LIKE = /^(?:\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/;
const AMOUNT_AFTER = /^[ \u00a0\u202f]*(?:€|eur\b|euros?\b|k€|\$)/i;

/** `97 - (n mod 97)` over the 13 digits, with Corsica's 2A/2B read as 19/18. */
function nirKeyIsValid(digits13: string, key: string): boolean {
  const numeric = digits13.replace(/2A/i, '19').replace(/2B/i, '18');
  if (!/^\d{13}$/.test(numeric)) return false;
  return 97 - Number(BigInt(numeric) % 97n) === Number(key);
}

/** ISO 13616: move the first 4 characters to the end, letters to 10..35, the whole number mod 97 must be 1. */
export function ibanIsValid(candidate: string): boolean {
  const iban = candidate.replace(/[ -]/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function* emails(text: string): Generator<PiiMatch> {
  for (const m of text.matchAll(EMAIL)) yield { kind: 'email', start: m.index, end: m.index + m[0].length, text: m[0] };
}

function* phones(text: string): Generator<PiiMatch> {
  for (const re of [PHONE_INTERNATIONAL, PHONE_NATIONAL]) {
    for (const m of text.matchAll(re)) yield { kind: 'phone', start: m.index, end: m.index + m[0].length, text: m[0] };
  }
}

function* nirs(text: string): Generator<PiiMatch> {
  for (const m of text.matchAll(NIR)) {
    const [whole, sex, year, month, dept, commune, order, key] = m as unknown as string[];
    if (nirKeyIsValid(`${sex}${year}${month}${dept}${commune}${order}`, key!)) {
      yield { kind: 'nir', start: m.index!, end: m.index! + whole!.length, text: whole! };
    }
  }
}

/** The longest prefix (in whole groups) that passes the check: "FR76 … 189 et" keeps "FR76 … 189". */
function* ibans(text: string): Generator<PiiMatch> {
  for (const m of text.matchAll(IBAN)) {
    const groups = m[0].split(/(?=[ -])/);
    for (let n = groups.length; n >= 1; n--) {
      const candidate = groups.slice(0, n).join('');
      if (ibanIsValid(candidate)) {
        yield { kind: 'iban', start: m.index, end: m.index + candidate.length, text: candidate };
        break;
      }
    }
  }
}

function isFileCode(token: string): boolean {
  return CODE.test(token) && token.replace(/\D/g, '').length >= 4 && token.replace(/-/g, '').length >= 6 && !DATE_LIKE.test(token);
}

/** After a keyword, up to three linking words ("d'allocataire", "CAF", ":") may come before the code. */
function* fileNumbers(text: string): Generator<PiiMatch> {
  for (const keyword of text.matchAll(FILE_KEYWORD)) {
    let position = keyword.index + keyword[0].length;
    for (let tokens = 0; tokens < 4; tokens++) {
      TOKEN.lastIndex = position;
      const token = TOKEN.exec(text);
      if (!token) break;
      const value = token[1]!;
      const start = TOKEN.lastIndex - value.length;
      if (isFileCode(value)) {
        if (!AMOUNT_AFTER.test(text.slice(TOKEN.lastIndex))) yield { kind: 'file_number', start, end: TOKEN.lastIndex, text: value };
        break;
      }
      if (!LINKING_WORD.test(value)) break;
      position = TOKEN.lastIndex;
    }
  }
}

// When two findings overlap, the more specific one wins (an e-mail over a file number inside it, a checked
// IBAN over the phone-like digits it contains).
const PRIORITY: Record<PiiKind, number> = { email: 0, iban: 1, nir: 2, phone: 3, file_number: 4 };

/** Every piece of personal data in `text`, in order, without overlaps. */
export function findPersonalData(text: string): PiiMatch[] {
  if (!text) return [];
  const all = [...emails(text), ...ibans(text), ...nirs(text), ...phones(text), ...fileNumbers(text)];
  all.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  const kept: PiiMatch[] = [];
  for (const match of all) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Findings for a testimony's title and story, positions only (what the server stores for the moderator). */
export function detectPii(fields: { title?: string; body?: string }): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const field of ['title', 'body'] as const) {
    for (const { kind, start, end } of findPersonalData(fields[field] ?? '')) out.push({ field, kind, start, end });
  }
  return out;
}

/** Replaces each finding with `replacement` ("[masqué]"), leaving the rest of the text exactly as typed. */
export function maskPersonalData(text: string, replacement: string, matches: readonly PiiMatch[] = findPersonalData(text)): string {
  let out = text;
  for (const match of [...matches].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, match.start) + replacement + out.slice(match.end);
  }
  return out;
}
