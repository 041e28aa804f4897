/**
 * A JSON Schema checker small enough for pages that must not download zod (`<spp-results>`: 18 KB before its
 * chart). The schemas it reads are generated from the zod contract by `npm run contract:json`, which refuses any
 * keyword not listed in `CHECKED_KEYWORDS`; a server test checks that it accepts and refuses exactly what the zod
 * schema does. Like zod's `z.object`, unknown keys are allowed unless the schema closes the object.
 */
import type { JsonSchema } from '../contract/json-schema.js';

export type { JsonSchema };

/** Every keyword `mismatch` honours (the generator fails on any other, so no rule is dropped silently). */
export const CHECKED_KEYWORDS: readonly string[] = [
  'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'enum', 'const',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
];

const patterns = new Map<string, RegExp>();

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const typeAllows = (type: string | string[], kind: string): boolean =>
  typeof type === 'string' ? type === kind || (kind === 'integer' && type === 'number') : type.some((t) => typeAllows(t, kind));

/** `mismatch` without the path: `null` when `value` conforms, else the keys leading to where it does not. */
function check(schema: JsonSchema, value: unknown): (string | number)[] | null {
  if (schema.anyOf && !schema.anyOf.some((option) => check(option, value) === null)) return [];
  const kind = kindOf(value);
  if (schema.type !== undefined && !typeAllows(schema.type, kind)) return [];
  if (schema.enum && !schema.enum.includes(value)) return [];
  if ('const' in schema && schema.const !== value) return [];
  if (kind === 'string') {
    const text = value as string;
    const { pattern } = schema;
    if (pattern !== undefined) {
      let regex = patterns.get(pattern);
      if (!regex) patterns.set(pattern, (regex = new RegExp(pattern)));
      if (!regex.test(text)) return [];
    }
    if (text.length < (schema.minLength ?? 0) || text.length > (schema.maxLength ?? Infinity)) return [];
  } else if (kind === 'number' || kind === 'integer') {
    const number = value as number;
    const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity, exclusiveMaximum = Infinity } = schema;
    if (number < minimum || number > maximum || number <= exclusiveMinimum || number >= exclusiveMaximum) return [];
  } else if (kind === 'array') {
    const { items } = schema;
    const list = value as unknown[];
    if (items) {
      for (let i = 0; i < list.length; i++) {
        const found = check(items, list[i]);
        if (found) return (found.unshift(i), found);
      }
    }
  } else if (kind === 'object') {
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const key of schema.required ?? []) if (!Object.hasOwn(record, key)) return [key];
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const rule = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (rule) {
        const found = check(rule, record[key]);
        if (found) return (found.unshift(key), found);
      } else if (schema.additionalProperties === false) return [key];
    }
  }
  return null;
}

/**
 * Where `value` first departs from `schema`, as a JSON pointer (`/indicators/3/points/0/value`; `` for the root),
 * or `undefined` when it conforms.
 */
export function mismatch(schema: JsonSchema, value: unknown): string | undefined {
  const path = check(schema, value);
  return path ? path.map((key) => `/${key}`).join('') : undefined;
}

/** A response parser for the API client from a generated JSON Schema: the data as is, or an error naming where. */
export function checkerFor<T>(schema: JsonSchema): (data: unknown) => T {
  return (data) => {
    const at = mismatch(schema, data);
    if (at !== undefined) throw new TypeError(`mismatch at ${at || '/'}`);
    return data as T;
  };
}
