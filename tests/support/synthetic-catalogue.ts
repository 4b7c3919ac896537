import type { FaqEntry } from '../../functions/core/knowledge/answer';
import type { StoreProduct } from '../../functions/ports/after-sales';

/**
 * A large, deterministic catalogue for scale tests and the knowledge benchmark: products named like a real
 * shop's (colour, line, kind), with care, materials, warranty and shipping facts, and FAQ entries in the
 * store language with translations. Nothing here is tuned to a question the tests ask.
 */
const KINDS = [
  {
    kind: 'rain jacket',
    category: 'clothing',
    care: 'Machine wash cold; hang dry.',
    materials: 'Recycled polyester shell',
  },
  {
    kind: 'trail runner',
    category: 'shoes',
    care: 'Wipe clean; do not machine wash.',
    materials: 'Mesh upper, rubber sole',
  },
  { kind: 'linen dress', category: 'clothing', care: 'Hand wash; iron while damp.', materials: '100% linen' },
  { kind: 'wireless earbuds', category: 'electronics', warrantyMonths: 12, materials: 'ABS plastic case' },
  { kind: 'desk lamp', category: 'home', warrantyMonths: 24, materials: 'Aluminium arm' },
  { kind: 'canvas tote', category: 'bags', care: 'Spot clean only.', materials: 'Organic cotton canvas' },
  {
    kind: 'wool beanie',
    category: 'accessories',
    care: 'Hand wash cold; dry flat.',
    materials: 'Merino wool',
  },
  {
    kind: 'hiking boot',
    category: 'shoes',
    care: 'Brush off mud; use wax.',
    materials: 'Full-grain leather',
  },
];
const COLOURS = ['black', 'navy', 'olive', 'sand', 'red', 'white', 'grey', 'teal', 'rust', 'plum'];
const LINES = [
  'Harbour',
  'Summit',
  'Meadow',
  'Canyon',
  'Fjord',
  'Atlas',
  'Ember',
  'Drift',
  'Nova',
  'Pine',
  'Quartz',
  'Tide',
  'Vale',
];

export function syntheticProducts(count: number): StoreProduct[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = KINDS[index % KINDS.length] as (typeof KINDS)[number];
    const colour = COLOURS[Math.floor(index / KINDS.length) % COLOURS.length];
    const line = LINES[Math.floor(index / (KINDS.length * COLOURS.length)) % LINES.length];
    const sku = `P-${String(index).padStart(5, '0')}`;
    const name = `${line} ${kind} ${colour} ${index}`;
    return {
      sku,
      name,
      category: kind.category,
      description: `The ${line} ${kind.kind} in ${colour}.`,
      ...(kind.care ? { care: kind.care } : {}),
      materials: kind.materials,
      ...(kind.warrantyMonths ? { warrantyMonths: kind.warrantyMonths } : {}),
      shippingDays: [3 + (index % 4), 8 + (index % 5)],
      stock: index % 17,
    };
  });
}

const COUNTRIES = [
  'Norway',
  'Sweden',
  'Finland',
  'Denmark',
  'Iceland',
  'Ireland',
  'Portugal',
  'Greece',
  'Cyprus',
  'Malta',
  'Estonia',
  'Latvia',
  'Lithuania',
  'Poland',
  'Czechia',
  'Slovakia',
  'Hungary',
  'Romania',
  'Bulgaria',
  'Croatia',
  'Slovenia',
  'Austria',
  'Switzerland',
  'Belgium',
  'Netherlands',
  'Luxembourg',
  'Canada',
  'Mexico',
  'Brazil',
  'Chile',
  'Argentina',
  'Peru',
  'Colombia',
  'Japan',
  'Korea',
  'Singapore',
  'Malaysia',
  'Thailand',
  'Vietnam',
  'Indonesia',
  'Philippines',
  'Australia',
  'Zealand',
  'Israel',
  'Turkey',
  'Morocco',
  'Egypt',
  'Kenya',
  'Nigeria',
  'Ghana',
];
const TEMPLATES: Array<(place: string, n: number) => { topic: string; question: string; answer: string }> = [
  (place, n) => ({
    topic: 'shipping',
    question: `How long does delivery to ${place} take?`,
    answer: `Parcels to ${place} arrive in ${n + 4}-${n + 9} business days.`,
  }),
  (place, n) => ({
    topic: 'customs',
    question: `Do I pay customs duties in ${place}?`,
    answer: `Import duties for ${place} are ${n % 2 ? 'included in the price' : 'paid by the recipient on delivery'}.`,
  }),
  (place) => ({
    topic: 'returns',
    question: `Where do I send a return from ${place}?`,
    answer: `Returns from ${place} go to our regional warehouse; the label is in your account.`,
  }),
  (place, n) => ({
    topic: 'payment',
    question: `Which payment methods work in ${place}?`,
    answer: `In ${place} we accept cards${n % 3 ? ', PayPal' : ''} and local bank transfer.`,
  }),
  (place) => ({
    topic: 'stores',
    question: `Is there a pickup point in ${place}?`,
    answer: `Pickup points in ${place} are listed at checkout when you enter your postcode.`,
  }),
  (place, n) => ({
    topic: 'gift cards',
    question: `Can I use a gift card bought in ${place}?`,
    answer: `Gift cards from ${place} are valid for ${12 + n} months in every store currency.`,
  }),
  (place) => ({
    topic: 'newsletter',
    question: `Do you send offers by post to ${place}?`,
    answer: `We send offers to ${place} by email only, never by post.`,
  }),
  (place, n) => ({
    topic: 'shipping',
    question: `What does express shipping to ${place} cost?`,
    answer: `Express shipping to ${place} costs ${9 + n} euros and arrives in 2-3 days.`,
  }),
];

/** `count` entries: three in four in the store language, the rest translations of those. */
export function syntheticFaq(count: number): FaqEntry[] {
  const own = Math.ceil((count * 3) / 4);
  const entries: FaqEntry[] = [];
  for (let index = 0; index < own; index++) {
    const place = COUNTRIES[index % COUNTRIES.length] as string;
    const template = TEMPLATES[
      Math.floor(index / COUNTRIES.length) % TEMPLATES.length
    ] as (typeof TEMPLATES)[number];
    entries.push({ id: `faq-${String(index).padStart(4, '0')}`, ...template(place, index % 7) });
  }
  const languages = ['fr', 'es', 'de'];
  for (let index = 0; entries.length < count; index++) {
    const original = entries[index] as FaqEntry;
    entries.push({
      id: original.id,
      language: languages[index % languages.length] as string,
      topic: original.topic as string,
      answer: `[${languages[index % languages.length]}] ${original.answer}`,
    });
  }
  return entries;
}
