import type { FactKeys } from '../../ports/privacy';
import { FACT_NAMES, type FactName } from '../analytics/facts';

/** Which columns of each fact tie a row to a customer, and through which of their keys. */
export const FACT_KEY_COLUMNS: Readonly<Record<FactName, ReadonlyArray<readonly [string, keyof FactKeys]>>> =
  {
    message_facts: [['conversation_id', 'sessionIds']],
    conversation_facts: [['conversation_id', 'sessionIds']],
    return_facts: [
      ['order_id', 'orderIds'],
      ['return_id', 'returnIds'],
    ],
    ticket_facts: [
      ['ticket_id', 'claimIds'],
      ['conversation_id', 'sessionIds'],
    ],
    video_facts: [['conversation_id', 'sessionIds']],
    photo_facts: [['conversation_id', 'sessionIds']],
  };

/** A SQL string literal (standard SQL: quotes doubled; Trino and DuckDB have no backslash escapes). */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The SQL condition matching the customer's rows of one fact (`col IN (…) OR …`), or undefined when the
 * customer has no key that fact is tied by (nothing to read or erase there).
 */
export function factPredicate(fact: FactName, keys: FactKeys): string | undefined {
  const terms = FACT_KEY_COLUMNS[fact]
    .filter(([, key]) => keys[key].length > 0)
    .map(([column, key]) => `"${column}" IN (${[...new Set(keys[key])].map(sqlString).join(', ')})`);
  return terms.length > 0 ? terms.join(' OR ') : undefined;
}

/** The facts a customer with these keys may have rows in, with the condition for each. */
export function factPredicates(keys: FactKeys): Array<[FactName, string]> {
  return FACT_NAMES.flatMap((fact) => {
    const predicate = factPredicate(fact, keys);
    return predicate ? [[fact, predicate] as [FactName, string]] : [];
  });
}

export const factKeyCount = (keys: FactKeys) =>
  keys.sessionIds.length + keys.orderIds.length + keys.returnIds.length + keys.claimIds.length;
