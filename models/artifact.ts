/**
 * The file format of a trained model (models/artifacts/<name>.bin): a JSON header naming the model, the
 * hash of the data and code it was trained from, and its typed-array sections, then the sections' bytes;
 * the whole brotli-compressed. Binary rather than JSON: tens of thousands of weights parse in
 * milliseconds as typed arrays, and would take seconds (and megabytes) as JSON numbers.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import * as z from 'zod';

export const ARTIFACT_FORMAT = 1;

/** What a trained model holds: typed arrays, string lists and a little plain metadata. */
export type Section =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Uint16Array
  | Uint8Array
  | Int8Array
  | string[];

export interface ArtifactContents {
  meta: Record<string, unknown>;
  sections: Record<string, Section>;
}

export interface Artifact extends ArtifactContents {
  name: string;
  /** sha256 of the inputs it was trained from (models/registry.ts); a different hash means a stale artifact. */
  sourceHash: string;
}

const SECTION_TYPES = ['f64', 'f32', 'i32', 'i16', 'u16', 'u8', 'i8', 'str'] as const;
type SectionType = (typeof SECTION_TYPES)[number];

const HeaderSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  name: z.string().min(1),
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  meta: z.record(z.string(), z.unknown()),
  sections: z.array(
    z.object({ name: z.string(), type: z.enum(SECTION_TYPES), bytes: z.number().int().min(0) }),
  ),
});

export class ArtifactFormatError extends Error {
  override readonly name = 'ArtifactFormatError';
}

// Features never hold a NUL: they are made of letters, digits, spaces and a short prefix.
const STRING_SEPARATOR = '\u0000';

function typeOf(section: Section): SectionType {
  if (Array.isArray(section)) return 'str';
  if (section instanceof Float64Array) return 'f64';
  if (section instanceof Float32Array) return 'f32';
  if (section instanceof Int32Array) return 'i32';
  if (section instanceof Int16Array) return 'i16';
  if (section instanceof Uint16Array) return 'u16';
  if (section instanceof Int8Array) return 'i8';
  return 'u8';
}

function bytesOf(section: Section): Uint8Array {
  if (Array.isArray(section)) {
    if (section.some((value) => value.includes(STRING_SEPARATOR)))
      throw new ArtifactFormatError('A string section holds a NUL character');
    return Buffer.from(section.join(STRING_SEPARATOR), 'utf8');
  }
  return new Uint8Array(section.buffer, section.byteOffset, section.byteLength);
}

/** Sections start on 8-byte boundaries so that typed arrays can view them in place after decompression. */
const pad = (length: number) => (8 - (length % 8)) % 8;

export function encodeArtifact(artifact: Artifact): Buffer {
  const names = Object.keys(artifact.sections).sort();
  const payloads = names.map((name) => bytesOf(artifact.sections[name] as Section));
  const header = Buffer.from(
    JSON.stringify({
      format: ARTIFACT_FORMAT,
      name: artifact.name,
      sourceHash: artifact.sourceHash,
      meta: artifact.meta,
      sections: names.map((name, index) => ({
        name,
        type: typeOf(artifact.sections[name] as Section),
        bytes: payloads[index]?.byteLength ?? 0,
      })),
    }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength);
  const parts: Uint8Array[] = [length, header, Buffer.alloc(pad(4 + header.byteLength))];
  for (const payload of payloads) parts.push(payload, Buffer.alloc(pad(payload.byteLength)));
  return brotliCompressSync(Buffer.concat(parts), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  });
}

function view(type: SectionType, bytes: Buffer): Section {
  // The decompressed buffer is fresh and ours, and sections are 8-byte aligned within it: no copies.
  const { buffer, byteOffset, byteLength } = bytes;
  switch (type) {
    case 'str':
      return byteLength === 0 ? [] : bytes.toString('utf8').split(STRING_SEPARATOR);
    case 'f64':
      return new Float64Array(buffer, byteOffset, byteLength / 8);
    case 'f32':
      return new Float32Array(buffer, byteOffset, byteLength / 4);
    case 'i32':
      return new Int32Array(buffer, byteOffset, byteLength / 4);
    case 'i16':
      return new Int16Array(buffer, byteOffset, byteLength / 2);
    case 'u16':
      return new Uint16Array(buffer, byteOffset, byteLength / 2);
    case 'i8':
      return new Int8Array(buffer, byteOffset, byteLength);
    default:
      return new Uint8Array(buffer, byteOffset, byteLength);
  }
}

/** Reads the header only after decompressing everything: artifacts are small enough that it does not matter. */
export function decodeArtifact(file: Uint8Array): Artifact {
  let raw: Buffer;
  try {
    raw = brotliDecompressSync(file);
  } catch (error) {
    throw new ArtifactFormatError(`Not a model artifact (${(error as Error).message})`);
  }
  if (raw.byteLength < 4) throw new ArtifactFormatError('Model artifact too short');
  const headerLength = raw.readUInt32LE(0);
  const parsed = HeaderSchema.safeParse(
    (() => {
      try {
        return JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8'));
      } catch {
        return undefined;
      }
    })(),
  );
  if (!parsed.success)
    throw new ArtifactFormatError(`Model artifact header is invalid: ${parsed.error.message}`);
  const header = parsed.data;
  let offset = 4 + headerLength + pad(4 + headerLength);
  const sections: Record<string, Section> = {};
  for (const section of header.sections) {
    if (offset + section.bytes > raw.byteLength)
      throw new ArtifactFormatError(`Model artifact ${header.name} is truncated at section ${section.name}`);
    sections[section.name] = view(section.type, raw.subarray(offset, offset + section.bytes));
    offset += section.bytes + pad(section.bytes);
  }
  return { name: header.name, sourceHash: header.sourceHash, meta: header.meta, sections };
}
