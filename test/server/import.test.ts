import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ResultsResponse, StructuresPage, TestimoniesPage } from '../../src/contract/index.js';
import { importOpenData, type ImportReport, type Rejection } from '../../server/import/importer.js';
import { migrate, openDatabase, type DatabaseHandle } from '../../server/store/database.js';
import type { Database } from '../../server/store/schema.js';
import { sha256 } from '../../server/store/ids.js';
import { getTracking } from '../../server/store/testimonies.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const root = resolve(import.meta.dirname, '../..');
const FIXTURES = join(root, 'test/fixtures/opendata');
const fixture = (name: string) => join(FIXTURES, name);
const NOW = new Date('2025-01-15T10:00:00.000Z');

/** Every row of every table, sorted, except the importer's own log of runs (its times change on each run). */
async function dump(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = ['meta', 'networks', 'structures', 'local_commitments', 'indicators', 'results', 'testimonies', 'testimony_structures', 'replies'];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const count = async (db: Kysely<Database>, table: 'results' | 'structures' | 'testimonies') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const brief = (rejections: Rejection[]) => rejections.map((r) => `${r.file.split('/').pop()}:${r.line} ${r.column}: ${r.reason}`);
const allRejections = (report: ImportReport) => report.files.flatMap((f) => f.rejections);

/** An empty, migrated database: SQLite, or PostgreSQL under `npm test -- server-pg`. */
async function freshDatabase(): Promise<DatabaseHandle & { dispose(): Promise<void> }> {
  const database = await createTestDatabase();
  const store = await openDatabase(database.options);
  await migrate(store.db);
  return Object.assign(store, {
    async dispose() {
      await store.close();
      await database.dispose();
    },
  });
}

describe('importing the open data into a seeded database', () => {
  let server: TestServer;
  let first: ImportReport;
  let second: ImportReport;
  let afterFirst: Record<string, string[]>;
  let demoResultsBefore: ResultsResponse;

  before(async () => {
    server = await startTestServer();
    demoResultsBefore = ResultsResponse.parse((await server.app.inject('/api/v1/structures/CAF-69/results')).json());
    first = await importOpenData(server.store.db, [FIXTURES], { now: NOW });
    afterFirst = await dump(server.store.db);
    second = await importOpenData(server.store.db, [FIXTURES], { now: NOW });
  });
  after(() => server.close());

  it('detects each dataset from its columns and imports structures first, then catalogue, results, experiences', () => {
    assert.deepEqual(
      first.files.map((f) => [f.file.split('/').pop(), f.dataset, f.format]),
      [
        ['structures.csv', 'structures', 'csv'],
        ['indicateurs.csv', 'indicators', 'csv'],
        ['resultats-explore.json', 'results', 'json'],
        ['resultats.csv', 'results', 'csv'],
        ['experiences.csv', 'experiences', 'csv'],
        ['experiences.json', 'experiences', 'json'],
      ],
    );
  });

  it('reports rows read, inserted and rejected per file and in total', () => {
    const counts = Object.fromEntries(first.files.map((f) => [f.file.split('/').pop(), [f.read, f.inserted, f.updated, f.unchanged, f.rejected]]));
    assert.deepEqual(counts, {
      'structures.csv': [9, 5, 0, 0, 4],
      // IND-27 is also a demo indicator: the real catalogue updates it.
      'indicateurs.csv': [10, 5, 1, 0, 4],
      'resultats-explore.json': [4, 2, 0, 0, 2],
      'resultats.csv': [14, 9, 0, 0, 5],
      'experiences.csv': [3, 2, 0, 0, 1],
      'experiences.json': [7, 4, 0, 0, 3],
    });
    assert.deepEqual(first.totals, { read: 47, inserted: 27, updated: 1, unchanged: 0, rejected: 19, skipped: 0 });
  });

  it('reports every broken row with its file, line, column and reason', () => {
    assert.deepEqual(brief(allRejections(first)), [
      'structures.csv:7 code_sp: missing code SP+',
      'structures.csv:9 reseau: missing network',
      'structures.csv:10 code_postal: "13-002" is not a postcode (5 digits)',
      'structures.csv:11 code_sp: "PREF 13 ARLES" is not a valid code SP+ (letters, digits, - _ .)',
      'indicateurs.csv:9 unite: "heures" is not a known unit (%, jours, minutes, /10, points)',
      'indicateurs.csv:10 code_indicateur: missing indicator code',
      'indicateurs.csv:11 cible: "quatre-vingts" is not a number (expected e.g. 95,16)',
      'indicateurs.csv:12 type_indicateur: "Efficacité" is not an indicator type (performance or satisfaction)',
      'resultats-explore.json:22 valeur: "non communiqué" is not a number (expected e.g. 95,16)',
      'resultats-explore.json:31 periode: "2024-T5" is not a period (expected 2024, 2024-T3 or 2024-05)',
      'resultats.csv:11 code_sp: missing code SP+',
      'resultats.csv:12 valeur: "95,1,6" is not a number (expected e.g. 95,16)',
      'resultats.csv:13 date_mise_a_jour: "31/02/2023" is not a calendar date',
      'resultats.csv:14 code_sp: unknown structure SP-INCONNU (neither in the database nor in this import)',
      'resultats.csv:15 code_indicateur: unknown indicator IND-99 (import the indicator catalogue first)',
      'experiences.csv:5 accessibilite: "peut-être" is not a feeling (Positif, Neutre, Négatif or empty)',
      'experiences.json:78 date_redaction: "2023-13-01" is not a calendar date',
      'experiences.json:103 code_sp_1: unknown structure PREF-99 (neither in the database nor in this import)',
      'experiences.json:128 id_experience: missing experience id',
    ]);
  });

  it('reports unknown columns once per file and ignores them', () => {
    const unknown = Object.fromEntries(first.files.map((f) => [f.file.split('/').pop(), f.unknownColumns]));
    assert.deepEqual(unknown['structures.csv'], ['commentaire_interne']);
    assert.deepEqual(unknown['experiences.json'], ['source_collecte']);
    assert.deepEqual(unknown['resultats.csv'], []);
  });

  it('changes nothing when the same files are imported again', async () => {
    assert.deepEqual(second.totals, { read: 47, inserted: 0, updated: 0, unchanged: 28, rejected: 19, skipped: 0 });
    assert.deepEqual(brief(allRejections(second)), brief(allRejections(first)));
    assert.deepEqual(await dump(server.store.db), afterFirst);
  });

  it('keeps the demo data next to the imported data', async () => {
    const demo = ResultsResponse.parse((await server.app.inject('/api/v1/structures/CAF-69/results')).json());
    const demoCodes = demoResultsBefore.indicators.map((i) => i.code);
    // The demo indicators are all still there with their points; the real result for IND-50 joined them.
    for (const code of demoCodes) {
      assert.deepEqual(
        demo.indicators.find((i) => i.code === code)?.points,
        demoResultsBefore.indicators.find((i) => i.code === code)?.points,
      );
    }
    assert.deepEqual(demo.indicators.find((i) => i.code === 'IND-50')?.points.map((p) => [p.period, p.value]), [['2024-Q2', 42]]);
    const search = StructuresPage.parse((await server.app.inject('/api/v1/structures?q=bouches%20du%20rhone')).json());
    // The imported CAF and the demo prefecture of the same department are found together.
    assert.deepEqual(search.items.map((s) => s.code).sort(), ['CAF-13', 'PREF-13']);
    const caf = StructuresPage.parse((await server.app.inject('/api/v1/structures?network=CAF&limit=100')).json());
    assert.ok(caf.items.some((s) => s.code === 'CAF-69') && caf.items.some((s) => s.code === 'CAF-13'));
    // The CAF network kept its demo name: the file's empty libelle_reseau does not erase it.
    assert.equal(caf.items.find((s) => s.code === 'CAF-13')?.network.name, "Caisses d'allocations familiales");
  });

  it('serves imported results through the public API: French decimals, periods, units, inferred direction', async () => {
    const res = await server.app.inject('/api/v1/structures/PREF-06/results');
    assert.equal(res.statusCode, 200);
    const results = ResultsResponse.parse(res.json());
    assert.equal(results.structure.name, 'Préfecture des Alpes-Maritimes');
    assert.equal(results.structure.level, 'department');
    assert.equal(results.updatedAt, '2023-01-21');
    const byCode = Object.fromEntries(results.indicators.map((i) => [i.code, i]));
    assert.deepEqual(byCode['IND-12']!.points.map((p) => [p.period, p.periodStart, p.periodEnd, p.value]), [
      ['2022-Q3', '2022-07-01', '2022-09-30', 94],
      ['2022-Q4', '2022-10-01', '2022-12-31', 95.16],
    ]);
    assert.equal(byCode['IND-12']!.target, 85);
    assert.equal(byCode['IND-27']!.label, "Usagers satisfaits de l'accueil");
    assert.equal(byCode['IND-27']!.points[0]!.sampleSize, 412);
    assert.match(byCode['IND-27']!.methodology, /satisfait » ou « très satisfait »\nà l'enquête/);
    assert.deepEqual([byCode['IND-31']!.unitType, byCode['IND-31']!.unit, byCode['IND-31']!.direction], ['days', 'jours', 'lower']);
    assert.equal(byCode['IND-45']!.points[0]!.value, null, 'an empty value is "not measured"');

    const aix = ResultsResponse.parse((await server.app.inject('/api/v1/structures/PREF-06-GRASSE/results')).json());
    assert.equal(aix.structure.name, "Sous-préfecture de Grasse; accueil des étrangers");
    assert.equal(aix.structure.parentCode, 'PREF-06');
    assert.equal(aix.indicators.find((i) => i.code === 'IND-45')!.points[0]!.sampleSize, 1250);

    const gardanne = ResultsResponse.parse((await server.app.inject('/api/v1/structures/FS-13-GARDANNE/results')).json());
    assert.deepEqual(gardanne.indicators.map((i) => [i.code, i.points.map((p) => `${p.period}=${p.value}`)]), [
      ['IND-27', ['2024-Q1=89', '2024-Q2=91.5']],
    ]);
  });

  it('publishes only published experiences, with their feeling, channels, tags and each structure’s reply', async () => {
    const page = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/PREF-06/testimonies')).json());
    const refs = page.items.map((t) => t.reference);
    assert.deepEqual(refs, ['EXP-2024-001087', 'EXP-2023-000518', 'EXP-2023-000412']);
    const answered = page.items.find((t) => t.reference === 'EXP-2023-000412')!;
    assert.equal(answered.feeling, 'positive');
    assert.deepEqual(answered.channels, [
      { channel: 'phone', feeling: 'negative' },
      { channel: 'counter', feeling: 'positive' },
    ]);
    assert.deepEqual(answered.tags, ['relation', 'reactivity']);
    assert.equal(answered.createdAt, '2023-03-02T08:15:00.000Z');
    assert.deepEqual(
      answered.replies.map((r) => [r.structure.code, r.signature, r.createdAt]),
      [['PREF-06', "Le service de l'accueil des étrangers, préfecture des Alpes-Maritimes", '2023-03-09T13:02:00.000Z']],
    );
    const shared = page.items.find((t) => t.reference === 'EXP-2024-001087')!;
    assert.deepEqual(shared.structures.map((s) => s.code), ['CAF-13', 'PREF-06']);
    assert.equal(shared.postedAs, 'helper');
    assert.deepEqual(shared.replies.map((r) => r.structure.code), ['CAF-13', 'PREF-06']);
    // Rejected (EXP-2023-000533) and pending (EXP-2023-000560) experiences are stored but never published.
    const sip = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/SIP-13-MARSEILLE-5/testimonies')).json());
    assert.deepEqual(sip.items.map((t) => t.reference), ['EXP-2024-001020']);
    const hidden = await server.store.db
      .selectFrom('testimonies')
      .select(['reference', 'status', 'published_at', 'rejection_reason'])
      .where('reference', 'in', ['EXP-2023-000533', 'EXP-2023-000560'])
      .orderBy('reference')
      .execute();
    assert.deepEqual(hidden, [
      { reference: 'EXP-2023-000533', status: 'rejected', published_at: null, rejection_reason: 'personal_data' },
      { reference: 'EXP-2023-000560', status: 'pending', published_at: null, rejection_reason: null },
    ]);
  });

  it('gives imported experiences no tracking token: no token opens their author view', async () => {
    for (const token of ['', 'a'.repeat(32), sha256('')]) {
      assert.equal(await getTracking(server.store.db, 'EXP-2023-000533', token), undefined);
    }
  });

  it('updates a row whose values changed in a newer export, and only that row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spp-import-newer-'));
    try {
      const text = readFileSync(fixture('resultats.csv'), 'utf8').replace('PREF-06;PREF;IND-12;95,16;21/01/2023;', 'PREF-06;PREF;IND-12;96,2;21/01/2023;');
      writeFileSync(join(dir, 'resultats.csv'), text);
      const report = await importOpenData(server.store.db, [join(dir, 'resultats.csv')], { now: NOW });
      assert.deepEqual([report.totals.inserted, report.totals.updated, report.totals.unchanged], [0, 1, 8]);
      const results = ResultsResponse.parse((await server.app.inject('/api/v1/structures/PREF-06/results')).json());
      assert.equal(results.indicators.find((i) => i.code === 'IND-12')!.points.at(-1)!.value, 96.2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a crash in the middle of an import', () => {
  it('keeps the committed batches, rolls back the failing one, and a rerun resumes without duplicates', async () => {
    const crashed = await freshDatabase();
    const clean = await freshDatabase();
    try {
      const setup = [fixture('structures.csv'), fixture('indicateurs.csv')];
      await importOpenData(crashed.db, setup, { now: NOW });
      await importOpenData(clean.db, setup, { now: NOW });

      // Batches of 3 rows: lines 2-4, 5-7, then the third batch (8-10) fails after its writes, before its commit.
      const boom = new Error('disk unplugged');
      await assert.rejects(
        importOpenData(crashed.db, [fixture('resultats.csv')], {
          now: NOW,
          batchSize: 3,
          beforeCommit: ({ index }) => {
            if (index === 2) throw boom;
          },
        }),
        boom,
      );
      assert.equal(await count(crashed.db, 'results'), 6, 'the two committed batches, nothing of the third');
      const run = await crashed.db.selectFrom('import_runs').selectAll().where('dataset', '=', 'results').executeTakeFirstOrThrow();
      assert.deepEqual([run.status, Number(run.last_line)], ['running', 7]);

      const resumed = await importOpenData(crashed.db, [fixture('resultats.csv')], { now: NOW, batchSize: 3 });
      const file = resumed.files[0]!;
      assert.equal(file.resumedFromLine, 7);
      assert.equal(file.skipped, 6);
      // The report covers the whole file: the counts of the committed batches were kept with them.
      assert.deepEqual([file.read, file.inserted, file.unchanged, file.rejected], [14, 8, 0, 6]);

      await importOpenData(clean.db, [fixture('resultats.csv')], { now: NOW });
      assert.deepEqual(await dump(crashed.db), await dump(clean.db));
      const done = await crashed.db.selectFrom('import_runs').select('status').where('dataset', '=', 'results').executeTakeFirstOrThrow();
      assert.equal(done.status, 'done');
    } finally {
      await crashed.dispose();
      await clean.dispose();
    }
  });

  it('reads a file again from the start with restart, and a finished file is read whole again', async () => {
    const store = await freshDatabase();
    try {
      await importOpenData(store.db, [fixture('structures.csv')], { now: NOW, batchSize: 2, beforeCommit: ({ index }) => {
        if (index === 1) throw new Error('crash');
      } }).catch(() => {});
      const restarted = await importOpenData(store.db, [fixture('structures.csv')], { now: NOW, restart: true });
      assert.equal(restarted.files[0]!.resumedFromLine, null);
      assert.deepEqual([restarted.totals.read, restarted.totals.inserted, restarted.totals.unchanged], [9, 3, 2]);
      const again = await importOpenData(store.db, [fixture('structures.csv')], { now: NOW });
      assert.deepEqual([again.totals.read, again.totals.unchanged, again.totals.skipped], [9, 5, 0]);
    } finally {
      await store.dispose();
    }
  });
});

describe('files the importer must cope with', () => {
  let store: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  before(async () => {
    store = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'spp-import-files-'));
    await importOpenData(store.db, [fixture('structures.csv'), fixture('indicateurs.csv')], { now: NOW });
  });
  after(async () => {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a Windows-1252 export (what a French spreadsheet saves) and says so', async () => {
    const text = 'code_sp;nom;reseau;commune\nMAIRIE-13055;Mairie de Marseille, état civil;COMMUNE;Marseille\n';
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from(text, 'latin1'));
    const report = await importOpenData(store.db, [join(dir, 'latin1.csv')], { now: NOW });
    assert.equal(report.files[0]!.encoding, 'windows-1252');
    const row = await store.db.selectFrom('structures').select('name').where('code', '=', 'MAIRIE-13055').executeTakeFirstOrThrow();
    assert.equal(row.name, 'Mairie de Marseille, état civil');
  });

  it('reads a big UTF-8 export as UTF-8 even where an accented letter straddles two of the chunks it is read in', async () => {
    // The file is checked 256 KiB at a time: the "é" of the second row starts on the last byte of the first chunk.
    const head = 'code_sp;nom;reseau;commentaire\nMAIRIE-13010;Mairie de Gémenos;COMMUNE;';
    const second = '\nMAIRIE-13011;Mairie de Cuges-les-Pins, ';
    const pad = 'x'.repeat((1 << 18) - 1 - Buffer.byteLength(head + second));
    writeFileSync(join(dir, 'big-utf8.csv'), `${head}${pad}${second}état civil;COMMUNE;\n`);
    const report = await importOpenData(store.db, [join(dir, 'big-utf8.csv')], { now: NOW });
    assert.equal(report.files[0]!.encoding, 'utf-8');
    const names = await store.db.selectFrom('structures').select('name').where('code', 'in', ['MAIRIE-13010', 'MAIRIE-13011']).orderBy('code').execute();
    assert.deepEqual(names.map((n) => n.name), ['Mairie de Gémenos', 'Mairie de Cuges-les-Pins, état civil']);
  });

  it('detects a comma-separated file', async () => {
    writeFileSync(join(dir, 'comma.csv'), 'code_sp,nom,reseau\nMAIRIE-13001,"Mairie, Aubagne",COMMUNE\n');
    const report = await importOpenData(store.db, [join(dir, 'comma.csv')], { now: NOW });
    assert.equal(report.totals.inserted, 1);
  });

  it('rejects a row with more values than columns instead of shifting them', async () => {
    writeFileSync(join(dir, 'shifted.csv'), 'code_sp;nom;reseau\nMAIRIE-13002;Mairie; annexe;COMMUNE\nMAIRIE-13003;Mairie de Cassis;COMMUNE\n');
    const report = await importOpenData(store.db, [join(dir, 'shifted.csv')], { now: NOW });
    assert.deepEqual(brief(allRejections(report)), ['shifted.csv:2 : 4 values for 3 columns (a value holding ";" or a line break must be quoted)']);
    assert.equal(report.totals.inserted, 1);
  });

  it('says which file it could not recognise and still imports the others', async () => {
    writeFileSync(join(dir, 'budget.csv'), 'annee;montant\n2024;12\n');
    const report = await importOpenData(store.db, [join(dir, 'budget.csv'), fixture('resultats.csv')], { now: NOW });
    assert.match(report.files.find((f) => f.file.endsWith('budget.csv'))!.error!, /not a Services Publics\+ export[^\n]*\n[\s\S]*not recognised: "annee"; "montant"/);
    assert.ok(report.files.find((f) => f.file.endsWith('resultats.csv'))!.inserted > 0);
  });

  it('keeps the records before the break of a truncated JSON export and reports the break', async () => {
    const whole = readFileSync(fixture('resultats-explore.json'), 'utf8');
    writeFileSync(join(dir, 'cut.json'), whole.slice(0, whole.indexOf('"code_indicateur": "IND-12"')));
    const report = await importOpenData(store.db, [join(dir, 'cut.json')], { now: NOW });
    assert.match(report.files[0]!.error!, /ends too early/);
    assert.equal(report.files[0]!.read, 2);
  });

  it('refuses a path that does not exist, naming it', async () => {
    await assert.rejects(importOpenData(store.db, [join(dir, 'nope.csv')]), /nope\.csv: no such file or folder/);
  });

  it('imports a 20 000-row export in batches, whatever the order the files are given in', async () => {
    const structures = ['code_sp;nom;reseau;niveau'];
    const results = ['code_sp;code_indicateur;valeur;periode;date_mise_a_jour'];
    for (let s = 0; s < 400; s++) {
      structures.push(`BIG-${s};Structure ${s};COMMUNE;Local`);
      for (let m = 1; m <= 50; m++) {
        results.push(`BIG-${s};IND-12;${(80 + ((s * 7 + m) % 20)).toString().replace('.', ',')},5;${2000 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')};01/02/2005`);
      }
    }
    writeFileSync(join(dir, 'big-structures.csv'), structures.join('\n'));
    writeFileSync(join(dir, 'big-results.csv'), results.join('\n'));
    const started = Date.now();
    const report = await importOpenData(store.db, [join(dir, 'big-results.csv'), join(dir, 'big-structures.csv')], { now: NOW, batchSize: 1000 });
    assert.deepEqual([report.totals.read, report.totals.inserted, report.totals.rejected], [20_400, 20_400, 0]);
    // Printed for the record, not asserted: timings belong to the benchmark, not to tests.
    console.log(`  20 400 rows imported in ${Date.now() - started} ms`);
  });
});

/** What the command needs to reach a test database (`DATA_DIR`, or `DATABASE_URL` for PostgreSQL). */
const commandEnv = (database: TestDatabase) => ({
  ...process.env,
  DATA_DIR: database.options.dataDir,
  DATABASE_URL: database.options.databaseUrl ?? '',
});

describe('npm run import (the command)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.dispose());

  // Exactly what `npm run import -- ...` runs (package.json): the command compiled by server/cli/compiled.mjs.
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [...script.split(' ').slice(1), ...args], {
      cwd: root,
      env: commandEnv(database),
      encoding: 'utf8',
    });
  // The bundle a run of the command compiled (named after its process).
  const bundleOf = (pid: number) => readdirSync(join(root, 'node_modules/.cache/spp-cli')).filter((f) => f === `import-${pid}.mjs`);

  it('imports a folder, prints the report with each rejection, and exits 0', () => {
    const res = run('test/fixtures/opendata');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /test\/fixtures\/opendata\/structures\.csv \(structures, CSV\)\n {2}read 9, inserted 5, updated 0, unchanged 0, rejected 4/);
    assert.match(res.stdout, /Total: read 47, inserted 27, updated 0, unchanged 0, rejected 20/);
    assert.match(res.stdout, /resultats\.csv:13 date_mise_a_jour: "31\/02\/2023" is not a calendar date/);
    // No terminal: no progress bar on stderr.
    assert.equal(res.stderr, '');
    assert.deepEqual(bundleOf(res.pid!), [], 'the compiled command is removed when it exits');
  });

  it('changes nothing the second time, and --json gives the same report to a script', () => {
    const res = run('test/fixtures/opendata', '--json');
    assert.equal(res.status, 0, res.stderr);
    const report = JSON.parse(res.stdout) as ImportReport;
    assert.deepEqual(report.totals, { read: 47, inserted: 0, updated: 0, unchanged: 27, rejected: 20, skipped: 0 });
  });

  it('explains its usage errors', () => {
    const none = run();
    assert.equal(none.status, 1);
    assert.match(none.stderr, /Give a file or a folder to import/);
    const badBatch = run('test/fixtures/opendata', '--batch-size', 'many');
    assert.equal(badBatch.status, 1);
    assert.match(badBatch.stderr, /--batch-size must be a whole number/);
  });

  it('exits 2 when a file could not be imported at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spp-import-cli-bad-'));
    const other = await createTestDatabase();
    try {
      writeFileSync(join(dir, 'budget.csv'), 'annee;montant\n2024;12\n');
      copyFileSync(fixture('structures.csv'), join(dir, 'structures.csv'));
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', dir], { cwd: root, env: commandEnv(other), encoding: 'utf8' });
      assert.equal(res.status, 2);
      assert.match(res.stdout, /budget\.csv \(not imported\)\n {2}error: not a Services Publics\+ export/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await other.dispose();
    }
  });

  it('survives being killed mid-import: the database holds whole batches only, and the rerun completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spp-import-kill-'));
    const killed = await createTestDatabase();
    try {
      const structures = ['code_sp;nom;reseau'];
      const results = ['code_sp;code_indicateur;valeur;periode;date_mise_a_jour'];
      for (let s = 0; s < 600; s++) {
        structures.push(`K-${s};Structure ${s};COMMUNE`);
        for (let m = 1; m <= 50; m++) results.push(`K-${s};IND-12;${m},5;${2000 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')};01/02/2005`);
      }
      mkdirSync(join(dir, 'data'));
      writeFileSync(join(dir, 'data', 'structures.csv'), structures.join('\n'));
      writeFileSync(join(dir, 'data', 'indicateurs.csv'), readFileSync(fixture('indicateurs.csv')));
      writeFileSync(join(dir, 'data', 'resultats.csv'), results.join('\n'));
      const args = ['--import', 'tsx', 'server/cli/import.ts', join(dir, 'data'), '--batch-size', '200'];
      const env = commandEnv(killed);

      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      const store = await openDatabase(killed.options);
      try {
        // Kill it once some result batches are committed (the run log says so), at no chosen point of a batch.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const row = await store.db
            .selectFrom('import_runs')
            .select('last_line')
            .where('dataset', '=', 'results')
            .executeTakeFirst()
            .catch(() => undefined);
          if (row && Number(row.last_line) >= 2000) break;
          if (Date.now() > deadline) throw new Error('the import never committed a results batch');
          await new Promise((r) => setTimeout(r, 20));
        }
        child.kill('SIGKILL');
        await exited;
        const run = await store.db.selectFrom('import_runs').selectAll().where('dataset', '=', 'results').executeTakeFirstOrThrow();
        assert.equal(run.status, 'running');
        const rows = await count(store.db, 'results');
        // Every data line up to the last committed one is in (line 1 is the header), and nothing after it.
        assert.equal(rows, Number(run.last_line) - 1);
        assert.ok(rows < 30_000, 'killed before the end');
      } finally {
        await store.close();
      }
      const rerun = spawnSync(process.execPath, [...args, '--json'], { cwd: root, env, encoding: 'utf8' });
      assert.equal(rerun.status, 0, rerun.stderr);
      const report = JSON.parse(rerun.stdout) as ImportReport;
      const resultsFile = report.files.find((f) => f.dataset === 'results')!;
      assert.ok(resultsFile.resumedFromLine! >= 2000);
      assert.equal(resultsFile.read, 30_000);
      assert.equal(resultsFile.inserted, 30_000);
      const after = await openDatabase(killed.options);
      try {
        assert.equal(await count(after.db, 'results'), 30_000);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await killed.dispose();
    }
  });
});
