/**
 * Contract-valid API payloads for stories, built from the same demo data the server seeds (structures,
 * indicators, generated histories, testimonies with replies), dated from today as the seed is: the elements
 * judge freshness against the real clock, so fixtures at a fixed date would turn every "Loaded" story into a
 * stale one as the calendar moves. The date is the start of today (UTC): a story looks the same all day and no
 * fixture is dated in the future. Every payload goes through its contract schema before a story sees it: a fixture that drifts from the
 * contract throws here, and the Storybook smoke test reports it.
 */
import * as z from 'zod/mini';
import type { Lang } from '../../src/contract/common.js';
import { EngagementsResponse } from '../../src/contract/engagement.js';
import { ResultsResponse, type Indicator } from '../../src/contract/results.js';
import { Structure, StructuresPage, StructureSummary } from '../../src/contract/structure.js';
import {
  PublishedTestimony,
  SubmissionAccepted,
  TestimoniesPage,
  TestimonyTracking,
  type Channel,
  type Feeling,
  type Tag,
  type TestimonyStatus,
} from '../../src/contract/testimony.js';
import { ENGAGEMENTS_EN } from '../../src/data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import { DEMO_INDICATORS } from '../../server/seed/indicators.js';
import { generateHistory, lastQuarters } from '../../server/seed/results.js';
import { DEMO_NETWORKS, DEMO_STRUCTURES, type DemoStructure } from '../../server/seed/structures.js';
import { DEMO_TESTIMONIES } from '../../server/seed/testimonies.js';
import { DEMO_IMPROVEMENTS } from '../../server/seed/improvements.js';
import { ImprovementsResponse } from '../../src/contract/improvement.js';

/** The date every fixture is computed from: today, 00:00 UTC. */
export const FIXTURE_NOW = fixtureNow(new Date());

function fixtureNow(today: Date): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}
const DAY_MS = 24 * 3600 * 1000;
const QUARTERS = 12;

/** Throws with the path of every mismatch: fixtures are meant to be exactly what the API answers. */
function valid<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Story fixture "${what}" does not match the API contract: ${where}`);
  }
  return result.data;
}

/** Structure codes worth knowing when writing a story. */
export const FIXTURE_CODES = {
  /** A CAF with commitments, 6 indicators, testimonies with replies. */
  caf: 'CAF-69',
  /** A prefecture (the State demo page). */
  prefecture: 'PREF-69',
  /** A town hall (the neutral demo page). */
  townHall: 'MAIRIE-ANNECY',
  /** Results last published 16 months ago. */
  stale: 'GEND-BRIOUDE',
  /** No results and no testimonies published yet. */
  empty: 'MAIRIE-ST-EXEMPLE',
  /** No structure has this code: the API answers 404. */
  unknown: 'INCONNU-00',
} as const;

const demoStructure = (code: string): DemoStructure | undefined => DEMO_STRUCTURES.find((s) => s.code === code);

function toSummary(s: DemoStructure): StructureSummary {
  return {
    code: s.code,
    name: s.name,
    network: { code: s.networkCode, name: DEMO_NETWORKS[s.networkCode] ?? s.networkCode },
    level: s.level,
    parentCode: s.parentCode ?? null,
    postcode: s.postcode ?? null,
    city: s.city ?? null,
  };
}

/** `GET /api/v1/engagements?lang=` (also what the bundle ships). */
export function engagementsFixture(lang: Lang = 'fr'): EngagementsResponse {
  return valid(EngagementsResponse, lang === 'en' ? ENGAGEMENTS_EN : ENGAGEMENTS_FR, `engagements ${lang}`);
}

/** Every demo structure, sorted like the API (by name). */
export const STRUCTURE_SUMMARIES: readonly StructureSummary[] = DEMO_STRUCTURES.map(toSummary).sort(
  (a, b) => a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code),
);

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** `GET /api/v1/structures?q=&network=&limit=`: every word of `q` in the name, city, postcode, code or network. */
export function structuresPageFixture(query: { q?: string; network?: string; limit?: number } = {}): StructuresPage {
  const words = fold(query.q ?? '').split(/\s+/).filter(Boolean);
  const matches = STRUCTURE_SUMMARIES.filter((s) => {
    if (query.network && s.network.code !== query.network) return false;
    const haystack = fold([s.name, s.city, s.postcode, s.code, s.network.name, s.network.code].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  const limit = query.limit ?? 20;
  return valid(StructuresPage, { items: matches.slice(0, limit), nextCursor: matches.length > limit ? 'fixture-next' : null }, 'structures page');
}

/** `GET /api/v1/structures/{code}`; `undefined` for an unknown code (the API answers 404). */
export function structureFixture(code: string): Structure | undefined {
  const s = demoStructure(code);
  if (!s) return undefined;
  return valid(
    Structure,
    {
      ...toSummary(s),
      contact: { phone: s.contact?.phone ?? null, url: s.contact?.url ?? null, address: s.contact?.address ?? null },
      commitments: s.commitments.map((c) => ({ engagement: c.engagement, text: c.text, since: c.since ?? null })),
    },
    `structure ${code}`,
  );
}

/** `GET /api/v1/structures/{code}/results`; `undefined` for an unknown code. */
export function resultsFixture(code: string): ResultsResponse | undefined {
  const s = demoStructure(code);
  if (!s) return undefined;
  const end = new Date(FIXTURE_NOW.getTime() - (s.staleMonths ?? 0) * 30 * DAY_MS);
  const quarters = lastQuarters(end, QUARTERS);
  let updatedAt: string | null = null;
  const indicators: Indicator[] = [];
  for (const code of s.indicators) {
    const demo = DEMO_INDICATORS.find((i) => i.code === code);
    if (!demo) continue;
    const points = generateHistory(demo, s.code, quarters).filter((p) => Date.parse(p.updatedAt) <= FIXTURE_NOW.getTime());
    if (!points.length) continue;
    for (const p of points) if (updatedAt === null || p.updatedAt > updatedAt) updatedAt = p.updatedAt;
    indicators.push({
      code: demo.code,
      label: demo.label,
      family: demo.family,
      unitType: demo.unitType,
      unit: demo.unit,
      direction: demo.direction,
      target: demo.target,
      methodology: demo.methodology,
      sources: demo.sources,
      points,
    });
  }
  return valid(ResultsResponse, { structure: toSummary(s), updatedAt, indicators }, `results ${code}`);
}

const at = (daysAgo: number) => new Date(FIXTURE_NOW.getTime() - daysAgo * DAY_MS).toISOString();
const refOf = (index: number) => `SPP-DEMO-${String(index + 1).padStart(4, '0')}`;
const nameOf = (code: string) => demoStructure(code)?.name ?? code;

/** Every published demo testimony, newest first, with its replies. */
export const PUBLISHED_TESTIMONIES: readonly PublishedTestimony[] = DEMO_TESTIMONIES.flatMap((t, index) => {
  if (t.publishedDaysAgo === null) return [];
  const testimony: PublishedTestimony = {
    reference: refOf(index),
    feeling: t.feeling,
    title: t.title,
    body: t.body,
    channels: t.channels,
    tags: t.tags,
    postedAs: t.postedAs,
    structures: t.structures.map((code) => ({ code, name: nameOf(code) })),
    createdAt: at(t.writtenDaysAgo),
    publishedAt: at(t.publishedDaysAgo),
    replies: t.reply
      ? [{ structure: { code: t.reply.structure, name: nameOf(t.reply.structure) }, body: t.reply.body, signature: t.reply.signature, createdAt: at(t.reply.daysAgo) }]
      : [],
  };
  return [valid(PublishedTestimony, testimony, `testimony ${testimony.reference}`)];
}).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

/**
 * `GET /api/v1/structures/{code}/testimonies?feeling=&channel=&tag=&limit=&cursor=`, with the structure's stats.
 * The cursor is the offset of the next page (`fixture-next-2`), enough for "Voir plus" in a story.
 */
export function testimoniesPageFixture(
  code: string,
  filters: { feeling?: Feeling; channel?: Channel; tag?: Tag; limit?: number; cursor?: string } = {},
): TestimoniesPage {
  const mine = PUBLISHED_TESTIMONIES.filter((t) => t.structures.some((s) => s.code === code));
  const items = mine.filter(
    (t) =>
      (!filters.feeling || t.feeling === filters.feeling) &&
      (!filters.channel || t.channels.some((c) => c.channel === filters.channel)) &&
      (!filters.tag || t.tags.includes(filters.tag)),
  );
  const delays = mine
    .filter((t) => t.replies.length)
    .map((t) => (Date.parse(t.replies[0]!.createdAt) - Date.parse(t.publishedAt)) / DAY_MS)
    .sort((a, b) => a - b);
  const median = delays.length ? (delays[Math.floor((delays.length - 1) / 2)]! + delays[Math.ceil((delays.length - 1) / 2)]!) / 2 : null;
  const limit = filters.limit ?? 10;
  const offset = Number(/^fixture-next-(\d+)$/.exec(filters.cursor ?? '')?.[1] ?? 0);
  return valid(
    TestimoniesPage,
    {
      items: items.slice(offset, offset + limit),
      nextCursor: items.length > offset + limit ? `fixture-next-${offset + limit}` : null,
      stats: {
        published: mine.length,
        answered: delays.length,
        responseRate: mine.length ? delays.length / mine.length : null,
        medianReplyDays: median === null ? null : Math.round(median * 10) / 10,
      },
    },
    `testimonies of ${code}`,
  );
}

/** 201 answer to `POST /api/v1/testimonies`. */
export function submissionAcceptedFixture(reference = 'SPP-7K2M-Q9XD'): SubmissionAccepted {
  const token = 'fixture-token-0123456789abcdef';
  return valid(
    SubmissionAccepted,
    { reference, token, status: 'pending', createdAt: FIXTURE_NOW.toISOString(), trackingUrl: `https://services-publics-plus.example/suivi/${reference}#token=${token}` },
    'submission accepted',
  );
}

/** `GET /api/v1/testimonies/{reference}?token=`: the author's view, in any status. */
export function trackingFixture(status: TestimonyStatus = 'answered'): TestimonyTracking {
  const source = PUBLISHED_TESTIMONIES.find((t) => t.replies.length) ?? PUBLISHED_TESTIMONIES[0]!;
  const published = status === 'published' || status === 'answered';
  return valid(
    TestimonyTracking,
    {
      reference: source.reference,
      status,
      feeling: source.feeling,
      title: source.title,
      structures: source.structures,
      createdAt: source.createdAt,
      publishedAt: published ? source.publishedAt : null,
      rejectionReason: status === 'rejected' ? 'personal_data' : null,
      replies: status === 'answered' ? source.replies : [],
    },
    `tracking ${status}`,
  );
}

/** `GET /api/v1/structures/{code}/improvements?lang=`: the seed's improvement plan, latest date first. */
export function improvementsFixture(code: string, lang: Lang = 'fr'): ImprovementsResponse | undefined {
  const s = demoStructure(code);
  if (!s) return undefined;
  const keywords = new Map(engagementsFixture(lang).pillars.flatMap((p) => p.engagements.map((e) => [e.number, e.keyword] as const)));
  const items = DEMO_IMPROVEMENTS.filter((a) => a.structure === code)
    .map((a, index) => ({
      id: `${code}-action-${index + 1}`,
      youSaid: a.youSaid,
      weDid: a.weDid,
      engagement: { number: a.engagement, keyword: keywords.get(a.engagement) ?? String(a.engagement) },
      tag: a.tag,
      status: a.status,
      date: at(a.daysAgo).slice(0, 10),
      updatedAt: at(Math.max(a.daysAgo, 0)),
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
  return valid(ImprovementsResponse, { structure: { code, name: s.name }, items }, `improvements of ${code}`);
}
