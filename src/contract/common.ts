import * as z from 'zod/mini';

/** Languages every element and every API response supports. French first. */
export const LANGS = ['fr', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** An SP+ structure code as published in the open data ("code SP+"). */
export const StructureCode = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/));

/** Path parameters of every `/structures/{code}...` route, public or admin. */
export const StructurePath = z.strictObject({ code: StructureCode });

/**
 * A testimony's reference, `SPP-7K3F-9QXM`: the one declaration of its format. The server writes new ones with
 * `referenceOf` (from `REFERENCE_ALPHABET`), the routes check it with `TestimonyReference`, the tracking element
 * reads it from its page's address with `REFERENCE_PATTERN`.
 */
export const REFERENCE_PATTERN = /^SPP-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
export const TestimonyReference = z.string().check(z.regex(REFERENCE_PATTERN));
/** The characters of a new reference: Crockford base32 (no I, L, O, U), readable over the phone. */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Eight reference characters written as a reference. */
export const referenceOf = (chars: string): string => `SPP-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;

/** Path parameters of `/testimonies/{reference}` routes, public or admin. */
export const TestimonyPath = z.strictObject({ reference: TestimonyReference });

/** True when `YYYY-MM-DD` names a day of the calendar (no month 13, no 31 February, 29 February in leap years). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date, `YYYY-MM-DD`, that exists. */
const DATE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const IsoDate = z.string().check(
  z.regex(DATE_SHAPE),
  // Only once the shape is right, so "2026-99-99" gets one error, and "2026-02-31" its own.
  z.refine((text) => !DATE_SHAPE.test(text) || isCalendarDate(text), { message: 'not_a_date' }),
);

/** A timestamp, ISO 8601 in UTC as the server writes it (`2024-03-01T09:00:00.000Z`). */
export const IsoDateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
);

/** Opaque keyset-pagination cursor; `null` on the last page. */
/** A count of things: a whole number, 0 or more. */
export const Count = z.number().check(z.int(), z.minimum(0));

/** `limit` of a paged list query: 1 to 50 items a page. */
export const PageLimit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)));

export const Cursor = z.nullable(z.string().check(z.maxLength(512)));
