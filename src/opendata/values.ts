import type { Direction, IndicatorFamily, UnitType } from '../contract/results.js';
import type { StructureLevel } from '../contract/structure.js';
import type { Channel, Feeling, PostedAs, RejectionReason, Tag } from '../contract/testimony.js';

/**
 * How the values of the Services Publics+ open data read, shared by the importer (CSV and JSON exports) and the
 * portal adapter (Explore API): French decimals, French and ISO dates, the vocabulary of the catalogue.
 * Every reader returns `{ value }` or `{ error }` (a reason a deployer can act on), never throws.
 */
export type Read<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

const ok = <T>(value: T): Read<T> => ({ value });
const fail = <T>(error: string): Read<T> => ({ error });

/** A cell as it comes: CSV text, or a JSON value from an Opendatasoft export. */
export type Cell = unknown;

/** Trimmed text; `''` for null, undefined and empty; lists joined with `|`. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (Array.isArray(cell)) return cell.map(cellText).filter(Boolean).join('|');
  if (typeof cell === 'object') return '';
  return String(cell).trim();
}

const folds = new Map<string, string>();

/** Lower case, no accents, words joined by single spaces: "Qualité perçue" → "qualite percue". */
export function fold(text: string): string {
  // The same short cells (statuses, feelings, names) come back on every row of a big export.
  if (text.length > 64) return foldUncached(text);
  let folded = folds.get(text);
  if (folded === undefined) {
    if (folds.size >= 4096) folds.clear();
    folds.set(text, (folded = foldUncached(text)));
  }
  return folded;
}


function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/%]+/g, ' ')
    .trim();
}

// Thousands may be grouped with spaces, no-break spaces (U+00A0) or narrow no-break spaces (U+202F), as French
// spreadsheets write them; a trailing "%" is tolerated because some exports keep the unit in the cell.
const FRENCH_NUMBER = /^[+-]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)([.,]\d+)?$/;

/** `95,16`, `95.16`, `1 234,5`, `12 %`, or a JSON number. Empty is `null` (not measured). */
export function readNumber(cell: Cell): Read<number | null> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not a finite number');
  const text = cellText(cell).replace(/\s*%$/, '');
  if (text === '') return ok(null);
  if (!FRENCH_NUMBER.test(text)) return fail(`"${cellText(cell)}" is not a number (expected e.g. 95,16)`);
  return ok(Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')));
}

/** A whole number ≥ 0 (sample sizes). */
export function readCount(cell: Cell): Read<number | null> {
  const read = readNumber(cell);
  if (read.error !== undefined || read.value === null) return read;
  return Number.isInteger(read.value) && read.value >= 0 ? read : fail(`"${cellText(cell)}" is not a whole number`);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Present when the cell had a time. */
  time?: { hour: number; minute: number; second: number; millisecond: number };
  /** Minutes east of UTC when the cell said so (`Z`, `+01:00`); absent means French local time. */
  offsetMinutes?: number;
}

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const MONTHS: [RegExp, number][] = [
  [/^janv(ier|\.)?$/, 1],
  [/^fe?vr?(ier|\.)?$/, 2],
  [/^mars$/, 3],
  [/^avr(il|\.)?$/, 4],
  [/^mai$/, 5],
  [/^juin$/, 6],
  [/^juil(let|\.)?$/, 7],
  [/^aou?t$/, 8],
  [/^sept?(embre|\.)?$/, 9],
  [/^oct(obre|\.)?$/, 10],
  [/^nov(embre|\.)?$/, 11],
  [/^de?c(embre|\.)?$/, 12],
];
// "21 janvier 2023", "1er mars 2024", "mardi 21 janvier 2023", "21 janv. 2023 à 14h35".
const WORDS_DATE = /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?(\d{1,2})(?:er)? ([a-z.]+) (\d{4})(?: (?:a )?(\d{1,2})[:h](\d{2}))?$/;

/**
 * `21/01/2023`, `21/01/2023 14:35`, `2023-01-21`, `2023-01-21T13:35:00Z`, `2023-01-21T14:35:00+01:00`,
 * `21 janvier 2023`, `1er mars 2024`.
 */
export function readDate(cell: Cell): Read<DateParts | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  let parts: DateParts | undefined;
  const fr = FRENCH_DATE.exec(text);
  const iso = fr ? null : ISO_DATE.exec(text);
  const words = fr || iso ? null : WORDS_DATE.exec(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' '));
  const wordMonth = words ? MONTHS.find(([pattern]) => pattern.test(words[2]!))?.[1] : undefined;
  if (words && wordMonth) {
    parts = { day: Number(words[1]), month: wordMonth, year: Number(words[3]) };
    if (words[4] !== undefined) parts.time = { hour: Number(words[4]), minute: Number(words[5]), second: 0, millisecond: 0 };
  } else if (fr) {
    parts = { day: Number(fr[1]), month: Number(fr[2]), year: Number(fr[3]) };
    if (fr[4] !== undefined) {
      parts.time = { hour: Number(fr[4]), minute: Number(fr[5]), second: Number(fr[6] ?? 0), millisecond: 0 };
    }
  } else if (iso) {
    parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    if (iso[4] !== undefined) {
      const fraction = (iso[7] ?? '').padEnd(3, '0').slice(0, 3);
      parts.time = { hour: Number(iso[4]), minute: Number(iso[5]), second: Number(iso[6] ?? 0), millisecond: Number(fraction) };
    }
    const zone = iso[8];
    if (zone === 'Z') parts.offsetMinutes = 0;
    else if (zone) {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      parts.offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
  }
  if (!parts) return fail(`"${text}" is not a date (expected DD/MM/YYYY, YYYY-MM-DD or 21 janvier 2023)`);
  const { year, month, day, time } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail(`"${text}" is not a calendar date`);
  if (time && (time.hour > 23 || time.minute > 59 || time.second > 59)) return fail(`"${text}" has an impossible time`);
  return ok(parts);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isoDate = (p: Pick<DateParts, 'year' | 'month' | 'day'>): string => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;

/** Minutes east of UTC in Paris at that UTC instant (CET +60, CEST +120), without a time-zone database. */
function parisOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  // EU rule: summer time from the last Sunday of March to the last Sunday of October, at 01:00 UTC.
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  return utcMs >= lastSunday(2) && utcMs < lastSunday(9) ? 120 : 60;
}

/**
 * A timestamp in UTC (`2023-01-21T13:35:00.000Z`). A time without a zone is French local time (the exports are
 * made in Paris). A date without a time is stored at 12:00 UTC, so it shows on the same calendar day in every
 * French time zone, overseas included (UTC-10 to UTC+12).
 */
export function isoDateTime(p: DateParts): string {
  if (!p.time) return `${isoDate(p)}T12:00:00.000Z`;
  const local = Date.UTC(p.year, p.month - 1, p.day, p.time.hour, p.time.minute, p.time.second, p.time.millisecond);
  const offset = p.offsetMinutes ?? parisOffsetMinutes(local - 60 * 60_000);
  return new Date(local - offset * 60_000).toISOString();
}

export interface Period {
  /** `2024-Q3`, `2024`, `2024-05` (the contract's period ids). */
  id: string;
  start: string;
  end: string;
}

const quarter = (year: number, q: number): Period => ({
  id: `${year}-Q${q}`,
  start: isoDate({ year, month: q * 3 - 2, day: 1 }),
  end: isoDate({ year, month: q * 3, day: daysInMonth(year, q * 3) }),
});
const month = (year: number, m: number): Period => ({
  id: `${year}-${pad(m)}`,
  start: isoDate({ year, month: m, day: 1 }),
  end: isoDate({ year, month: m, day: daysInMonth(year, m) }),
});
const wholeYear = (year: number): Period => ({ id: String(year), start: `${year}-01-01`, end: `${year}-12-31` });
const half = (year: number, h: number): Period => ({
  id: `${year}-S${h}`,
  start: h === 1 ? `${year}-01-01` : `${year}-07-01`,
  end: h === 1 ? `${year}-06-30` : `${year}-12-31`,
});

export type Frequency = 'year' | 'half' | 'quarter' | 'month';

/** `annuelle`, `semestrielle`, `trimestrielle`, `mensuelle` (and their usual spellings). Empty is `null`. */
export function readFrequency(cell: Cell): Read<Frequency | null> {
  const text = fold(cellText(cell));
  if (!text) return ok(null);
  if (/^(annuel|annuelle|annuellement|annee|an|par an|yearly|annual)$/.test(text)) return ok('year');
  if (/^(semestriel|semestrielle|semestre|par semestre|half yearly|biannual)$/.test(text)) return ok('half');
  if (/^(trimestriel|trimestrielle|trimestre|par trimestre|quarterly)$/.test(text)) return ok('quarter');
  if (/^(mensuel|mensuelle|mois|par mois|monthly)$/.test(text)) return ok('month');
  return fail(`"${cellText(cell)}" is not a frequency (annuelle, semestrielle, trimestrielle, mensuelle)`);
}

/** The period of that frequency holding a date (a measure date names its own period). */
export function periodOf(frequency: Frequency, d: Pick<DateParts, 'year' | 'month'>): Period {
  if (frequency === 'year') return wholeYear(d.year);
  if (frequency === 'half') return half(d.year, d.month <= 6 ? 1 : 2);
  if (frequency === 'month') return month(d.year, d.month);
  return quarter(d.year, Math.ceil(d.month / 3));
}

/**
 * The period of that frequency a value published on that date describes: the last complete one before it (an
 * annual value updated on 21/01/2023 describes 2022), as results are published once their period closes.
 */
export function periodBefore(frequency: Frequency, d: Pick<DateParts, 'year' | 'month'>): Period {
  switch (frequency) {
    case 'year':
      return wholeYear(d.year - 1);
    case 'half':
      return d.month <= 6 ? half(d.year - 1, 2) : half(d.year, 1);
    case 'month':
      return d.month === 1 ? month(d.year - 1, 12) : month(d.year, d.month - 1);
    case 'quarter':
      return quarterBefore(d);
  }
}

/** `2024`, `2024-T3` / `T3 2024` / `2024-Q3` / `3e trimestre 2024`, `2024-S1` / `1er semestre 2024`, `2024-05` / `05/2024`. */
export function readPeriod(cell: Cell): Read<Period | null> {
  const text = fold(cellText(cell)).replace(/[\s/]+/g, ' ');
  if (text === '') return ok(null);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return ok(wholeYear(Number(m[1])));
  if ((m = /^(\d{4}) ?(?:t|q) ?([1-4])$/.exec(text)) || (m = /^(?:t|q) ?([1-4]) (\d{4})$/.exec(text))) {
    const [year, q] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return ok(quarter(Number(year), Number(q)));
  }
  if ((m = /^([1-4])(?:e|er|eme) trimestre (\d{4})$/.exec(text))) return ok(quarter(Number(m[2]), Number(m[1])));
  if ((m = /^(\d{4}) ?(?:s|h) ?([12])$/.exec(text)) || (m = /^(?:s|h) ?([12]) (\d{4})$/.exec(text))) {
    const [year, h] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return ok(half(Number(year), Number(h)));
  }
  if ((m = /^([12])(?:e|er|eme) semestre (\d{4})$/.exec(text))) return ok(half(Number(m[2]), Number(m[1])));
  if ((m = /^(\d{4}) (\d{1,2})$/.exec(text)) || (m = /^(\d{1,2}) (\d{4})$/.exec(text))) {
    const [year, mm] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    if (Number(mm) >= 1 && Number(mm) <= 12) return ok(month(Number(year), Number(mm)));
  }
  return fail(`"${cellText(cell)}" is not a period (expected 2024, 2024-T3 or 2024-05)`);
}

/** The calendar quarter holding a date (a measure date names its own quarter). */
export const quarterOf = (d: Pick<DateParts, 'year' | 'month'>): Period => quarter(d.year, Math.ceil(d.month / 3));

/**
 * The quarter a value published on that date describes: the last complete quarter before it (a value updated on
 * 21/01/2023 describes 2022-Q4), as results are published after the period closes.
 */
export function quarterBefore(d: Pick<DateParts, 'year' | 'month'>): Period {
  const q = Math.ceil(d.month / 3) - 1;
  return q === 0 ? quarter(d.year - 1, 4) : quarter(d.year, q);
}

// ---- Vocabulary of the catalogue and the experiences --------------------------------------------------------

/** "performance", "qualité rendue" → performance; "satisfaction", "qualité perçue" → satisfaction. */
export function readFamily(cell: Cell): Read<IndicatorFamily> {
  const text = fold(cellText(cell));
  if (/^(performance|qualite rendue|qualite de service rendue)$/.test(text)) return ok('performance');
  if (/^(satisfaction|qualite percue)$/.test(text)) return ok('satisfaction');
  return fail(text ? `"${cellText(cell)}" is not an indicator type (performance or satisfaction)` : 'missing indicator type');
}

const UNITS: [RegExp, UnitType][] = [
  [/^(%|pourcent|pourcentage|pourcentages|taux|percent)$/, 'percent'],
  [/^(j|jour|jours|jours ouvres|jours calendaires|nombre de jours|duree en jours|delai en jours|days)$/, 'days'],
  [/^(min|mn|minute|minutes|duree en minutes|temps en minutes)$/, 'minutes'],
  [/^(\/ ?10|sur 10|note|note sur 10|note \/ ?10|score)$/, 'score10'],
  [/^(point|points|pts|pt|solde|taux net|score net)$/, 'points'],
];

function unitFrom(text: string): UnitType | undefined {
  const folded = fold(text).replace(/ \/ /g, ' /');
  return UNITS.find(([pattern]) => pattern.test(folded))?.[1];
}

/** The unit decides ("%", "jours", "minutes", "/10", "points"); the unit type is the fallback. */
export function readUnit(unit: Cell, unitType: Cell): Read<{ unitType: UnitType; unit: string }> {
  const unitText = cellText(unit);
  const typeText = cellText(unitType);
  const type = unitFrom(unitText) ?? unitFrom(typeText);
  if (!type) {
    if (!unitText && !typeText) return fail('missing unit');
    return fail(`"${unitText || typeText}" is not a known unit (%, jours, minutes, /10, points)`);
  }
  const DISPLAY: Record<UnitType, string> = { percent: '%', days: 'jours', minutes: 'minutes', score10: '/10', points: 'points' };
  return ok({ unitType: type, unit: unitText || DISPLAY[type] });
}

/** "hausse" / "plus élevé" → higher, "baisse" / "plus bas" → lower. */
export function readDirection(cell: Cell): Read<Direction | null> {
  const text = fold(cellText(cell));
  if (!text) return ok(null);
  if (/^(hausse|croissant|plus eleve|plus haut|higher|maximiser|\+)$/.test(text)) return ok('higher');
  if (/^(baisse|decroissant|plus bas|plus faible|lower|minimiser|-)$/.test(text)) return ok('lower');
  return fail(`"${cellText(cell)}" is not a direction (hausse or baisse)`);
}

/**
 * When the catalogue does not say which way is better: durations (days, minutes) are better lower, and so are
 * rates about delays, times or waiting ("part des appels en attente plus de 5 minutes"), unless they measure
 * keeping to a delay ("respect du délai annoncé", "traités dans les délais"); rates, scores and satisfaction
 * are better higher.
 */
export function inferDirection(unitType: UnitType, ...labels: string[]): Direction {
  if (unitType === 'days' || unitType === 'minutes') return 'lower';
  const text = fold(labels.join(' '));
  if (/\b(respect|dans (le|les) delais?|en moins de)\b/.test(text)) return 'higher';
  return /\b(delai|delais|temps|attente|duree|retard)\b/.test(text) ? 'lower' : 'higher';
}

export function readFeeling(cell: Cell): Read<Feeling> {
  const text = fold(cellText(cell));
  if (/^(positif|positive|satisfait|content)$/.test(text)) return ok('positive');
  if (/^(neutre|neutral|mitige)$/.test(text)) return ok('neutral');
  if (/^(negatif|negative|insatisfait|mecontent)$/.test(text)) return ok('negative');
  return fail(text ? `"${cellText(cell)}" is not a feeling (Positif, Neutre or Négatif)` : 'missing feeling');
}

const CHANNELS: [RegExp, Channel][] = [
  [/^(accueil|accueil physique|guichet|sur place|en personne|rendez vous|counter)$/, 'counter'],
  [/^(telephone|tel|appel|phone)$/, 'phone'],
  [/^(en ligne|internet|site internet|site web|espace personnel|online)$/, 'online'],
  [/^(courrier|courrier postal|lettre|mail postal|mail)$/, 'mail'],
  [/^(e mail|email|courriel|mel|messagerie)$/, 'email'],
  [/^(chat|tchat|visio|visioconference|chat ou visio)$/, 'chat'],
];

export function readChannel(text: string): Read<Channel> {
  const found = CHANNELS.find(([pattern]) => pattern.test(fold(text)))?.[1];
  return found ? ok(found) : fail(`"${text}" is not a contact channel (accueil, téléphone, en ligne, courrier, e-mail, chat)`);
}

const TAGS: [RegExp, Tag][] = [
  [/^(accessibilite|accessibility)$/, 'accessibility'],
  [/^(information|explication|information explication|information \/ explication|information\/explication)$/, 'information'],
  [/^(relation|relation usager)$/, 'relation'],
  [/^(reactivite|reactivity)$/, 'reactivity'],
  [/^(simplicite|complexite|simplicite complexite|simplicite \/ complexite|simplicite\/complexite|simplicity)$/, 'simplicity'],
];

export function readTag(text: string): Read<Tag> {
  const found = TAGS.find(([pattern]) => pattern.test(fold(text)))?.[1];
  return found ? ok(found) : fail(`"${text}" is not one of the 5 tags`);
}

/** A multi-valued cell: a JSON array, or text separated by `|`, `;` or `,`. */
export function cellList(cell: Cell): string[] {
  if (Array.isArray(cell)) return cell.map(cellText).filter(Boolean);
  return cellText(cell)
    .split(/[|;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Oui / Non cells of the per-tag columns. */
export function readYesNo(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = fold(cellText(cell));
  if (/^(oui|o|yes|y|true|vrai|1|x)$/.test(text)) return ok(true);
  if (/^(non|n|no|false|faux|0|)$/.test(text)) return ok(false);
  return fail(`"${cellText(cell)}" is not oui or non`);
}

/**
 * A general tag's cell: the real export holds the feeling about that aspect (`Positif` / `Neutre` / `Négatif`,
 * empty when the author did not rate it), older ones oui / non. The tag applies when a feeling (or oui) is given.
 */
export function readTagCell(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = fold(cellText(cell));
  if (!text) return ok(false);
  if (readFeeling(text).value) return ok(true);
  const yesNo = readYesNo(text);
  return yesNo.error === undefined ? yesNo : fail(`"${cellText(cell)}" is not a feeling (Positif, Neutre, Négatif or empty)`);
}

export type ImportedStatus = 'published' | 'pending' | 'rejected';

/** Published and answered are both published (answered is derived from replies); the rest never is. */
export function readStatus(cell: Cell): Read<ImportedStatus> {
  const text = fold(cellText(cell));
  if (
    !text ||
    /^(publie|publiee|publiee avec reponse|publiee sans reponse|repondu|repondue|avec reponse|sans reponse|en attente de reponse|published|answered|traite|traitee|non traite|non traitee|en cours de traitement|en cours|cloture|cloturee|archive|archivee|reponse publiee|a traiter)$/.test(
      text,
    )
  ) {
    return ok('published');
  }
  if (/^(en moderation|en cours de moderation|a moderer|en attente|en attente de moderation|pending)$/.test(text)) return ok('pending');
  if (/^(rejete|rejetee|refuse|refusee|non publiee|rejected|modere|moderee|supprime|supprimee)$/.test(text)) return ok('rejected');
  return fail(`"${cellText(cell)}" is not an experience status (traitée, publiée, en attente de réponse, en modération, rejetée)`);
}

const REJECTIONS: [RegExp, RejectionReason][] = [
  [/donnees? personnelles?|personal/, 'personal_data'],
  [/injur|insult|grossier|irrespect/, 'insults'],
  [/hors (champ|perimetre|sujet)|out of scope/, 'out_of_scope'],
  [/reclamation|plainte|cas individuel|individual/, 'individual_complaint'],
  [/doublon|duplicate/, 'duplicate'],
  [/spam|publicit/, 'spam'],
];

/** The charter's reasons; anything else is kept as no reason rather than a wrong one. */
export function readRejectionReason(cell: Cell): RejectionReason | null {
  const text = fold(cellText(cell));
  return text ? (REJECTIONS.find(([pattern]) => pattern.test(text))?.[1] ?? null) : null;
}

export function readPostedAs(cell: Cell): Read<PostedAs> {
  const text = fold(cellText(cell));
  if (/\b(aidant|aidante|accompagnant|accompagnante|tiers|proche|helper|pour un usager|pour le compte|aide un usager|aidant un usager)\b/.test(text)) {
    return ok('helper');
  }
  if (!text || /^(un |une |l )?(usager|usagere|moi meme|particulier|user|citoyen|citoyenne)$/.test(text)) return ok('user');
  return fail(`"${cellText(cell)}" is not a poster (usager or aidant)`);
}

export function readLevel(cell: Cell): Read<StructureLevel | null> {
  const text = fold(cellText(cell));
  if (!text) return ok(null);
  if (/^(national|nationale|reseau|tete de reseau|siege|network)$/.test(text)) return ok('network');
  if (/^(regional|regionale|region|departemental|departementale|departement|intermediaire|department)$/.test(text)) {
    return ok('department');
  }
  if (/^(local|locale|site|agence|antenne|guichet|point d accueil)$/.test(text)) return ok('site');
  return fail(`"${cellText(cell)}" is not a level (national, départemental, local)`);
}

/** Postcodes lose their leading zero in spreadsheets ("1000" for 01000): put it back. */
export function readPostcode(cell: Cell): Read<string | null> {
  const text = cellText(cell).replace(/\s/g, '');
  if (!text) return ok(null);
  if (/^\d{4}$/.test(text)) return ok(`0${text}`);
  if (/^(\d{5}|2[AB]\d{3})$/i.test(text)) return ok(text.toUpperCase());
  return fail(`"${cellText(cell)}" is not a postcode (5 digits)`);
}

/** The contract's structure code (letters, digits, `_ . -`). */
export const STRUCTURE_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
