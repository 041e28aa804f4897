import type { JsonSchema } from '../contract/json-schema.js';
import type { Indicator, ResultPoint, ResultsResponse } from '../contract/results.js';
import { mapColumns, type DatasetKind } from '../opendata/columns.js';
import { RecordReader, mapIndicator, mapResult, mapStructure, type IndicatorRecord, type ResultRecord } from '../opendata/records.js';
import { knownNetworkCode } from '../opendata/networks.js';
import { STRUCTURE_CODE, cellText } from '../opendata/values.js';
import type { checkerFor } from '../internal/json-check.js';
import type { ApiError, getJson, RequestOptions } from './http.js';

/**
 * What the adapter needs from the page's API client. The caller hands it over (the element already has it), so
 * this chunk carries none of the client or the contract: a page that never reads the portal pays nothing for it,
 * and a page that does pays only for the mapping.
 */
export interface PortalClient {
  getJson: typeof getJson;
  ApiError: typeof ApiError;
  /** The `ResultsResponse` contract parser. */
  parseResults: (data: unknown) => ResultsResponse;
  /** The page's JSON checker, for the portal's pages. */
  checkerFor: typeof checkerFor;
}

/**
 * Reads a structure's results straight from the Services Publics+ open-data portal (Opendatasoft Explore API
 * v2.1) and maps them to our `ResultsResponse` contract, so `<spp-results source="opendata">` renders them as it
 * renders our API's. Same columns and rules as the importer (`src/opendata/`). Loaded only by pages that ask
 * for the portal.
 */
export interface OpenDataSource {
  /** Base URL of the portal. */
  portal?: string;
  datasets?: Partial<Record<'structures' | 'indicators' | 'results', string>>;
}

export const OPENDATA_PORTAL = 'https://opendata.plus.transformation.gouv.fr';
/**
 * The portal's dataset ids. `export-resultats` and `export-indicateurs` are seen in public reuses; the structures
 * dataset id is not confirmed, so when the page does not name one and the portal does not know this one, the
 * structure's name and network are read from its result rows instead (docs/import.md).
 */
export const OPENDATA_DATASETS = {
  structures: 'export-structures',
  indicators: 'export-indicateurs',
  results: 'export-resultats',
} as const;

/** The fields the adapter filters on (`where`), as the portal names them. */
export const OPENDATA_FIELDS = {
  structureOfStructures: 'code_sp_de_la_structure',
  structureOfResults: 'code_sp_structure',
  indicatorOfCatalogue: 'code_sp_de_l_indicateur',
} as const;

/** The Explore API's page size limit. */
const PAGE = 100;
/** Pages of results read at most (1,000 values: years of quarterly results for a dozen indicators). */
const MAX_PAGES = 10;

interface ExplorePage {
  total_count: number;
  results: Record<string, unknown>[];
}

/** An Explore API page: records are objects. Checked like our API's answers; else `malformed`, never half a page. */
const EXPLORE_PAGE: JsonSchema = {
  type: 'object',
  required: ['total_count', 'results'],
  properties: { total_count: { type: 'number' }, results: { type: 'array', items: { type: 'object' } } },
};

const quote = (value: string) => `"${value}"`;
const isSafeCode = (code: string) => /^[\w.-]{1,64}$/.test(code);

function recordsUrl(portal: string, dataset: string, where: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ where, limit: String(PAGE), ...extra });
  return `${portal.replace(/\/+$/, '')}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(dataset)}/records?${params}`;
}

function readAll<K extends DatasetKind, T>(kind: K, records: Record<string, unknown>[], map: (row: RecordReader<K>) => { record?: T }): T[] {
  const out: T[] = [];
  let reader: RecordReader<K> | undefined;
  let columns = '';
  for (const values of records) {
    const keys = Object.keys(values).join('\u0000');
    if (!reader || keys !== columns) {
      reader = new RecordReader(kind, mapColumns(kind, Object.keys(values)));
      columns = keys;
    }
    reader.values = values;
    // A record that does not read (a bad number, a missing code) is left out, as the importer rejects it.
    const mapped = map(reader);
    if (mapped.record) out.push(mapped.record);
  }
  return out;
}

const notFound = (client: PortalClient, code: string) =>
  new client.ApiError('http', `structure ${code} is not on the portal`, 404, {
    type: 'about:blank',
    title: 'Structure inconnue',
    status: 404,
    detail: `Aucune structure ${code} dans les données ouvertes Services Publics+.`,
  });

/**
 * A 404 (no such dataset) or 400 (a field the dataset does not have, in `where` or `order_by`) from the portal is
 * the page's configuration, not the reader's connection: its own error kind, so the card can tell the webmaster.
 */
function configError(client: PortalClient, error: unknown, url: string, portal: string): unknown {
  const { ApiError } = client;
  if (!(error instanceof ApiError) || error.kind !== 'http' || (error.status !== 404 && error.status !== 400)) return error;
  const { pathname, searchParams } = new URL(url);
  const dataset = decodeURIComponent(/\/datasets\/([^/]+)\//.exec(pathname)?.[1] ?? '');
  const what = error.status === 404 ? `no dataset "${dataset}"` : `dataset "${dataset}" refused the fields of where=${searchParams.get('where')}`;
  return new ApiError('config', `${what} on ${portal} (HTTP ${error.status}${error.message && !/^HTTP \d+$/.test(error.message) ? `: ${error.message}` : ''})`, error.status);
}

/** The results of one structure from the portal, as our API would answer them. Throws `ApiError`. */
export async function fetchOpenDataResults(
  client: PortalClient,
  code: string,
  source: OpenDataSource = {},
  options: RequestOptions = {},
): Promise<ResultsResponse> {
  const { ApiError } = client;
  if (!STRUCTURE_CODE.test(code)) throw notFound(client, code);
  const portal = source.portal || OPENDATA_PORTAL;
  const datasets = {
    structures: source.datasets?.structures || OPENDATA_DATASETS.structures,
    indicators: source.datasets?.indicators || OPENDATA_DATASETS.indicators,
    results: source.datasets?.results || OPENDATA_DATASETS.results,
  };
  const parseExplorePage = client.checkerFor<ExplorePage>(EXPLORE_PAGE);
  const get = (url: string) =>
    client.getJson(url, parseExplorePage, options).catch((error: unknown) => {
      throw configError(client, error, url, portal);
    });

  const readResults = async (): Promise<Record<string, unknown>[]> => {
    const all: Record<string, unknown>[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = recordsUrl(portal, datasets.results, `${OPENDATA_FIELDS.structureOfResults}=${quote(code)}`, { offset: String(page * PAGE) });
      const { results, total_count } = await get(url);
      all.push(...results);
      if (results.length < PAGE || all.length >= total_count) break;
    }
    return all;
  };
  const readStructure = () =>
    get(recordsUrl(portal, datasets.structures, `${OPENDATA_FIELDS.structureOfStructures}=${quote(code)}`, { limit: '1' })).catch(
      (error: unknown) => {
        // The default structures dataset id is a guess: without it, the result rows name the structure.
        if (!source.datasets?.structures && error instanceof ApiError && error.kind === 'config' && error.status === 404) return undefined;
        throw error;
      },
    );
  const [structurePage, resultRecords] = await Promise.all([readStructure(), readResults()]);

  const results = readAll('results', resultRecords, mapResult).filter((r) => r.structureCode === code);
  const structure = structurePage && readAll('structures', structurePage.results, mapStructure)[0];
  const fromResults = structureFromResults(resultRecords);
  if (!structure && !(fromResults && results.length)) throw notFound(client, code);

  const codes = [...new Set(results.map((r) => r.indicatorCode))].filter(isSafeCode);
  const catalogue: IndicatorRecord[] = [];
  // A handful of indicators per structure: one page, batched so the query string stays short.
  for (let i = 0; i < codes.length; i += 40) {
    const field = OPENDATA_FIELDS.indicatorOfCatalogue;
    const where = codes.slice(i, i + 40).map((c) => `${field}=${quote(c)}`).join(' OR ');
    const page = await get(recordsUrl(portal, datasets.indicators, where));
    catalogue.push(...readAll('indicators', page.results, mapIndicator));
  }

  const indicators: Indicator[] = [];
  for (const entry of catalogue) {
    if (indicators.some((i) => i.code === entry.code)) continue;
    const points = pointsOf(results.filter((r) => r.indicatorCode === entry.code));
    if (!points.length) continue;
    indicators.push({
      code: entry.code,
      label: entry.label,
      family: entry.family,
      unitType: entry.unitType,
      unit: entry.unit,
      direction: entry.direction ?? entry.inferredDirection,
      target: entry.target ?? null,
      methodology: entry.methodology ?? '',
      sources: entry.sources ?? null,
      points,
    });
  }
  const updatedAt = indicators.flatMap((i) => i.points.map((p) => p.updatedAt)).sort().at(-1) ?? null;
  const networkGiven = structure ? structure.networkName ?? structure.network : fromResults!.network;
  const response = {
    structure: structure
      ? {
          code: structure.code,
          name: structure.name,
          network: networkOf(structure.network, structure.networkName),
          level: structure.level ?? (structure.parentCode ? 'site' : 'network'),
          parentCode: structure.parentCode ?? null,
          postcode: structure.postcode ?? null,
          city: structure.city ?? null,
        }
      : {
          code,
          name: fromResults!.name,
          network: networkOf(networkGiven),
          level: 'site',
          parentCode: null,
          postcode: fromResults!.postcode,
          city: fromResults!.city,
        },
    updatedAt,
    indicators,
  };
  try {
    return client.parseResults(response);
  } catch {
    throw new ApiError('malformed', 'the portal data does not map to the results contract');
  }
}

/** A network as the portal gives it (a name, or an older export's code and name): our code for it, and a name. */
function networkOf(given: string, nameBeside?: string): { code: string; name: string } {
  const code = knownNetworkCode(given) ?? (nameBeside ? given.toUpperCase() : given);
  return { code, name: nameBeside ?? given };
}

/** What the result rows say of their structure (`intitule_de_la_structure`, `intitule_du_reseau`...). */
function structureFromResults(records: Record<string, unknown>[]) {
  const first = records[0];
  if (!first) return undefined;
  const map = mapColumns('results', Object.keys(first)).fields;
  const read = (field: keyof typeof map) => cellText(map[field] === undefined ? undefined : first[map[field]!]);
  const name = read('structureName');
  if (!name) return undefined;
  const postcode = read('postcode');
  return { name, network: read('network') || name, postcode: /^\d{5}$/.test(postcode) ? postcode : null, city: read('city') || null };
}

/** Oldest first; two values for one period (a correction) keep the latest published. */
function pointsOf(results: ResultRecord[]): ResultPoint[] {
  const byPeriod = new Map<string, ResultRecord>();
  for (const r of results) {
    const seen = byPeriod.get(r.period);
    if (!seen || r.updatedAt > seen.updatedAt) byPeriod.set(r.period, r);
  }
  return [...byPeriod.values()]
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
    .map((r) => ({
      period: r.period,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      value: r.value,
      sampleSize: r.sampleSize ?? null,
      networkAverage: r.networkAverage ?? null,
      updatedAt: r.updatedAt,
    }));
}
