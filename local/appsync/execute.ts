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
import { APPSYNC_DEFAULT_LIMITS, MAX_TOKENS, noIntrospection, queryDepth, ResolverBudget, type ApiLimits } from './limits';
import type { ResolverCodeCache } from './resolverCode';
import { runUnitResolver } from './unitResolver';
import { inProcessFunctions, type FunctionRuntime } from './lambda';
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

function fieldResolver(resolvers: ResolverCodeCache, functions: FunctionRuntime): GraphQLFieldResolver<unknown, ExecutionScope> {
  return async (source, args, scope, info) => {
    const key = `${info.parentType.name}.${info.fieldName}`;
    // Fields with no row have no resolver: AppSync then returns the parent's property, or null.
    if (!resolvedFields.has(key)) return defaultFieldResolver(source, args, scope, info);
    assertFieldAllowed(info.parentType.name, info.fieldName, scope.caller);
    if (!scope.budget.take()) throw new ResolverError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
    const evaluation = { fieldName: info.fieldName, parentTypeName: info.parentType.name, appended: [] };
    try {
      const ctx = resolverContext(args, source, scope, info);
      return await runUnitResolver(info.fieldName, resolvers.get(info.fieldName), ctx, evaluation, functions);
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

export async function runGraphQL(
  schema: GraphQLSchema,
  resolvers: ResolverCodeCache,
  request: GraphQLRequest,
  headers: Record<string, string>,
  limits: ApiLimits = APPSYNC_DEFAULT_LIMITS,
  caller: Caller = { mode: 'apiKey' },
  functions: FunctionRuntime = inProcessFunctions,
): Promise<GraphQLResponse | Refusal> {
  const document = parseQuery(request.query);
  if ('refused' in document) return document;
  if (document instanceof GraphQLError) return { data: null, errors: [requestError(document)] };

  let invalid: readonly GraphQLError[];
  let tooDeep: AppSyncError | undefined;
  try {
    invalid = validateQuery(schema, document, limits);
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
    appended: [],
    budget: new ResolverBudget(limits.resolverCountLimit),
  };
  const result = await execute({
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: scope,
    fieldResolver: fieldResolver(resolvers, functions),
  });
  const errors = [
    ...(result.errors ?? []).map((error) => (error.path ? fieldError(error, schema) : requestError(error))),
    ...scope.appended.map((error) => fieldError(error, schema)),
  ];
  const data = (result.data ?? null) as Record<string, unknown> | null;
  return errors.length > 0 ? { data, errors } : { data };
}
