import { createHash, randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { migrate, openDatabase } from '../server/store/database.js';
import { DEMO_INDICATORS } from '../server/seed/indicators.js';
import { lastQuarters, prng, generateHistory } from '../server/seed/results.js';
import { DEMO_NETWORKS } from '../server/seed/structures.js';
import { foldText } from '../server/store/text.js';
import { CHANNELS, FEELINGS, TAGS } from '../src/contract/testimony.js';
import { progress } from './report.js';

/**
 * A store the size of the real programme and more: 15,000 structures (the real platform lists more than
 * 14,000) and 1,000,000 testimonies (it has published about 21,000: fifty times that), written fast into a
 * SQLite file whose schema comes from the real migrations. Deterministic (seeded PRNG), so two runs
 * measure the same data.
 *
 * Shape: structures in a network → department → site tree; every site and department publishes 4 to 6
 * indicators over 8 quarters; testimonies go to structures with a skewed popularity (a Zipf law with
 * exponent 0.7: the busiest structure gets tens of thousands, most get a few dozen), 70 % published,
 * 10 % pending, 20 % rejected; 75 % of the published ones have a public reply.
 */

export interface ScaleShape {
  structures: number;
  testimonies: number;
}

export interface GeneratedStore {
  /** Migrations applied when it was generated: a store from an older schema is not reused. */
  migrations: string[];
  dataDir: string;
  file: string;
  shape: ScaleShape;
  seconds: number;
  /** Structure codes publishing results, for the results query. */
  structuresWithResults: string[];
  /** Every structure code, for the testimonies query. */
  structureCodes: string[];
  /** The structure with the most published testimonies, and how many. */
  busiest: { code: string; published: number };
  rows: Record<string, number>;
}

const INDICATOR_SETS: Record<string, string[]> = {
  CAF: ['IND-DECROCHE', 'IND-DELAI-DOSSIER', 'IND-27', 'IND-NET', 'IND-ATTENTE', 'IND-EN-LIGNE-8'],
  CPAM: ['IND-DECROCHE', 'IND-DELAI-REPONSE', 'IND-27', 'IND-ATTENTE', 'IND-NOTE'],
  'DGFIP-SIP': ['IND-DECROCHE', 'IND-DELAI-REPONSE', 'IND-27', 'IND-ATTENTE'],
  PREF: ['IND-DECROCHE', 'IND-DELAI-CI', 'IND-DELAI-PC', 'IND-27', 'IND-EN-LIGNE-8'],
};
const DESK_INDICATORS = ['IND-27', 'IND-NOTE', 'IND-ATTENTE', 'IND-DELAI-REPONSE'];

/** Share of the structures per network, roughly as on the real platform (many gendarmeries, communes, France Services). */
const NETWORK_WEIGHTS: [string, number][] = [
  ['GEND', 0.2],
  ['COMMUNE', 0.2],
  ['FS', 0.17],
  ['POLICE', 0.08],
  ['DGFIP-SIP', 0.07],
  ['FT', 0.07],
  ['CAF', 0.06],
  ['CPAM', 0.06],
  ['PREF', 0.04],
  ['URSSAF', 0.03],
  ['UNIV', 0.02],
];

const CITIES = ['Lyon', 'Marseille', 'Lille', 'Bordeaux', 'Nantes', 'Rennes', 'Dijon', 'Brest', 'Annecy', 'Gap', 'Tulle', 'Guéret', 'Crest', 'Brioude', 'Albi', 'Niort'];
const TITLES = [
  'Attente au téléphone',
  'Accueil très aimable',
  'Dossier bloqué depuis des semaines',
  'Rendez-vous obtenu rapidement',
  'Courrier incompréhensible',
  'Démarche en ligne simple',
  'Personne ne répond aux messages',
  'Un agent qui a pris le temps d’expliquer',
  'File d’attente dehors sous la pluie',
  'Remboursement reçu en avance',
  'Formulaire qui plante à la dernière étape',
  'Aide précieuse pour une personne âgée',
];
const SENTENCES = [
  'J’ai appelé trois fois avant d’obtenir quelqu’un.',
  'L’agent a été patient et m’a tout réexpliqué.',
  'Le site indiquait un délai de dix jours, il en a fallu quarante.',
  'On m’a demandé deux fois le même justificatif.',
  'Le rendez-vous en visio m’a évité de poser une demi-journée.',
  'Je n’ai reçu aucun accusé de réception de mon dossier.',
  'La conseillère m’a rappelé le lendemain comme promis.',
  'Le courrier reçu ne disait pas quoi faire ensuite.',
  'Au guichet, tout a été réglé en un quart d’heure.',
  'Le formulaire en ligne a refusé ma pièce jointe sans dire pourquoi.',
  'Merci à l’équipe pour sa gentillesse.',
  'Il faudrait pouvoir suivre l’avancement du dossier en ligne.',
  'Les horaires affichés ne correspondaient pas à l’ouverture réelle.',
  'On m’a orienté vers le bon service du premier coup.',
];
const REPLIES = [
  'Merci pour votre message. Nous avons transmis vos remarques à l’équipe concernée et revu notre organisation de l’accueil.',
  'Nous sommes désolés pour ce délai. Votre dossier a été traité depuis ; n’hésitez pas à nous recontacter par téléphone.',
  'Merci pour ce retour positif, que nous partageons avec les agents de l’accueil.',
  'Nous avons corrigé le formulaire en ligne suite à plusieurs retours comme le vôtre.',
];

const DAY_MS = 24 * 3600 * 1000;
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A unique, readable reference per row number: a bijection of the 40-bit space, so no two collide. */
function referenceFor(n: number): string {
  // Multiplying by an odd constant modulo 2^40 is a permutation: references look random yet never repeat.
  const mixed = (BigInt(n) * 0x9e3779b97fn) & ((1n << 40n) - 1n);
  let out = '';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[Number((mixed >> BigInt(35 - i * 5)) & 31n)];
  return `SPP-${out.slice(0, 4)}-${out.slice(4)}`;
}

interface StructureRow {
  code: string;
  network: string;
  level: 'network' | 'department' | 'site';
  parent: string | null;
}

function planStructures(total: number): StructureRow[] {
  const rows: StructureRow[] = [];
  const totalWeight = NETWORK_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  NETWORK_WEIGHTS.forEach(([network, weight], index) => {
    const last = index === NETWORK_WEIGHTS.length - 1;
    const count = Math.max(1, last ? total - rows.length : Math.round((total * weight) / totalWeight));
    let made = 0;
    const add = (row: StructureRow) => {
      if (made++ < count) rows.push(row);
    };
    add({ code: `BN-${network}`, network, level: 'network', parent: null });
    const departments = Math.min(101, Math.max(1, Math.floor(count / 10)));
    for (let d = 1; d <= departments; d++) add({ code: `BN-${network}-${d}`, network, level: 'department', parent: `BN-${network}` });
    for (let s = 1; made < count; s++) {
      const department = (s % departments) + 1;
      add({ code: `BN-${network}-${department}-S${s}`, network, level: 'site', parent: `BN-${network}-${department}` });
    }
  });
  return rows;
}

/** Cumulative Zipf weights (exponent 0.7) over `n` ranks, for drawing a structure per testimony. */
function zipfSampler(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** 0.7;
    cumulative[k] = sum;
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Generates the store into `dataDir/spp.sqlite`. Prints progress; takes minutes at full size. */
export async function generateScaleStore(dataDir: string, shape: ScaleShape): Promise<GeneratedStore> {
  const started = Date.now();
  const handle = await openDatabase({ dataDir });
  const migrations = await migrate(handle.db);
  const file = handle.location;
  await handle.close();

  const db = new SQLite(file);
  // A bulk load into a throwaway file: no journal, no fsync, a big page cache. The server's settings come back at the end.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  const random = prng(20240601);
  const now = Date.now();
  const rows: Record<string, number> = {};
  const bump = (table: string, n = 1) => (rows[table] = (rows[table] ?? 0) + n);

  // Networks, indicators, structures, results.
  const structures = planStructures(shape.structures);
  const insertNetwork = db.prepare('insert into networks (code, name) values (?, ?)');
  const insertIndicator = db.prepare(
    'insert into indicators (code, network_code, label, original_label, family, unit_type, unit, direction, target, methodology, sources, position) values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertStructure = db.prepare(
    'insert into structures (code, name, network_code, level, parent_code, postcode, city, contact_phone, contact_url, contact_address, search_text, created_at) values (?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?)',
  );
  const insertResult = db.prepare(
    'insert into results (structure_code, indicator_code, period, period_start, period_end, value, sample_size, network_average, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const quarters = lastQuarters(new Date(now), 8);
  const structuresWithResults: string[] = [];
  db.transaction(() => {
    for (const [code, name] of Object.entries(DEMO_NETWORKS)) insertNetwork.run(code, name);
    DEMO_INDICATORS.forEach((i, position) =>
      insertIndicator.run(i.code, i.label, i.originalLabel, i.family, i.unitType, i.unit, i.direction, i.target, i.methodology, i.sources, position),
    );
    bump('networks', Object.keys(DEMO_NETWORKS).length);
    bump('indicators', DEMO_INDICATORS.length);
  })();
  const writeStructures = db.transaction((batch: StructureRow[]) => {
    for (const s of batch) {
      const city = CITIES[Math.floor(random() * CITIES.length)]!;
      const postcode = String(1000 + Math.floor(random() * 94000)).padStart(5, '0');
      const name = `${DEMO_NETWORKS[s.network] ?? s.network} – ${s.level === 'network' ? 'national' : `${city} ${s.code.slice(s.code.lastIndexOf('-') + 1)}`}`;
      insertStructure.run(s.code, name, s.network, s.level, s.parent, postcode, city, foldText(`${name} ${city} ${postcode} ${s.network}`), new Date(now).toISOString());
      bump('structures');
      if (s.level === 'network') continue;
      structuresWithResults.push(s.code);
      for (const code of INDICATOR_SETS[s.network] ?? DESK_INDICATORS) {
        const indicator = DEMO_INDICATORS.find((i) => i.code === code)!;
        for (const p of generateHistory(indicator, s.code, quarters)) {
          insertResult.run(s.code, code, p.period, p.periodStart, p.periodEnd, p.value, p.sampleSize, p.networkAverage, p.updatedAt);
          bump('results');
        }
      }
    }
  });
  for (let i = 0; i < structures.length; i += 1000) writeStructures(structures.slice(i, i + 1000));
  progress(`scale: ${structures.length.toLocaleString('en-US')} structures and ${rows.results!.toLocaleString('en-US')} results written (${Math.round((Date.now() - started) / 1000)} s)`);

  // Testimonies, their structures and replies.
  const insertTestimony = db.prepare(
    `insert into testimonies (id, reference, token_hash, status, feeling, title, body, channels, tags, posted_as, postcode, email, contact_consent, lang, pii_flags, rejection_reason, created_at, moderated_at, published_at, first_reply_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, 0, 'fr', '[]', ?, ?, ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    'insert into testimony_structures (testimony_id, structure_code, position, published_at, replied_at) values (?, ?, ?, ?, ?)',
  );
  const insertReply = db.prepare('insert into replies (id, testimony_id, structure_code, body, signature, created_at) values (?, ?, ?, ?, ?, ?)');
  // Popularity rank → structure: a shuffled order, except that the busiest is a known CAF department.
  const order = structures.map((s) => s.code).filter((c) => c !== 'BN-CAF-1');
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.unshift('BN-CAF-1');
  const drawStructure = zipfSampler(order.length, random);
  const published = new Map<string, number>();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const span = 4 * 365 * DAY_MS;

  const writeTestimonies = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const id = randomUUID();
      const roll = random();
      const status = roll < 0.7 ? 'published' : roll < 0.8 ? 'pending' : 'rejected';
      const createdMs = now - span + random() * (span - 2 * DAY_MS);
      const publishedMs = status === 'published' ? createdMs + (1 + random() * 9) * DAY_MS : null;
      const replied = publishedMs !== null && random() < 0.75;
      const replyMs = replied ? Math.min(now, publishedMs! + random() * 30 * DAY_MS) : null;
      const codes = new Set<string>([order[drawStructure()]!]);
      const extra = random();
      if (extra < 0.1) codes.add(order[drawStructure()]!);
      if (extra < 0.01) codes.add(order[drawStructure()]!);
      const body = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(SENTENCES)).join(' ');
      const channels = JSON.stringify(
        [...new Set([pick(CHANNELS), ...(random() < 0.3 ? [pick(CHANNELS)] : [])])].map((channel) => ({ channel, feeling: pick(FEELINGS) })),
      );
      const tags = JSON.stringify(status === 'published' ? [...new Set([pick(TAGS), ...(random() < 0.4 ? [pick(TAGS)] : [])])] : []);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      insertTestimony.run(
        id,
        referenceFor(n),
        createHash('sha256').update(id).digest('hex'),
        status,
        pick(FEELINGS),
        pick(TITLES),
        body,
        channels,
        tags,
        random() < 0.9 ? 'user' : 'helper',
        status === 'rejected' ? pick(['personal_data', 'insults', 'out_of_scope', 'individual_complaint']) : null,
        iso(createdMs),
        iso(status === 'pending' ? null : publishedMs ?? createdMs + DAY_MS),
        iso(publishedMs),
        iso(replyMs),
      );
      // The reply, when there is one, comes from the first structure.
      let position = 0;
      for (const code of codes) {
        insertLink.run(id, code, position, iso(publishedMs), position === 0 ? iso(replyMs) : null);
        position++;
        bump('testimony_structures');
        if (publishedMs !== null) published.set(code, (published.get(code) ?? 0) + 1);
      }
      if (replied) {
        const first = [...codes][0]!;
        insertReply.run(randomUUID(), id, first, pick(REPLIES), 'Le service relation usagers', iso(replyMs));
        bump('replies');
      }
    }
  });
  const batch = 10_000;
  for (let from = 0; from < shape.testimonies; from += batch) {
    writeTestimonies(from, Math.min(shape.testimonies, from + batch));
    const done = Math.min(shape.testimonies, from + batch);
    if (done % 100_000 === 0 || done === shape.testimonies) {
      progress(`scale: ${done.toLocaleString('en-US')} / ${shape.testimonies.toLocaleString('en-US')} testimonies (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  bump('testimonies', shape.testimonies);

  progress('scale: analyzing and switching back to WAL (as the server runs it)');
  db.exec('analyze');
  db.pragma('journal_mode = WAL');
  db.close();

  const [busiestCode, busiestCount] = [...published.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    migrations,
    dataDir,
    file,
    shape,
    seconds: (Date.now() - started) / 1000,
    structuresWithResults,
    structureCodes: structures.map((s) => s.code),
    busiest: { code: busiestCode, published: busiestCount },
    rows,
  };
}
