/**
 * Colour families: what the local reader can honestly tell from pixel statistics, and what an order's
 * colour name ("navy", "beige", "anthracite") means in those terms. Close neighbours (navy and black in a
 * dim photo, white and beige) never count as a wrong colour: a false wrong-item claim costs more than a
 * missed one, which a person on the case still sees.
 */
export const COLOUR_FAMILIES = [
  'black',
  'white',
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'brown',
  'beige',
] as const;
export type ColourFamily = (typeof COLOUR_FAMILIES)[number];

const NAMES: Record<string, ColourFamily> = {
  black: 'black',
  anthracite: 'grey',
  charcoal: 'grey',
  grey: 'grey',
  gray: 'grey',
  silver: 'grey',
  white: 'white',
  ivory: 'white',
  cream: 'beige',
  offwhite: 'white',
  beige: 'beige',
  sand: 'beige',
  khaki: 'beige',
  camel: 'brown',
  tan: 'brown',
  brown: 'brown',
  chocolate: 'brown',
  red: 'red',
  burgundy: 'red',
  maroon: 'red',
  wine: 'red',
  orange: 'orange',
  coral: 'orange',
  yellow: 'yellow',
  mustard: 'yellow',
  gold: 'yellow',
  green: 'green',
  olive: 'green',
  mint: 'green',
  teal: 'blue',
  blue: 'blue',
  navy: 'blue',
  denim: 'blue',
  turquoise: 'blue',
  purple: 'purple',
  violet: 'purple',
  lilac: 'purple',
  pink: 'pink',
  rose: 'pink',
  fuchsia: 'pink',
};

export function colourFamilyOf(name: string | null | undefined): ColourFamily | undefined {
  if (!name) return undefined;
  const words = name
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .reverse();
  for (const word of words) {
    const family = NAMES[word];
    if (family) return family;
  }
  return undefined;
}

const NEIGHBOURS: ReadonlyArray<readonly [ColourFamily, ColourFamily]> = [
  ['black', 'grey'],
  ['black', 'blue'],
  ['black', 'brown'],
  ['white', 'grey'],
  ['white', 'beige'],
  ['beige', 'brown'],
  ['beige', 'yellow'],
  ['brown', 'orange'],
  ['red', 'pink'],
  ['red', 'orange'],
  ['pink', 'purple'],
  ['blue', 'purple'],
  ['grey', 'blue'],
];

/** True when the two are plainly different colours, not neighbours a camera could confuse. */
export function plainlyDifferent(a: ColourFamily, b: ColourFamily): boolean {
  if (a === b) return false;
  return !NEIGHBOURS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The family of an sRGB colour, by hue, saturation and lightness. */
export function familyOfRgb(r: number, g: number, b: number): ColourFamily {
  const [h, s, l] = toHsl(r, g, b);
  if (l < 0.16) return 'black';
  if (s < 0.14) return l > 0.82 ? 'white' : l < 0.3 ? 'black' : 'grey';
  if (l > 0.9) return 'white';
  if (h < 15 || h >= 345) return l > 0.7 ? 'pink' : 'red';
  if (h < 40) {
    if (l > 0.72 && s < 0.6) return 'beige';
    return l < 0.42 ? 'brown' : 'orange';
  }
  if (h < 68) {
    if (l > 0.7 && s < 0.6) return 'beige';
    return l < 0.35 ? 'brown' : 'yellow';
  }
  if (h < 165) return 'green';
  if (h < 255) return 'blue';
  if (h < 290) return 'purple';
  return l > 0.6 ? 'pink' : s > 0.5 ? 'pink' : 'purple';
}

function toHsl(r: number, g: number, b: number): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === R) h = ((G - B) / d + (G < B ? 6 : 0)) * 60;
  else if (max === G) h = ((B - R) / d + 2) * 60;
  else h = ((R - G) / d + 4) * 60;
  return [h, s, l];
}
