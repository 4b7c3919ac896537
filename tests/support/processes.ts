import { execFileSync } from 'node:child_process';

/** Every process whose command line mentions `needle`, as [pid, args]. */
export function processesMentioning(needle: string): Array<[number, string]> {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2]?.includes(needle) === true)
    .map((match) => [Number(match[1]), match[2] as string]);
}
