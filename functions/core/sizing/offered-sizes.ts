import type { SizeChart } from './chart';

/** A size as a shopper names it: "44", "EU 44", "US 10", "XL". */
export interface AskedSize {
  system?: 'EU' | 'US' | 'UK';
  value: string;
}

const ASKED = /^\s*(?:(EU|EUR|US|UK)\s*)?(\d{1,2}(?:[.,]5)?|[2-5]?X{0,3}[SML]|[2-5]XL|X{1,3}L)\s*$/iu;

/** Reads a size the shopper asked about; undefined when the text is not one size. */
export function parseAskedSize(text: string): AskedSize | undefined {
  const match = ASKED.exec(text.normalize('NFKC'));
  if (!match?.[2]) return undefined;
  const label = match[1]?.toUpperCase();
  const system = label === 'EUR' ? 'EU' : (label as AskedSize['system']);
  const value = match[2].replace(',', '.').toUpperCase();
  return { ...(system ? { system } : {}), value };
}

/** "XXL" and "2XL" are the same size in every chart we have met. */
function canonicalLetters(value: string): string {
  const many = /^([2-5])XL$/.exec(value);
  return many ? `${'X'.repeat(Number(many[1]))}L` : value;
}

interface RowSize {
  system?: string;
  number?: number;
  letters?: string;
}

function rowSize(label: string, chartSystem: string | undefined): RowSize {
  const match = /^\s*(EU|EUR|US|UK)?\s*(\d{1,2}(?:[.,]5)?)\s*$/iu.exec(label);
  if (match?.[2]) {
    const system = (match[1] ?? chartSystem ?? '').toUpperCase().replace('EUR', 'EU');
    return { ...(system ? { system } : {}), number: Number(match[2].replace(',', '.')) };
  }
  return { letters: canonicalLetters(label.trim().toUpperCase()) };
}

/**
 * Whether the chart offers the asked size: true or false when the chart answers it, undefined when it cannot
 * (a US size against an EU chart: converting shoe systems would be a guess).
 */
export function chartOffers(chart: SizeChart, asked: AskedSize): boolean | undefined {
  const rows = chart.rows.map((row) => rowSize(row.size, chart.system));
  if (/^\d+(?:\.\d)?$/.test(asked.value)) {
    const numbered = rows.filter((row) => row.number !== undefined);
    if (numbered.length === 0) return undefined;
    const comparable = numbered.filter((row) => !asked.system || !row.system || row.system === asked.system);
    if (comparable.length === 0) return undefined;
    return comparable.some((row) => row.number === Number(asked.value));
  }
  const lettered = rows.filter((row) => row.letters !== undefined);
  if (lettered.length === 0) return undefined;
  const wanted = canonicalLetters(asked.value);
  return lettered.some((row) => row.letters === wanted);
}
