import type { Lang } from '../../contract/common.js';
import { toFieldErrors } from '../../contract/messages.js';
import { SubmissionAccepted, TestimonySubmission } from '../../contract/testimony.js';
import { Outbox } from '../../client/outbox.js';
import { parserFor } from '../../internal/parse.js';
import { clearDraft, OUTBOX_NAME } from './draft.js';
import { displayField } from './view.js';

/**
 * Everything after the first step, in one module the element loads on the citizen's first interaction (or at
 * once when a draft or an unsent testimony is waiting): the other steps, validation with the contract, the
 * personal-data check, the outbox. A page that only shows the form pays for the first step alone.
 */

export { channelsStep, contactStep, countText, storyStep, structuresStep } from './steps.js';
export { reviewStep, submittedView, queuedView, type QueueReason } from './review.js';
export { frFlow } from './flow.strings.js';
export { findPersonalData, maskPersonalData } from '../../contract/pii-detect.js';

/** The first-names list for the personal-data check, in a chunk of its own (fetched with the rest when on screen). */
export const loadFirstNames = (): Promise<ReadonlySet<string>> => import('../../contract/data/first-names.js').then((m) => m.firstNames());

/** One outbox per page, shared by every form on it: it also sends what earlier pages could not. */
export const outbox = new Outbox<SubmissionAccepted>(OUTBOX_NAME, parserFor(SubmissionAccepted));
outbox.onDelivered = (receipt) => clearDraft(receipt.meta.structure ?? '', receipt.id);

/** Field → message, from the same contract the server checks, in the form's language. */
export function validate(payload: unknown, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const result = TestimonySubmission.safeParse(payload, { reportInput: true });
  if (!result.success) {
    for (const e of toFieldErrors(result.error.issues, lang)) {
      const field = displayField(e.field);
      if (!out.has(field)) out.set(field, e.message);
    }
  }
  return out;
}
