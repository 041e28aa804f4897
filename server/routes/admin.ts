import {
  AgentProfile,
  ImprovementAction,
  ImprovementInput,
  ImprovementPath,
  MaskRequest,
  ModerationQuery,
  ModerationQueue,
  ModerationTestimony,
  Problem,
  PublishRequest,
  ReassignRequest,
  RejectRequest,
  ReplyPath,
  ReplyRequest,
  ResultsPublication,
  ResultsPublished,
  StructurePath,
  TagsRequest,
  TestimonyPath,
  type Lang,
} from '../../src/contract/index.js';
import type { ApiContext } from '../http/context.js';
import { forbidden, requireStructure, type AgentSession } from '../http/agent-auth.js';
import { apiText, HttpProblem, notFound, statusTitle } from '../http/problem.js';
import type { ApiKey } from '../http/api.strings.js';
import type { RouteDef } from '../http/route.js';
import {
  createImprovement,
  deleteImprovement,
  getImprovement,
  resolveCitedTestimonies,
  updateImprovement,
} from '../store/improvements.js';
import { scopedStructures } from '../store/agents.js';
import {
  findTestimony,
  listModerationQueue,
  maskTestimony,
  ModerationConflict,
  moderationViews,
  publishTestimony,
  reassignTestimony,
  rejectTestimony,
  setTestimonyTags,
  testimonyStructureCodes,
  upsertReply,
  type TestimonyRow,
} from '../store/moderation.js';
import { publishResults, unknownIndicators } from '../store/results-publishing.js';
import { InvalidCursorError } from '../store/structures.js';
import type { DatabaseHandle } from '../store/database.js';
import { teamRoutes } from './admin-team.js';
import { adminRoute, requireKnownStructure } from './admin-route.js';

const unknownTestimony = (lang: Lang) =>
  notFound(lang, 'unknownTestimony');

function fieldProblem(status: number, lang: Lang, field: string, code: string, message: ApiKey): HttpProblem {
  const text = apiText(lang, message);
  return new HttpProblem(status, statusTitle(status, lang), text, [{ field, code, message: text }]);
}

function conflictProblem(error: ModerationConflict, lang: Lang, field: string): HttpProblem {
  switch (error.code) {
    case 'not_published':
      return new HttpProblem(
        409,
        statusTitle(409, lang),
        apiText(lang, 'publishBeforeReply'),
      );
    case 'not_concerned':
      return fieldProblem(400, lang, field, 'not_concerned', 'notConcerned');
    case 'already_concerned':
      return fieldProblem(409, lang, 'to', 'already_concerned', 'alreadyConcerned');
    case 'not_sub_structure':
      return fieldProblem(400, lang, 'to', 'not_sub_structure', 'notSubStructure');
    case 'bad_finding':
      return fieldProblem(400, lang, 'findings', 'unknown_finding', 'unknownFinding');
  }
}

async function withConflicts<T>(lang: Lang, field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ModerationConflict) throw conflictProblem(error, lang, field);
    throw error;
  }
}

/**
 * Shared testimonies (up to 3 structures): a token reads one when it covers any of its structures and replies
 * for each structure it covers, but only a token covering the first structure (the one the author chose
 * first) moderates it: one accountable moderator, and no structure publishes or rejects what another leads.
 */
async function loadTestimony(
  store: DatabaseHandle,
  agent: AgentSession,
  reference: string,
  lang: Lang,
  need: 'read' | 'moderate',
): Promise<{ row: TestimonyRow; codes: string[] }> {
  const row = await findTestimony(store.db, reference);
  if (!row) throw unknownTestimony(lang);
  const codes = await testimonyStructureCodes(store.db, row.id);
  const covered: string[] = [];
  for (const code of codes) if (await agent.scope.covers(code)) covered.push(code);
  if (!covered.length) {
    throw forbidden(lang, 'testimonyNotCovered');
  }
  if (need === 'moderate' && !covered.includes(codes[0]!)) {
    throw forbidden(lang, 'moderationBelongs', { first: codes[0]!, covered: covered.join(apiText(lang, 'coveredSeparator')) });
  }
  return { row, codes };
}

async function viewOf(store: DatabaseHandle, agent: AgentSession, reference: string): Promise<ModerationTestimony> {
  const row = await findTestimony(store.db, reference);
  const [view] = await moderationViews(store.db, row ? [row] : [], agent.scope);
  if (!view) throw new Error(`testimony ${reference} vanished`);
  return view;
}

const moderationResponses = {
  200: { description: 'The testimony as it is now', schema: ModerationTestimony },
  400: { description: 'A field is missing or invalid; each failing field is named', schema: Problem },
  404: { description: 'Unknown reference', schema: Problem },
};

export function adminRoutes({ store }: ApiContext): RouteDef[] {
  return [
    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/me',
      summary: 'The agent token: its name, its scope and the structures it covers',
      responses: { 200: { description: 'The token and its scope', schema: AgentProfile } },
      handler: async ({ agent }) => {
        const { items, truncated } = await agent.scope.structures();
        return {
          token: { id: agent.token.id, name: agent.token.name, createdAt: agent.token.createdAt },
          role: agent.token.role,
          scope: agent.token.scope,
          structures: items,
          structuresTruncated: truncated,
        } satisfies AgentProfile;
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/testimonies',
      summary: 'Testimonies of my structures, to moderate or already moderated',
      description:
        'Every testimony one of whose structures the token covers (or only `structure`\'s). `status=pending` (default) is oldest first; `published` and `rejected` are the latest decisions first. Includes the e-mail and the personal-data findings.',
      query: ModerationQuery,
      responses: {
        200: { description: 'One page and the counts per status', schema: ModerationQueue },
        400: { description: 'Invalid query', schema: Problem },
      },
      handler: async ({ agent, query, lang }) => {
        if (query.structure) await requireStructure(agent, query.structure, lang);
        try {
          const page = await listModerationQueue(store.db, agent.token.scope, { ...query, status: query.status ?? 'pending' });
          return { items: await moderationViews(store.db, page.rows, agent.scope), nextCursor: page.nextCursor, counts: page.counts };
        } catch (error) {
          if (error instanceof InvalidCursorError) {
            throw fieldProblem(400, lang, 'cursor', 'invalid_format', 'foreignCursor');
          }
          throw error;
        }
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/testimonies/:reference',
      summary: 'One testimony, with its e-mail and personal-data findings',
      params: TestimonyPath,
      responses: moderationResponses,
      handler: async ({ agent, params, lang }) => {
        await loadTestimony(store, agent, params.reference, lang, 'read');
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/testimonies/:reference/publish',
      summary: 'Publish a testimony (optionally with a masked title and story, and tags)',
      description:
        'Anything still flagged as personal data is masked first: flagged text is never published. On a published testimony, updates its text and tags. Needs a token covering the first structure.',
      params: TestimonyPath,
      body: PublishRequest,
      responses: moderationResponses,
      handler: async ({ agent, params, body, lang }) => {
        const { row } = await loadTestimony(store, agent, params.reference, lang, 'moderate');
        await publishTestimony(store.db, row, body, agent.actor);
        await store.forgetOverwritten();
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/testimonies/:reference/reject',
      summary: 'Reject a testimony with a reason of the moderation charter',
      description: 'A published testimony leaves every public listing. The author sees the reason.',
      params: TestimonyPath,
      body: RejectRequest,
      responses: moderationResponses,
      handler: async ({ agent, params, body, lang }) => {
        const { row } = await loadTestimony(store, agent, params.reference, lang, 'moderate');
        await rejectTestimony(store.db, row, body.reason, agent.actor);
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/testimonies/:reference/mask',
      summary: 'Mask personal data in the title and story',
      description:
        'With `findings` (indexes into `piiFlags`), masks those; with `title`/`body`, stores the agent\'s edit (what was flagged stays flagged wherever it still appears); with neither, masks every finding. Masked text is overwritten, not kept.',
      params: TestimonyPath,
      body: MaskRequest,
      responses: moderationResponses,
      handler: async ({ agent, params, body, lang }) => {
        const { row } = await loadTestimony(store, agent, params.reference, lang, 'moderate');
        await withConflicts(lang, 'findings', () => maskTestimony(store.db, row, body, agent.actor));
        await store.forgetOverwritten();
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/testimonies/:reference/tags',
      summary: 'Set the general tags of a testimony',
      params: TestimonyPath,
      body: TagsRequest,
      responses: moderationResponses,
      handler: async ({ agent, params, body, lang }) => {
        const { row } = await loadTestimony(store, agent, params.reference, lang, 'moderate');
        await setTestimonyTags(store.db, row, body.tags, agent.actor);
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/testimonies/:reference/replies/:structure',
      summary: 'Reply publicly for one structure, with a sign-off',
      description:
        'One reply per structure: sending again replaces the text and keeps the first date. Needs a published testimony and a token covering that structure (each structure of a shared testimony replies for itself).',
      params: ReplyPath,
      body: ReplyRequest,
      responses: {
        ...moderationResponses,
        201: { description: 'Reply created; the testimony as it is now', schema: ModerationTestimony },
        409: { description: 'The testimony is not published', schema: Problem },
      },
      handler: async ({ agent, params, body, lang, reply }) => {
        const { row, codes } = await loadTestimony(store, agent, params.reference, lang, 'read');
        if (!codes.includes(params.structure)) {
          throw conflictProblem(new ModerationConflict('not_concerned'), lang, 'structure');
        }
        await requireStructure(agent, params.structure, lang);
        const outcome = await withConflicts(lang, 'structure', () => upsertReply(store.db, row, params.structure, body, agent.actor));
        reply.code(outcome === 'created' ? 201 : 200);
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/testimonies/:reference/reassign',
      summary: 'Hand a testimony from one of its structures to a sub-structure of it',
      params: TestimonyPath,
      body: ReassignRequest,
      responses: { ...moderationResponses, 409: { description: 'The new structure is already concerned', schema: Problem } },
      handler: async ({ agent, params, body, lang }) => {
        const { row } = await loadTestimony(store, agent, params.reference, lang, 'moderate');
        await requireStructure(agent, body.from, lang);
        await withConflicts(lang, 'from', () => reassignTestimony(store.db, row, body.from, body.to, agent.actor));
        return viewOf(store, agent, params.reference);
      },
    }),

    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/structures/:code/results',
      summary: 'Publish new or corrected results for a structure',
      description: 'One row per indicator and period; an existing row is replaced. All rows are stored or none.',
      params: StructurePath,
      body: ResultsPublication,
      responses: {
        200: { description: 'Stored', schema: ResultsPublished },
        400: { description: 'A field is missing or invalid (an unknown indicator is named)', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const unknown = await unknownIndicators(store.db, body);
        if (unknown.length) {
          const message = (code: string) => apiText(lang, 'unknownIndicator', { code });
          throw new HttpProblem(
            400,
            statusTitle(400, lang),
            message(unknown[0]!.code),
            unknown.map(({ index, code }) => ({ field: `results.${index}.indicator`, code: 'unknown_indicator', message: message(code) })),
          );
        }
        const updatedAt = await publishResults(store.db, params.code, body, agent.actor);
        return { structure: params.code, stored: body.results.length, updatedAt } satisfies ResultsPublished;
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/structures/:code/improvements',
      summary: 'Add an action to a structure\'s improvement plan',
      params: StructurePath,
      body: ImprovementInput,
      responses: {
        201: { description: 'Created', schema: ImprovementAction },
        400: { description: 'A field is missing or invalid', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const cited = await citedIdsOf(store, params.code, body.testimonies, lang);
        const id = await createImprovement(store.db, params.code, body, agent.actor, cited);
        const { structureCode: _code, ...action } = (await getImprovement(store.db, id, lang))!;
        reply.header('Location', `/api/v1/admin/structures/${params.code}/improvements/${id}`);
        return reply.code(201).send(action);
      },
    }),

    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/structures/:code/improvements/:id',
      summary: 'Update an action of a structure\'s improvement plan (status, date, text)',
      params: ImprovementPath,
      body: ImprovementInput,
      responses: {
        200: { description: 'Updated', schema: ImprovementAction },
        400: { description: 'A field is missing or invalid', schema: Problem },
        404: { description: 'Unknown action for this structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang }) => {
        await requireStructure(agent, params.code, lang);
        const existing = await getImprovement(store.db, params.id, lang);
        if (!existing || existing.structureCode !== params.code) throw unknownAction(lang);
        const cited = body.testimonies === undefined ? undefined : await citedIdsOf(store, params.code, body.testimonies, lang);
        await updateImprovement(store.db, params.code, params.id, body, agent.actor, cited);
        const { structureCode: _code, ...action } = (await getImprovement(store.db, params.id, lang))!;
        return action;
      },
    }),

    adminRoute(store, {
      method: 'DELETE',
      url: '/api/v1/admin/structures/:code/improvements/:id',
      summary: 'Remove an action from a structure\'s improvement plan',
      params: ImprovementPath,
      responses: {
        204: { description: 'Removed' },
        404: { description: 'Unknown action for this structure', schema: Problem },
      },
      handler: async ({ agent, params, lang, reply }) => {
        await requireStructure(agent, params.code, lang);
        const existing = await getImprovement(store.db, params.id, lang);
        if (!existing || existing.structureCode !== params.code) throw unknownAction(lang);
        await deleteImprovement(store.db, params.code, params.id, agent.actor);
        return reply.code(204).send();
      },
    }),

    ...teamRoutes(store),
  ];
}

/** The ids of the testimonies an action cites; 400 naming each reference that is not one of the structure's. */
async function citedIdsOf(store: DatabaseHandle, code: string, references: readonly string[] | undefined, lang: Lang): Promise<string[]> {
  if (!references?.length) return [];
  const codes = (await scopedStructures(store.db, { kind: 'structures', codes: [code] }).selectFrom('scope').select('code').execute()).map((r) => r.code);
  const resolved = await resolveCitedTestimonies(store.db, references, codes);
  if ('ids' in resolved) return resolved.ids;
  const message = (ref: string) => apiText(lang, 'unknownCitedTestimony', { reference: ref });
  throw new HttpProblem(
    400,
    statusTitle(400, lang),
    message(references[resolved.unknown[0]!]!),
    resolved.unknown.map((i) => ({ field: `testimonies.${i}`, code: 'unknown_testimony', message: message(references[i]!) })),
  );
}

const unknownAction = (lang: Lang) =>
  notFound(lang, 'unknownAction');
