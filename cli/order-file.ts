import { type Order, OrderSchema } from '../functions/core/orders';
import { describeIssues } from '../functions/core/protocol';

export interface ParsedRow {
  line: number;
  order?: Order;
  error?: string;
}

/** Reads a JSON array or NDJSON of orders; every row is validated on its own so one bad row costs one row. */
export function parseOrderFile(text: string): ParsedRow[] {
  const trimmed = text.trimStart();
  const rows = trimmed.startsWith('[') ? arrayRows(text) : ndjsonRows(text);
  return rows.map(({ line, raw, parseError }) => {
    if (parseError) return { line, error: parseError };
    const parsed = OrderSchema.safeParse(raw);
    return parsed.success ? { line, order: parsed.data } : { line, error: describeIssues(parsed.error) };
  });
}

interface RawRow {
  line: number;
  raw?: unknown;
  parseError?: string;
}

function ndjsonRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      rows.push({ line: index + 1, raw: JSON.parse(content) });
    } catch {
      rows.push({ line: index + 1, parseError: 'not valid JSON' });
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
        rows.push({ line: startLine, parseError: 'not valid JSON' });
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
  if (depth !== 0) rows.push({ line, parseError: 'the JSON array is not closed' });
  return rows;
}
