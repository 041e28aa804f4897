import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CsvParser, detectSeparator } from './csv.js';
import { JsonRecordScanner, recordColumns } from './json-records.js';

/**
 * The files of an import as the importer reads them: which files a path names, each file's hash, size, format
 * and encoding, its columns, and its rows (CSV rows or JSON records) streamed in chunks of decoded text.
 */

/** A path the import cannot use (no such file, no importable file in a folder). */
export class ImportUsageError extends Error {}

const EXTENSIONS = new Set(['.csv', '.json']);

/** Files of the given paths: a folder gives its `.csv` and `.json` files (not its subfolders), in name order. */
export async function listImportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new ImportUsageError(`${path}: no such file or folder`);
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase()))
          .map((e) => join(path, e.name))
          .sort(),
      );
    } else files.push(path);
  }
  return [...new Set(files)];
}

export interface FileFacts {
  path: string;
  format: 'csv' | 'json';
  encoding: 'utf-8' | 'windows-1252';
  hash: string;
  size: number;
}

/** Bytes at the end of `chunk` that start a UTF-8 character it does not finish (0 to 3). */
function unfinishedTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Hash of the bytes, and whether they are UTF-8 (else Windows-1252, what French spreadsheets save). The check
 * (`isUtf8`) makes no string: decoding a 300 MB file here only to throw the text away was a tenth of an import.
 */
export async function inspect(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let valid = true;
  let size = 0;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (valid) {
      // A character may straddle two chunks: its first bytes wait for the next chunk.
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const tail = unfinishedTail(bytes);
      valid = isUtf8(bytes.subarray(0, bytes.length - tail));
      carry = Buffer.from(bytes.subarray(bytes.length - tail));
    }
  }
  if (carry.length) valid = false;
  const format = extname(path).toLowerCase() === '.json' ? 'json' : 'csv';
  return { path, format, encoding: valid ? 'utf-8' : 'windows-1252', hash: hash.digest('hex'), size };
}

/**
 * A row as read from the file: a CSV row's values in header order, a JSON record's values by name, or why it
 * could not be read.
 */
export interface SourceRow {
  line: number;
  fields?: string[];
  values?: Record<string, unknown>;
  error?: string;
}

/** Decoded text of a file in chunks, with the count of bytes read so far. */
async function* textChunks(facts: FileFacts, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(facts.encoding);
  let bytes = 0;
  for await (const chunk of createReadStream(facts.path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes(bytes);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The rows of a CSV file, one array per chunk of text read. */
async function* csvRows(facts: FileFacts, onBytes: (bytes: number) => void, header: { columns?: string[] }): AsyncGenerator<SourceRow[]> {
  let parser: CsvParser | undefined;
  let columns: string[] | undefined;
  const rows = (records: ReturnType<CsvParser['push']>): SourceRow[] => {
    const out: SourceRow[] = [];
    for (const record of records) {
      if (!columns) {
        columns = record.fields.map((f) => f.trim());
        header.columns = columns;
      } else if (record.error) out.push({ line: record.line, error: record.error });
      else if (record.fields.length !== columns.length) {
        out.push({
          line: record.line,
          error: `${record.fields.length} values for ${columns.length} columns (a value holding ";" or a line break must be quoted)`,
        });
      } else out.push(record);
    }
    return out;
  };
  for await (const text of textChunks(facts, onBytes)) {
    parser ??= new CsvParser(detectSeparator(text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? ''));
    yield rows(parser.push(text));
  }
  if (parser) yield rows(parser.end());
}

/** The records of a JSON export, one array per chunk of text read. */
async function* jsonRows(facts: FileFacts, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow[]> {
  const scanner = new JsonRecordScanner();
  const rows = (texts: ReturnType<JsonRecordScanner['push']>): SourceRow[] =>
    texts.map(({ line, text }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { line, error: 'invalid JSON record' };
      }
      const values = recordColumns(parsed);
      return values ? { line, values } : { line, error: 'a record must be a JSON object' };
    });
  for await (const text of textChunks(facts, onBytes)) yield rows(scanner.push(text));
  scanner.end();
}

export function rowsOf(facts: FileFacts, onBytes: (bytes: number) => void, header: { columns?: string[] } = {}): AsyncGenerator<SourceRow[]> {
  return facts.format === 'json' ? jsonRows(facts, onBytes) : csvRows(facts, onBytes, header);
}

/** The columns of the file: the CSV header, or the keys of the first JSON record. */
export async function sniffColumns(facts: FileFacts): Promise<string[]> {
  const header: { columns?: string[] } = {};
  const rows = rowsOf(facts, () => {}, header);
  try {
    for await (const chunk of rows) {
      for (const row of chunk) if (facts.format === 'json' && row.values) return Object.keys(row.values);
      if (header.columns) return header.columns;
    }
  } finally {
    await rows.return(undefined);
  }
  return header.columns ?? [];
}
