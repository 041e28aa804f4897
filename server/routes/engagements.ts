import * as z from 'zod/mini';
import { EngagementsResponse, Lang, Problem } from '../../src/contract/index.js';
import { getEngagements } from '../store/engagements.js';
import { notFound } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { ApiContext } from '../http/context.js';

export const EngagementsQuery = z.strictObject({ lang: z.optional(Lang) });

export function engagementRoutes({ store }: ApiContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/engagements',
      summary: 'The 9 engagements, grouped by pillar, with citizen quotes',
      description:
        'Returns the newest wording the server holds. French is the official text; English is our own translation (`translated: true`).',
      tags: ['engagements'],
      query: EngagementsQuery,
      languageDependent: true,
      responses: {
        200: { description: 'The engagements', schema: EngagementsResponse },
        400: { description: 'Invalid query', schema: Problem },
        404: { description: 'No wording stored for this language', schema: Problem },
      },
      handler: async ({ query, lang }) => {
        const doc = await getEngagements(store.db, query.lang ?? lang);
        if (!doc) throw notFound(lang, 'noEngagements');
        return doc;
      },
    }),
  ];
}
