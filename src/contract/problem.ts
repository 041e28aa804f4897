import * as z from 'zod/mini';

/** One failing field: `field` is a dotted path into the request (`title`, `channels.1.feeling`, `query.limit`). */
export const FieldError = z.object({
  field: z.string(),
  /** Machine code (`too_small`, `too_big`, `invalid_format`, `required`, `unrecognized`, ...). */
  code: z.string(),
  /** A sentence that says how to fix it, in the request's language. */
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, served as `application/problem+json`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
