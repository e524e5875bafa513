import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  locatedError,
  parse,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { operations } from '../../operations';
import { assertFieldAllowed, type Caller } from './authorization';
import { resolverContext, type RequestScope } from './context';
import { fieldError, requestError, type AppSyncError } from './errors';
import type { ResolverCodeCache } from './resolverCode';
import { runUnitResolver } from './unitResolver';

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

interface ExecutionScope extends RequestScope {
  /** util.appendError entries of every field, reported with the response. */
  appended: GraphQLError[];
}

const resolvedFields = new Set<string>(operations.map((op) => `${op.type}.${op.field}`));

function fieldResolver(resolvers: ResolverCodeCache): GraphQLFieldResolver<unknown, ExecutionScope> {
  return async (source, args, scope, info) => {
    const key = `${info.parentType.name}.${info.fieldName}`;
    // Fields with no row have no resolver: AppSync then returns the parent's property, or null.
    if (!resolvedFields.has(key)) return defaultFieldResolver(source, args, scope, info);
    assertFieldAllowed(info.parentType.name, info.fieldName, scope.caller);
    const evaluation = { fieldName: info.fieldName, parentTypeName: info.parentType.name, appended: [] };
    try {
      const ctx = resolverContext(args, source, scope, info);
      return await runUnitResolver(info.fieldName, resolvers.get(info.fieldName), ctx, evaluation);
    } finally {
      const path = responsePathAsArray(info.path);
      scope.appended.push(...evaluation.appended.map((error) => locatedError(error, info.fieldNodes, path)));
    }
  };
}

function parseQuery(query: string): DocumentNode | GraphQLError {
  try {
    return parse(query);
  } catch (err) {
    if (err instanceof GraphQLError) return err;
    throw err;
  }
}

export async function runGraphQL(
  schema: GraphQLSchema,
  resolvers: ResolverCodeCache,
  request: GraphQLRequest,
  headers: Record<string, string>,
  caller: Caller = { mode: 'apiKey' },
): Promise<GraphQLResponse> {
  const document = parseQuery(request.query);
  if (document instanceof GraphQLError) return { data: null, errors: [requestError(document)] };

  const invalid = validate(schema, document);
  if (invalid.length > 0) return { data: null, errors: invalid.map((error) => requestError(error, 'Validation error: ')) };

  const scope: ExecutionScope = { headers, variables: request.variables, caller, appended: [] };
  const result = await execute({
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: scope,
    fieldResolver: fieldResolver(resolvers),
  });
  const errors = [
    ...(result.errors ?? []).map((error) => (error.path ? fieldError(error, schema) : requestError(error))),
    ...scope.appended.map((error) => fieldError(error, schema)),
  ];
  const data = (result.data ?? null) as Record<string, unknown> | null;
  return errors.length > 0 ? { data, errors } : { data };
}
