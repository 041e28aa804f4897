/**
 * A JSON Schema checker small enough for pages that must not download zod (`<spp-results>`: 18 KB before its
 * chart). The schemas it reads are generated from the zod contract by `npm run contract:json`, which refuses any
 * keyword not listed in `CHECKED_KEYWORDS`; a server test checks that it accepts and refuses exactly what the zod
 * schema does. Like zod's `z.object`, unknown keys are allowed unless the schema closes the object.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Every keyword `mismatch` honours (the generator fails on any other, so no rule is dropped silently). */
export const CHECKED_KEYWORDS: readonly string[] = [
  'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'enum', 'const',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
];

const patterns = new Map<string, RegExp>();

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/**
 * Where `value` first departs from `schema`, as a JSON pointer (`/indicators/3/points/0/value`; `` for the root),
 * or `undefined` when it conforms.
 */
export function mismatch(schema: JsonSchema, value: unknown, at = ''): string | undefined {
  if (schema.anyOf && !schema.anyOf.some((option) => mismatch(option, value, at) === undefined)) return at;
  const kind = kindOf(value);
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type);
  if (types && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return at;
  if (schema.enum && !schema.enum.includes(value)) return at;
  if ('const' in schema && schema.const !== value) return at;
  if (typeof value === 'string') {
    const { pattern } = schema;
    if (pattern !== undefined) {
      let regex = patterns.get(pattern);
      if (!regex) patterns.set(pattern, (regex = new RegExp(pattern)));
      if (!regex.test(value)) return at;
    }
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) return at;
  }
  if (typeof value === 'number') {
    const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity, exclusiveMaximum = Infinity } = schema;
    if (value < minimum || value > maximum || value <= exclusiveMinimum || value >= exclusiveMaximum) return at;
  }
  if (kind === 'array' && schema.items) {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const found = mismatch(schema.items, list[i], `${at}/${i}`);
      if (found !== undefined) return found;
    }
  }
  if (kind === 'object') {
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const key of schema.required ?? []) if (!Object.hasOwn(record, key)) return `${at}/${key}`;
    for (const key of Object.keys(record)) {
      const rule = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (rule) {
        const found = mismatch(rule, record[key], `${at}/${key}`);
        if (found !== undefined) return found;
      } else if (schema.additionalProperties === false) return `${at}/${key}`;
    }
  }
  return undefined;
}

/** A response parser for the API client from a generated JSON Schema: the data as is, or an error naming where. */
export function checkerFor<T>(schema: JsonSchema): (data: unknown) => T {
  return (data) => {
    const at = mismatch(schema, data);
    if (at !== undefined) throw new TypeError(`not in the contract at ${at || '/'}`);
    return data as T;
  };
}
