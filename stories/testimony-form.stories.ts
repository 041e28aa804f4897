import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/testimony-form/testimony-form.js';
import '../src/elements/testimony-tracking/testimony-tracking.js';
import { emptyState, saveDraft, type FormState } from '../src/elements/testimony-form/draft.js';
import { respond } from './support/api.js';
import { FIXTURE_CODES, submissionAcceptedFixture, trackingFixture } from './support/fixtures.js';

/**
 * The testimony form, step by step and in every state a citizen may meet: validation errors, the personal-data
 * warning, retrying, rate limited, offline with the outbox, sent, and the ways to embed it (its tracking mode
 * shows `<spp-testimony-tracking>`, whose states are that element's stories). States that need a draft start
 * from one written to `localStorage` before the story (as a reload would find it); states that need a click get
 * it from the story's `play`.
 */
const meta: Meta = {
  title: 'Elements/spp-testimony-form',
  component: 'spp-testimony-form',
  args: { structure: FIXTURE_CODES.caf, theme: 'dsfr', lang: 'fr', mode: 'inline' },
};
export default meta;
type Story = StoryObj;

const POST = 'POST /api/v1/testimonies';
const TRACKING = 'GET /api/v1/testimonies/:reference';
const STORY = 'J’ai attendu quarante minutes au téléphone avant de parler à quelqu’un, puis la ligne a coupé deux fois. Le lendemain, un agent m’a rappelé et a tout réglé en cinq minutes.';

const complete: FormState = {
  ...emptyState(),
  feeling: 'negative',
  structures: [{ code: FIXTURE_CODES.caf, name: 'CAF du Rhône' }],
  channels: [{ channel: 'phone', feeling: 'negative' }, { channel: 'counter', feeling: 'positive' }],
  title: 'Attente au téléphone, puis un rappel efficace',
  body: STORY,
};

/** Forgets drafts, the outbox and its receipts, so stories never see each other's testimonies. */
function forgetForm(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('spp-testimony') || key.startsWith('spp-lease')) localStorage.removeItem(key);
}

/** Starts the story from a draft at `step` (0 to 5), written two minutes ago, as a reload would find it. */
const fromDraft =
  (step: number, state: Partial<FormState>, structure: string = FIXTURE_CODES.caf) =>
  () => {
    forgetForm();
    saveDraft(structure, { ...emptyState(), ...state }, step, { key: `spp-story-draft-${step}`, startedAt: Date.now() - 120_000 });
    return forgetForm;
  };

const fresh = () => {
  forgetForm();
  return forgetForm;
};

async function until<T>(find: () => T | null | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the story never reached the expected state');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const formIn = (canvas: HTMLElement) => until(() => canvas.querySelector('spp-testimony-form')?.shadowRoot);

/** Clicks the button with this text once the form shows it. */
async function press(canvas: HTMLElement, name: string): Promise<void> {
  const root = await formIn(canvas);
  const button = await until(() => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name));
  button.click();
}

async function typeInto(canvas: HTMLElement, selector: string, value: string): Promise<void> {
  const root = await formIn(canvas);
  const field = await until(() => root.querySelector<HTMLInputElement>(selector));
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

// ---------------------------------------------------------------- the six steps

/** Step 1: the feeling, required, nothing chosen in advance; the "not a complaints desk" notice with the CAF's contact. */
export const Step1Feeling: Story = { beforeEach: fresh };

/** Step 2, with the page's structure already chosen; "add another" opens the search (up to 3). */
export const Step2Structures: Story = { beforeEach: fromDraft(1, { feeling: 'negative', structures: complete.structures }) };

/** Step 2 on a page that names no structure: the search, results listed as the citizen types. */
export const Step2Search: Story = {
  args: { structure: '' },
  beforeEach: fromDraft(1, { feeling: 'neutral' }, ''),
  play: ({ canvasElement }) => typeInto(canvasElement, '[role=combobox]', 'lyon'),
};

/** Step 3: the channels used, each with an optional feeling. */
export const Step3Channels: Story = { beforeEach: fromDraft(2, { feeling: 'negative', structures: complete.structures, channels: complete.channels }) };

/** Step 4: title and story with their counters. */
export const Step4Story: Story = { beforeEach: fromDraft(3, { ...complete }) };

/** Step 5: who writes, and an optional e-mail with explicit consent. */
export const Step5Contact: Story = { beforeEach: fromDraft(4, { ...complete, email: 'jeanne.martin@exemple.fr', contactConsent: true, postedAs: 'helper' }) };

/** Step 6: everything to check, with a way back to each part, and the button that sends. */
export const Step6Review: Story = { beforeEach: fromDraft(5, { ...complete, email: 'jeanne.martin@exemple.fr', contactConsent: true }) };

// ---------------------------------------------------------------- validation and personal data

/** "Continuer" without a feeling: the error summary, focused, linked to the field. */
export const ErrorNoFeeling: Story = { beforeEach: fresh, play: ({ canvasElement }) => press(canvasElement, 'Continuer') };

/** A title too long and a story too short, shown on continue. */
export const ErrorTitleAndStory: Story = {
  beforeEach: fromDraft(3, { ...complete, title: 'Un titre beaucoup trop long pour ce formulaire, qui demande de tenir en cent vingt caractères au plus, espaces compris, merci', body: 'Trop court.' }),
  play: ({ canvasElement }) => press(canvasElement, 'Continuer'),
};

/** An e-mail given without the consent box ticked. */
export const ErrorConsent: Story = {
  beforeEach: fromDraft(4, { ...complete, email: 'jeanne.martin@exemple.fr' }),
  play: ({ canvasElement }) => press(canvasElement, 'Continuer'),
};

/** Phone, e-mail, IBAN and allocataire number found in the story: what was found, and the offer to mask it. */
export const PersonalDataWarning: Story = {
  beforeEach: fromDraft(3, {
    ...complete,
    body: `${STORY} Rappelez-moi au 06 12 34 56 78 ou à jeanne.martin@exemple.fr. Mon numéro d’allocataire est 1234567 et mon IBAN FR76 3000 6000 0112 3456 7890 189.`,
  }),
};

/** After "Masquer ces données". */
export const PersonalDataMasked: Story = {
  beforeEach: fromDraft(3, { ...complete, body: `${STORY} Rappelez-moi au 06 12 34 56 78.` }),
  play: ({ canvasElement }) => press(canvasElement, 'Masquer ces données'),
};

/** The server refuses a field (400): its message back on the field, on its step. */
export const ServerRefusedField: Story = {
  beforeEach: fromDraft(5, complete),
  parameters: {
    api: {
      [POST]: respond.problem(400, {
        errors: [{ field: 'structures.0', code: 'unknown_structure', message: 'Aucun service n’a le code SP+ « CAF-69 » : choisissez à nouveau le service dans la liste.' }],
      }),
    },
  },
  play: ({ canvasElement }) => press(canvasElement, 'Envoyer mon témoignage'),
};

// ---------------------------------------------------------------- sending

/** Sent: the reference and the private tracking link. */
export const Submitted: Story = { beforeEach: fromDraft(5, complete), play: ({ canvasElement }) => press(canvasElement, 'Envoyer mon témoignage') };

/** The server fails; the form tries again by itself, and says so. */
export const Retrying: Story = {
  beforeEach: fromDraft(5, complete),
  parameters: { api: { [POST]: respond.sequence(respond.problem(503), respond.pending()) } },
  play: ({ canvasElement }) => press(canvasElement, 'Envoyer mon témoignage'),
};

/** Too many submissions from this address (429): explained kindly, tried again after `Retry-After`. */
export const RateLimited: Story = {
  beforeEach: fromDraft(5, complete),
  parameters: { api: { [POST]: respond.sequence(respond.rateLimited(30), respond.pending()) } },
  play: ({ canvasElement }) => press(canvasElement, 'Envoyer mon témoignage'),
};

/** Offline: kept in the outbox on this device, sent when the connection comes back. */
export const OfflineQueued: Story = {
  beforeEach: fromDraft(5, complete),
  parameters: { api: { '*': respond.offline() }, offline: true },
  play: ({ canvasElement }) => press(canvasElement, 'Envoyer mon témoignage'),
};

/** The service stays down: the testimony waits in the outbox, with a button to try now. */
export const ServiceDownQueued: Story = {
  beforeEach: () => {
    const forget = fromDraft(5, complete)();
    localStorage.setItem(
      'spp-testimony:outbox',
      JSON.stringify([{ id: 'spp-story-draft-5', url: 'https://api.example/api/v1/testimonies', body: {}, meta: { structure: FIXTURE_CODES.caf, title: complete.title }, createdAt: Date.now(), attempts: 4 }]),
    );
    return forget;
  },
  parameters: { api: { [POST]: respond.problem(503) } },
};

/** A testimony sent by the outbox after an earlier visit: confirmed on the next page holding the form. */
export const SentEarlierReceipt: Story = {
  beforeEach: () => {
    forgetForm();
    localStorage.setItem(
      'spp-testimony:receipts',
      JSON.stringify([{ id: 'spp-story-receipt', meta: { structure: FIXTURE_CODES.caf, title: 'Écrit dans le train' }, response: submissionAcceptedFixture(), deliveredAt: Date.now() - 60_000, seen: false }]),
    );
    return forgetForm;
  },
};

// ---------------------------------------------------------------- the author's tracking view

/** `mode="tracking"` (pages written before `<spp-testimony-tracking>`): the form shows that element; its states are its own stories. */
export const TrackingMode: Story = {
  args: { mode: 'tracking', structure: '', reference: 'SPP-7K2M-Q9XD', token: 'fixture-token-0123456789abcdef' },
  parameters: { api: { [TRACKING]: respond.json(trackingFixture('answered')) } },
};

// ---------------------------------------------------------------- embedding, language, theme

/** A corner button opening the form in a dialog (focus kept inside, Escape closes, focus returns). */
export const Floating: Story = { args: { mode: 'floating' }, beforeEach: fresh };

export const FloatingOpen: Story = {
  args: { mode: 'floating' },
  beforeEach: fresh,
  play: async ({ canvasElement }) => {
    const root = await formIn(canvasElement);
    (await until(() => root.querySelector<HTMLButtonElement>('.fab'))).click();
  },
};

/** Only a link to the full-page form the API hosts, for sites that strip scripts. */
export const Link: Story = { args: { mode: 'link' } };

/** Our own English translation, downloaded only by English pages. */
export const English: Story = { args: { lang: 'en' }, beforeEach: fresh };

export const EnglishReview: Story = { args: { lang: 'en' }, beforeEach: fromDraft(5, complete) };

/** The sober look for local authorities. */
export const Neutral: Story = { args: { theme: 'neutral', structure: FIXTURE_CODES.townHall }, beforeEach: fresh };

/** A town hall's own colours through `--spp-*` custom properties. */
export const NeutralWithHostColours: Story = {
  args: { theme: 'neutral', structure: FIXTURE_CODES.townHall, '--spp-color-primary': '#1f5f3b', '--spp-color-primary-hover': '#164a2d' },
  beforeEach: fresh,
};

/** The structure cannot be loaded: general advice in the notice, the form still works. */
export const StructureUnavailable: Story = { beforeEach: fresh, parameters: { api: { 'GET /api/v1/structures/:code': respond.problem(500) } } };
