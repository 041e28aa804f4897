import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgentRole, AgentScope, StructureRef } from '../../src/contract/index.js';
import type { AgentTokenTable, Database } from './schema.js';
import { nowIso, sameDigest, sha256 } from './ids.js';
import { readJson, STORED, toJson } from './json.js';

/**
 * Agent tokens: `spp_<id>_<secret>`. The id is public (listed, revoked, written in the audit log); only a
 * hash of the 256-bit secret is stored, and the presented secret is compared with it in constant time.
 */
export interface AgentToken {
  id: string;
  name: string;
  role: AgentRole;
  scope: AgentScope;
  createdAt: string;
  revokedAt: string | null;
}

const TOKEN_PATTERN = /^spp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function toToken(row: Selectable<AgentTokenTable>): AgentToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    scope: { kind: row.scope_kind, codes: readJson(row.scope_codes, STORED.strings) },
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** The codes of a scope that name no structure (or no network): a typo must not create a useless token. */
export async function unknownScopeCodes(db: Kysely<Database>, scope: AgentScope): Promise<string[]> {
  if (scope.codes.length === 0) return [];
  const rows =
    scope.kind === 'network'
      ? await db.selectFrom('networks').select('code').where('code', 'in', scope.codes).execute()
      : await db.selectFrom('structures').select('code').where('code', 'in', scope.codes).execute();
  const known = new Set(rows.map((r) => r.code));
  return scope.codes.filter((code) => !known.has(code));
}

export interface CreatedToken {
  token: AgentToken;
  /** The bearer token: shown once, never stored. */
  secret: string;
}

/** Creates a token; the caller checks the scope's codes first (`unknownScopeCodes`). */
export async function createAgentToken(
  db: Kysely<Database> | Transaction<Database>,
  name: string,
  scope: AgentScope,
  options: { role?: AgentRole; createdBy?: string } = {},
): Promise<CreatedToken> {
  const role = options.role ?? 'agent';
  const id = randomBytes(6).toString('hex');
  const secretPart = randomBytes(32).toString('base64url');
  const createdAt = nowIso();
  await db
    .insertInto('agent_tokens')
    .values({
      id,
      name,
      secret_hash: sha256(secretPart),
      scope_kind: scope.kind,
      scope_codes: toJson([...new Set(scope.codes)]),
      created_at: createdAt,
      revoked_at: null,
      role,
      created_by: options.createdBy ?? null,
    })
    .execute();
  return {
    token: { id, name, role, scope: { kind: scope.kind, codes: [...new Set(scope.codes)] }, createdAt, revokedAt: null },
    secret: `spp_${id}_${secretPart}`,
  };
}

export type RevokeOutcome = 'revoked' | 'already-revoked' | 'unknown';

export async function getAgentToken(db: Kysely<Database>, id: string): Promise<AgentToken | undefined> {
  const row = await db.selectFrom('agent_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : undefined;
}

/**
 * The tokens a manager of `structureCode` looks after: those scoped to structures that are all this one or its
 * sub-structures (a network token, or one that also covers other structures, is not this structure's to manage).
 * Newest first.
 */
export async function listStructureTokens(db: Kysely<Database>, structureCode: string): Promise<AgentToken[]> {
  const subtree = new Set(
    (await scopedStructures(db, { kind: 'structures', codes: [structureCode] }).selectFrom('scope').select('code').execute()).map((r) => r.code),
  );
  const rows = await db
    .selectFrom('agent_tokens')
    .selectAll()
    .where('scope_kind', '=', 'structures')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toToken).filter((t) => t.scope.codes.length > 0 && t.scope.codes.every((c) => subtree.has(c)));
}

export async function revokeAgentToken(db: Kysely<Database> | Transaction<Database>, id: string): Promise<RevokeOutcome> {
  const row = await db.selectFrom('agent_tokens').select(['revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return 'unknown';
  if (row.revoked_at) return 'already-revoked';
  await db.updateTable('agent_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
  return 'revoked';
}

export async function listAgentTokens(db: Kysely<Database>): Promise<AgentToken[]> {
  const rows = await db.selectFrom('agent_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toToken);
}

/**
 * The token behind an `Authorization: Bearer` value, or `undefined` when it is malformed, unknown, wrong or
 * revoked. Looked up on every request, so a revocation takes effect at once.
 */
export async function authenticateAgent(db: Kysely<Database>, bearer: string): Promise<AgentToken | undefined> {
  const match = TOKEN_PATTERN.exec(bearer);
  if (!match) return undefined;
  const [, id, secretPart] = match as unknown as [string, string, string];
  const row = await db.selectFrom('agent_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  // Hash even when the id is unknown, so both failures take the same time.
  const presented = sha256(secretPart);
  if (!row || !sameDigest(row.secret_hash, presented) || row.revoked_at) return undefined;
  return toToken(row);
}

/** Sub-structures are found through `parent_code`; this bounds the walk on a (wrongly) cyclic hierarchy. */
const MAX_DEPTH = 16;

/**
 * What one token covers: the listed structures and all their sub-structures, or every structure of the listed
 * networks and their sub-structures. Answers are memoised for the request.
 */
export class AgentScopeCheck {
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly scope: AgentScope,
  ) {}

  /** True when the structure (or one of its parents) is in the scope. Unknown codes are not covered. */
  async covers(code: string): Promise<boolean> {
    const known = this.memo.get(code);
    if (known !== undefined) return known;
    const walked: string[] = [];
    let current: string | null = code;
    let covered = false;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      const memo = this.memo.get(current);
      if (memo !== undefined) {
        covered = memo;
        break;
      }
      walked.push(current);
      const row = await this.db
        .selectFrom('structures')
        .select(['code', 'parent_code', 'network_code'])
        .where('code', '=', current)
        .executeTakeFirst();
      if (!row) break;
      if (this.scope.codes.includes(this.scope.kind === 'network' ? row.network_code : row.code)) {
        covered = true;
        break;
      }
      current = row.parent_code;
    }
    // Every structure walked through shares the answer: its chain of parents is the rest of this one.
    for (const c of walked) this.memo.set(c, covered);
    return covered;
  }

  /** The covered structures by name, ordered by name (at most `limit`). */
  async structures(limit = 500): Promise<{ items: StructureRef[]; truncated: boolean }> {
    const rows = await scopedStructures(this.db, this.scope)
      .selectFrom('structures as s')
      .innerJoin('scope', 'scope.code', 's.code')
      .select(['s.code', 's.name'])
      .orderBy('s.name')
      .orderBy('s.code')
      .limit(limit + 1)
      .execute();
    return { items: rows.slice(0, limit).map((r) => ({ code: r.code, name: r.name })), truncated: rows.length > limit };
  }
}

/**
 * A query starting with `WITH RECURSIVE scope(code)`: the structures a scope covers, computed in the database
 * (a network can hold thousands of structures, too many to pass as parameters). Works on SQLite and PostgreSQL.
 */
export function scopedStructures(db: Kysely<Database>, scope: AgentScope) {
  const codes = scope.codes.length ? scope.codes : ['\u0000'];
  return db.withRecursive('scope(code)', (qb) =>
    qb
      .selectFrom('structures')
      .select('code')
      .where(scope.kind === 'network' ? 'network_code' : 'code', 'in', codes)
      .union((sub) =>
        sub
          .selectFrom('structures as child')
          .innerJoin('scope', 'scope.code', 'child.parent_code')
          .select('child.code'),
      ),
  );
}
