import { describeIssues } from '../../functions/core/protocol';
import { type Product, ProductSchema } from '../schema';
import { csvRows, firstValue, type ImportFormat, jsonRows, type RawRow } from './rows';

export interface ProductRow {
  line: number;
  product?: Product;
  error?: string;
}

export function parseProductRows(text: string, format: ImportFormat): ProductRow[] {
  const rows = format === 'csv' ? csvProducts(text) : jsonRows(text, format);
  const seen = new Map<string, number>();
  return rows.map(({ line, raw, error }) => {
    if (error) return { line, error };
    const parsed = ProductSchema.safeParse(raw);
    if (!parsed.success) return { line, error: describeIssues(parsed.error) };
    const sku = parsed.data.sku.toUpperCase();
    const first = seen.get(sku);
    if (first !== undefined)
      return { line, error: `sku ${parsed.data.sku} already appears on line ${first}` };
    seen.set(sku, line);
    return { line, product: parsed.data };
  });
}

function csvProducts(text: string): RawRow[] {
  const { columns, rows } = csvRows(text);
  if (columns.includes('Handle') && columns.includes('Variant SKU')) return shopifyProducts(rows);
  if (!columns.includes('sku'))
    return [{ line: 1, error: 'the header has neither Shopify\'s "Handle" and "Variant SKU" nor "sku"' }];
  return rows.map((row) => (row.raw ? genericProduct(row.line, row.raw) : row));
}

/**
 * Shopify's product export: the first row of a handle carries the product (title, body, type), every row
 * with variant columns is one variant, and rows with only an image are skipped. Each variant is one
 * product here, as orders name variants by their SKU.
 */
function shopifyProducts(rows: RawRow<Record<string, string>>[]): RawRow[] {
  const byHandle = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const handle = row.raw?.Handle?.trim();
    if (!row.raw || !handle) continue;
    byHandle.set(handle, [...(byHandle.get(handle) ?? []), row.raw]);
  }
  const out: RawRow[] = [];
  for (const row of rows) {
    if (!row.raw) {
      out.push(row);
      continue;
    }
    const record = row.raw;
    const handle = record.Handle?.trim();
    if (!handle) {
      out.push({ line: row.line, error: 'Handle is empty' });
      continue;
    }
    const isVariant = ['Variant SKU', 'Variant Price', 'Option1 Value'].some((column) =>
      record[column]?.trim(),
    );
    if (!isVariant) continue;
    const sku = record['Variant SKU']?.trim();
    if (!sku) {
      out.push({ line: row.line, error: `Variant SKU is empty (handle ${handle})` });
      continue;
    }
    const group = byHandle.get(handle) ?? [record];
    const options: Record<string, string> = {};
    for (const n of [1, 2, 3]) {
      const name = firstValue(group, `Option${n} Name`);
      const value = record[`Option${n} Value`]?.trim();
      if (name && value && value !== 'Default Title') options[name] = value;
    }
    const category =
      firstValue(group, 'Type') ?? firstValue(group, 'Product Category')?.split('>').pop()?.trim();
    const description = plainText(firstValue(group, 'Body (HTML)'));
    const stock = optionalNumber(record['Variant Inventory Qty']);
    const price = optionalNumber(record['Variant Price']);
    out.push({
      line: row.line,
      raw: {
        sku,
        name: firstValue(group, 'Title') ?? handle,
        ...(category ? { category } : {}),
        ...(description ? { description } : {}),
        // Shopify lets inventory go negative (oversold); for an exchange that is simply none in stock.
        ...(stock !== undefined ? { stock: Number.isInteger(stock) ? Math.max(0, stock) : stock } : {}),
        ...(price !== undefined ? { price } : {}),
        ...(Object.keys(options).length > 0 ? { options } : {}),
      },
    });
  }
  return out;
}

function genericProduct(line: number, record: Record<string, string>): RawRow {
  const text = (column: string) => record[column]?.trim() || undefined;
  const numeric = (column: string) => {
    const value = text(column);
    return value === undefined ? undefined : Number(value);
  };
  const shippingDays = text('shipping_days');
  let sizeChart: unknown;
  const chart = text('size_chart');
  if (chart) {
    try {
      sizeChart = JSON.parse(chart);
    } catch {
      return { line, error: 'size_chart is not JSON' };
    }
  }
  const raw: Record<string, unknown> = {
    sku: text('sku'),
    name: text('name'),
    category: text('category'),
    description: text('description'),
    care: text('care'),
    materials: text('materials'),
    warranty: text('warranty'),
    warrantyMonths: numeric('warranty_months'),
    shipping: text('shipping'),
    shippingDays: shippingDays?.includes('-')
      ? shippingDays.split('-').map(Number)
      : numeric('shipping_days'),
    fees: text('fees'),
    stock: numeric('stock'),
    price: numeric('price'),
    sizeChart,
  };
  return { line, raw: Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)) };
}

function optionalNumber(value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** Shopify's "Body (HTML)" as the plain text a shopper's question is matched against. */
export function plainText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, 5000) : undefined;
}
