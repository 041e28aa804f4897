import type * as z from 'zod/mini';
import type { Lang } from './common.js';
import type { FieldError } from './problem.js';
import { format } from './format.js';
import { formatCount } from './count.js';
import { MESSAGES_FR, type MessagesStrings } from './messages.strings.js';
import { MESSAGES_EN } from './messages.strings.en.js';

/**
 * Turns zod issues into field errors that name the field and say how to fix it, in French or English (the words
 * are in `messages.strings.ts` and `messages.strings.en.ts`). Shared by the server (problem+json) and the form
 * (inline errors), so both say the same thing.
 */

const TABLES: Readonly<Record<Lang, MessagesStrings>> = { fr: MESSAGES_FR, en: MESSAGES_EN };

/** The table entry of `field`, else of its last name (`digestAddresses.2` is an item of `digestAddresses`). */
function lookup(table: Record<string, string>, field: string): string | undefined {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return table[field] ?? table[last];
}

export function fieldLabel(field: string, lang: Lang): string {
  return lookup(TABLES[lang].labels, field) ?? field;
}

function messageFor(issue: z.core.$ZodIssue, field: string, lang: Lang): { code: string; message: string } {
  const t = TABLES[lang].messages;
  const label = fieldLabel(field, lang);
  const say = (code: string, key: keyof MessagesStrings['messages'], values: Record<string, string | number> = {}) => ({
    code,
    message: format(t[key], { label, ...values }),
  });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return say('required', 'required');
      return say('invalid_type', 'wrongType', { expected: issue.expected });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min <= 1) return say('required', 'required');
        return say('too_small', 'tooShort', { min: formatCount(min, lang) });
      }
      if (issue.origin === 'array') return say('too_small', min > 1 ? 'tooFew_other' : 'tooFew_one', { min });
      return say('too_small', 'tooSmall', { min: formatCount(min, lang) });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return say('too_big', 'tooLong', { max: formatCount(max, lang) });
      if (issue.origin === 'array') return say('too_big', max > 1 ? 'tooMany_other' : 'tooMany_one', { max });
      return say('too_big', 'tooBig', { max: formatCount(max, lang) });
    }
    case 'invalid_format':
    case 'invalid_value': {
      if (issue.code === 'invalid_value' && issue.input === undefined) return say('required', 'required');
      const hint = lookup(TABLES[lang].hints, field);
      if (hint) return say('invalid_format', 'hint', { hint });
      if (issue.code === 'invalid_value') return say('invalid_value', 'oneOf', { allowed: issue.values.map(String).join(', ') });
      return say('invalid_format', 'badFormat');
    }
    case 'custom': {
      const code = issue.message ?? '';
      return Object.hasOwn(CUSTOM, code) ? say(code, CUSTOM[code as keyof typeof CUSTOM]) : say('invalid', 'invalid');
    }
    default:
      return say(issue.code, 'invalid');
  }
}

/** The messages of the contract's own `custom` checks, by the code each one reports. */
const CUSTOM = {
  consent_required: 'consentRequired',
  findings_or_text: 'findingsOrText',
  forbidden_character: 'forbiddenCharacter',
  not_a_date: 'notADate',
  duplicate: 'duplicate',
} as const satisfies Record<string, keyof MessagesStrings['messages']>;

/**
 * Converts issues to field errors (parse with `{ reportInput: true }` so a missing value reads "required"). `prefix` namespaces the fields (`query.`, `headers.`) when the body is not
 * the only input. Unknown keys yield one error per key, each naming it.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang = 'fr', prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = prefix + (base ? `${base}.${key}` : key);
        out.push({
          field,
          code: 'unrecognized',
          message: format(TABLES[lang].messages.unknownField, { key }),
        });
      }
      continue;
    }
    const { code, message } = messageFor(issue, base, lang);
    out.push({ field: prefix + (base || '(body)'), code, message });
  }
  return out;
}
