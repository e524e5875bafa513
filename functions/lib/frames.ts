import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack frames for the log of an unexpected failure, each bundle position turned into the
 * TypeScript file and line it was built from, through the source map beside the bundle.
 *
 * Node does the same for every stack under `--enable-source-maps`, but then it reads and decodes
 * the whole map (the SDK's mappings are nearly all of it) while it loads the bundle, on every cold
 * start: 16–18 % of a function's load (README, Function size). Here a map is read on the first
 * failure that logs frames, once per environment, with Node's own source map reader.
 * https://nodejs.org/api/module.html#class-modulesourcemap
 */

const maps = new Map<string, SourceMap | null>();

/** The map of a bundle file (`<file>.map`, as esbuild links it), or null when there is none. */
function mapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file)!;
}

/** `file:///var/task/index.mjs:1:2345` or `/var/task/index.mjs:1:2345` in a frame. */
const POSITION = /((?:file:\/\/)?\/[^\s()]+\.m?js):(\d+):(\d+)/;

function mapped(frame: string): string {
  return frame.replace(POSITION, (position: string, location: string, line: string, column: string) => {
    const origin = mapOf(location.startsWith('file:') ? fileURLToPath(location) : location)?.findOrigin(Number(line), Number(column));
    if (!origin || !('fileName' in origin)) return position;
    // Sources are relative to where the bundle was built (`../../<checkout>/functions/login.ts`): the path is what helps.
    return `${origin.fileName.replace(/^(\.\.\/)+/, '')}:${origin.lineNumber}:${origin.columnNumber}`;
  });
}

/**
 * The frames of an error's stack and nothing else: not its message, which may quote input, even
 * where the message runs over several lines.
 */
export function framesOf(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  return err.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map(mapped)
    .join('\n');
}
