import type { Order } from '../orders';

/**
 * Amounts in integer minor units (cents, or whole yen and won), so that sums and limits compare exactly:
 * 0.1 + 0.2 in floating point is not 0.3, and a refund limit must not be missed by a rounding error.
 */
export interface Money {
  currency: string;
  minor: number;
}

const exponents = new Map<string, number>();

/** Decimal places of a currency as CLDR defines them: EUR 2, JPY 0, KRW 0, KWD 3. */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * Order prices arrive in major units from the import format. They carry at most the currency's
 * decimals, so scaling and rounding recovers the exact integer the seller meant (89.9 * 100 is
 * 8990.000000000001 in floating point).
 */
export function toMinorUnits(amount: number, currency: string): number {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError('amount must be a non-negative number');
  return Math.round(amount * 10 ** currencyExponent(currency));
}

export function lineTotal(unitPrice: number, quantity: number, currency: string): Money {
  return { currency, minor: toMinorUnits(unitPrice, currency) * quantity };
}

export function orderTotal(order: Pick<Order, 'currency' | 'items'>): Money {
  let minor = 0;
  for (const item of order.items) minor += toMinorUnits(item.unitPrice, order.currency) * item.quantity;
  return { currency: order.currency, minor };
}
