import { getNamedType, isObjectType, type GraphQLError, type GraphQLSchema } from 'graphql';
import { ScalarError } from './scalars';
import { ResolverError } from './util';

/**
 * AppSync's error shapes. Entries of `errors` carry their keys in AppSync's order and never
 * graphql-js's `extensions`; messages of request-level errors use graphql-js wording.
 */

interface Location {
  line: number;
  column: number;
  sourceName: null;
}

export interface AppSyncError {
  path: ReadonlyArray<string | number> | null;
  data?: unknown;
  errorType?: string | null;
  errorInfo?: unknown;
  locations: Location[] | null;
  message: string;
}

/** The body of a request AppSync refuses before running it (401, 400). */
export interface RefusalBody {
  errors: Array<{ errorType: string; message: string }>;
}

export const UNAUTHORIZED: RefusalBody = {
  errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
};

/** AppSync writes these two keys the other way round for malformed requests. */
export function malformed(message: string): { errors: Array<{ message: string; errorType: string }> } {
  return { errors: [{ message, errorType: 'MalformedHttpRequestException' }] };
}

function locationsOf(error: GraphQLError): Location[] | null {
  return error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null;
}

/** An error about the whole request (syntax, validation, variables): no path, no data. */
export function requestError(error: GraphQLError, prefix = ''): AppSyncError {
  return { path: null, locations: locationsOf(error), message: prefix + error.message };
}

const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;

/** graphql-java's wording, which AppSync returns when a non-null field comes back null. */
function nonNullError(error: GraphQLError, schema: GraphQLSchema, path: ReadonlyArray<string | number>): AppSyncError | undefined {
  const match = NON_NULL.exec(error.message);
  if (!match) return undefined;
  const [, parentName = '', fieldName = ''] = match;
  const parent = schema.getType(parentName);
  const field = isObjectType(parent) ? parent.getFields()[fieldName] : undefined;
  const typeName = field ? getNamedType(field.type).name : fieldName;
  return {
    path,
    locations: null,
    message: `Cannot return null for non-nullable type: '${typeName}' within parent '${parentName}' (/${path.join('/')})`,
  };
}

/** An error raised while resolving one field. */
export function fieldError(error: GraphQLError, schema: GraphQLSchema): AppSyncError {
  const path = error.path ?? [];
  const cause = error.originalError;
  if (cause instanceof ResolverError) {
    return {
      path,
      data: cause.data,
      errorType: cause.errorType,
      errorInfo: cause.errorInfo,
      locations: locationsOf(error),
      message: cause.message,
    };
  }
  if (cause instanceof ScalarError) {
    return { path, locations: locationsOf(error), message: `Can't serialize value (/${path.join('/')}) : ${cause.message}` };
  }
  return (
    nonNullError(error, schema, path) ?? {
      path,
      data: null,
      errorType: 'InternalFailure',
      errorInfo: null,
      locations: locationsOf(error),
      message: error.message,
    }
  );
}
