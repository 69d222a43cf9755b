// A number is a status by its place, not its neighbours: the status column of a Markdown table
// ("| Status | Meaning |" then "| 429 | slow down |"), or the status field of a request log line
// (combined log format, `POST /hook 404 12.3 ms`, Gin's `| 404 | 1.2ms | POST "/hook"`).
// One StatusFields serves one scan: candidates arrive in order, so the current line and the
// current table are found once and reused, and a long text costs one pass.

import { isStatusHeader } from './status-header';

/** Longest line looked at; a longer one is not a table row or a request log line. */
const MAX_LINE = 2000;
/** Lines walked up from a row to find its table's header. */
const MAX_HEADER_DISTANCE = 200;

/** A delimiter row; GFM accepts a single hyphen per cell ("-|-") once the row has a pipe. */
const TABLE_SEPARATOR =
  /^[ \t]*(?:\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?)[ \t]*$/;

/**
 * A line as a table reads it: a diff's added-line mark ("+| 400 | Bad request |", "+400 | …" in a
 * pull request that documents errors) is no cell's content. Same length, so offsets still match.
 */
function rowText(text: string, line: Line): string {
  const row = text.slice(line.start, line.end);
  return row.charCodeAt(0) === 43 && row.charCodeAt(1) !== 43 ? ` ${row.slice(1)}` : row;
}

/**
 * An HTTP method followed by a path or URL: the request part of a request log line. Fiber's and
 * Echo's pipe-separated lines give the method and the path cells of their own (`| POST | /hook |`).
 */
const REQUEST_PART = /(?:^|[\s"'[|])(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:[ \t]+|[ \t]*\|[ \t]*)["']?(?:\/|https?:\/\/)/;
/**
 * A number standing as a field of its own: between spaces, pipes, brackets (square, round, or
 * angle ones that open no generic type: "<503>", not "List<500>") or the line's ends.
 */
const FIELD_NUMBER = /(?<=^|[\s|[(]|(?<!\w)<)[1-5]\d\d(?=$|[\s|\])>])/;

interface Line {
  start: number;
  /** End of the line's text, before any "\r\n". */
  end: number;
  /** Offset of the next line's start (or the text's length). */
  next: number;
  tooLong: boolean;
}

/** A table found above a row: which columns hold a status, and how far its rows reach. */
interface KnownTable {
  statusColumns: ReadonlySet<number>;
  /** Where the last line known to belong to this block of rows ends. */
  rowsEnd: number;
}

function lineAt(text: string, offset: number): Line {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10) start -= 1;
  let next = text.indexOf('\n', offset);
  next = next < 0 ? text.length : next + 1;
  let end = next > start && text.charAt(next - 1) === '\n' ? next - 1 : next;
  if (end > start && text.charAt(end - 1) === '\r') end -= 1;
  return { start, end, next, tooLong: end - start > MAX_LINE };
}

/** Cells of a pipe-table line, without the empty ones outside a leading or trailing pipe. */
function cellsOf(line: string): string[] {
  const cells = line.split('|');
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.at(-1)?.trim() === '') cells.pop();
  return cells;
}

/** Index of the cell that holds `offsetInLine` (same convention as cellsOf). */
function cellIndexAt(lineText: string, offsetInLine: number): number {
  let pipes = 0;
  for (let i = 0; i < offsetInLine; i++) if (lineText.charCodeAt(i) === 124) pipes += 1;
  return lineText.trimStart().startsWith('|') ? pipes - 1 : pipes;
}

const stripMarks = (cell: string): string => cell.replace(/[*_`]/g, '').trim();

/** The cell holds the number first: "429", "`429`", "**429**", "429 Too Many Requests". */
function cellStartsWithCode(cell: string, code: string): boolean {
  const content = cell.replace(/^[\s*_`]+/, '');
  if (!content.startsWith(code)) return false;
  const next = content.charAt(code.length);
  return !/\d/.test(next) && !(/[.,:/-]/.test(next) && /\d/.test(content.charAt(code.length + 1)));
}

export class StatusFields {
  readonly #text: string;
  /** The line of the last candidate, and what is known of it. */
  #line: Line = { start: 0, end: 0, next: 0, tooLong: false };
  #hasPipe: boolean | undefined;
  /** The request log's status field: offset of its digits, -1 when none, undefined until asked. */
  #requestStatusAt: number | undefined;
  #table: KnownTable | null = null;

  constructor(text: string) {
    this.#text = text;
  }

  /** True when the number at [codeStart, codeEnd) sits first in a status column of a pipe table. */
  isStatusCell(codeStart: number, codeEnd: number): boolean {
    const line = this.#lineOf(codeStart);
    if (line.tooLong) return false;
    this.#hasPipe ??= this.#text.slice(line.start, line.end).includes('|');
    if (!this.#hasPipe) return false;
    const lineText = rowText(this.#text, line);
    if (TABLE_SEPARATOR.test(lineText)) return false;
    const index = cellIndexAt(lineText, codeStart - line.start);
    const cells = cellsOf(lineText);
    const cell = cells[index];
    if (index < 0 || cell === undefined || !cellStartsWithCode(cell, this.#text.slice(codeStart, codeEnd))) return false;
    // A key/value table's row: the cell before names the status ("| status | 400 | |").
    if (index > 0 && isStatusHeader(stripMarks(cells[index - 1]!))) return true;
    return this.#tableOf(line).statusColumns.has(index);
  }

  /**
   * True when the number at `codeStart` is the status field of a request log line: the line holds
   * an HTTP method with a path, and this is the first number of 100-599 that stands as a field
   * of its own (later ones are sizes). Gin-style lines put the status first, before the method.
   */
  isRequestLogStatus(codeStart: number): boolean {
    return this.#requestStatusOf(codeStart) === codeStart;
  }

  /** True when the line holding `offset` is a request log line (it has a status field). */
  isRequestLogLine(offset: number): boolean {
    return this.#requestStatusOf(offset) >= 0;
  }

  #requestStatusOf(offset: number): number {
    const line = this.#lineOf(offset);
    this.#requestStatusAt ??= line.tooLong ? -1 : this.#findRequestStatus(line);
    return this.#requestStatusAt;
  }

  #lineOf(offset: number): Line {
    const cached = this.#line;
    if (offset >= cached.start && offset < cached.next) return cached;
    this.#line = lineAt(this.#text, offset);
    this.#hasPipe = undefined;
    this.#requestStatusAt = undefined;
    return this.#line;
  }

  #findRequestStatus(line: Line): number {
    const lineText = this.#text.slice(line.start, line.end);
    const request = REQUEST_PART.exec(lineText);
    if (!request) return -1;
    const field = FIELD_NUMBER.exec(lineText);
    if (!field) return -1;
    const pipeSeparated = (lineText.match(/\|/g)?.length ?? 0) >= 2;
    if (request.index > field.index && !pipeSeparated) return -1;
    return line.start + field.index;
  }

  #tableOf(row: Line): KnownTable {
    const known = this.#table;
    if (known && row.end === known.rowsEnd) return known;
    if (known && row.start >= known.rowsEnd && this.#onlyRowsBetween(known.rowsEnd, row.start)) {
      known.rowsEnd = row.end;
      return known;
    }
    const found = this.#findHeader(row);
    this.#table = found;
    return found;
  }

  /** Every line between two rows is a pipe-table row too. */
  #onlyRowsBetween(from: number, to: number): boolean {
    const lines = this.#text.slice(from, to).split('\n');
    return lines.slice(1, -1).every((line) => line.includes('|'));
  }

  /** Walks up from a row to its header; a block of rows without one is remembered as such. */
  #findHeader(row: Line): KnownTable {
    const none: KnownTable = { statusColumns: new Set(), rowsEnd: row.end };
    let line = row;
    for (let distance = 0; distance < MAX_HEADER_DISTANCE && line.start > 0; distance++) {
      const above = lineAt(this.#text, line.start - 1);
      if (above.tooLong) return none;
      const aboveText = rowText(this.#text, above);
      if (TABLE_SEPARATOR.test(aboveText)) {
        if (above.start === 0) return none;
        const header = lineAt(this.#text, above.start - 1);
        if (header.tooLong) return none;
        const names = cellsOf(rowText(this.#text, header)).map(stripMarks);
        const statusColumns = new Set(names.flatMap((name, i) => (isStatusHeader(name) ? [i] : [])));
        return { statusColumns, rowsEnd: row.end };
      }
      if (!aboveText.includes('|')) return none;
      line = above;
    }
    return none;
  }
}
