import { describeIssues } from '../../functions/core/protocol';
import { type FaqEntry, FaqEntrySchema } from '../schema';
import { csvRows, type ImportFormat, jsonRows, type RawRow } from './rows';

export interface FaqRow {
  line: number;
  entry?: FaqEntry;
  error?: string;
}

/**
 * FAQ entries from JSON, NDJSON or CSV (id, language, topic, title, question, answer, tags separated by
 * ";"). An entry in the store's own language is stored without a language, as the configuration files do,
 * so that importing it and configuring it name the same item.
 */
export function parseFaqRows(text: string, format: ImportFormat, storeLanguage?: string): FaqRow[] {
  const rows = format === 'csv' ? csvFaq(text) : jsonRows(text, format);
  const seen = new Map<string, number>();
  return rows.map(({ line, raw, error }) => {
    if (error) return { line, error };
    const parsed = FaqEntrySchema.safeParse(raw);
    if (!parsed.success) return { line, error: describeIssues(parsed.error) };
    const { language, ...rest } = parsed.data;
    const entry: FaqEntry = language && language !== storeLanguage ? { ...rest, language } : rest;
    const key = `${entry.id}#${entry.language ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      return {
        line,
        error: `id ${entry.id}${entry.language ? ` (${entry.language})` : ''} already appears on line ${first}`,
      };
    seen.set(key, line);
    return { line, entry };
  });
}

function csvFaq(text: string): RawRow[] {
  const { columns, rows } = csvRows(text);
  for (const required of ['id', 'answer'])
    if (!columns.includes(required)) return [{ line: 1, error: `the header has no "${required}" column` }];
  return rows.map((row) => {
    if (!row.raw) return row;
    const text = (column: string) => row.raw?.[column]?.trim() || undefined;
    const tags = text('tags')
      ?.split(/[;|]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    const raw: Record<string, unknown> = {
      id: text('id'),
      language: text('language'),
      topic: text('topic'),
      title: text('title'),
      question: text('question'),
      answer: text('answer'),
      tags: tags && tags.length > 0 ? tags : undefined,
    };
    return {
      line: row.line,
      raw: Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
    };
  });
}
