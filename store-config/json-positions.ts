/**
 * JSON.parse with the line each value starts on, so a validation error can point at the line a seller
 * must edit. Hand-written: no JSON parser that reports positions is installed (the `yaml` package sits only
 * inside aws-cdk-lib), and JSON's grammar is small enough to read in one pass.
 */
export type JsonPath = ReadonlyArray<string | number>;

export interface PositionedJson {
  value: unknown;
  /** The line (1-based) of the value at a path; a key's line for object members. */
  lineOf(path: JsonPath): number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const pathKey = (path: JsonPath) => JSON.stringify(path);

export function parseJsonWithPositions(text: string): PositionedJson {
  const lines = new Map<string, number>();
  let index = 0;
  let line = 1;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line);
  };
  const skipSpace = () => {
    while (index < text.length) {
      const char = text[index];
      if (char === '\n') line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\uFEFF') return;
      index++;
    }
  };
  const readString = (): string => {
    const start = index;
    index++;
    while (index < text.length) {
      const char = text[index];
      if (char === '\\') index += 2;
      else if (char === '"') {
        index++;
        try {
          return JSON.parse(text.slice(start, index)) as string;
        } catch {
          return fail('invalid string escape');
        }
      } else if (char === '\n') return fail('unterminated string');
      else index++;
    }
    return fail('unterminated string');
  };
  const readValue = (path: (string | number)[]): unknown => {
    skipSpace();
    if (!lines.has(pathKey(path))) lines.set(pathKey(path), line);
    const char = text[index];
    if (char === '{') {
      index++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[index] === '}') {
        index++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') fail('expected a "quoted" key');
        const keyLine = line;
        const key = readString();
        if (Object.hasOwn(object, key)) fail(`"${key}" appears twice`);
        lines.set(pathKey([...path, key]), keyLine);
        skipSpace();
        if (text[index] !== ':') fail(`expected ":" after "${key}"`);
        index++;
        object[key] = readValue([...path, key]);
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return object;
        }
        fail('expected "," or "}"');
      }
    }
    if (char === '[') {
      index++;
      const array: unknown[] = [];
      skipSpace();
      if (text[index] === ']') {
        index++;
        return array;
      }
      for (;;) {
        array.push(readValue([...path, array.length]));
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return array;
        }
        fail('expected "," or "]"');
      }
    }
    if (char === '"') return readString();
    LITERAL.lastIndex = index;
    const literal = LITERAL.exec(text);
    if (!literal) return fail(index >= text.length ? 'unexpected end of file' : `unexpected "${char}"`);
    index += literal[0].length;
    return JSON.parse(literal[0]);
  };

  const value = readValue([]);
  skipSpace();
  if (index < text.length) fail('unexpected text after the JSON value');
  return {
    value,
    lineOf(path) {
      // An error about a missing member points at the object that lacks it.
      for (let length = path.length; length >= 0; length--) {
        const found = lines.get(pathKey(path.slice(0, length)));
        if (found !== undefined) return found;
      }
      return 1;
    },
  };
}
