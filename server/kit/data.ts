import type { DatabaseHandle } from '../store/database.js';
import type { Engagement, EngagementsResponse, Indicator, Lang, Structure } from '../../src/contract/index.js';
import { getStructure } from '../store/structures.js';
import { getResults } from '../store/results.js';
import { getEngagements } from '../store/engagements.js';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import { ENGAGEMENTS_EN } from '../../src/data/engagements.en.js';
import { formatPeriod, formatValue } from './format.js';

/** A results poster holds at most this many indicators (two columns of six on one A4 page). */
export const MAX_FIGURES = 12;

/** Under this many answers a satisfaction value is not significant (same rule as the results card). */
const MIN_SAMPLE_SIZE = 100;

/** One indicator's latest significant value, ready to print: "Appels décrochés par un agent: 92,4 % (3e trimestre 2026)". */
export interface KitFigure {
  code: string;
  label: string;
  value: string;
  period: string;
  /** "85 %" or null. */
  target: string | null;
  /** Whether the value reaches the target (null without a target). */
  met: boolean | null;
}

export interface KitLinks {
  /** This kit page. */
  kit: string;
  /** The structure's live results (the QR code of results.pdf). */
  results: string;
  /** The testimony form (the QR code of engagements.pdf). */
  form: string;
  /** The published testimonies and replies. */
  testimonies: string;
}

export interface KitData {
  lang: Lang;
  structure: Structure;
  /** The three pillars ("Des services publics + proches"…), each with its engagements. */
  pillars: { title: string; engagements: Engagement[] }[];
  engagements: Engagement[];
  /** Whether the engagements' wording is our own translation (English). */
  translated: boolean;
  /** Up to 12 figures, in the catalogue's order; empty when nothing significant is published. */
  figures: KitFigure[];
  /** Latest publication date of the results, `YYYY-MM-DD…`, or null. */
  updatedAt: string | null;
  links: KitLinks;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;

/** The latest measured value with enough answers, and its period. */
function latestFigure(indicator: Indicator, lang: Lang): KitFigure | undefined {
  for (let i = indicator.points.length - 1; i >= 0; i--) {
    const point = indicator.points[i]!;
    if (point.value === null) continue;
    if (indicator.family === 'satisfaction' && point.sampleSize !== null && point.sampleSize < MIN_SAMPLE_SIZE) continue;
    const { target, direction } = indicator;
    return {
      code: indicator.code,
      label: indicator.label,
      value: formatValue(point.value, indicator.unitType, lang),
      period: formatPeriod(point.period, lang),
      target: target === null ? null : formatValue(target, indicator.unitType, lang),
      met: target === null ? null : direction === 'higher' ? point.value >= target : point.value <= target,
    };
  }
  return undefined;
}

/** The kit's links; `origin` as `publicOrigin` gives it (no trailing slash). */
export function kitLinks(origin: string, code: string, lang: Lang): KitLinks {
  const id = encodeURIComponent(code);
  const q = lang === 'en' ? '?lang=en' : '';
  return {
    kit: `${origin}/kit/${id}${q}`,
    results: `${origin}/resultats/${id}${q}`,
    form: `${origin}/form/${id}${q}`,
    testimonies: `${origin}/temoignages/${id}${q}`,
  };
}

/** Everything the kit's outputs are made from; `undefined` for an unknown (or malformed) structure code. */
export async function loadKit(store: DatabaseHandle, code: string, lang: Lang, origin: string): Promise<KitData | undefined> {
  if (!CODE.test(code)) return undefined;
  const structure = await getStructure(store.db, code);
  if (!structure) return undefined;
  const [results, stored] = await Promise.all([getResults(store.db, code), getEngagements(store.db, lang)]);
  const doc: EngagementsResponse = stored ?? (lang === 'en' ? ENGAGEMENTS_EN : ENGAGEMENTS_FR);
  const figures = (results?.indicators ?? [])
    .map((indicator) => latestFigure(indicator, lang))
    .filter((figure): figure is KitFigure => figure !== undefined)
    .slice(0, MAX_FIGURES);
  return {
    lang,
    structure,
    pillars: doc.pillars.map((pillar) => ({ title: pillar.title, engagements: pillar.engagements })),
    engagements: doc.pillars.flatMap((pillar) => pillar.engagements),
    translated: doc.translated,
    figures,
    updatedAt: figures.length ? (results?.updatedAt ?? null) : null,
    links: kitLinks(origin, structure.code, lang),
  };
}

/** The local commitments of one engagement. */
export const commitmentsOf = (data: KitData, engagement: number): string[] =>
  data.structure.commitments.filter((c) => c.engagement === engagement).map((c) => c.text);

