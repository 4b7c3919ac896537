import { type CsvError, type Options, parse } from 'csv-parse/sync';

/** One row of an import file: what it holds, or why it could not be read. */
export interface RawRow<T = unknown> {
  line: number;
  raw?: T;
  error?: string;
}

export type ImportFormat = 'csv' | 'json' | 'ndjson';

/** By extension first (.csv, .json, .ndjson, .jsonl), else by the first character. */
export function detectFormat(file: string, text: string): ImportFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return text.trimStart().startsWith('[') ? 'json' : 'ndjson';
  const first = text.trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

export function jsonRows(text: string, format: 'json' | 'ndjson'): RawRow[] {
  return format === 'json' ? arrayRows(text) : ndjsonRows(text);
}

function ndjsonRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      rows.push({ line: index + 1, raw: JSON.parse(content) });
    } catch {
      rows.push({ line: index + 1, error: 'not valid JSON' });
    }
  });
  return rows;
}

/** Splits a top-level JSON array into its elements, remembering the line each starts on. */
function arrayRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let start = -1;
  let startLine = 1;
  const flush = (end: number) => {
    const slice = text.slice(start, end).trim();
    if (slice) {
      try {
        rows.push({ line: startLine, raw: JSON.parse(slice) });
      } catch {
        rows.push({ line: startLine, error: 'not valid JSON' });
      }
    }
    start = -1;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && start === -1 && char !== undefined && !/[\s,\]]/.test(char)) {
      start = index;
      startLine = line;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) {
        if (start !== -1) flush(index);
        break;
      }
    } else if (depth === 1 && char === ',' && start !== -1) flush(index);
  }
  if (depth !== 0) rows.push({ line, error: 'the JSON array is not closed' });
  return rows;
}

/**
 * CSV rows as header → value records (csv-parse). A row that cannot be read (a stray quote, a wrong number
 * of fields) becomes an error on its own line and the rest of the file is still read.
 */
export function csvRows(text: string): { columns: string[]; rows: RawRow<Record<string, string>>[] } {
  const rows: RawRow<Record<string, string>>[] = [];
  let columns: string[] = [];
  // on_skip is in csv-parse 5 but missing from its type declarations.
  const options: Options & { on_skip: (error: CsvError | undefined) => void } = {
    bom: true,
    columns: (header: string[]) => {
      columns = header.map((name) => name.trim());
      return columns;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) rows.push({ line: error.lines, error: csvError(error.code, error.message) });
    },
    // Collected as they are read, so a quote left open at the end costs the rows after it, not the file.
    on_record: (record: Record<string, string>, context) => {
      // csv-parse counts the line a row ends on; a quoted field may span several.
      const inner = Object.values(record).reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
      rows.push({ line: context.lines - inner, raw: record });
      return null;
    },
  };
  try {
    parse(text, options);
  } catch (error) {
    const { lines, code, message } = error as { lines?: number; code?: string; message: string };
    rows.push({ line: lines ?? 1, error: csvError(code, message) });
  }
  rows.sort((a, b) => a.line - b.line);
  return { columns, rows };
}

function csvError(code: string | undefined, message: string): string {
  if (code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH')
    return 'the row does not have as many fields as the header';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is not closed';
  if (code?.startsWith('CSV_INVALID_CLOSING_QUOTE')) return 'a quote in the middle of a field';
  return message.split(':')[0] ?? 'the row cannot be read as CSV';
}

/** The first non-blank value of a column across a group of rows (Shopify repeats order fields or not). */
export function firstValue(rows: ReadonlyArray<Record<string, string>>, column: string): string | undefined {
  for (const row of rows) {
    const value = row[column]?.trim();
    if (value) return value;
  }
  return undefined;
}
