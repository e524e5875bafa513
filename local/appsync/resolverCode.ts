import vm from 'node:vm';
import { transformSync } from 'esbuild';
import { bundleResolver } from '../../infra/bundleResolver';
import * as standIn from './util';

/**
 * Loads `resolvers/<field>.ts` exactly as it is deployed: the single module infra/bundleResolver.ts
 * builds, run in its own JavaScript realm with no Node.js globals (as on the APPSYNC_JS runtime),
 * with `@aws-appsync/utils` answered by the local stand-in.
 */

export interface ResolverCode {
  request(ctx: unknown): unknown;
  response(ctx: unknown): unknown;
}

/** AppSync names the resolver's code this in error messages. */
export const CODE_FILE = 'code.js';

function requireFromResolver(specifier: string): unknown {
  if (specifier === '@aws-appsync/utils') return standIn;
  throw new Error(`${specifier} is not available in the local AppSync runtime.`);
}

export function loadResolverCode(field: string): ResolverCode {
  // The deployed module is ESM; CommonJS is the form a plain realm can run with an injected `require`.
  const { code } = transformSync(bundleResolver(field), { loader: 'js', format: 'cjs', target: 'es2020' });
  const realm = vm.createContext({
    console,
    util: standIn.util,
    runtime: standIn.runtime,
    extensions: standIn.extensions,
  });
  const wrapped = vm.runInContext(`(function (require, module, exports) {${code}\n})`, realm, { filename: CODE_FILE }) as (
    require: (specifier: string) => unknown,
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
  ) => void;
  const module = { exports: {} as Record<string, unknown> };
  wrapped(requireFromResolver, module, module.exports);
  const { request, response } = module.exports;
  if (typeof request !== 'function' || typeof response !== 'function') {
    throw new Error(`resolvers/${field}.ts must export request and response functions.`);
  }
  return { request: request as ResolverCode['request'], response: response as ResolverCode['response'] };
}

/** Bundles each field's resolver once, on first use. */
export class ResolverCodeCache {
  private readonly loaded = new Map<string, ResolverCode>();

  get(field: string): ResolverCode {
    let code = this.loaded.get(field);
    if (!code) {
      code = loadResolverCode(field);
      this.loaded.set(field, code);
    }
    return code;
  }
}
