import * as z from 'zod/mini';
import { ChannelUse, Tag } from '../../src/contract/index.js';

/**
 * JSON columns. Both databases keep JSON as text (see `schema.ts`); the table types say what each column holds
 * (`JsonText<Tag[]>`), and rows are read back here only, through the contract's schema (or a narrow guard), so a
 * mapper never casts what `JSON.parse` returned.
 */

/** Text holding the JSON of a `T`. The marker is type-only: at run time it is a plain string. */
export type JsonText<T> = string & { readonly __json?: T };

/** A schema of the contract, or a narrow guard where the value has no schema. */
export type JsonCheck<T> = z.core.$ZodType<T> | ((value: unknown) => value is T);

/** Checks of the JSON columns read in several files (built once, not per row). */
export const STORED = {
  channels: z.array(ChannelUse),
  tags: z.array(Tag),
  /** Structure or network codes, e-mail addresses. */
  strings: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  /** Items checked one by one by the reader (personal-data findings). */
  items: z.array(z.unknown()),
  any: z.unknown(),
};

/** The JSON text of a value, typed by what it holds. */
export function toJson<T>(value: T): JsonText<T> {
  return JSON.stringify(value);
}

/** Raised when a stored JSON column does not hold what its table type says (a corrupt or foreign row). */
export class StoredJsonError extends Error {
  override name = 'StoredJsonError';
}

function parse<T>(text: string, check: JsonCheck<T>): { ok: true; value: T } | { ok: false; why: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  if (typeof check === 'function') return check(raw) ? { ok: true, value: raw } : { ok: false, why: 'unexpected shape' };
  const result = z.safeParse(check, raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, why: result.error.issues.map((i) => i.path.join('.') || i.code).join(', ') };
}

/** The value a JSON column holds, checked; throws `StoredJsonError` if it is not what the column promises. */
export function readJson<T>(text: JsonText<T>, check: JsonCheck<T>): T {
  const result = parse(text, check);
  if (!result.ok) throw new StoredJsonError(`A stored JSON value does not match its column type (${result.why}).`);
  return result.value;
}

/** Like `readJson`, but a value that does not check out reads as `fallback` (where a bad row must not break a page). */
export function readJsonOr<T, F>(text: string, check: JsonCheck<T>, fallback: F): T | F {
  const result = parse(text, check);
  return result.ok ? result.value : fallback;
}
