import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/improvements/improvements.js';
import { respond, type StubRequest } from './support/api.js';
import { FIXTURE_CODES, improvementsFixture } from './support/fixtures.js';

const ROUTE = 'GET /api/v1/structures/:code/improvements';

/** The improvement plan, "Vous nous avez dit… Nous avons fait…", grouped done / in progress / planned. */
const meta: Meta = {
  title: 'Elements/spp-improvements',
  component: 'spp-improvements',
  args: { structure: FIXTURE_CODES.prefecture, theme: 'dsfr', lang: 'fr', headingLevel: 2 },
};
export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const NeutralTheme: Story = { name: 'Neutral theme (town hall)', args: { theme: 'neutral', structure: FIXTURE_CODES.townHall } };

export const Loading: Story = { parameters: { api: { [ROUTE]: respond.pending() } } };

export const Empty: Story = { name: 'Empty (no action published yet)', args: { structure: FIXTURE_CODES.empty } };

export const ServerError: Story = { name: 'Error: API down (500)', parameters: { api: { [ROUTE]: respond.problem(500) } } };

export const Offline: Story = { name: 'Error: offline', parameters: { api: { '*': respond.offline() }, offline: true } };

export const UnknownStructure: Story = { name: 'Error: unknown structure (404)', args: { structure: FIXTURE_CODES.unknown } };

export const RetryThenOk: Story = {
  name: 'Fails once, then "Réessayer" works',
  parameters: { api: { [ROUTE]: respond.sequence(respond.problem(503), respond.problem(503), respond.problem(503), respond.demo()) } },
};

/** Markup typed by an agent is shown as text. */
export const HostileText: Story = {
  name: 'Hostile text shown literally',
  parameters: {
    api: {
      [ROUTE]: (request: StubRequest) => {
        const plan = improvementsFixture(FIXTURE_CODES.prefecture)!;
        return respond.json({
          ...plan,
          items: plan.items.map((item) => ({ ...item, youSaid: '<img src=x onerror=alert(1)>', weDid: '<script>alert(2)</script>' })),
        })(request);
      },
    },
  },
};
