import { parseArgs } from 'node:util';
import type { AgentScope } from '../../src/contract/index.js';
import { StructureCode } from '../../src/contract/index.js';
import { createAgentToken, listAgentTokens, revokeAgentToken, unknownScopeCodes } from '../store/agents.js';
import { CLI_ACTOR, listAudit, writeAudit } from '../store/audit.js';
import { openDatabase, type DatabaseHandle } from '../store/database.js';
import { prepareDatabase } from '../prepare.js';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { NotificationSettings } from '../../src/contract/index.js';
import { getNotificationSettings, notificationView, putNotificationSettings } from '../mail/outbox.js';
import { renderTestMail } from '../mail/templates.js';
import { createMailTransport, describeMailError } from '../mail/transport.js';
import { mailTimingsFromEnv } from '../mail/worker.js';
import { getStructureSummary } from '../store/structures.js';

/**
 * `npm run admin -- <command>`: agent tokens and the audit log, on the same data as the server
 * (`DATA_DIR`, or `DATABASE_URL=postgres://...`; migrated and, unless `SEED=0`, seeded like on `npm start`). Exit codes: 0 done, 1 refused (unknown code or id),
 * 2 wrong usage.
 */
const USAGE = `Usage: npm run admin -- <command> [options]

  token create --name "NAME" --structure CODE [--structure CODE2 ...]
      A token for these structures and their sub-structures.
  token create --name "NAME" --network CODE [--network CODE2 ...]
      A token for every structure of these networks (CAF, CPAM, PREF...) and their sub-structures.
      --role agent|manager  agent (default): moderates, replies, keeps the plan and the commitments;
                            manager: also creates and revokes agents' tokens and reads the audit log on /agent.
  token list                 Every token, revoked ones included (never the secrets).
  token revoke ID            Stops a token at once.
  audit [--limit N]          The latest admin actions, newest first (default 50).
  mail test --to ADDRESS     Sends a test e-mail now (SMTP_URL, or a .eml file under DATA_DIR/mail).
  notifications show CODE    Who gets the structure's daily digest, and its e-mails waiting or failed.
  notifications set CODE --to ADDRESS [--to ADDRESS2 ...] [--hour H]
                             The digest's recipients and hour (Europe/Paris, default 8); --to "" stops it.

  --json                     Machine-readable output.

Data: DATA_DIR (default ./data) or DATABASE_URL=postgres://..., like npm start. Mail: SMTP_URL, MAIL_FROM.`;

class UsageError extends Error {}
class Refused extends Error {}

interface Output {
  json: boolean;
  print(human: string, data: unknown): void;
}

async function tokenCreate(store: DatabaseHandle, values: Record<string, unknown>, out: Output): Promise<void> {
  const name = typeof values.name === 'string' ? values.name.trim() : '';
  const structures = (values.structure as string[] | undefined) ?? [];
  const networks = (values.network as string[] | undefined) ?? [];
  const role = values.role === undefined ? 'agent' : values.role;
  if (role !== 'agent' && role !== 'manager') throw new UsageError('--role is agent or manager.');
  if (!name) throw new UsageError('token create needs --name "..." (who or what the token is for).');
  if (name.length > 120) throw new UsageError('--name is too long: 120 characters at most.');
  if (!structures.length && !networks.length) throw new UsageError('token create needs --structure CODE or --network CODE.');
  if (structures.length && networks.length) throw new UsageError('Choose --structure or --network, not both, for one token.');
  const scope: AgentScope = structures.length
    ? { kind: 'structures', codes: structures }
    : { kind: 'network', codes: networks.map((c) => c.toUpperCase()) };
  const malformed = scope.codes.filter((c) => !StructureCode.safeParse(c).success);
  if (malformed.length) throw new UsageError(`Not a valid code: ${malformed.join(', ')} (letters, digits, hyphens).`);
  const unknown = await unknownScopeCodes(store.db, scope);
  if (unknown.length) {
    throw new Refused(
      `Unknown ${scope.kind === 'network' ? 'network' : 'structure'} code: ${unknown.join(', ')}. ` +
        'Check the SP+ code (GET /api/v1/structures?q=...); nothing was created.',
    );
  }
  const created = await createAgentToken(store.db, name, scope, { role });
  await writeAudit(store.db, CLI_ACTOR, {
    action: 'token.create',
    targetType: 'token',
    targetId: created.token.id,
    structureCode: scope.kind === 'structures' ? scope.codes[0] : null,
    details: { name, role, scope },
  });
  out.print(
    [
      `Token ${created.token.id} (${role}) created for "${name}".`,
      `Scope: ${scope.kind === 'network' ? 'networks' : 'structures'} ${scope.codes.join(', ')} and their sub-structures.`,
      '',
      'Secret token (shown once; only a hash is kept). Give it to the agent, who pastes it on /agent:',
      '',
      `  ${created.secret}`,
      '',
    ].join('\n'),
    { id: created.token.id, name, role, scope, createdAt: created.token.createdAt, token: created.secret },
  );
}

async function tokenList(store: DatabaseHandle, out: Output): Promise<void> {
  const tokens = await listAgentTokens(store.db);
  const lines = tokens.map(
    (t) =>
      `${t.id}  ${t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active         '}  ${t.scope.kind === 'network' ? 'network' : 'structures'} ${t.scope.codes.join(',')}  "${t.name}"  (created ${t.createdAt.slice(0, 10)})  ${t.role}`,
  );
  out.print(tokens.length ? lines.join('\n') : 'No token yet: npm run admin -- token create --name "..." --structure CODE', tokens);
}

async function tokenRevoke(store: DatabaseHandle, id: string | undefined, out: Output): Promise<void> {
  if (!id) throw new UsageError('token revoke needs the token id (see: npm run admin -- token list).');
  const outcome = await revokeAgentToken(store.db, id);
  if (outcome === 'unknown') throw new Refused(`No token has the id ${id} (see: npm run admin -- token list).`);
  if (outcome === 'revoked') {
    await writeAudit(store.db, CLI_ACTOR, { action: 'token.revoke', targetType: 'token', targetId: id });
  }
  out.print(outcome === 'revoked' ? `Token ${id} revoked: it no longer works.` : `Token ${id} was already revoked.`, { id, outcome });
}

async function audit(store: DatabaseHandle, values: Record<string, unknown>, out: Output): Promise<void> {
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000.');
  const records = await listAudit(store.db, { limit });
  const lines = records.map(
    (r) => `${r.at}  ${r.actorName} (${r.actorId})  ${r.action}  ${r.target}${r.structureCode ? `  [${r.structureCode}]` : ''}  ${JSON.stringify(r.details)}`,
  );
  out.print(records.length ? lines.join('\n') : 'No admin action recorded yet.', records);
}

async function mailTest(values: Record<string, unknown>, out: Output): Promise<void> {
  const to = ((values.to as string[] | undefined) ?? []).filter(Boolean);
  if (to.length !== 1 || !z.email().safeParse(to[0]).success) throw new UsageError('mail test needs one valid --to ADDRESS.');
  const transport = createMailTransport({
    smtpUrl: process.env.SMTP_URL || undefined,
    mailDir: join(resolve(process.env.DATA_DIR ?? 'data'), 'mail'),
    timeoutMs: mailTimingsFromEnv().timeoutMs ?? 15_000,
  });
  const mail = renderTestMail('fr');
  const id = randomUUID();
  try {
    await transport.send({ id, from: process.env.MAIL_FROM || 'Services Publics+ <ne-pas-repondre@services-publics-plus.invalid>', to, ...mail });
  } catch (error) {
    throw new Refused(`The test e-mail was not accepted (${transport.describe}): ${describeMailError(error)}`);
  } finally {
    transport.close();
  }
  out.print(`Test e-mail accepted (${transport.describe}).`, { sent: true, id, transport: transport.describe });
}

async function notifications(store: DatabaseHandle, command: string | undefined, code: string | undefined, values: Record<string, unknown>, out: Output): Promise<void> {
  if (!code) throw new UsageError(`notifications ${command} needs a structure code.`);
  if (!(await getStructureSummary(store.db, code))) throw new Refused(`No structure has the code ${code}; nothing was changed.`);
  if (command === 'set') {
    const current = await getNotificationSettings(store.db, code);
    const to = ((values.to as string[] | undefined) ?? []).flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
    if (values.to === undefined && values.hour === undefined) throw new UsageError('notifications set needs --to ADDRESS and/or --hour H.');
    const parsed = NotificationSettings.safeParse({
      digestAddresses: values.to === undefined ? current.digestAddresses : to,
      digestHour: values.hour === undefined ? current.digestHour : Number(values.hour),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(issue.path[0] === 'digestHour' ? '--hour takes a whole number from 0 to 23.' : `Not a valid address: --to ${String(to[Number(issue.path[1])] ?? '')}`);
    }
    await store.db.transaction().execute(async (trx) => {
      await putNotificationSettings(trx, code, parsed.data);
      await writeAudit(trx, CLI_ACTOR, {
        action: 'structure.notifications',
        targetType: 'structure',
        targetId: code,
        structureCode: code,
        details: { digestAddresses: new Set(parsed.data.digestAddresses).size, digestHour: parsed.data.digestHour },
      });
    });
  }
  const view = await notificationView(store.db, code);
  const lines = [
    view.digestAddresses.length
      ? `Daily digest of ${code} at ${view.digestHour}:00 (Europe/Paris) to: ${view.digestAddresses.join(', ')}`
      : `No daily digest for ${code} (npm run admin -- notifications set ${code} --to ADDRESS).`,
    `E-mails waiting: ${view.delivery.pending}; failed after every retry: ${view.delivery.failed}`,
    ...view.delivery.items.map((d) => `  ${d.createdAt}  ${d.status}  ${d.kind}${d.reference ? ` ${d.reference}` : ''}  ${d.attempts} attempt(s)${d.lastError ? `  ${d.lastError}` : ''}`),
  ];
  out.print(lines.join('\n'), view);
}

export async function runAdmin(argv: string[], log: (text: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        structure: { type: 'string', multiple: true },
        network: { type: 'string', multiple: true },
        role: { type: 'string' },
        limit: { type: 'string' },
        to: { type: 'string', multiple: true },
        hour: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, command, ...rest] = positionals;
  if (values.help || !group) {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  const out: Output = {
    json: values.json === true,
    print: (human, data) => log(values.json ? JSON.stringify(data, null, 2) : human),
  };

  const store = await openDatabase({ dataDir: process.env.DATA_DIR, databaseUrl: process.env.DATABASE_URL });
  try {
    // Like `npm start` (and safely beside it): a fresh clone gets the demo structures, so a token can be made
    // before the first start.
    await prepareDatabase(store, { seed: process.env.SEED !== '0' });
    if (group === 'token' && command === 'create' && !rest.length) await tokenCreate(store, values, out);
    else if (group === 'token' && command === 'list' && !rest.length) await tokenList(store, out);
    else if (group === 'token' && command === 'revoke' && rest.length <= 1) await tokenRevoke(store, rest[0], out);
    else if (group === 'audit' && !command) await audit(store, values, out);
    else if (group === 'mail' && command === 'test' && !rest.length) await mailTest(values, out);
    else if (group === 'notifications' && (command === 'show' || command === 'set') && rest.length === 1) await notifications(store, command, rest[0], values, out);
    else throw new UsageError(`Unknown command: ${positionals.join(' ')}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Refused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
