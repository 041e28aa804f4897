import type { ChannelUse, Feeling, PostedAs, StructureRef } from '../../contract/testimony.js';
import { CHANNELS, FEELINGS, LIMITS, POSTED_AS } from '../../contract/testimony-values.js';
import { localStore, newIdempotencyKey, outboxKeys, readJson, writeJson } from '../../client/local-store.js';
import { FORM_STEPS } from './view.js';

/**
 * The testimony being written, kept in `localStorage` on every change, one draft per structure (the
 * `structure` attribute, `*` without one), so a reload, a crash or a closed tab loses nothing. It also
 * carries the testimony's `Idempotency-Key`: made with the draft, reused by every send and retry, and by
 * every tab that opens the same draft, and forgotten only with the draft, after the server's 201.
 */

export interface FormState {
  feeling?: Feeling;
  structures: StructureRef[];
  channels: ChannelUse[];
  title: string;
  body: string;
  email: string;
  contactConsent: boolean;
  postedAs: PostedAs;
  /** The honeypot's value: people never see the field, so it stays empty. */
  website: string;
}

export interface Draft {
  v: 1;
  key: string;
  /** When the citizen first touched this testimony: the fill time survives reloads. */
  startedAt: number;
  savedAt: number;
  step: number;
  state: FormState;
}

export const emptyState = (): FormState => ({
  structures: [],
  channels: [],
  title: '',
  body: '',
  email: '',
  contactConsent: false,
  postedAs: 'user',
  website: '',
});

const store = localStore();
/** False when the browser refuses storage: the form then says the text lives only in this page. */
export const draftsPersist = store.persistent;

export const draftStorageKey = (structure: string): string => `spp-testimony-draft:${structure || '*'}`;

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** Draft repair, not a JSON checker: reads back what was stored, keeping its valid parts and dropping anything malformed rather than failing (the store is the user's). */
function sanitize(raw: unknown): Draft | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const d = raw as Partial<Draft> & { state?: Partial<FormState> };
  if (d.v !== 1 || typeof d.key !== 'string' || !d.state || typeof d.state !== 'object') return undefined;
  const s = d.state;
  const structures = Array.isArray(s.structures)
    ? s.structures.filter((x): x is StructureRef => !!x && typeof x.code === 'string' && typeof x.name === 'string').slice(0, LIMITS.structuresMax)
    : [];
  const channels = Array.isArray(s.channels)
    ? s.channels
        .filter((c) => !!c && oneOf(CHANNELS, c.channel))
        .map((c) => ({ channel: c.channel, ...(oneOf(FEELINGS, c.feeling) ? { feeling: c.feeling } : {}) }))
    : [];
  return {
    v: 1,
    key: d.key,
    startedAt: typeof d.startedAt === 'number' ? d.startedAt : Date.now(),
    savedAt: typeof d.savedAt === 'number' ? d.savedAt : Date.now(),
    step: typeof d.step === 'number' && d.step >= 0 && d.step <= FORM_STEPS.length - 1 ? Math.floor(d.step) : 0,
    state: {
      feeling: oneOf(FEELINGS, s.feeling),
      structures,
      channels,
      // Longer than the limits on purpose: what was typed is kept, the form then says what to shorten.
      title: text(s.title, 2000),
      body: text(s.body, 50_000),
      email: text(s.email, 500),
      contactConsent: s.contactConsent === true,
      postedAs: oneOf(POSTED_AS, s.postedAs) ?? 'user',
      website: text(s.website, 500),
    },
  };
}

export function loadDraft(structure: string): Draft | undefined {
  return sanitize(readJson<unknown>(store.storage, draftStorageKey(structure), undefined));
}

/**
 * Saves the state. The key and start time already stored win over this tab's: two tabs writing the same
 * draft end up sending it under one key, so the server keeps one testimony.
 */
export function saveDraft(structure: string, state: FormState, step: number, own?: Pick<Draft, 'key' | 'startedAt'>): Draft | undefined {
  const stored = loadDraft(structure);
  const draft: Draft = {
    v: 1,
    key: stored?.key ?? own?.key ?? newIdempotencyKey(),
    startedAt: Math.min(stored?.startedAt ?? Infinity, own?.startedAt ?? Infinity, Date.now()),
    savedAt: Date.now(),
    step,
    state,
  };
  return writeJson(store.storage, draftStorageKey(structure), draft) ? draft : undefined;
}

/** Forgets the draft, only if it is still the one with this key (a newer one is left alone). */
export function clearDraft(structure: string, key?: string): void {
  const stored = loadDraft(structure);
  if (stored && key && stored.key !== key) return;
  try {
    store.storage.removeItem(draftStorageKey(structure));
  } catch {
    // nothing to do: the draft simply stays
  }
}

/** The outbox of testimonies (see `flow.ts`). */
export const OUTBOX_NAME = 'spp-testimony';

/** Whether the outbox holds a testimony to send or an unseen confirmation, read without loading it. */
export function outboxHasWork(): boolean {
  const keys = outboxKeys(OUTBOX_NAME);
  const queue = readJson<unknown[]>(store.storage, keys.queue, []);
  const receipts = readJson<{ seen?: boolean }[]>(store.storage, keys.receipts, []);
  return (Array.isArray(queue) && queue.length > 0) || (Array.isArray(receipts) && receipts.some((r) => r && r.seen === false));
}
