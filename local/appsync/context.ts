import { Kind, print, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Caller, IamIdentity } from './authorization';
import { overTheWire } from './lambda';

/** What one GraphQL request carries into every resolver. */
export interface RequestScope {
  /** Header names lower-cased, as AppSync hands them to resolvers. */
  headers: Record<string, string>;
  /** The variables as the client sent them. */
  variables: Record<string, unknown>;
  /** How the request was authorized. */
  caller: Caller;
  /** The API's environment variables (`ctx.env`), as CDK sets them on the deployed API. */
  env: Record<string, string>;
}

/** The `ctx` object an APPSYNC_JS unit resolver receives. */
export interface ResolverContext {
  arguments: Record<string, unknown>;
  args: Record<string, unknown>;
  identity: IamIdentity | null;
  source: unknown;
  request: { headers: Record<string, string>; domainName: null };
  info: {
    fieldName: string;
    parentTypeName: string;
    variables: Record<string, unknown>;
    selectionSetList: string[];
    selectionSetGraphQL: string;
  };
  stash: Record<string, unknown>;
  prev: { result: Record<string, unknown> };
  env: Record<string, string>;
  result?: unknown;
  error?: { message: string; type: string };
}

/** Field paths below this field, aliases as written, e.g. ["mfaSetup", "mfaSetup/session"]. */
function selectionSetList(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, prefix = ''): string[] {
  const paths: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const path = prefix + (selection.alias ?? selection.name).value;
      paths.push(path, ...selectionSetList(selection.selectionSet, info, `${path}/`));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      paths.push(...selectionSetList(selection.selectionSet, info, prefix));
    } else {
      paths.push(...selectionSetList(info.fragments[selection.name.value]?.selectionSet, info, prefix));
    }
  }
  return [...new Set(paths)];
}

/**
 * A field's selection as resolvers see it, computed once per field node: documents are parsed once
 * per query text (execute.ts), so the same nodes come back with every request sending that query.
 */
const selections = new WeakMap<SelectionSetNode, { list: string[]; graphql: string }>();

function selectionOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): { list: string[]; graphql: string } {
  if (!selectionSet) return { list: [], graphql: '' };
  let selection = selections.get(selectionSet);
  if (!selection) {
    selection = { list: selectionSetList(selectionSet, info), graphql: print(selectionSet) };
    selections.set(selectionSet, selection);
  }
  return selection;
}

export function resolverContext(args: Record<string, unknown>, source: unknown, scope: RequestScope, info: GraphQLResolveInfo): ResolverContext {
  const selection = selectionOf(info.fieldNodes[0]?.selectionSet, info);
  const argumentsCopy = overTheWire(args) as Record<string, unknown>;
  return {
    arguments: argumentsCopy,
    args: argumentsCopy,
    // API-key callers have no identity on AppSync; IAM callers have the signer's.
    identity: scope.caller.mode === 'iam' ? { ...scope.caller.identity } : null,
    source: source ?? null,
    request: { headers: { ...scope.headers }, domainName: null },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: scope.variables,
      selectionSetList: [...selection.list],
      selectionSetGraphQL: selection.graphql,
    },
    stash: {},
    prev: { result: {} },
    env: { ...scope.env },
  };
}
