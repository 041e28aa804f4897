import type { Lang } from '../../src/contract/index.js';
import { commitmentsOf, type KitData } from './data.js';
import { formatDate, KIT, kitText } from './format.js';

/**
 * The kit's words: the national text of the communication kit (seed document, sections I to V) filled in with one
 * structure's name, local commitments, latest results and links. French is the reference; the English is our own
 * translation (there is no official one). Texts are returned as blocks so that the page, the PDFs and the
 * tests share one source.
 */

export type Block = { kind: 'h' | 'p'; text: string } | { kind: 'ul'; items: string[] };

export interface Post {
  id: string;
  /** What the post is about, shown above it ("Engagement 2"). */
  label: string;
  text: string;
}

/** A post may not exceed this (the length limit of the most restrictive network). */
export const POST_MAX = 280;

/** Shortens `part` with an ellipsis so that `build(part)` fits in `max` characters. */
export function fitText(build: (part: string) => string, part: string, max = POST_MAX): string {
  let text = build(part);
  if (text.length <= max) return text;
  const excess = text.length - max + 1;
  const cut = part.slice(0, Math.max(0, part.length - excess)).replace(/\s+\S*$/, '');
  text = build(`${cut}…`);
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const stripDot = (text: string) => text.replace(/[.\s]+$/, '');

/** Section I: the national key messages, then the structure's own. */
export function keyMessages(data: KitData): string[] {
  const say = KIT.in(data.lang);
  const name = data.structure.name;
  const local = data.structure.commitments.length;
  const figures = data.figures.length;
  return [
    say('message1', { name }),
    say('message2'),
    say('message3'),
    ...(local ? [say(local > 1 ? 'messageLocal_other' : 'messageLocal_one', { name, count: local })] : []),
    ...(figures ? [say(figures > 1 ? 'messageFigures_other' : 'messageFigures_one', { name, count: figures, link: data.links.results })] : []),
    say('messageForm', { name, link: data.links.form }),
  ];
}

/** Section I: the national key figures (with their sources). */
export function nationalFigures(lang: Lang): string[] {
  return (['national1', 'national2', 'national3', 'national4'] as const).map((key) => kitText(lang, key));
}

/** The structure's figures, each with its period: "Appels décrochés par un agent : 92,4 % (3e trimestre 2026, objectif 85 %)". */
export function figureLines(data: KitData): string[] {
  return data.figures.map((f) => {
    const target = f.target ? kitText(data.lang, 'figureTarget', { target: f.target }) : '';
    return kitText(data.lang, 'figureLine', { label: f.label, value: f.value, period: f.period, target });
  });
}

function engagementLines(data: KitData): string[] {
  return data.engagements.map((e) => `${e.number}. ${e.text}`);
}

function commitmentLines(data: KitData): string[] {
  return data.structure.commitments.map((c) => {
    const e = data.engagements.find((x) => x.number === c.engagement);
    return kitText(data.lang, 'commitmentLine', { n: c.engagement, keyword: e ? ` (${lower(e.keyword)})` : '', text: c.text });
  });
}

/** Section II a: the long article. */
export function longArticle(data: KitData): Block[] {
  const say = KIT.in(data.lang);
  const name = data.structure.name;
  const date = data.updatedAt ? formatDate(data.updatedAt, data.lang) : null;
  const blocks: Block[] = [
    { kind: 'h', text: say('longTitle', { name }) },
    { kind: 'p', text: say('longIntro1') },
    { kind: 'p', text: say('longIntro2') },
    { kind: 'p', text: say('longIntro3', { name, network: data.structure.network.name }) },
    { kind: 'h', text: say('longEngagements') },
    { kind: 'ul', items: engagementLines(data) },
  ];
  if (data.structure.commitments.length) blocks.push({ kind: 'h', text: say('longCommitments', { name }) }, { kind: 'ul', items: commitmentLines(data) });
  if (data.figures.length) {
    blocks.push(
      { kind: 'h', text: say('longResultsTitle') },
      { kind: 'p', text: say('longResults', { name, date: date ? say('longResultsDate', { date }) : '' }) },
      { kind: 'ul', items: figureLines(data) },
      { kind: 'p', text: say('longAllResults', { link: data.links.results }) },
    );
  }
  blocks.push(
    { kind: 'h', text: say('longOpinionTitle') },
    { kind: 'p', text: say('longOpinion', { name, form: data.links.form, testimonies: data.links.testimonies }) },
    { kind: 'h', text: say('longHowTitle') },
    { kind: 'p', text: say('longHow') },
  );
  return blocks;
}

/** Section II b: the short article. */
export function shortArticle(data: KitData): Block[] {
  const say = KIT.in(data.lang);
  const name = data.structure.name;
  const top = figureLines(data).slice(0, 3);
  const blocks: Block[] = [
    { kind: 'h', text: say('shortTitle', { name }) },
    { kind: 'p', text: say('shortIntro', { name }) },
    { kind: 'ul', items: engagementLines(data) },
  ];
  if (data.structure.commitments.length) blocks.push({ kind: 'p', text: say('shortCommitments') }, { kind: 'ul', items: commitmentLines(data) });
  if (top.length) blocks.push({ kind: 'p', text: say('shortResults', { link: data.links.results }) }, { kind: 'ul', items: top });
  blocks.push({ kind: 'p', text: say('shortForm', { link: data.links.form }) });
  return blocks;
}

/** Section IV: posts built from the structure's own commitments, figures and links; each within 280 characters. */
export function posts(data: KitData): Post[] {
  const say = KIT.in(data.lang);
  const name = data.structure.name;
  const list: Post[] = [];
  list.push({ id: 'promise', label: say('postPromiseLabel'), text: fitText((n) => say('postPromise', { name: n, link: data.links.form }), name) });
  for (const e of data.engagements) {
    const commitment = commitmentsOf(data, e.number)[0];
    if (!commitment) continue;
    list.push({
      id: `engagement-${e.number}`,
      label: `Engagement ${e.number}`,
      text: fitText((c) => say('postEngagement', { n: e.number, name, text: c, link: data.links.form }), stripDot(commitment) + '.'),
    });
  }
  for (const [i, f] of data.figures.slice(0, 3).entries()) {
    // French says "au 3e trimestre 2026" but "en mai 2026".
    const at = say(/trimestre/.test(f.period) ? 'postResultInQuarter' : 'postResultIn');
    const target = f.target ? say('postResultTarget', { target: f.target }) : '';
    list.push({
      id: `result-${i + 1}`,
      label: say('postResultLabel', { label: f.label }),
      text: fitText((n) => say('postResult', { label: f.label, value: f.value, in: at, period: f.period, target, name: n, link: data.links.results }), name),
    });
  }
  list.push({ id: 'opinion', label: say('postOpinionLabel'), text: fitText((n) => say('postOpinion', { name: n, link: data.links.form }), name) });
  return list;
}

/** Section V: a citizen's words per engagement. Engagement 6 shares engagement 7's words in the kit. */
export function quoteOf(data: KitData, engagement: number): string | null {
  const own = data.engagements.find((e) => e.number === engagement)?.quote ?? null;
  if (own) return own;
  return engagement === 6 ? (data.engagements.find((e) => e.number === 7)?.quote ?? null) : null;
}
