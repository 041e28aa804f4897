import type { Direction, IndicatorFamily, UnitType } from '../contract/results.js';
import type { StructureLevel } from '../contract/structure.js';
import type { ChannelUse, Feeling, PostedAs, RejectionReason, Tag } from '../contract/testimony.js';
import { DATASET_COLUMNS, type ColumnMap, type DatasetKind, type FieldOf } from './columns.js';
import {
  STRUCTURE_CODE,
  cellList,
  cellText,
  inferDirection,
  isoDate,
  isoDateTime,
  quarterBefore,
  periodBefore,
  periodOf,
  readChannel,
  readCount,
  readDate,
  readDirection,
  readFamily,
  readFeeling,
  readFrequency,
  readLevel,
  readNumber,
  readPeriod,
  readPostcode,
  readPostedAs,
  readRejectionReason,
  readStatus,
  readTag,
  readTagCell,
  readUnit,
  type Cell,
  type ImportedStatus,
  type Read,
} from './values.js';

/**
 * One row of an export turned into what we store, or the reasons it cannot be. Pure: what needs the database
 * (does this structure exist?) is checked by the writer.
 *
 * A field is `undefined` when its column is not in the file: an update then keeps what the database holds, so a
 * partial export never erases data it does not carry. `null` means the file says "empty".
 */
export interface Problem {
  /** The file's column name (or the documented name when the column is missing). */
  column: string;
  reason: string;
}

export interface RowReader<K extends DatasetKind> {
  /** Whether the file has a column for this field (for JSON, whether this record has the key). */
  has(field: FieldOf<K>): boolean;
  get(field: FieldOf<K>): Cell;
  /** The column name to report for this field. */
  column(field: FieldOf<K>): string;
  /** `reader(get(field))`, which a reader may remember for a cell text it saw before (readers are pure). */
  read?<T>(field: FieldOf<K>, reader: (cell: Cell) => Read<T>): Read<T>;
}

/** Reads the fields of one record (a CSV row by header name, or a JSON object) through a file's column map. */
export class RecordReader<K extends DatasetKind> implements RowReader<K> {
  values: Record<string, unknown> = {};
  constructor(
    private readonly kind: K,
    public map: ColumnMap<K>,
  ) {}
  has(field: FieldOf<K>): boolean {
    const column = this.map.fields[field];
    return column !== undefined && column in this.values;
  }
  get(field: FieldOf<K>): unknown {
    const column = this.map.fields[field];
    return column === undefined ? undefined : this.values[column];
  }
  column(field: FieldOf<K>): string {
    return this.map.fields[field] ?? (DATASET_COLUMNS[this.kind] as Record<FieldOf<K>, readonly string[]>)[field][0]!;
  }
}

export type Mapped<T> = { record: T; problems?: undefined } | { problems: Problem[]; record?: undefined };

class Collector<K extends DatasetKind> {
  readonly problems: Problem[] = [];
  constructor(private readonly row: RowReader<K>) {}

  /** The value, or `undefined` (and a problem) when it does not read. */
  read<T>(field: FieldOf<K>, reader: (cell: Cell) => Read<T>): T | undefined {
    const result = this.row.read ? this.row.read(field, reader) : reader(this.row.get(field));
    if (result.error !== undefined) {
      this.problems.push({ column: this.row.column(field), reason: result.error });
      return undefined;
    }
    return result.value;
  }

  /** Like `read`, but `undefined` without a problem when the column is absent. */
  optional<T>(field: FieldOf<K>, reader: (cell: Cell) => Read<T>): T | undefined {
    return this.row.has(field) ? this.read(field, reader) : undefined;
  }

  text(field: FieldOf<K>): string {
    return cellText(this.row.get(field));
  }

  optionalText(field: FieldOf<K>): string | null | undefined {
    if (!this.row.has(field)) return undefined;
    return this.text(field) || null;
  }

  required(field: FieldOf<K>, what: string): string {
    const text = this.text(field);
    if (!text) this.problems.push({ column: this.row.column(field), reason: `missing ${what}` });
    return text;
  }

  code(field: FieldOf<K>, what: string): string {
    const text = this.required(field, what);
    if (text && !STRUCTURE_CODE.test(text)) {
      this.problems.push({ column: this.row.column(field), reason: `"${text}" is not a valid ${what} (letters, digits, - _ .)` });
    }
    return text;
  }

  problem(field: FieldOf<K>, reason: string): void {
    this.problems.push({ column: this.row.column(field), reason });
  }

  /** Call with `null` only after a problem was recorded (a reader failed). */
  done<T>(record: T | null): Mapped<T> {
    if (this.problems.length) return { problems: this.problems };
    if (record === null) throw new Error('a row was refused without a reason');
    return { record };
  }
}

// ---- structures ---------------------------------------------------------------------------------------------

export interface StructureRecord {
  code: string;
  name: string;
  /** As the file gives it: a network code ("PREF") or name ("Préfectures"); the writer resolves it. */
  network: string;
  /** A network name given beside a code (older exports' `libelle_reseau`). */
  networkName?: string;
  /** The file's columns, for the writer's rejections. */
  columns: { code: string; network: string };
  level?: StructureLevel;
  parentCode?: string | null;
  postcode?: string | null;
  city?: string | null;
  phone?: string | null;
  url?: string | null;
  address?: string | null;
}

export function mapStructure(row: RowReader<'structures'>): Mapped<StructureRecord> {
  const c = new Collector(row);
  const code = c.code('code', 'code SP+');
  const name = c.required('name', 'structure name');
  const network = c.required('network', 'network');
  const level = c.optional('level', readLevel) ?? undefined;
  const parentCode = c.optionalText('parent');
  if (parentCode && !STRUCTURE_CODE.test(parentCode)) c.problem('parent', `"${parentCode}" is not a valid code SP+`);
  if (parentCode && parentCode === code) c.problem('parent', 'a structure cannot be its own parent');
  return c.done({
    code,
    name,
    network,
    networkName: c.optionalText('networkName') ?? undefined,
    columns: { code: row.column('code'), network: row.column('network') },
    level,
    parentCode,
    postcode: c.optional('postcode', readPostcode),
    city: c.optionalText('city'),
    phone: c.optionalText('phone'),
    url: c.optionalText('url'),
    address: c.optionalText('address'),
  });
}

// ---- indicator catalogue ------------------------------------------------------------------------------------

export interface IndicatorRecord {
  code: string;
  label: string;
  originalLabel?: string | null;
  /** A network code or name as the file gives it (`undefined`: no such column); the writer resolves it. */
  network?: string | null;
  networkColumn: string;
  family: IndicatorFamily;
  unitType: UnitType;
  unit: string;
  /** `undefined` when the catalogue does not say: the writer keeps the stored one or infers it. */
  direction?: Direction;
  inferredDirection: Direction;
  target?: number | null;
  methodology?: string;
  sources?: string | null;
}

export function mapIndicator(row: RowReader<'indicators'>): Mapped<IndicatorRecord> {
  const c = new Collector(row);
  const code = c.required('code', 'indicator code');
  const originalLabel = c.optionalText('originalLabel');
  // The user-facing label is what citizens read; the original label stands in when an export lacks it.
  const label = c.text('label') || originalLabel || '';
  if (!label) c.problem(row.has('label') ? 'label' : 'originalLabel', 'missing label (intitule_usager_de_l_indicateur or intitule_original_de_l_indicateur)');
  const family = c.read('family', readFamily);
  const unit = readUnit(row.get('unit'), row.get('unitType'));
  if (unit.error !== undefined) c.problem(row.has('unit') ? 'unit' : 'unitType', unit.error);
  const direction = c.optional('direction', readDirection) ?? undefined;
  const target = c.optional('target', readNumber);
  const methodology = row.has('methodology') ? c.text('methodology') : undefined;
  if (!family || !unit.value) return c.done<never>(null);
  return c.done({
    code,
    label,
    originalLabel,
    network: row.has('network') ? c.text('network') || null : undefined,
    networkColumn: row.column('network'),
    family,
    unitType: unit.value.unitType,
    unit: unit.value.unit,
    direction,
    inferredDirection: inferDirection(unit.value.unitType, label, originalLabel ?? ''),
    target,
    methodology,
    sources: c.optionalText('sources'),
  });
}

// ---- results ------------------------------------------------------------------------------------------------

export interface ResultRecord {
  structureCode: string;
  indicatorCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  sampleSize?: number | null;
  networkAverage?: number | null;
  updatedAt: string;
  /** The file's columns, for the writer's rejections. */
  columns: { structure: string; indicator: string };
}

/**
 * The period comes from `periode` when given, else from the measure date (the period of that frequency holding
 * it, a quarter without a frequency), else from the update date: the last complete period of the value's
 * frequency before it (`annuelle` → the year before). Without a frequency column (older exports) the period is a
 * quarter; an empty frequency in a file that has the column is a rejection, never a silent quarter.
 */
export function mapResult(row: RowReader<'results'>): Mapped<ResultRecord> {
  const c = new Collector(row);
  const structureCode = c.code('structure', 'code SP+');
  const indicatorCode = c.required('indicator', 'indicator code');
  const value = c.read('value', readNumber);
  const updated = c.read('updatedAt', readDate);
  if (updated === null) c.problem('updatedAt', 'missing update date');
  const explicit = c.optional('period', readPeriod);
  const measured = c.optional('measuredAt', readDate);
  const sampleSize = c.optional('sampleSize', readCount);
  const networkAverage = c.optional('networkAverage', readNumber);
  const frequency = c.optional('frequency', readFrequency);
  if (frequency === null && !explicit) c.problem('frequency', 'missing frequency (annuelle, semestrielle, trimestrielle or mensuelle)');
  const unreadable =
    (explicit === undefined && row.has('period')) || (measured === undefined && row.has('measuredAt')) || (frequency === undefined && row.has('frequency'));
  if (!updated || value === undefined || unreadable || (frequency === null && !explicit)) {
    return c.done<never>(null);
  }
  const period =
    explicit ??
    (measured
      ? periodOf(frequency ?? 'quarter', measured)
      : frequency
        ? periodBefore(frequency, updated)
        : quarterBefore(updated));
  return c.done({
    structureCode,
    indicatorCode,
    period: period.id,
    periodStart: period.start,
    periodEnd: period.end,
    value,
    sampleSize,
    networkAverage,
    updatedAt: isoDate(updated),
    columns: { structure: row.column('structure'), indicator: row.column('indicator') },
  });
}

// ---- experiences --------------------------------------------------------------------------------------------

/**
 * A structure concerned by an experience: by code (older exports), or by its title and typology as the real
 * export names it; the writer resolves names against the structures table.
 */
export interface StructureRef {
  code?: string;
  title?: string;
  typology?: string;
  /** The column to name in a rejection. */
  column: string;
}

export interface ReplyRecord {
  /** Index in `structures` of the structure that replied. */
  slot: number;
  body: string;
  /** `null`: signed with the structure's name. */
  signature: string | null;
  createdAt: string;
}

export interface ExperienceRecord {
  reference: string;
  title: string;
  body: string;
  feeling: Feeling;
  structures: StructureRef[];
  channels: ChannelUse[];
  tags: Tag[];
  status: ImportedStatus;
  rejectionReason: RejectionReason | null;
  postedAs: PostedAs;
  postcode: string | null;
  createdAt: string;
  publishedAt: string | null;
  firstReplyAt: string | null;
  replies: ReplyRecord[];
}

const CHANNEL_FEELINGS = [
  ['feelingCounter', 'counter'],
  ['feelingPhone', 'phone'],
  ['feelingOnline', 'online'],
  ['feelingMail', 'mail'],
  ['feelingEmail', 'email'],
  ['feelingChat', 'chat'],
] as const;

const TAG_COLUMNS = [
  ['tagAccessibility', 'accessibility'],
  ['tagInformation', 'information'],
  ['tagRelation', 'relation'],
  ['tagReactivity', 'reactivity'],
  ['tagSimplicity', 'simplicity'],
] as const;

const STRUCTURE_SLOTS = [
  ['structure1', 'structureTitle1', 'structureTypology1', 'reply1', 'replySignature1', 'replyDate1'],
  ['structure2', 'structureTitle2', 'structureTypology2', 'reply2', 'replySignature2', 'replyDate2'],
  ['structure3', 'structureTitle3', 'structureTypology3', 'reply3', 'replySignature3', 'replyDate3'],
] as const;

const timestamp = (cell: Cell) => {
  const read = readDate(cell);
  return read.error !== undefined ? read : { value: read.value ? isoDateTime(read.value) : null };
};

export function mapExperience(row: RowReader<'experiences'>): Mapped<ExperienceRecord> {
  const c = new Collector(row);
  const reference = c.required('id', 'experience id');
  if (reference && !/^[\w.:/-]{1,80}$/.test(reference)) c.problem('id', `"${reference}" is not a valid experience id`);
  const title = c.required('title', 'title');
  const body = c.required('body', 'description');
  const feeling = c.read('feeling', readFeeling);
  const status = c.read('status', readStatus);
  const postedAs = c.read('postedAs', readPostedAs);
  const postcode = c.read('postcode', readPostcode) ?? null;
  const createdAt = c.read('writtenAt', timestamp);
  if (createdAt === null) c.problem('writtenAt', 'missing date written');
  let publishedAt = c.read('publishedAt', timestamp) ?? null;
  let firstReplyAt = c.read('firstReplyAt', timestamp) ?? null;

  const structures: StructureRef[] = [];
  const replies: ReplyRecord[] = [];
  for (const [slot, titleField, typologyField, replyField, signatureField, dateField] of STRUCTURE_SLOTS) {
    const code = c.text(slot);
    const title = c.text(titleField);
    const typology = c.text(typologyField);
    const reply = c.text(replyField);
    if (!code && !title && !typology) {
      if (reply) c.problem(replyField, `a reply without a structure (${row.column(row.has(typologyField) ? typologyField : slot)} is empty)`);
      continue;
    }
    let ref: StructureRef;
    if (code) {
      if (!STRUCTURE_CODE.test(code)) c.problem(slot, `"${code}" is not a valid code SP+`);
      else if (structures.some((s) => s.code === code)) c.problem(slot, `structure ${code} is listed twice`);
      ref = { code, column: row.column(slot) };
    } else {
      ref = { title: title || undefined, typology: typology || undefined, column: row.column(row.has(typologyField) ? typologyField : titleField) };
    }
    structures.push(ref);
    if (reply) {
      const replyDate = c.read(dateField, timestamp);
      replies.push({ slot: structures.length - 1, body: reply, signature: c.text(signatureField) || null, createdAt: replyDate ?? '' });
    }
  }
  if (!structures.length && !c.problems.some((p) => p.column === row.column('structure1'))) {
    c.problem(row.has('structureTypology1') || !row.has('structure1') ? 'structureTypology1' : 'structure1', 'missing structure (intitule_typologie_1 or code_sp_1)');
  }

  const channels = new Map<ChannelUse['channel'], ChannelUse>();
  for (const name of cellList(row.get('channels'))) {
    const channel = readChannel(name);
    if (channel.error !== undefined) c.problem('channels', channel.error);
    else channels.set(channel.value, { channel: channel.value });
  }
  for (const [field, channel] of CHANNEL_FEELINGS) {
    if (!c.text(field)) continue;
    const channelFeeling = c.read(field, readFeeling);
    // A feeling for a channel says the channel was used, even when `canaux` forgot it.
    if (channelFeeling) channels.set(channel, { channel, feeling: channelFeeling });
  }

  const tags = new Set<Tag>();
  for (const name of cellList(row.get('tags'))) {
    const tag = readTag(name);
    if (tag.error !== undefined) c.problem('tags', tag.error);
    else tags.add(tag.value);
  }
  for (const [field, tag] of TAG_COLUMNS) {
    if (row.has(field) && c.read(field, readTagCell)) tags.add(tag);
  }

  if (!feeling || !status || !postedAs || !createdAt) return c.done<never>(null);
  if (status === 'published') publishedAt ??= createdAt;
  else publishedAt = null; // never published: the date would make it look so
  for (const reply of replies) reply.createdAt ||= firstReplyAt ?? publishedAt ?? createdAt;
  if (replies.length) {
    const earliest = replies.map((r) => r.createdAt).sort()[0]!;
    firstReplyAt = firstReplyAt && firstReplyAt < earliest ? firstReplyAt : earliest;
  }
  return c.done({
    reference,
    title,
    body,
    feeling,
    structures,
    channels: [...channels.values()],
    tags: TAG_COLUMNS.map(([, tag]) => tag).filter((tag) => tags.has(tag)),
    status,
    rejectionReason: status === 'rejected' ? readRejectionReason(row.get('rejectionReason')) : null,
    postedAs,
    postcode,
    createdAt,
    publishedAt,
    firstReplyAt,
    replies,
  });
}

export const MAPPERS = {
  structures: mapStructure,
  indicators: mapIndicator,
  results: mapResult,
  experiences: mapExperience,
} as const;

export type RecordOf<K extends DatasetKind> = K extends 'structures'
  ? StructureRecord
  : K extends 'indicators'
    ? IndicatorRecord
    : K extends 'results'
      ? ResultRecord
      : ExperienceRecord;
