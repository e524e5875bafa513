import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  locatedError,
  parse,
  responsePathAsArray,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { operations } from '../../operations';
import { assertFieldAllowed, type Caller } from './authorization';
import { resolverContext, type RequestScope } from './context';
import { fieldError, malformed, requestError, type AppSyncError } from './errors';
import { MAX_TOKENS, noIntrospection, queryDepth, ResolverBudget, type ApiLimits } from './limits';
import type { HttpDataSources } from './httpDataSource';
import type { ResolverCodeCache } from './resolverCode';
import { runUnitResolver } from './unitResolver';
import type { FunctionRuntime } from './lambda';
import { ResolverError } from './util';

/** Runs one parsed GraphQL request against the schema, every operations row wired to its resolver. */

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export interface GraphQLResponse {
  data: Record<string, unknown> | null;
  errors?: AppSyncError[];
}

/** A request refused before it is run, with its own HTTP status (AppSync's 4xx answers). */
export interface Refusal {
  refused: { status: number; body: unknown };
}

interface ExecutionScope extends RequestScope {
  /** util.appendError entries of every field, reported with the response. */
  appended: GraphQLError[];
  /** Resolver invocations left for this request (api.resolverCountLimit). */
  budget: ResolverBudget;
}

const resolvedFields = new Set<string>(operations.map((op) => `${op.type}.${op.field}`));

/** What the resolvers reach beyond their code: the API's environment variables, its HTTP data sources and its functions. */
export interface Backends {
  env: Record<string, string>;
  http: HttpDataSources;
  functions: FunctionRuntime;
}

function fieldResolver(resolvers: ResolverCodeCache, backends: Backends): GraphQLFieldResolver<unknown, ExecutionScope> {
  return async (source, args, scope, info) => {
    const key = `${info.parentType.name}.${info.fieldName}`;
    // Fields with no row have no resolver: AppSync then returns the parent's property, or null.
    if (!resolvedFields.has(key)) return defaultFieldResolver(source, args, scope, info);
    assertFieldAllowed(info.parentType.name, info.fieldName, scope.caller);
    if (!scope.budget.take()) throw new ResolverError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
    const evaluation = { fieldName: info.fieldName, parentTypeName: info.parentType.name, appended: [] };
    try {
      const ctx = resolverContext(args, source, scope, info);
      return await runUnitResolver(info.fieldName, resolvers.get(info.fieldName), ctx, evaluation, backends);
    } finally {
      const path = responsePathAsArray(info.path);
      scope.appended.push(...evaluation.appended.map((error) => locatedError(error, info.fieldNodes, path)));
    }
  };
}

const TOO_LARGE = `The query is too large: at most ${MAX_TOKENS} tokens are accepted.`;
const TOO_DEEP = 'The query is nested too deeply.';

/**
 * A document past the token limit, or nested so deeply that walking it exhausts the stack, is
 * refused as a malformed request (HTTP 400), never answered as a fault of the server.
 */
function parseQuery(query: string): DocumentNode | GraphQLError | Refusal {
  try {
    return parse(query, { maxTokens: MAX_TOKENS });
  } catch (err) {
    if (err instanceof GraphQLError && err.message.includes('Parsing aborted')) return refuse(TOO_LARGE);
    if (err instanceof GraphQLError) return err;
    if (err instanceof RangeError) return refuse(TOO_DEEP);
    throw err;
  }
}

function refuse(message: string): Refusal {
  return { refused: { status: 400, body: malformed(message) } };
}

/** Validation as AppSync does it: graphql-js's rules, and no introspection where it is off. */
function validateQuery(schema: GraphQLSchema, document: DocumentNode, limits: ApiLimits): readonly GraphQLError[] {
  const rules = limits.introspection ? specifiedRules : [...specifiedRules, noIntrospection];
  return validate(schema, document, rules);
}

/**
 * A query deeper than api.queryDepthLimit is refused before any resolver runs, so a too-deep
 * mutation has no side effect. AppSync documents a "limit error" for it without its wording.
 */
function depthError(document: DocumentNode, request: GraphQLRequest, limits: ApiLimits): AppSyncError | undefined {
  if (limits.queryDepthLimit === undefined) return undefined;
  const depth = queryDepth(document, request.operationName);
  if (depth <= limits.queryDepthLimit) return undefined;
  return {
    path: null,
    errorType: 'QueryDepthLimitReached',
    locations: null,
    message: `Query depth limit of ${limits.queryDepthLimit} exceeded: the query is ${depth} levels deep.`,
  };
}

/** A query as parsed and validated once; the schema and the limits do not change while a runtime serves. */
type Checked = { document: DocumentNode; invalid: readonly GraphQLError[] } | { failed: GraphQLError | Refusal };

/** Distinct query texts kept per schema; apps send a handful, so a full cache is simply emptied. */
const CHECKED_QUERIES_KEPT = 500;
const checkedQueries = new WeakMap<GraphQLSchema, Map<string, Checked>>();

/**
 * Parsing and validating take most of the runtime's own time per request (graphql-js walks the
 * document once per rule), and their outcome depends on the text alone: each distinct query is
 * checked once. Depth (which depends on operationName) and execution are per request.
 */
function checkQuery(schema: GraphQLSchema, query: string, limits: ApiLimits): Checked {
  let cache = checkedQueries.get(schema);
  if (!cache) checkedQueries.set(schema, (cache = new Map()));
  const key = `${limits.introspection ? 1 : 0}${query}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const document = parseQuery(query);
  let checked: Checked;
  if ('refused' in document || document instanceof GraphQLError) checked = { failed: document };
  else {
    try {
      checked = { document, invalid: validateQuery(schema, document, limits) };
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      checked = { failed: refuse(TOO_DEEP) };
    }
  }
  if (cache.size >= CHECKED_QUERIES_KEPT) cache.clear();
  cache.set(key, checked);
  return checked;
}

export async function runGraphQL(
  schema: GraphQLSchema,
  resolvers: ResolverCodeCache,
  request: GraphQLRequest,
  headers: Record<string, string>,
  limits: ApiLimits,
  caller: Caller,
  backends: Backends,
): Promise<GraphQLResponse | Refusal> {
  const checked = checkQuery(schema, request.query, limits);
  if ('failed' in checked) {
    return 'refused' in checked.failed ? checked.failed : { data: null, errors: [requestError(checked.failed)] };
  }
  const { document, invalid } = checked;
  let tooDeep: AppSyncError | undefined;
  try {
    tooDeep = invalid.length === 0 ? depthError(document, request, limits) : undefined;
  } catch (err) {
    if (err instanceof RangeError) return refuse(TOO_DEEP);
    throw err;
  }
  if (invalid.length > 0) return { data: null, errors: invalid.map((error) => requestError(error, 'Validation error: ')) };
  if (tooDeep) return { data: null, errors: [tooDeep] };

  const scope: ExecutionScope = {
    headers,
    variables: request.variables,
    caller,
    env: backends.env,
    appended: [],
    budget: new ResolverBudget(limits.resolverCountLimit),
  };
  const result = await execute({
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: scope,
    fieldResolver: fieldResolver(resolvers, backends),
  });
  const errors = [
    ...(result.errors ?? []).map((error) => (error.path ? fieldError(error, schema) : requestError(error))),
    ...scope.appended.map((error) => fieldError(error, schema)),
  ];
  const data = (result.data ?? null) as Record<string, unknown> | null;
  return errors.length > 0 ? { data, errors } : { data };
}
