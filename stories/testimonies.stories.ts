import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/testimonies/testimonies.js';
import { respond, type StubRequest } from './support/api.js';
import { FIXTURE_CODES, testimoniesPageFixture } from './support/fixtures.js';

const ROUTE = 'GET /api/v1/structures/:code/testimonies';

/**
 * Published experiences of a structure with the administration's public replies, the response rate and the
 * median reply time, filters and "Voir plus". Every state a citizen can meet, with no server.
 */
const meta: Meta = {
  title: 'Elements/spp-testimonies',
  component: 'spp-testimonies',
  args: { structure: FIXTURE_CODES.caf, theme: 'dsfr', lang: 'fr', pageSize: 10, headingLevel: 3 },
};
export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const NeutralTheme: Story = { name: 'Neutral theme (town hall)', args: { theme: 'neutral', structure: FIXTURE_CODES.townHall } };

/** One experience per page: "Voir plus" appends the next one and moves the focus to it. */
export const Paginated: Story = { name: 'Paginated ("Voir plus")', args: { pageSize: 1 } };

export const Loading: Story = { parameters: { api: { [ROUTE]: respond.pending() } } };

export const Empty: Story = { name: 'Empty (nothing published yet)', args: { structure: FIXTURE_CODES.empty } };

export const ServerError: Story = { name: 'Error: API down (500)', parameters: { api: { [ROUTE]: respond.problem(500) } } };

export const Offline: Story = { name: 'Error: offline', parameters: { api: { '*': respond.offline() }, offline: true } };

export const RateLimited: Story = { name: 'Error: too many requests (429)', parameters: { api: { [ROUTE]: respond.rateLimited(0) } } };

export const Malformed: Story = { name: 'Error: malformed answer', parameters: { api: { [ROUTE]: respond.malformed() } } };

export const UnknownStructure: Story = { name: 'Error: unknown structure (404)', args: { structure: FIXTURE_CODES.unknown } };

export const SlowNetwork: Story = { name: 'Slow network (3 s)', parameters: { api: { [ROUTE]: respond.slow(3000) } } };

/** What a citizen typed is shown as text: markup in a title, a story or a reply never becomes HTML. */
export const HostileText: Story = {
  name: 'Hostile text shown literally',
  parameters: {
    api: {
      [ROUTE]: (request: StubRequest) => {
        const page = testimoniesPageFixture(FIXTURE_CODES.caf, { limit: 1 });
        const first = page.items[0]!;
        const hostile = '<img src=x onerror=alert(1)>';
        return respond.json({
          ...page,
          items: [
            {
              ...first,
              title: hostile,
              body: `${hostile} <script>alert(2)</script>`,
              replies: first.replies.map((r) => ({ ...r, body: `<b>${r.body}</b>`, signature: '<i>Signature</i>' })),
            },
          ],
        })(request);
      },
    },
  },
};
