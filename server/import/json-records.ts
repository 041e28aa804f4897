/**
 * Streams the records out of an Opendatasoft JSON export without holding the file in memory: either a
 * top-level array of records, or an Explore API page `{ "total_count": n, "results": [...] }` (also `records`).
 * Each record comes out as its JSON text with the line it starts on; the caller parses it, so one broken
 * record is one rejection, not a failed file.
 */
export interface JsonRecordText {
  line: number;
  text: string;
}

const RECORD_KEYS = new Set(['results', 'records']);

export class JsonRecordScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private rootSeen = false;
  private rootIsObject = false;
  /** Depth of the values inside the records array; 0 until it is found. */
  private recordDepth = 0;
  private finished = false;
  private lastString = '';
  private collectingString = false;
  private stringStart = 0;
  private stringParts = '';
  private capture: string | null = null;
  private captureStart = 0;
  private captureLine = 0;
  private capturePrimitive = false;

  push(chunk: string): JsonRecordText[] {
    const out: JsonRecordText[] = [];
    let i = 0;
    if (!this.rootSeen && chunk.charCodeAt(0) === 0xfeff) i = 1;
    const n = chunk.length;
    if (this.capture !== null) this.captureStart = i;
    if (this.collectingString) this.stringStart = i;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.finished) continue;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.collectingString) {
            this.lastString = this.stringParts + chunk.slice(this.stringStart, i);
            this.collectingString = false;
          }
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (!this.rootSeen) {
        this.rootSeen = true;
        if (c === 91 /* [ */) {
          this.depth = 1;
          this.recordDepth = 1;
          continue;
        }
        if (c === 123 /* { */) {
          this.depth = 1;
          this.rootIsObject = true;
          continue;
        }
        throw new Error('not a JSON export: expected an array of records or an object with "results"');
      }
      // A value starts inside the records array: capture it.
      if (this.recordDepth && this.capture === null && this.depth === this.recordDepth && c !== 44 && c !== 93) {
        this.capture = '';
        this.captureStart = i;
        this.captureLine = this.line;
        this.capturePrimitive = c !== 123 && c !== 91;
      }
      if (c === 34) {
        this.inString = true;
        // Keys of the root object tell which array holds the records.
        if (this.rootIsObject && this.depth === 1 && !this.recordDepth) {
          this.collectingString = true;
          this.stringStart = i + 1;
          this.stringParts = '';
        }
        continue;
      }
      if (this.capture !== null && this.capturePrimitive && this.depth === this.recordDepth && (c === 44 || c === 93)) {
        out.push({ line: this.captureLine, text: this.capture + chunk.slice(this.captureStart, i) });
        this.capture = null;
      }
      if (c === 123 || c === 91) {
        if (c === 91 && this.rootIsObject && this.depth === 1 && !this.recordDepth && RECORD_KEYS.has(this.lastString)) {
          this.recordDepth = 2;
        }
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.capture !== null && !this.capturePrimitive && this.depth === this.recordDepth) {
          out.push({ line: this.captureLine, text: this.capture + chunk.slice(this.captureStart, i + 1) });
          this.capture = null;
        }
        if (this.recordDepth && this.depth < this.recordDepth) this.finished = true;
      }
    }
    if (this.capture !== null) {
      this.capture += chunk.slice(this.captureStart);
      this.captureStart = 0;
    }
    if (this.collectingString) {
      this.stringParts += chunk.slice(this.stringStart);
      this.stringStart = 0;
    }
    return out;
  }

  end(): void {
    if (!this.rootSeen) throw new Error('empty file');
    if (!this.recordDepth) throw new Error('no records found: expected an array of records or an object with "results"');
    if (!this.finished) throw new Error(`the JSON ends too early (truncated file?) at line ${this.line}`);
  }
}

/** Opendatasoft v1 exports wrap each record's columns in `fields` (v2.0 in `record.fields`): unwrap them. */
export function recordColumns(record: unknown): Record<string, unknown> | undefined {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  const nested = (r.record as Record<string, unknown> | undefined)?.fields ?? r.fields;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) return nested as Record<string, unknown>;
  return r;
}
