/**
 * A streaming CSV reader for the open-data exports: `;`-separated (`,` and tab detected from the header), quoted
 * fields that hold separators, doubled quotes and line breaks, CRLF or LF, an optional UTF-8 BOM. Push text in
 * chunks of any size (a chunk may end inside a field or between `\r` and `\n`); complete records come out with
 * the line they start on, so a rejection can name it.
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /** Set when the record could not be read whole (an unterminated quote at the end of the file). */
  error?: string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** A quote just seen inside a quoted field: either the closing one or the first of a doubled `""`. */
  private quotePending = false;
  private fieldWasQuoted = false;
  private recordHadQuote = false;
  private skipLineFeed = false;
  private line = 1;
  private recordLine = 1;
  private firstChunk = true;
  private readonly separator: number;

  constructor(separator = ';') {
    this.separator = separator.charCodeAt(0);
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.firstChunk && chunk.length) {
      this.firstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = chunk.length;
    while (i < n) {
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (chunk.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (chunk.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false; // that quote closed the field; read this character as unquoted
          continue;
        }
        let j = i;
        while (j < n) {
          const c = chunk.charCodeAt(j);
          if (c === QUOTE || c === CR || c === LF) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        if (j === n) break;
        const c = chunk.charCodeAt(j);
        if (c === QUOTE) this.quotePending = true;
        else {
          // A line break inside a value is kept as `\n` whatever the file used.
          this.field += '\n';
          this.line++;
          if (c === CR) this.skipLineFeed = true;
        }
        i = j + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === QUOTE && this.field === '' && !this.fieldWasQuoted) {
        this.inQuotes = true;
        this.fieldWasQuoted = true;
        this.recordHadQuote = true;
        i++;
        continue;
      }
      if (c === this.separator) {
        this.endField();
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        this.endField();
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.skipLineFeed = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const cc = chunk.charCodeAt(j);
        if (cc === this.separator || cc === CR || cc === LF) break;
        j++;
      }
      this.field += chunk.slice(i, j);
      i = j;
    }
    return out;
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.inQuotes && !this.quotePending) {
      out.push({ line: this.recordLine, fields: [...this.fields, this.field], error: 'unterminated quoted field (a `"` is never closed)' });
      this.reset();
      return out;
    }
    this.inQuotes = false;
    this.quotePending = false;
    if (this.fields.length || this.field !== '' || this.fieldWasQuoted) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldWasQuoted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    this.fields = [];
    const hadQuote = this.recordHadQuote;
    this.recordHadQuote = false;
    // A blank line is no record (a record of one empty quoted field `""` still is).
    if (fields.length === 1 && fields[0] === '' && !hadQuote) return;
    out.push({ line: this.recordLine, fields });
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldWasQuoted = false;
    this.recordHadQuote = false;
  }
}

/** `;` unless the header line has none and has `,` or tabs instead. */
export function detectSeparator(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  if (count(';') > 0) return ';';
  if (count('\t') > count(',')) return '\t';
  if (count(',') > 0) return ',';
  return ';';
}
