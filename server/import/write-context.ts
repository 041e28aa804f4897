import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { knownNetworkCode, knownNetworkName, networkKey } from '../../src/opendata/networks.js';
import type { Problem, StructureRef } from '../../src/opendata/records.js';
import { STRUCTURE_CODE, fold } from '../../src/opendata/values.js';

/** The database or the import's transaction: the writers run inside the latter. */
export type Db = Kysely<Database> | Transaction<Database>;

/** What a run learns about the database as it goes (lives as long as one import). */
export class WriteContext {
  /** Every structure's name by code: loaded once (some 14,000 rows), then kept current by the writers. */
  private readonly structureNames = new Map<string, string>();
  private structuresLoaded = false;
  /** Folded structure name → codes of the structures of that name. */
  private readonly codesByName = new Map<string, string[]>();
  private networkNames: Map<string, string> | undefined;
  private readonly networkByKey = new Map<string, string>();
  private readonly indicators = new Set<string>();
  private nextPosition: number | undefined;
  /** What a structure reference resolved to in this run (cleared when a structure is written). */
  private readonly resolved = new Map<string, { code: string } | { problem: Problem }>();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  /**
   * @param allowed When set, the only structure codes this import may write (a manager's scope): a row for
   *   another structure is rejected.
   * @param sqlite The better-sqlite3 connection behind the database, when it is SQLite: the hot inserts then
   *   bypass Kysely (see `insertRows`).
   */
  constructor(
    readonly now: string,
    readonly allowed?: ReadonlySet<string>,
    readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** One prepared statement per text for the whole run. */
  statement(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.sqlite!.prepare(text)));
    return statement;
  }

  /** Name of every known structure by code (the database, including rows written earlier in this run). */
  async structures(db: Db): Promise<Map<string, string>> {
    if (!this.structuresLoaded) {
      this.structuresLoaded = true;
      const rows = await db.selectFrom('structures').select(['code', 'name']).execute();
      for (const row of rows) this.rememberStructure(row.code, row.name);
    }
    return this.structureNames;
  }

  rememberStructure(code: string, name: string): void {
    if (this.structureNames.get(code) === name) return;
    this.resolved.clear();
    this.structureNames.set(code, name);
    const key = fold(name);
    const codes = this.codesByName.get(key);
    if (!codes) this.codesByName.set(key, [code]);
    else if (!codes.includes(code)) codes.push(code);
  }

  /** A rejection when `code` is outside the structures this import may write, else `undefined`. */
  outside(code: string, column: string): Problem | undefined {
    if (!this.allowed || this.allowed.has(code)) return undefined;
    return { column, reason: `structure ${code} is outside the allowed ones (${[...this.allowed].join(', ') || 'none'})` };
  }

  /**
   * The structure an experience names: by code, or by title and typology matched (case, accents and
   * punctuation aside) against the structures' names (`names`, from `structures()`). Never a code made from a name.
   */
  resolveStructure(names: Map<string, string>, ref: StructureRef): { code: string } | { problem: Problem } {
    // Synchronous, with `names` from `structures()`: a promise per reference cost time on a big import. A big
    // export names the same few thousand structures again and again: each reference is resolved once.
    const key = `${ref.column}\u0000${ref.code ?? ''}\u0000${ref.typology ?? ''}\u0000${ref.title ?? ''}`;
    let resolved = this.resolved.get(key);
    if (!resolved) this.resolved.set(key, (resolved = this.resolveStructureIn(names, ref)));
    return resolved;
  }

  private resolveStructureIn(names: Map<string, string>, ref: StructureRef): { code: string } | { problem: Problem } {
    if (ref.code) {
      return names.has(ref.code)
        ? { code: ref.code }
        : { problem: { column: ref.column, reason: `unknown structure ${ref.code} (neither in the database nor in this import)` } };
    }
    const { title, typology } = ref;
    const tried = [
      ...new Set(
        [title, typology && title && `${typology} ${title}`, typology && title && `${title} ${typology}`, typology].filter(
          (name): name is string => !!name,
        ),
      ),
    ];
    for (const name of tried) {
      let codes = this.codesByName.get(fold(name)) ?? [];
      // Two structures of one name: the typology may tell them apart (it is part of one of the names).
      if (codes.length > 1 && typology) codes = codes.filter((code) => fold(names.get(code) ?? '').includes(fold(typology)));
      if (codes.length === 1) return { code: codes[0]! };
      if (codes.length > 1) {
        return { problem: { column: ref.column, reason: `"${name}" names several structures (${codes.join(', ')}): give the code SP+` } };
      }
    }
    return {
      problem: {
        column: ref.column,
        reason: `no structure named ${tried.map((n) => `"${n}"`).join(' or ')} (import the structures first, or give the code SP+)`,
      },
    };
  }

  /**
   * Our code for a network the file gives by code ("PREF") or by name ("Préfectures"): an existing network of
   * that code or name, else the table of known SP+ networks (`src/opendata/networks.ts`). A code-shaped value
   * with a network name beside it (older exports) may make a new network; a lone name never does.
   */
  async resolveNetwork(db: Db, given: string, nameBeside?: string): Promise<{ code: string } | { error: string }> {
    if (!this.networkNames) {
      this.networkNames = new Map();
      for (const n of await db.selectFrom('networks').selectAll().execute()) this.rememberNetwork(n.code, n.name);
    }
    const upper = given.trim().toUpperCase();
    if (this.networkNames.has(upper)) return { code: upper };
    const byName = this.networkByKey.get(networkKey(given));
    if (byName) return { code: byName };
    const known = knownNetworkCode(given);
    if (known) {
      if (!this.networkNames.has(known)) {
        const name = knownNetworkName(known)!;
        await db.insertInto('networks').values({ code: known, name }).execute();
        this.rememberNetwork(known, name);
      }
      return { code: known };
    }
    if (nameBeside && STRUCTURE_CODE.test(upper) && !/\s/.test(upper)) {
      await db.insertInto('networks').values({ code: upper, name: nameBeside }).execute();
      this.rememberNetwork(upper, nameBeside);
      return { code: upper };
    }
    return {
      error: `unknown network "${given}": no network has this code or name (tried the ${this.networkNames.size} networks of the database and the known SP+ networks of docs/import.md)`,
    };
  }

  private rememberNetwork(code: string, name: string): void {
    this.networkNames!.set(code, name);
    this.networkByKey.set(networkKey(name), code);
  }

  networkName(code: string): string | undefined {
    return this.networkNames?.get(code);
  }

  /** A network's new name (older exports give `libelle_reseau` beside the code). */
  async renameNetwork(db: Db, code: string, name: string): Promise<void> {
    if (this.networkNames?.get(code) === name) return;
    await db.updateTable('networks').set({ name }).where('code', '=', code).execute();
    this.rememberNetwork(code, name);
  }

  async knownIndicators(db: Db, codes: Iterable<string>): Promise<Set<string>> {
    const missing = [...new Set(codes)].filter((c) => !this.indicators.has(c));
    if (missing.length) {
      const rows = await db.selectFrom('indicators').select('code').where('code', 'in', missing).execute();
      for (const row of rows) this.indicators.add(row.code);
    }
    return this.indicators;
  }

  rememberIndicator(code: string): void {
    this.indicators.add(code);
  }

  /** New catalogue entries go after the existing ones, in file order. */
  async takePosition(db: Db): Promise<number> {
    if (this.nextPosition === undefined) {
      const row = await db
        .selectFrom('indicators')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      this.nextPosition = row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
    }
    return this.nextPosition++;
  }
}
