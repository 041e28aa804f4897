import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/results/results.js';
import { LOADED, large } from '../test/fixtures/results.js';
import portalCatalogue from '../test/fixtures/opendata/portal/indicateurs-PREF-06.json';
import portalResults from '../test/fixtures/opendata/portal/resultats-PREF-06.json';
import portalStructures from '../test/fixtures/opendata/portal/structures-PREF-06.json';
import { respond, type StubHandler } from './support/api.js';
import { FIXTURE_CODES } from './support/fixtures.js';

const RESULTS = 'GET /api/v1/structures/:code/results';

/**
 * `<spp-results>`: a public service's quality-of-service results (engagement 6). Scroll to "Évolution" to load
 * the chart (chart.js arrives only then); "Voir les données" shows the same values as a table.
 */
const meta: Meta = {
  title: 'Elements/spp-results',
  component: 'spp-results',
  args: { structure: FIXTURE_CODES.prefecture, theme: 'dsfr', lang: 'fr', feedbackHref: '#temoigner', networkHref: '#reseau' },
};
export default meta;
type Story = StoryObj;

/** The State demo page's prefecture: both families, badges, trends, network averages. */
export const Loaded: Story = {};

/** Every status and trend at once: met, close, not met, too few answers, not measured, stable, lower is better. */
export const EveryStatus: Story = {
  name: 'Every status and trend',
  parameters: { api: { [RESULTS]: respond.json(LOADED) } },
};

/** Recorded answers of the open-data portal's Explore API, by dataset. */
const portal: StubHandler = (request) => {
  const recorded: Record<string, unknown> = {
    'referentiel-structures': portalStructures,
    'resultats-indicateurs': portalResults,
    'referentiel-indicateurs': portalCatalogue,
  };
  const body = recorded[request.params.dataset ?? ''];
  return body ? respond.json(body)(request) : respond.problem(404)(request);
};

/** `source="opendata"`: the card reads the open-data portal (Explore API v2.1) instead of our API. */
export const FromOpenDataPortal: Story = {
  name: 'From the open-data portal',
  args: { structure: 'PREF-06', source: 'opendata', portal: 'https://opendata.example' },
  parameters: { api: { 'GET /api/explore/v2.1/catalog/datasets/:dataset/records': portal } },
};

/** Local authorities (no DSFR): sober colours, the host page's font. */
export const Neutral: Story = { args: { theme: 'neutral', structure: FIXTURE_CODES.townHall } };

export const English: Story = { args: { lang: 'en' } };

export const NeutralEnglish: Story = { name: 'Neutral, English', args: { theme: 'neutral', lang: 'en', structure: FIXTURE_CODES.caf } };

/** Last published 16 months ago: the warning says results are due at least once a year. */
export const Stale: Story = { args: { structure: FIXTURE_CODES.stale } };

export const NoResultsYet: Story = { name: 'No results yet', args: { structure: FIXTURE_CODES.empty } };

export const UnknownStructure: Story = { name: 'Unknown structure (404)', args: { structure: FIXTURE_CODES.unknown } };

/** The API does not answer: a message and a retry button (the retry succeeds). */
export const ApiDown: Story = {
  name: 'API down, then retry',
  parameters: { api: { [RESULTS]: respond.sequence(respond.offline(), respond.offline(), respond.offline(), respond.demo()) } },
};

export const ServerError: Story = { name: 'Server error (500)', parameters: { api: { [RESULTS]: respond.problem(500) } } };

export const RateLimited: Story = { name: 'Too many requests (429)', parameters: { api: { [RESULTS]: respond.sequence(respond.rateLimited(0), respond.rateLimited(0), respond.rateLimited(45)) } } };

/** A response that does not match the contract is an error, never half a card. */
export const Malformed: Story = { parameters: { api: { [RESULTS]: respond.wrongShape() } } };

/** The skeleton, with the card's space reserved. */
export const Loading: Story = { parameters: { api: { [RESULTS]: respond.pending() } } };

/** The A4 poster for a waiting room, as printed (`poster` shows it on screen), with its QR code. */
export const Poster: Story = {
  name: 'Print / poster',
  args: { poster: true, resultsUrl: 'https://www.example.gouv.fr/nos-resultats' },
};

/** 12 indicators x 24 quarters: one chart with a picker, the table one indicator long. */
export const TwelveIndicators: Story = {
  name: '12 indicators x 24 periods',
  parameters: { api: { [RESULTS]: respond.json(large()) } },
};
