import * as z from 'zod/mini';

/**
 * Text rules, the same on every database: a NUL character (PostgreSQL cannot store it in `text`) and a lone
 * UTF-16 surrogate (it has no UTF-8 form, so the text read back would differ) are refused with a 400 naming the
 * field. Every other character is stored and returned exactly as sent.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters refused here
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const FORBIDDEN_TEXT = 'forbidden_character';

export function hasForbiddenText(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The path of the first string (value or object key) in `value` that breaks the text rules, or `undefined`. */
export function forbiddenTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return hasForbiddenText(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenText(key)) return [...path, key];
      const found = forbiddenTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** A zod check for free text: refuses NUL and lone surrogates with the `forbidden_character` message. */
export const cleanText = () => z.refine<string>((text) => !hasForbiddenText(text), { message: FORBIDDEN_TEXT });
