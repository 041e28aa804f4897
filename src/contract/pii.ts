import * as z from 'zod/mini';

/**
 * Personal data found in a testimony's title or story: e-mail addresses, French phone numbers, social-security
 * numbers (NIR), IBANs, file / allocataire numbers. The form warns and offers to mask; the server runs the same
 * detection and stores the findings (positions only, never the matched text again) for the moderator, who masks
 * before publishing. Detection lives in `src/contract/pii-detect.ts` (shared by the form and the server).
 */
export const PII_KINDS = ['email', 'phone', 'nir', 'iban', 'file_number', 'name', 'address', 'plate', 'birth_date'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

export const PiiFinding = z.object({
  field: z.enum(['title', 'body']),
  kind: PiiKind,
  /** UTF-16 offsets in the field's text, `[start, end)`. */
  start: z.number().check(z.int(), z.minimum(0)),
  end: z.number().check(z.int(), z.minimum(0)),
});
export type PiiFinding = z.infer<typeof PiiFinding>;
