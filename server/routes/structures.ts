import {
  Problem,
  ResultsPath,
  ResultsResponse,
  Structure,
  StructurePath,
  StructuresPage,
  StructuresQuery,
  TestimoniesPage,
  TestimoniesQuery,
} from '../../src/contract/index.js';
import { getResults } from '../store/results.js';
import { getStructure, getStructureSummary, InvalidCursorError, searchStructures } from '../store/structures.js';
import { listPublished } from '../store/testimonies.js';
import { apiText, HttpProblem, statusTitle, unknownStructure } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Lang } from '../../src/contract/index.js';
import type { ApiContext } from '../http/context.js';


function badCursor(lang: Lang): HttpProblem {
  return new HttpProblem(400, statusTitle(400, lang), undefined, [
    {
      field: 'cursor',
      code: 'invalid_format',
      message: apiText(lang, 'foreignCursor'),
    },
  ]);
}

/** Runs a keyset query, turning an unreadable cursor into a 400 on the `cursor` field. */
async function withCursor<T>(lang: Lang, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badCursor(lang);
    throw error;
  }
}

export function structureRoutes({ store }: ApiContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/structures',
      summary: 'Search structures',
      description: 'Words match the name, city, postcode or network, accents and case ignored. Ordered by name.',
      tags: ['structures'],
      query: StructuresQuery,
      responses: {
        200: { description: 'One page of structures', schema: StructuresPage },
        400: { description: 'Invalid query', schema: Problem },
      },
      handler: ({ query, lang }) => withCursor(lang, () => searchStructures(store.db, query)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/structures/:code',
      summary: 'One structure, its network and its local commitments',
      tags: ['structures'],
      params: StructurePath,
      responses: {
        200: { description: 'The structure', schema: Structure },
        400: { description: 'Invalid code', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ params, lang }) => {
        const structure = await getStructure(store.db, params.code);
        if (!structure) throw unknownStructure(lang, params.code);
        return structure;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/structures/:code/results',
      summary: 'Quality-of-service results of a structure',
      description:
        'Indicators with every published value per period (oldest first), targets, network averages and methodology.',
      tags: ['results'],
      params: ResultsPath,
      responses: {
        200: { description: 'The results; `indicators` is empty when nothing is published yet', schema: ResultsResponse },
        400: { description: 'Invalid code', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ params, lang }) => {
        const results = await getResults(store.db, params.code);
        if (!results) throw unknownStructure(lang, params.code);
        return results;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/structures/:code/testimonies',
      summary: 'Published experiences of a structure, with the replies',
      description: 'Newest first, keyset pagination. Personal data and e-mail addresses are never part of it.',
      tags: ['testimonies'],
      params: StructurePath,
      query: TestimoniesQuery,
      responses: {
        200: { description: 'One page of published experiences and the structure statistics', schema: TestimoniesPage },
        400: { description: 'Invalid query', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ params, query, lang }) => {
        if (!(await getStructureSummary(store.db, params.code))) throw unknownStructure(lang, params.code);
        return withCursor(lang, () => listPublished(store.db, params.code, query));
      },
    }),
  ];
}
