import * as z from 'zod/mini';
import { ImprovementsResponse, Lang, Problem, StructurePath } from '../../src/contract/index.js';
import type { ApiContext } from '../http/context.js';
import { unknownStructure } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import { listImprovements } from '../store/improvements.js';
import { getStructureSummary } from '../store/structures.js';

export const ImprovementsQuery = z.strictObject({ lang: z.optional(Lang) });

export function improvementRoutes({ store }: ApiContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/structures/:code/improvements',
      summary: 'The improvement plan of a structure: "you told us... we did..."',
      description:
        'Actions linked to an engagement (its short label in `lang`) and a tag, with their status (planned, in progress, done) and its date; latest date first.',
      tags: ['improvements'],
      languageDependent: true,
      params: StructurePath,
      query: ImprovementsQuery,
      responses: {
        200: { description: 'The plan; `items` is empty when nothing is published yet', schema: ImprovementsResponse },
        400: { description: 'Invalid code or query', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ params, query, lang }) => {
        const structure = await getStructureSummary(store.db, params.code);
        if (!structure) {
          throw unknownStructure(lang, params.code);
        }
        const items = await listImprovements(store.db, params.code, query.lang ?? lang);
        return { structure: { code: structure.code, name: structure.name }, items } satisfies ImprovementsResponse;
      },
    }),
  ];
}
