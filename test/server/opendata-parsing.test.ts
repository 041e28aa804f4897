import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CsvParser, detectSeparator } from '../../server/import/csv.js';
import { JsonRecordScanner } from '../../server/import/json-records.js';
import { detectDataset } from '../../src/opendata/columns.js';
import { knownNetworkCode } from '../../src/opendata/networks.js';
import {
  inferDirection,
  isoDateTime,
  periodBefore,
  readDate,
  readFrequency,
  readNumber,
  readPeriod,
  readPostedAs,
  readStatus,
  readTagCell,
  readUnit,
} from '../../src/opendata/values.js';

/** Feeds the text in pieces of `size` characters, as a stream may cut it anywhere. */
function parseCsv(text: string, size = text.length, separator = ';') {
  const parser = new CsvParser(separator);
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  records.push(...parser.end());
  return records;
}

const TRICKY_CSV =
  '\ufeffcode_sp;nom;commentaire\r\n' +
  'A-1;"Mairie; annexe";"sur\r\ndeux lignes"\r\n' +
  '\r\n' +
  'A-2;"Le ""guichet"" unique";\r\n' +
  'A-3;"";fin';

describe('CSV reader', () => {
  it('reads quoted separators, doubled quotes, line breaks in values, CRLF, a BOM and blank lines', () => {
    assert.deepEqual(parseCsv(TRICKY_CSV), [
      { line: 1, fields: ['code_sp', 'nom', 'commentaire'] },
      { line: 2, fields: ['A-1', 'Mairie; annexe', 'sur\ndeux lignes'] },
      { line: 5, fields: ['A-2', 'Le "guichet" unique', ''] },
      { line: 6, fields: ['A-3', '', 'fin'] },
    ]);
  });

  it('gives the same records whatever the size of the chunks the stream delivers', () => {
    const whole = parseCsv(TRICKY_CSV);
    for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(parseCsv(TRICKY_CSV, size), whole, `chunks of ${size}`);
  });

  it('reports an unterminated quote with the line the record starts on', () => {
    const records = parseCsv('a;b\nA-1;"never closed\nA-2;x\n');
    assert.equal(records.length, 2);
    assert.deepEqual([records[1]!.line, records[1]!.error], [2, 'unterminated quoted field (a `"` is never closed)']);
  });

  it('detects the separator from the header', () => {
    assert.equal(detectSeparator('code_sp;nom'), ';');
    assert.equal(detectSeparator('code_sp,nom'), ',');
    assert.equal(detectSeparator('code_sp\tnom'), '\t');
  });
});

describe('JSON export reader', () => {
  const scan = (text: string, size = text.length) => {
    const scanner = new JsonRecordScanner();
    const out = [];
    for (let i = 0; i < text.length; i += size) out.push(...scanner.push(text.slice(i, i + size)));
    scanner.end();
    return out.map((r) => [r.line, JSON.parse(r.text)]);
  };

  it('streams the records of an array export and of an Explore API page, in any chunk size', () => {
    const array = '[\n {"a": "x]}"},\n {"a": "y\\"{"}\n]';
    const page = '{"total_count": 2, "links": [{"rel": "self"}], "results": [\n{"a": 1},\n{"a": [2, {"b": 3}]}\n]}';
    for (const size of [1, 4, 1000]) {
      assert.deepEqual(scan(array, size), [[2, { a: 'x]}' }], [3, { a: 'y"{' }]]);
      assert.deepEqual(scan(page, size), [[2, { a: 1 }], [3, { a: [2, { b: 3 }] }]]);
    }
  });

  it('refuses what is not an export, and a truncated file', () => {
    assert.throws(() => scan('"hello"'), /not a JSON export/);
    assert.throws(() => scan('{"total_count": 0}'), /no records found/);
    assert.throws(() => scan('[{"a": 1}, {"a"'), /ends too early/);
  });
});

describe('open-data values', () => {
  it('reads French and English decimals, grouped thousands and a trailing %', () => {
    assert.deepEqual(['95,16', '95.16', '1 234,5', '1\u202f234', '12 %', '-3', '', 42].map((v) => readNumber(v).value), [
      95.16, 95.16, 1234.5, 1234, 12, -3, null, 42,
    ]);
    for (const bad of ['95,1,6', 'abc', '1 23', '12e3']) assert.ok(readNumber(bad).error, bad);
  });

  it('reads French and ISO dates, refuses impossible ones, and converts Paris local time to UTC', () => {
    assert.equal(isoDateTime(readDate('21/01/2023 14:35').value!), '2023-01-21T13:35:00.000Z');
    assert.equal(isoDateTime(readDate('21/07/2023 14:35').value!), '2023-07-21T12:35:00.000Z');
    assert.equal(isoDateTime(readDate('2023-01-21T14:35:00+01:00').value!), '2023-01-21T13:35:00.000Z');
    assert.equal(isoDateTime(readDate('2023-01-21').value!), '2023-01-21T12:00:00.000Z');
    for (const bad of ['31/02/2023', '2023-13-01', '21-01-2023', '29/02/2023']) assert.ok(readDate(bad).error, bad);
    assert.ok(readDate('29/02/2024').value);
  });

  it('reads periods in the ways exports write them', () => {
    const ids = ['2024', '2024-T3', 'T3 2024', '2024-Q3', '3e trimestre 2024', '2024-05', '05/2024'].map((p) => readPeriod(p).value?.id);
    assert.deepEqual(ids, ['2024', '2024-Q3', '2024-Q3', '2024-Q3', '2024-Q3', '2024-05', '2024-05']);
    assert.deepEqual(readPeriod('2024-T1').value, { id: '2024-Q1', start: '2024-01-01', end: '2024-03-31' });
    assert.ok(readPeriod('2024-13').error);
  });

  it('maps the catalogue units and infers which way is better', () => {
    assert.deepEqual(readUnit('%', '').value, { unitType: 'percent', unit: '%' });
    assert.deepEqual(readUnit('', 'Nombre de jours').value, { unitType: 'days', unit: 'jours' });
    assert.deepEqual(readUnit('/10', 'Note').value?.unitType, 'score10');
    assert.deepEqual(readUnit('points', 'Solde').value?.unitType, 'points');
    assert.equal(inferDirection('percent', 'Taux de décroché téléphonique'), 'higher');
    assert.equal(inferDirection('percent', 'Respect du délai annoncé'), 'higher');
    assert.equal(inferDirection('percent', 'Part des appels en attente plus de 5 minutes'), 'lower');
    assert.equal(inferDirection('minutes', 'Accueil'), 'lower');
  });

  it('tells the datasets apart from their columns', () => {
    assert.equal(detectDataset(['Code SP', 'Nom', 'Réseau']), 'structures');
    assert.equal(detectDataset(['reseau', 'code_indicateur', 'libelle_usager', 'type_indicateur', 'unite']), 'indicators');
    assert.equal(detectDataset(['code_sp', 'reseau', 'code_indicateur', 'valeur', 'date_mise_a_jour']), 'results');
    assert.equal(detectDataset(['id_experience', 'titre', 'description', 'ressenti', 'code_sp_1']), 'experiences');
    assert.equal(detectDataset(['annee', 'montant']), undefined);
  });
});

describe('the real exports\' values', () => {
  it('reads dates in French words', () => {
    const day = (text: string) => {
      const read = readDate(text);
      return read.value ? isoDateTime(read.value) : read.error;
    };
    assert.equal(day('21 janvier 2023'), '2023-01-21T12:00:00.000Z');
    assert.equal(day('1er mars 2024'), '2024-03-01T12:00:00.000Z');
    assert.equal(day('mardi 5 DÉCEMBRE 2023'), '2023-12-05T12:00:00.000Z');
    assert.equal(day('3 févr. 2024'), '2024-02-03T12:00:00.000Z');
    assert.equal(day('14 août 2023 à 14h35'), '2023-08-14T12:35:00.000Z');
    assert.equal(day('31 février 2023'), '"31 février 2023" is not a calendar date');
    assert.match(day('21 brumaire 2023')!, /is not a date/);
  });

  it('turns a frequency and an update date into the period the value covers, never a silent quarter', () => {
    const period = (frequency: string, updated: string) => {
      const f = readFrequency(frequency).value!;
      return periodBefore(f, readDate(updated).value!).id;
    };
    assert.equal(period('Annuelle', '21/01/2023'), '2022');
    assert.equal(period('annuel', '2023-12-31'), '2022');
    assert.equal(period('Semestrielle', '15/07/2023'), '2023-S1');
    assert.equal(period('Semestrielle', '15/03/2023'), '2022-S2');
    assert.equal(period('Trimestrielle', '18 avril 2023'), '2023-Q1');
    assert.equal(period('Mensuelle', '05/01/2024'), '2023-12');
    assert.deepEqual(readPeriod('1er semestre 2024').value, { id: '2024-S1', start: '2024-01-01', end: '2024-06-30' });
    assert.equal(readPeriod('2024-S2').value?.end, '2024-12-31');
    assert.equal(readFrequency('').value, null);
    assert.match(readFrequency('Bimensuelle').error!, /is not a frequency/);
  });

  it('reads the statuses, the tags as feelings and the poster of the real experiences', () => {
    assert.equal(readStatus('Traitée').value, 'published');
    assert.equal(readStatus('En attente de réponse').value, 'published');
    assert.equal(readStatus('En cours de modération').value, 'pending');
    assert.equal(readStatus('Rejetée').value, 'rejected');
    assert.match(readStatus('Classée sans suite').error!, /is not an experience status/);
    assert.deepEqual(['Positif', 'Neutre', 'Négatif', '', 'oui', 'non'].map((c) => readTagCell(c).value), [true, true, true, false, true, false]);
    assert.match(readTagCell('Plutôt bien').error!, /is not a feeling/);
    assert.deepEqual(['Usager', 'Un usager', 'Aidant', 'Proche aidant', ''].map((c) => readPostedAs(c).value), ['user', 'user', 'helper', 'helper', 'user']);
  });

  it('knows the SP+ networks by their published names', () => {
    assert.equal(knownNetworkCode('Préfectures'), 'PREF');
    assert.equal(knownNetworkCode('PRÉFECTURE'), 'PREF');
    assert.equal(knownNetworkCode("Caisses d'allocations familiales"), 'CAF');
    assert.equal(knownNetworkCode('Caisse d’allocations familiales'), 'CAF');
    assert.equal(knownNetworkCode('Pôle emploi'), 'FT');
    assert.equal(knownNetworkCode('Office de tourisme'), undefined);
  });

  it('tells both header styles of every real dataset apart', () => {
    assert.equal(detectDataset(['code_sp_du_resultat', 'intitule_du_reseau', 'code_sp_structure', 'code_sp_de_l_indicateur', 'valeur', 'frequence', 'date_de_mise_a_jour']), 'results');
    assert.equal(detectDataset(['Code SP+ de la structure', 'Intitulé de la structure', "Code SP+ de l'indicateur", 'Valeur', 'Fréquence', 'Date de mise à jour']), 'results');
    assert.equal(detectDataset(['code_sp_de_l_indicateur', 'reseau', 'intitule_usager_de_l_indicateur', 'type_d_indicateur', 'type_d_unite', 'unite']), 'indicators');
    assert.equal(detectDataset(["Code SP+ de l'indicateur", 'Réseau', "Type d'indicateur", 'Unité']), 'indicators');
    assert.equal(detectDataset(['code_sp_de_la_structure', 'reseau', 'intitule_de_la_typologie', 'intitule_de_la_structure']), 'structures');
    assert.equal(detectDataset(['id_experience', 'etat_experience', 'titre', 'description', 'ressenti_usager', 'intitule_typologie_1']), 'experiences');
    assert.equal(detectDataset(['ID', "Etat de l'expérience", 'Ressenti usager', 'Intitulé typologie 1', 'Titre', 'Description']), 'experiences');
  });
});
