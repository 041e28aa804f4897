import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/testimony-tracking/testimony-tracking.js';
import { respond } from './support/api.js';
import { trackingFixture } from './support/fixtures.js';

const ROUTE = 'GET /api/v1/testimonies/:reference';

/**
 * The author's private view of their testimony, as the link received after sending it opens it: in moderation,
 * published, answered, refused with its reason, and when the link matches nothing or lost its token.
 */
const meta: Meta = {
  title: 'Elements/spp-testimony-tracking',
  component: 'spp-testimony-tracking',
  args: { reference: 'SPP-7K2M-Q9XD', token: 'fixture-token-0123456789abcdef', theme: 'dsfr', lang: 'fr', headingLevel: 2 },
};
export default meta;
type Story = StoryObj;

export const Pending: Story = { parameters: { api: { [ROUTE]: respond.json(trackingFixture('pending')) } } };
export const Published: Story = { parameters: { api: { [ROUTE]: respond.json(trackingFixture('published')) } } };
/** Published and answered: the service's reply, as text, with its sign-off. */
export const Answered: Story = { parameters: { api: { [ROUTE]: respond.json(trackingFixture('answered')) } } };
/** Not published, with the reason in words. */
export const Rejected: Story = { parameters: { api: { [ROUTE]: respond.json(trackingFixture('rejected')) } } };
export const English: Story = { args: { lang: 'en' }, parameters: { api: { [ROUTE]: respond.json(trackingFixture('answered')) } } };
export const NeutralTheme: Story = { name: 'Neutral theme (town hall)', args: { theme: 'neutral' }, parameters: { api: { [ROUTE]: respond.json(trackingFixture('answered')) } } };
export const Loading: Story = { parameters: { api: { [ROUTE]: respond.pending() } } };
/** A wrong or truncated token, or an unknown reference: nothing matches. */
export const NotFound: Story = { name: 'No testimony matches the link (404)', parameters: { api: { [ROUTE]: respond.problem(404) } } };
export const ServerError: Story = { name: 'Error: API down (500), with "Réessayer"', parameters: { api: { [ROUTE]: respond.problem(500) } } };
/** The link lost its token: said without asking the API. */
export const LinkIncomplete: Story = { args: { token: '' } };
