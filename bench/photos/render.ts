import sharp from 'sharp';

/**
 * Draws the photos a shopper might send, so tests and the photo benchmark need no stored images: a size
 * label on fabric, an item on a table, shot sideways (with the EXIF orientation a phone writes), blurred
 * or dark. Text is SVG drawn by librsvg with the system's Noto fonts (CJK, Arabic, Thai).
 */
export interface RenderSpec {
  kind: 'label' | 'item';
  /** Label lines, top to bottom. */
  lines?: string[];
  /** The fabric or item colour, #rrggbb. */
  colour: string;
  /** Degrees the label is turned on the fabric (a hand-held shot is never square). */
  tilt?: number;
  /** Pixels stored turned by this much, with EXIF orientation saying how to stand them up. */
  stored?: 0 | 90 | 180 | 270;
  blur?: number;
  /** 1 is a normal exposure; 0.15 a shot in a dark room. */
  light?: number;
  width?: number;
  height?: number;
  /** Seeds the fabric noise so a set is reproducible. */
  seed?: number;
  /** Adds GPS and a camera make to the EXIF, as a phone would. */
  exif?: boolean;
}

const FONTS =
  "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic', 'Noto Sans Thai', 'DejaVu Sans', sans-serif";

export const CAMERA_MAKE = 'AfterdeskBenchCam';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function speckles(width: number, height: number, seed: number, count: number): string {
  const next = random(seed);
  let out = '';
  for (let i = 0; i < count; i++) {
    const shade = Math.round(next() * 60) - 30;
    const fill =
      shade > 0
        ? `rgba(255,255,255,${(shade / 300).toFixed(2)})`
        : `rgba(0,0,0,${(-shade / 300).toFixed(2)})`;
    out += `<circle cx="${Math.round(next() * width)}" cy="${Math.round(next() * height)}" r="${1 + Math.round(next() * 3)}" fill="${fill}"/>`;
  }
  return out;
}

function labelSvg(spec: RenderSpec, width: number, height: number): string {
  const lines = spec.lines ?? [];
  const size = Math.round(height / 14);
  const labelWidth = Math.round(width * 0.62);
  const labelHeight = Math.round(size * 1.5 * lines.length + size);
  const x = (width - labelWidth) / 2;
  const y = (height - labelHeight) / 2;
  const text = lines
    .map(
      (line, index) =>
        `<text x="${width / 2}" y="${y + size * 1.2 + index * size * 1.5}" font-size="${size}" font-family="${FONTS}" font-weight="bold" text-anchor="middle" fill="#1a1a1a">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="${spec.colour}"/>${speckles(width, height, spec.seed ?? 1, 400)}
<g transform="rotate(${spec.tilt ?? 0} ${width / 2} ${height / 2})">
<rect x="${x}" y="${y}" width="${labelWidth}" height="${labelHeight}" rx="8" fill="#f7f5ef"/>${text}</g></svg>`;
}

function itemSvg(spec: RenderSpec, width: number, height: number): string {
  // A T-shirt outline in the item's colour on a light table.
  const w = width;
  const h = height;
  const shirt = [
    [0.3, 0.18],
    [0.42, 0.14],
    [0.58, 0.14],
    [0.7, 0.18],
    [0.86, 0.34],
    [0.76, 0.44],
    [0.7, 0.38],
    [0.7, 0.86],
    [0.3, 0.86],
    [0.3, 0.38],
    [0.24, 0.44],
    [0.14, 0.34],
  ]
    .map(([px, py]) => `${Math.round((px ?? 0) * w)},${Math.round((py ?? 0) * h)}`)
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="#dcdad5"/>${speckles(w, h, spec.seed ?? 1, 300)}
<g transform="rotate(${spec.tilt ?? 0} ${w / 2} ${h / 2})"><polygon points="${shirt}" fill="${spec.colour}"/></g></svg>`;
}

const ORIENTATION = { 0: 1, 90: 6, 180: 3, 270: 8 } as const;

export async function renderPhoto(spec: RenderSpec): Promise<Buffer> {
  const width = spec.width ?? 1200;
  const height = spec.height ?? 900;
  const svg = spec.kind === 'label' ? labelSvg(spec, width, height) : itemSvg(spec, width, height);
  let image = sharp(Buffer.from(svg));
  if (spec.blur) image = sharp(await image.png().toBuffer()).blur(spec.blur);
  if (spec.light !== undefined && spec.light !== 1) image = image.linear(spec.light, 0);
  let pixels = await image.png().toBuffer();
  const stored = spec.stored ?? 0;
  // Stored turned back by the angle the EXIF says to turn forward: upright once autoOrient applies it.
  if (stored)
    pixels = await sharp(pixels)
      .rotate(360 - stored)
      .png()
      .toBuffer();
  let out = sharp(pixels).jpeg({ quality: 90 });
  if (spec.exif) {
    out = out.withExif({
      IFD0: { Make: CAMERA_MAKE },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
    });
  }
  if (stored) out = out.withMetadata({ orientation: ORIENTATION[stored] });
  return out.toBuffer();
}
