import {
  IdempotencyKey,
  LIMITS,
  Problem,
  SubmissionAccepted,
  TestimonyPath,
  TestimonySubmission,
  TestimonyTracking,
  TrackingQuery,
  type FieldError,
  type FormSignals,
  type Lang,
} from '../../src/contract/index.js';
import { detectOnServer } from '../moderation/masking.js';
import { existingStructureCodes } from '../store/structures.js';
import { createTestimony, getTracking, submissionHash } from '../store/testimonies.js';
import { getDecoyTracking, isStoredReplay, storeDecoy } from '../store/decoys.js';
import { newReference, newToken, nowIso } from '../store/ids.js';
import { apiText, HttpProblem, notFound, statusTitle, validationProblem } from '../http/problem.js';
import { rateLimited } from '../http/rate-limit.js';
import { defineRoute } from '../http/route.js';
import { publicOrigin } from '../http/origin.js';
import type { ApiContext } from '../http/context.js';

function unknownStructures(lang: Lang, codes: string[], unknown: Set<string>): HttpProblem {
  const errors: FieldError[] = codes
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => unknown.has(code))
    .map(({ code, index }) => ({
      field: `structures.${index}`,
      code: 'unknown_structure',
      message: apiText(lang, 'unknownService', { code }),
    }));
  return new HttpProblem(400, statusTitle(400, lang), undefined, errors);
}

/** A filled honeypot, or a form sent faster than a person can write (see `FormSignals`). */
function looksAutomated(signals: FormSignals | undefined): 'honeypot' | 'too_fast' | undefined {
  if (!signals) return undefined;
  if (signals.website?.trim()) return 'honeypot';
  if (signals.fillMs !== undefined && signals.fillMs < LIMITS.minFillMs) return 'too_fast';
  return undefined;
}

export function testimonyRoutes({ store, publicUrl }: ApiContext) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/testimonies',
      summary: 'Submit an experience',
      description:
        'Stored for moderation; never published before. Send a unique `Idempotency-Key` per testimony and reuse it on every retry: the first answer is returned again and no second testimony is created. Personal data found in the title or story (e-mail, phone, NIR, IBAN, file numbers, names, postal addresses, number plates, birth dates; also when disguised) is flagged for the moderator. Limited per address (429 with `Retry-After`). The optional `form` object carries the form\'s anti-abuse signals (honeypot, fill time); see `FormSignals`.',
      tags: ['testimonies'],
      body: TestimonySubmission,
      headers: [
        {
          name: 'Idempotency-Key',
          required: true,
          description: 'One unique key per testimony (a UUID), the same on every retry.',
          schema: IdempotencyKey,
        },
      ],
      cacheable: false,
      options: rateLimited(async (request) => {
        const key = request.headers['idempotency-key'];
        const submission = TestimonySubmission.safeParse(request.body);
        return typeof key === 'string' && submission.success && isStoredReplay(store.db, key, submissionHash(submission.data));
      }),
      responses: {
        201: { description: 'Stored; the reference and the private tracking token', schema: SubmissionAccepted },
        400: { description: 'A field is missing or invalid; each failing field is named', schema: Problem },
        413: { description: 'The body is larger than the limit', schema: Problem },
        415: { description: 'The body is not JSON', schema: Problem },
        422: { description: 'The Idempotency-Key was already used for a different testimony', schema: Problem },
        429: { description: 'Too many submissions from this address; retry after `Retry-After` seconds', schema: Problem },
      },
      handler: async ({ request, reply, body, lang }) => {
        const key = IdempotencyKey.safeParse(request.headers['idempotency-key']);
        if (!key.success) throw validationProblem(key.error.issues.map((i) => ({ ...i, path: ['Idempotency-Key'] })), lang);
        const known = await existingStructureCodes(store.db, body.structures);
        const unknown = new Set(body.structures.filter((code) => !known.has(code)));
        if (unknown.size) throw unknownStructures(lang, body.structures, unknown);

        const base = publicOrigin(request, publicUrl);
        const trackingUrl = (reference: string, token: string) => `${base}/suivi/${reference}#token=${token}`;

        const automated = looksAutomated(body.form);
        if (automated) {
          // Looks like success and stores nothing: a bot learns neither that it was caught nor why.
          request.log.info({ reason: automated }, 'submission dropped by the anti-abuse checks');
          const reference = newReference();
          const token = newToken();
          const decoy: SubmissionAccepted = { reference, token, status: 'pending', createdAt: nowIso(), trackingUrl: trackingUrl(reference, token) };
          // Its tracking link shows a pending testimony, like a real one waiting for moderation.
          await storeDecoy(store.db, { reference, token, createdAt: decoy.createdAt, submission: body });
          return reply.code(201).header('Location', `/api/v1/testimonies/${reference}`).send(decoy);
        }

        const outcome = await createTestimony(store.db, {
          submission: body,
          idempotencyKey: key.data,
          piiFlags: detectOnServer(body),
          trackingUrl,
        });
        if (outcome.kind === 'key-reused') {
          throw new HttpProblem(
            422,
            statusTitle(422, lang),
            apiText(lang, 'keyReused'),
            [{ field: 'Idempotency-Key', code: 'reused', message: apiText(lang, 'useNewKey') }],
          );
        }
        const accepted = outcome.response.body as SubmissionAccepted;
        if (outcome.kind === 'replayed') reply.header('Idempotent-Replayed', 'true');
        reply.header('Location', `/api/v1/testimonies/${accepted.reference}`);
        return reply.code(outcome.response.statusCode).send(accepted);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/testimonies/:reference',
      summary: "The author's view of a testimony's status",
      description:
        'Needs the private token given at submission. An unknown reference and a wrong token both answer 404, so references cannot be probed.',
      tags: ['testimonies'],
      params: TestimonyPath,
      query: TrackingQuery,
      cacheable: false,
      responses: {
        200: { description: 'Status, dates, rejection reason and published replies', schema: TestimonyTracking },
        400: { description: 'Missing or malformed token or reference', schema: Problem },
        404: { description: 'Unknown reference, or a token that does not match', schema: Problem },
      },
      handler: async ({ params, query, lang, reply }) => {
        reply.header('Cache-Control', 'no-store');
        const view =
          (await getTracking(store.db, params.reference, query.token)) ?? (await getDecoyTracking(store.db, params.reference, query.token));
        if (!view) {
          throw notFound(lang, 'unknownTracking');
        }
        return view;
      },
    }),
  ];
}
