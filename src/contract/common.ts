import * as z from 'zod/mini';

/** Languages every element and every API response supports. French first. */
export const LANGS = ['fr', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** An SP+ structure code as published in the open data ("code SP+"). */
export const StructureCode = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/));

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A timestamp, ISO 8601 in UTC as the server writes it (`2024-03-01T09:00:00.000Z`). */
export const IsoDateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
);

/** Opaque keyset-pagination cursor; `null` on the last page. */
export const Cursor = z.nullable(z.string().check(z.maxLength(512)));
