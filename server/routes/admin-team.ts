import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import {
  AdminCommitment,
  AuditPage,
  AuditQuery,
  CommitmentInput,
  CommitmentList,
  CommitmentPath,
  CreatedTokenView,
  Problem,
  ResultsUploadReport,
  StructurePath,
  SubStructures,
  TokenList,
  TokenPath,
  TokenRequest,
  type Lang,
  type TokenView,
} from '../../src/contract/index.js';
import { requireManager, forbidden } from '../http/agent-auth.js';
import { apiText, HttpProblem, notFound, statusTitle } from '../http/problem.js';
import type { RouteDef } from '../http/route.js';
import { importOpenData } from '../import/importer.js';
import { createAgentToken, getAgentToken, listStructureTokens, revokeAgentToken, scopedStructures, type AgentToken } from '../store/agents.js';
import { listStructureAudit, writeAudit } from '../store/audit.js';
import { createCommitment, deleteCommitment, getCommitment, listCommitments, updateCommitment } from '../store/commitments.js';
import type { DatabaseHandle } from '../store/database.js';
import { InvalidCursorError } from '../store/structures.js';
import { exportTestimoniesCsv } from '../store/testimony-export.js';
import { adminRoute, requireKnownStructure } from './admin-route.js';

/**
 * What a structure's team runs from `/agent` besides moderation: its local commitments, its sub-structures (to
 * re-assign a testimony), the export of its testimonies and the upload of its results (any token covering it);
 * its agents' tokens and its audit log (a manager's token). Every write is in the audit log.
 */

const MANAGER_403 = { 403: { description: 'The token does not cover this structure, or is not a manager’s', schema: Problem } };

const tokenView = (t: AgentToken): TokenView => ({ id: t.id, name: t.name, role: t.role, scope: t.scope, createdAt: t.createdAt, revokedAt: t.revokedAt });

const unknownCommitment = (lang: Lang) =>
  notFound(lang, 'unknownCommitment');

const unknownToken = (lang: Lang) =>
  notFound(lang, 'unknownToken');

/** A results CSV upload: the text of the file (at most 2 MB); `check` only checks it. */
export const ResultsUpload = z.strictObject({
  csv: z.string().check(z.minLength(1), z.maxLength(2_000_000)),
  check: z.optional(z.boolean()),
});

export function teamRoutes(store: DatabaseHandle): RouteDef[] {
  return [
    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/sub-structures',
      summary: 'The sub-structures of a structure (where a testimony may be re-assigned)',
      params: StructurePath,
      responses: { 200: { description: 'Every structure under this one, by name (at most 500)', schema: SubStructures }, 404: { description: 'Unknown structure', schema: Problem } },
      handler: async ({ agent, params, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const rows = await scopedStructures(store.db, { kind: 'structures', codes: [params.code] })
          .selectFrom('structures as s')
          .innerJoin('scope', 'scope.code', 's.code')
          .select(['s.code', 's.name'])
          .where('s.code', '!=', params.code)
          .orderBy('s.name')
          .orderBy('s.code')
          .limit(500)
          .execute();
        return { structure: params.code, items: rows.map((r) => ({ code: r.code, name: r.name })) } satisfies SubStructures;
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/commitments',
      summary: 'A structure’s local commitments, with their ids',
      params: StructurePath,
      responses: { 200: { description: 'By engagement, then position', schema: CommitmentList }, 404: { description: 'Unknown structure', schema: Problem } },
      handler: async ({ agent, params, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        return { structure: params.code, items: await listCommitments(store.db, params.code) } satisfies CommitmentList;
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/structures/:code/commitments',
      summary: 'Add a local commitment under one of the 9 engagements',
      description: '`<spp-engagements structure>` shows it under its engagement (public responses are cached a few seconds).',
      params: StructurePath,
      body: CommitmentInput,
      responses: {
        201: { description: 'Created', schema: AdminCommitment },
        400: { description: 'A field is missing or invalid (engagement 1 to 9, a text)', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const id = await createCommitment(store.db, params.code, body, agent.actor);
        reply.header('Location', `/api/v1/admin/structures/${params.code}/commitments/${id}`);
        return reply.code(201).send(await getCommitment(store.db, params.code, id));
      },
    }),

    adminRoute(store, {
      method: 'PUT',
      url: '/api/v1/admin/structures/:code/commitments/:id',
      summary: 'Change a local commitment (engagement, text, order)',
      params: CommitmentPath,
      body: CommitmentInput,
      responses: {
        200: { description: 'Updated', schema: AdminCommitment },
        400: { description: 'A field is missing or invalid', schema: Problem },
        404: { description: 'Unknown commitment for this structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const existing = await getCommitment(store.db, params.code, params.id);
        if (!existing) throw unknownCommitment(lang);
        await updateCommitment(store.db, params.code, existing, body, agent.actor);
        return getCommitment(store.db, params.code, params.id);
      },
    }),

    adminRoute(store, {
      method: 'DELETE',
      url: '/api/v1/admin/structures/:code/commitments/:id',
      summary: 'Remove a local commitment',
      params: CommitmentPath,
      responses: { 204: { description: 'Removed' }, 404: { description: 'Unknown commitment for this structure', schema: Problem } },
      handler: async ({ agent, params, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        if (!(await getCommitment(store.db, params.code, params.id))) throw unknownCommitment(lang);
        await deleteCommitment(store.db, params.code, params.id, agent.actor);
        return reply.code(204).send();
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/tokens',
      summary: 'The tokens of a structure and its sub-structures (manager; never the secrets)',
      params: StructurePath,
      responses: { 200: { description: 'Newest first, revoked ones included', schema: TokenList }, ...MANAGER_403, 404: { description: 'Unknown structure', schema: Problem } },
      handler: async ({ agent, params, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        requireManager(agent, lang);
        return { structure: params.code, items: (await listStructureTokens(store.db, params.code)).map(tokenView) } satisfies TokenList;
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/structures/:code/tokens',
      summary: 'Create an agent’s token for this structure (manager); its secret is shown once',
      description: 'The token covers this structure and its sub-structures, with the `agent` role. Only a hash of the secret is kept.',
      params: StructurePath,
      body: TokenRequest,
      responses: {
        201: { description: 'Created; `token` is the secret, shown this once', schema: CreatedTokenView },
        400: { description: 'The name is missing or too long', schema: Problem },
        ...MANAGER_403,
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ agent, params, body, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        requireManager(agent, lang);
        const scope = { kind: 'structures' as const, codes: [params.code] };
        const created = await store.db.transaction().execute(async (trx) => {
          const made = await createAgentToken(trx, body.name, scope, { role: 'agent', createdBy: agent.token.id });
          await writeAudit(trx, agent.actor, {
            action: 'token.create',
            targetType: 'token',
            targetId: made.token.id,
            structureCode: params.code,
            details: { name: body.name, role: 'agent', scope },
          });
          return made;
        });
        reply.header('Cache-Control', 'no-store');
        return reply.code(201).send({ ...tokenView(created.token), token: created.secret } satisfies CreatedTokenView);
      },
    }),

    adminRoute(store, {
      method: 'DELETE',
      url: '/api/v1/admin/structures/:code/tokens/:id',
      summary: 'Revoke an agent’s token of this structure (manager); it is refused at once',
      params: TokenPath,
      responses: {
        204: { description: 'Revoked (or already revoked)' },
        ...MANAGER_403,
        404: { description: 'No token of this structure has this id', schema: Problem },
      },
      handler: async ({ agent, params, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        requireManager(agent, lang);
        const token = await getAgentToken(store.db, params.id);
        const mine = token && (await listStructureTokens(store.db, params.code)).some((t) => t.id === token.id);
        if (!token || !mine) throw unknownToken(lang);
        if (token.role === 'manager') {
          throw forbidden(lang, 'managerTokenRevocation');
        }
        await store.db.transaction().execute(async (trx) => {
          if ((await revokeAgentToken(trx, token.id)) === 'revoked') {
            await writeAudit(trx, agent.actor, { action: 'token.revoke', targetType: 'token', targetId: token.id, structureCode: params.code, details: { name: token.name } });
          }
        });
        return reply.code(204).send();
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/audit',
      summary: 'The audit log of a structure and its sub-structures (manager): who did what, when, on what',
      params: StructurePath,
      query: AuditQuery,
      responses: {
        200: { description: 'Newest first; `nextCursor` for the next page', schema: AuditPage },
        400: { description: 'Invalid query', schema: Problem },
        ...MANAGER_403,
        404: { description: 'Unknown structure', schema: Problem },
      },
      handler: async ({ agent, params, query, lang }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        requireManager(agent, lang);
        try {
          const page = await listStructureAudit(store.db, params.code, { limit: query.limit ?? 50, cursor: query.cursor });
          return { structure: params.code, ...page } satisfies AuditPage;
        } catch (error) {
          if (error instanceof InvalidCursorError) {
            const text = apiText(lang, 'reuseCursor');
            throw new HttpProblem(400, statusTitle(400, lang), text, [{ field: 'cursor', code: 'invalid_format', message: text }]);
          }
          throw error;
        }
      },
    }),

    adminRoute(store, {
      method: 'GET',
      url: '/api/v1/admin/structures/:code/testimonies.csv',
      summary: 'The published testimonies of a structure and its sub-structures, as the open-data CSV export',
      description: '`text/csv`, `;`, UTF-8 with a BOM, a header row of the `export-experiences` field ids. Never an e-mail address.',
      params: StructurePath,
      responses: { 200: { description: 'The CSV file', contentType: 'text/csv' }, 404: { description: 'Unknown structure', schema: Problem } },
      handler: async ({ agent, params, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const csv = await exportTestimoniesCsv(store.db, params.code);
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="temoignages-${params.code}.csv"`)
          .header('Cache-Control', 'no-store')
          .send(csv);
      },
    }),

    adminRoute(store, {
      method: 'POST',
      url: '/api/v1/admin/structures/:code/results.csv',
      summary: 'Publish results from a CSV export: every line is checked first; nothing is written unless all pass',
      description:
        'Body `{ "csv": "<the file text>", "check": true? }`. Rows of another structure than this one or its sub-structures are refused. 200 `written: true` when stored; 422 with the line-level errors otherwise (nothing stored); `check: true` only checks.',
      params: StructurePath,
      body: ResultsUpload,
      bodyLimit: 2_500_000,
      responses: {
        200: { description: 'Checked (and written unless `check`)', schema: ResultsUploadReport },
        400: { description: 'No CSV text', schema: Problem },
        404: { description: 'Unknown structure', schema: Problem },
        422: { description: 'Some lines are wrong: nothing was written', schema: ResultsUploadReport },
      },
      handler: async ({ agent, params, body, lang, reply }) => {
        await requireKnownStructure(store, agent, params.code, lang);
        const structures = (await scopedStructures(store.db, { kind: 'structures', codes: [params.code] }).selectFrom('scope').select('code').execute()).map((r) => r.code);
        const dir = await mkdtemp(join(tmpdir(), 'spp-results-'));
        try {
          const file = join(dir, 'resultats.csv');
          await writeFile(file, body.csv);
          const checked = await importOpenData(store.db, [file], { dryRun: true, structures });
          const errors = uploadErrors(checked, lang);
          const rows = checked.totals.read;
          if (errors.length || body.check) {
            return reply.code(errors.length ? 422 : 200).send({ written: false, rows, errors } satisfies ResultsUploadReport);
          }
          const done = await importOpenData(store.db, [file], { structures, restart: true });
          const after = uploadErrors(done, lang);
          if (!after.length) {
            await writeAudit(store.db, agent.actor, {
              action: 'results.upload',
              targetType: 'structure',
              targetId: params.code,
              structureCode: params.code,
              details: { rows },
            });
          }
          return reply.code(after.length ? 422 : 200).send({ written: after.length === 0, rows, errors: after } satisfies ResultsUploadReport);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    }),
  ];
}

type Report = Awaited<ReturnType<typeof importOpenData>>;

/** Line-level errors of an import report, plus the file-level ones (not a results export, unreadable). */
function uploadErrors(report: Report, lang: Lang): { line: number; message: string }[] {
  const errors: { line: number; message: string }[] = [];
  for (const file of report.files) {
    if (file.error) errors.push({ line: 0, message: file.error });
    else if (file.dataset !== 'results') {
      errors.push({
        line: 1,
        message: apiText(lang, 'notResultsExport'),
      });
    }
    for (const r of file.rejections) errors.push({ line: r.line, message: r.column ? `${r.column} : ${r.reason}` : r.reason });
  }
  return errors;
}
