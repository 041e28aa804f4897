import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ResultsResponse, Structure, TestimoniesPage } from '../../src/contract/index.js';
import { importOpenData, type ImportReport } from '../../server/import/importer.js';
import type { Database } from '../../server/store/schema.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The Services Publics+ open data as the portal publishes it (test/fixtures/opendata-real/, written by hand from
 * the formats of the team's shared DOMAIN.md): Opendatasoft field ids and French labels, BOM, Windows-1252, French
 * dates, network names instead of codes, structures named by title, annual, half-year and quarterly values.
 */
const root = resolve(import.meta.dirname, '../..');
const REAL = join(root, 'test/fixtures/opendata-real');
const NOW = new Date('2025-01-15T10:00:00.000Z');

const brief = (report: ImportReport) =>
  report.files.flatMap((f) => f.rejections.map((r) => `${r.file.split('/').pop()}:${r.line} ${r.column}: ${r.reason}`));

async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['networks', 'structures', 'indicators', 'results', 'testimonies', 'testimony_structures', 'replies']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

describe('npm run import on the real exports', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.dispose());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args, '--json'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: database.options.dataDir, DATABASE_URL: database.options.databaseUrl ?? '' },
      encoding: 'utf8',
    });

  it('imports every real-format file with exit 0 and no rejected row, each read as the right dataset', () => {
    const res = run('test/fixtures/opendata-real');
    assert.equal(res.status, 0, res.stderr);
    const report = JSON.parse(res.stdout) as ImportReport;
    assert.deepEqual(
      report.files.map((f) => [f.file.split('/').pop(), f.dataset, f.format, f.encoding, f.read, f.inserted, f.rejected, f.unknownColumns]),
      [
        ['export-structures.csv', 'structures', 'csv', 'utf-8', 3, 3, 0, []],
        ['export-indicateurs-libelles.csv', 'indicators', 'csv', 'windows-1252', 3, 3, 0, []],
        ['export-resultats-libelles.csv', 'results', 'csv', 'utf-8', 3, 3, 0, []],
        ['export-resultats.csv', 'results', 'csv', 'utf-8', 5, 5, 0, []],
        ['export-resultats.json', 'results', 'json', 'utf-8', 2, 2, 0, []],
        ['export-experiences-libelles.csv', 'experiences', 'csv', 'utf-8', 1, 1, 0, []],
        ['export-experiences-records.json', 'experiences', 'json', 'utf-8', 1, 1, 0, []],
        ['export-experiences.csv', 'experiences', 'csv', 'utf-8', 3, 3, 0, []],
      ],
    );
    assert.deepEqual(brief(report), []);
  });

  it('inserts and updates nothing the second time', () => {
    const res = run('test/fixtures/opendata-real');
    assert.equal(res.status, 0, res.stderr);
    const report = JSON.parse(res.stdout) as ImportReport;
    assert.deepEqual(report.totals, { read: 21, inserted: 0, updated: 0, unchanged: 21, rejected: 0, skipped: 0 });
  });
});

describe('the real exports in a seeded database', () => {
  let server: TestServer;
  let report: ImportReport;
  let before_: Record<string, number>;
  let networksBefore: { code: string; name: string }[];
  let seededIndicatorsBefore: unknown[];

  before(async () => {
    server = await startTestServer();
    const db = server.store.db;
    before_ = await tableCounts(db);
    networksBefore = await db.selectFrom('networks').selectAll().orderBy('code').execute();
    seededIndicatorsBefore = await db.selectFrom('indicators').selectAll().orderBy('code').execute();
    report = await importOpenData(db, [REAL], { now: NOW });
  });
  after(() => server.close());

  it('imports every row', () => {
    assert.deepEqual(brief(report), []);
    assert.deepEqual(report.totals, { read: 21, inserted: 21, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
  });

  it('joins the existing networks by name ("Préfectures", "PRÉFECTURES", "Caisses d\'allocations familiales"), never making one', async () => {
    const db = server.store.db;
    assert.deepEqual(await db.selectFrom('networks').selectAll().orderBy('code').execute(), networksBefore);
    const structure = Structure.parse((await server.app.inject('/api/v1/structures/PREF-83-TOULON')).json());
    assert.deepEqual(structure.network, { code: 'PREF', name: 'Préfectures' });
    assert.equal(structure.parentCode, 'PREF-83');
    const caf = Structure.parse((await server.app.inject('/api/v1/structures/CAF-33')).json());
    assert.equal(caf.network.code, 'CAF');
    // The catalogue's network names join the same networks; the seeded indicators stay as they were.
    const imported = await db.selectFrom('indicators').select(['code', 'network_code']).where('code', 'like', 'IND-%-0%').orderBy('code').execute();
    assert.deepEqual(imported, [
      { code: 'IND-CAF-01', network_code: 'CAF' },
      { code: 'IND-PREF-01', network_code: 'PREF' },
      { code: 'IND-PREF-02', network_code: 'PREF' },
    ]);
    const seeded = await db
      .selectFrom('indicators')
      .selectAll()
      .where('code', 'not in', ['IND-CAF-01', 'IND-PREF-01', 'IND-PREF-02'])
      .orderBy('code')
      .execute();
    assert.deepEqual(seeded, seededIndicatorsBefore);
  });

  it('serves a structure first seen in the files with its values, units, user-facing labels and periods', async () => {
    const res = await server.app.inject('/api/v1/structures/PREF-83/results');
    assert.equal(res.statusCode, 200);
    const results = ResultsResponse.parse(res.json());
    assert.equal(results.structure.name, 'Préfecture du Var');
    assert.equal(results.structure.network.name, 'Préfectures');
    const byCode = Object.fromEntries(results.indicators.map((i) => [i.code, i]));
    const calls = byCode['IND-PREF-01']!;
    assert.equal(calls.label, 'Appels décrochés par un agent');
    assert.equal(calls.unit, '%');
    // Annual values: the year before the update date, never a quarter.
    assert.deepEqual(
      calls.points.map((p) => [p.period, p.periodStart, p.periodEnd, p.value, p.updatedAt]),
      [
        ['2021', '2021-01-01', '2021-12-31', 93.4, '2022-01-18'],
        ['2022', '2022-01-01', '2022-12-31', 95.16, '2023-01-21'],
      ],
    );
    const delay = byCode['IND-PREF-02']!;
    assert.equal(delay.unitType, 'days');
    assert.equal(delay.direction, 'lower');
    // Quarterly values dated 1er février 2023, 18 avril 2023 and 2023-07-12 (the JSON export).
    assert.deepEqual(
      delay.points.map((p) => [p.period, p.value]),
      [
        ['2022-Q4', 31.5],
        ['2023-Q1', 27],
        ['2023-Q2', 29.5],
      ],
    );
    const toulon = ResultsResponse.parse((await server.app.inject('/api/v1/structures/PREF-83-TOULON/results')).json());
    assert.deepEqual(
      toulon.indicators.map((i) => [i.code, i.points.map((p) => [p.period, p.periodStart, p.periodEnd, p.value])]),
      [
        ['IND-PREF-01', [['2023-S1', '2023-01-01', '2023-06-30', 88.5]]],
        ['IND-PREF-02', [['2023-Q1', '2023-01-01', '2023-03-31', 12.5]]],
      ],
    );
    const caf = ResultsResponse.parse((await server.app.inject('/api/v1/structures/CAF-33/results')).json());
    assert.deepEqual(
      caf.indicators[0]!.points.map((p) => [p.period, p.value]),
      [
        ['2021', 77],
        ['2022', 79],
        ['2023', 81.2],
      ],
    );
  });

  it('publishes the experiences of the structures they name by title, with their replies, feelings and tags', async () => {
    const page = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/PREF-83/testimonies')).json());
    assert.deepEqual(
      page.items.map((t) => t.reference),
      ['48402', '48215', '48213'],
    );
    const first = page.items.find((t) => t.reference === '48213')!;
    assert.equal(first.feeling, 'positive');
    assert.equal(first.createdAt, '2023-01-21T12:00:00.000Z');
    assert.equal(first.publishedAt, '2023-02-01T12:00:00.000Z');
    assert.deepEqual(first.tags, ['information', 'relation', 'reactivity', 'simplicity']);
    assert.deepEqual(
      first.replies.map((r) => [r.structure.code, r.signature, r.createdAt]),
      [['PREF-83', 'Préfecture du Var', '2023-02-03T12:00:00.000Z']],
    );
    assert.match(first.replies[0]!.body, /service des étrangers\.\nLa préfecture du Var$/);
    // Two structures named by typology and title, each with its reply.
    const shared = page.items.find((t) => t.reference === '48215')!;
    assert.deepEqual(
      shared.replies.map((r) => r.structure.code),
      ['CAF-33', 'PREF-83'],
    );
    // "Sous-préfecture" + "de Toulon" names the sub-prefecture; a helper wrote it; "En attente de réponse" is published.
    const toulon = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/PREF-83-TOULON/testimonies')).json());
    assert.deepEqual(
      toulon.items.map((t) => [t.reference, t.postedAs, t.feeling, t.replies.length, t.tags]),
      [['48214', 'helper', 'neutral', 0, ['accessibility', 'information', 'reactivity']]],
    );
    const caf = TestimoniesPage.parse((await server.app.inject('/api/v1/structures/CAF-33/testimonies')).json());
    assert.deepEqual(
      caf.items.map((t) => [t.reference, t.feeling, t.tags]),
      [
        ['48301', 'negative', ['accessibility', 'information', 'reactivity', 'simplicity']],
        ['48215', 'positive', ['relation', 'reactivity']],
      ],
    );
  });

  it('changes nothing when imported again', async () => {
    const counts = await tableCounts(server.store.db);
    const again = await importOpenData(server.store.db, [REAL], { now: NOW });
    assert.deepEqual(again.totals, { read: 21, inserted: 0, updated: 0, unchanged: 21, rejected: 0, skipped: 0 });
    assert.deepEqual(await tableCounts(server.store.db), counts);
    assert.ok(counts.structures === before_.structures! + 3);
  });
});

describe('what the real exports can get wrong', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'spp-import-real-'));
    await importOpenData(server.store.db, [join(REAL, 'export-structures.csv'), join(REAL, 'export-indicateurs-libelles.csv')], { now: NOW });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('rejects a network name it does not know, with its line, and creates no network', async () => {
    const file = join(dir, 'export-structures.csv');
    writeFileSync(
      file,
      'code_sp_de_la_structure;reseau;intitule_de_la_typologie;intitule_de_la_structure\n' +
        'MAIRIE-83-HYERES;Communes;Mairie;Mairie de Hyères\n' +
        'OFII-83;Office français de l’immigration et de l’intégration;Direction territoriale;OFII du Var\n',
    );
    const networks = await server.store.db.selectFrom('networks').select('code').execute();
    const report = await importOpenData(server.store.db, [file], { now: NOW });
    assert.deepEqual(brief(report), [
      'export-structures.csv:3 reseau: unknown network "Office français de l’immigration et de l’intégration": no network has this code or name (tried the 11 networks of the database and the known SP+ networks of docs/import.md)',
    ]);
    assert.equal(report.totals.inserted, 1);
    assert.deepEqual(await server.store.db.selectFrom('networks').select('code').execute(), networks);
  });

  it('rejects an experience whose structure cannot be found, an unknown status word and a tag that is not a feeling', async () => {
    const file = join(dir, 'export-experiences.csv');
    writeFileSync(
      file,
      'id_experience;etat_experience;ecrit_le;titre;description;ressenti_usager;intitule_typologie_1;intitule_structure_1;reactivite\n' +
        '1;Traitée;21 janvier 2023;Bien;Très bien reçu.;Positif;Préfecture;Préfecture de la Lune;\n' +
        '2;Classée sans suite;21/01/2023;Bien;Très bien reçu.;Positif;Préfecture;Préfecture du Var;\n' +
        '3;Traitée;31 février 2023;Bien;Très bien reçu.;Positif;Préfecture;Préfecture du Var;Oui peut-être\n' +
        '4;Traitée;2023-01-21;Bien;Très bien reçu.;Positif;Préfecture;Préfecture du Var;Négatif\n',
    );
    const report = await importOpenData(server.store.db, [file], { now: NOW });
    assert.deepEqual(brief(report), [
      'export-experiences.csv:2 intitule_typologie_1: no structure named "Préfecture de la Lune" or "Préfecture Préfecture de la Lune" or "Préfecture de la Lune Préfecture" or "Préfecture" (import the structures first, or give the code SP+)',
      'export-experiences.csv:3 etat_experience: "Classée sans suite" is not an experience status (traitée, publiée, en attente de réponse, en modération, rejetée)',
      'export-experiences.csv:4 ecrit_le: "31 février 2023" is not a calendar date',
      'export-experiences.csv:4 reactivite: "Oui peut-être" is not a feeling (Positif, Neutre, Négatif or empty)',
    ]);
    assert.equal(report.totals.inserted, 1);
  });

  it('rejects a result row whose frequency is missing or unknown rather than guessing a quarter', async () => {
    const file = join(dir, 'export-resultats.csv');
    writeFileSync(
      file,
      'code_sp_structure;code_sp_de_l_indicateur;valeur;frequence;date_de_mise_a_jour\n' +
        'PREF-83;IND-PREF-01;90;;21/01/2024\n' +
        'PREF-83;IND-PREF-01;90;Bimensuelle;21/01/2024\n' +
        'PREF-83;IND-PREF-01;90;Mensuelle;21/01/2024\n',
    );
    const report = await importOpenData(server.store.db, [file], { now: NOW });
    assert.deepEqual(brief(report), [
      'export-resultats.csv:2 frequence: missing frequency (annuelle, semestrielle, trimestrielle or mensuelle)',
      'export-resultats.csv:3 frequence: "Bimensuelle" is not a frequency (annuelle, semestrielle, trimestrielle, mensuelle)',
    ]);
    const row = await server.store.db.selectFrom('results').select(['period', 'value']).where('structure_code', '=', 'PREF-83').execute();
    assert.deepEqual(row, [{ period: '2023-12', value: 90 }]);
  });

  it('explains a header that matches no dataset: what was recognised, what is missing, the closest names', async () => {
    const file = join(dir, 'resultats-renommes.csv');
    writeFileSync(file, 'Code SP+ structure;Code indicateur SP+;Valeurs;Fréquence;Date de mise à jour\nPREF-83;IND-PREF-01;90;Annuelle;21/01/2024\n');
    const report = await importOpenData(server.store.db, [file], { now: NOW });
    const error = report.files[0]!.error!;
    assert.match(error, /^not a Services Publics\+ export: its columns match no dataset/);
    assert.match(error, /\nresults: recognised Code SP\+ structure, Date de mise à jour, Fréquence; missing code_sp_de_l_indicateur, valeur\n/);
    assert.match(error, /not recognised: "Code indicateur SP\+" \(closest: [^)]*\); "Valeurs" \(closest: valeur[,)]/);
  });
});

describe('importOpenData options for an uploaded file', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'spp-import-options-'));
    await importOpenData(server.store.db, [join(REAL, 'export-structures.csv'), join(REAL, 'export-indicateurs-libelles.csv')], { now: NOW });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  const upload = () => {
    const file = join(dir, 'upload.csv');
    writeFileSync(
      file,
      'code_sp_structure;code_sp_de_l_indicateur;valeur;frequence;date_de_mise_a_jour\n' +
        'PREF-83;IND-PREF-01;91,5;Annuelle;21/01/2024\n' +
        'PREF-83;IND-PREF-01;beaucoup;Annuelle;21/01/2024\n' +
        'CAF-33;IND-CAF-01;80;Annuelle;21/01/2024\n' +
        'PREF-83-TOULON;IND-PREF-01;87;Annuelle;21/01/2024\n',
    );
    return file;
  };

  it('dryRun checks every line, reports rejections with their lines, and writes nothing', async () => {
    const counts = await tableCounts(server.store.db);
    const runs = await server.store.db.selectFrom('import_runs').selectAll().execute();
    const report = await importOpenData(server.store.db, [upload()], { now: NOW, dryRun: true });
    assert.deepEqual(brief(report), ['upload.csv:3 valeur: "beaucoup" is not a number (expected e.g. 95,16)']);
    assert.deepEqual([report.totals.read, report.totals.inserted, report.totals.rejected], [4, 3, 1]);
    assert.deepEqual(await tableCounts(server.store.db), counts);
    assert.deepEqual(await server.store.db.selectFrom('import_runs').selectAll().execute(), runs);
  });

  it('structures limits what may be written: a row for another structure is rejected with its line', async () => {
    const report = await importOpenData(server.store.db, [upload()], { now: NOW, structures: ['PREF-83', 'PREF-83-TOULON'] });
    assert.deepEqual(brief(report), [
      'upload.csv:3 valeur: "beaucoup" is not a number (expected e.g. 95,16)',
      'upload.csv:4 code_sp_structure: structure CAF-33 is outside the allowed ones (PREF-83, PREF-83-TOULON)',
    ]);
    const written = await server.store.db
      .selectFrom('results')
      .select(['structure_code', 'period', 'value'])
      .where('structure_code', 'in', ['PREF-83', 'PREF-83-TOULON', 'CAF-33'])
      .orderBy('structure_code')
      .execute();
    assert.deepEqual(written, [
      { structure_code: 'PREF-83', period: '2023', value: 91.5 },
      { structure_code: 'PREF-83-TOULON', period: '2023', value: 87 },
    ]);
  });

  it('structures also guards the structures file, the experiences and the shared catalogue', async () => {
    const report = await importOpenData(server.store.db, [REAL], { now: NOW, structures: ['PREF-83'], dryRun: true });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file.split('/').pop(), f.rejected]));
    assert.equal(byFile['export-structures.csv'], 2);
    assert.equal(byFile['export-indicateurs-libelles.csv'], 3);
    assert.ok(
      brief(report).includes(
        // Line 6: the first record holds line breaks in its description and reply.
        'export-experiences.csv:6 intitule_typologie_1: structure CAF-33 is outside the allowed ones (PREF-83)',
      ),
      brief(report).join('\n'),
    );
  });
});
