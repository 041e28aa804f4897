import type { TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import type { PiiMatch } from '../../contract/pii-detect.js';
import type { FormState } from './draft.js';
import type { CoreStrings, FormStrings } from './testimony-form.strings.js';

/**
 * The six steps, in order: each one's name, title string and the contract fields it shows (the one table of
 * the step <-> field mapping: which fields a step checks before going on, where a server error is shown).
 */
export const FORM_STEPS = [
  { name: 'feeling', title: 'stepFeeling', fields: ['feeling'] },
  { name: 'structures', title: 'stepStructures', fields: ['structures'] },
  { name: 'channels', title: 'stepChannels', fields: ['channels'] },
  { name: 'story', title: 'stepStory', fields: ['title', 'body'] },
  { name: 'contact', title: 'stepContact', fields: ['postedAs', 'email', 'contactConsent'] },
  { name: 'review', title: 'stepReview', fields: [] },
] as const satisfies readonly { name: string; title: string; fields: readonly string[] }[];
export type StepName = (typeof FORM_STEPS)[number]['name'];

/** A step's place in `FORM_STEPS`, by name: the code says `STEP.story`, never `3`. */
export const STEP = Object.fromEntries(FORM_STEPS.map((s, i) => [s.name, i])) as Record<StepName, number>;

/** Which step shows a field named by the contract or by the server (`title`, `structures.1`, `channels.0.feeling`). */
export function stepOfField(field: string): number {
  const root = field.split('.')[0]!;
  const step = FORM_STEPS.findIndex((s) => (s.fields as readonly string[]).includes(root));
  return step < 0 ? FORM_STEPS.length - 1 : step;
}

/** The field whose inline error shows a contract path (`structures.1` is shown on the structures group). */
export function displayField(field: string): string {
  const root = field.split('.')[0]!;
  return root === 'structures' || root === 'channels' ? root : field;
}

/** The id of the control a summary link focuses. */
export function controlId(field: string): string {
  return `f-${displayField(field)}`;
}

/** What the first step needs from the element (never the element itself). */
export interface CoreView {
  t: CoreStrings;
  state: FormState;
  /** The message shown for a field, once the citizen has left it or tried to continue. */
  error(field: string): string | undefined;
  /** Ids for `aria-describedby`: hints, then the error when shown. */
  describedBy(field: string, ...hints: string[]): string;
  /** A change, or a function of the state at the time of the event (two quick clicks see each other). */
  update(change: Partial<FormState> | ((current: FormState) => Partial<FormState>)): void;
}

/** What the other steps need: the same, with every string and the handlers of the flow. */
export interface FormView extends CoreView {
  t: FormStrings;
  /** The language the form speaks: counts are written with its digits grouping and plural rules. */
  lang: Lang;
  blur(field: string): void;
  piiFound: Record<'title' | 'body', PiiMatch[]>;
  maskPii(): void;
  piiMaskedNotice: boolean;
  goTo(step: number): void;
  /** The lazily loaded structure picker, or a loading / failed placeholder. */
  picker(): TemplateResult | undefined;
  openPicker(): void;
  pickerOpen: boolean;
  removeStructure(code: string): void;
}
