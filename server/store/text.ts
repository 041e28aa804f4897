import { hasForbiddenText } from '../../src/contract/text-rules.js';
import { readJsonOr } from './json.js';

/** Lower-case and strip accents so "Préfecture" is found by "prefecture". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Opaque keyset cursor: base64url JSON. Returns `undefined` for anything that does not decode. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] | undefined {
  // An unreadable cursor is the caller's 400.
  const isCursor = (parsed: unknown): parsed is (string | number)[] =>
    Array.isArray(parsed) &&
    parsed.length === arity &&
    parsed.every((v) => (typeof v === 'string' && !hasForbiddenText(v)) || typeof v === 'number');
  return readJsonOr(Buffer.from(cursor, 'base64url').toString('utf8'), isCursor, undefined);
}
