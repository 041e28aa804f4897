import { DATASET_COLUMNS, type ColumnMap, type DatasetKind, type FieldOf } from '../../src/opendata/columns.js';
import type { RowReader } from '../../src/opendata/records.js';
import type { Cell, Read } from '../../src/opendata/values.js';

/** Longest cell text whose reading is remembered, and most texts remembered per reader. */
const MEMO_TEXT = 40;
const MEMO_ENTRIES = 8192;

/**
 * Reads the fields of a CSV row straight from its values in header order: each field's column index is found
 * once per file, so no object keyed by column name is built per row (a big import spent more time making those
 * than parsing the CSV). Same answers as `RecordReader` over `{ column: value }`: the first column of a name wins,
 * and every column is present on every row (rows of another length are rejected before they get here).
 */
export class FieldsReader<K extends DatasetKind> implements RowReader<K> {
  fields: readonly string[] = [];
  private readonly index: Partial<Record<FieldOf<K>, number>> = {};
  private readonly memos = new Map<(cell: Cell) => Read<unknown>, Map<string, Read<unknown>>>();

  constructor(
    private readonly kind: K,
    private readonly map: ColumnMap<K>,
    columns: readonly string[],
  ) {
    for (const [field, column] of Object.entries(map.fields) as [FieldOf<K>, string | undefined][]) {
      const at = column === undefined ? -1 : columns.indexOf(column);
      if (at >= 0) this.index[field] = at;
    }
  }

  has(field: FieldOf<K>): boolean {
    return this.index[field] !== undefined;
  }

  get(field: FieldOf<K>): string | undefined {
    const at = this.index[field];
    return at === undefined ? undefined : this.fields[at];
  }

  /**
   * A reader's answer for a cell, remembered by text: a big export repeats the same statuses, feelings, dates and
   * postcodes on every row, and reading them again (regular expressions, accent folding) was a fifth of the work.
   * Readers are pure functions of the cell, so a remembered answer is the answer.
   */
  read<T>(field: FieldOf<K>, reader: (cell: Cell) => Read<T>): Read<T> {
    const cell = this.get(field);
    if (cell === undefined || cell.length > MEMO_TEXT) return reader(cell);
    let memo = this.memos.get(reader) as Map<string, Read<T>> | undefined;
    if (!memo) this.memos.set(reader, (memo = new Map()));
    let read = memo.get(cell);
    if (read === undefined) {
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      // Kept under a copy of the text: a cell may be a slice of a whole chunk of the file, which the memo would
      // otherwise hold in memory.
      memo.set(cell.length < 13 ? cell : (JSON.parse(JSON.stringify(cell)) as string), (read = reader(cell)));
    }
    return read;
  }

  column(field: FieldOf<K>): string {
    return this.map.fields[field] ?? (DATASET_COLUMNS[this.kind] as Record<FieldOf<K>, readonly string[]>)[field][0]!;
  }
}
