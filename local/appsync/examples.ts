import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { userOperations, type Operation } from '../../operations';

/**
 * One ready-to-run example operation per row of the operations table, generated from the schema:
 * every argument a variable, every field of the result selected, nested objects expanded.
 *
 *   mutation createUser($input: CreateUserInput!) {
 *     createUser(input: $input) {
 *       userId
 *       ...
 *     }
 *   }
 */

export interface OperationExample {
  field: string;
  /** The GraphQL document, named after the field. */
  document: string;
  /** Realistic values for the required variables. */
  variables: Record<string, unknown>;
}

/** Object nesting deeper than this is cut off (AppSync limits query depth too). */
const MAX_DEPTH = 8;
const INDENT = '  ';

/** Values that AppSync's scalars accept. */
const SCALAR_EXAMPLES: Readonly<Record<string, unknown>> = {
  Int: 0,
  Float: 0,
  Boolean: false,
  AWSEmail: 'ada.lovelace@example.com',
  AWSPhone: '+447700900123',
  AWSURL: 'https://example.com/',
  AWSDate: '1970-01-01',
  AWSTime: '12:00:00',
  AWSDateTime: '1970-01-01T12:00:00.000Z',
  AWSTimestamp: 0,
  AWSJSON: '{}',
  AWSIPAddress: '127.0.0.1',
};

/**
 * Realistic values for the String arguments and input fields, by name: each passes the functions'
 * input rules (functions/lib/validate.ts), passwords meet every environment's password policy, and
 * sessions and tokens look like Cognito's, so a developer sees what to paste where.
 */
export const STRING_EXAMPLES: Readonly<Record<string, string>> = {
  fullName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  password: 'Analytical-Engine-1843',
  oldPassword: 'Analytical-Engine-1843',
  newPassword: 'Difference-Engine-1822',
  temporaryPassword: 'T7#kq2Lm9xWp4z',
  otp: '492817',
  verificationCode: '305914',
  recoveryCode: '7kq2m-x9d4h',
  session: 'AYABeNxH7yq2sQ3Kv0aR9cGz6dUwAAEAB2F3cy1rbXMAS2Fybjphd3M6a21z',
  verificationSession: 'AYABeNxH7yq2sQ3Kv0aR9cGz6dUwAAEAB2F3cy1rbXMAS2Fybjphd3M6a21z',
  refreshToken:
    'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.Xk3pQ9vT2m.Rz8wYb4nHc.L6sJq1tUe0aVgKf7dMiOw5.Nh2yEc9Bx4Gp',
  accessToken: 'eyJraWQiOiJsb2NhbCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiI3YjJmNGUxYyJ9.c2lnbmF0dXJl',
  group: 'support',
  name: 'support',
  description: 'Support engineers',
  emailPrefix: 'ada',
  deviceName: 'Ada\'s phone',
  credentialId: 'vXq3Lw9TnK2pZr8sYb4mHg',
  // A PublicKeyCredential's toJSON(), shortened: the real one comes from the browser.
  credential:
    '{"id":"vXq3Lw9TnK2pZr8sYb4mHg","rawId":"vXq3Lw9TnK2pZr8sYb4mHg","type":"public-key","response":{"clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0","authenticatorData":"SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ","signature":"MEUCIQDx"},"clientExtensionResults":{}}',
};

/** A value of `type`: realistic for the names above, otherwise plain text. Optional input fields are left out. */
export function exampleValue(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [exampleValue(nullable.ofType, name)];
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, exampleValue(f.type, f.name)]));
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value ?? null;
  if (nullable.name in SCALAR_EXAMPLES) return SCALAR_EXAMPLES[nullable.name];
  return Object.hasOwn(STRING_EXAMPLES, name) ? STRING_EXAMPLES[name] : 'text';
}

function selectionOf(type: GraphQLNamedType, depth: number, ancestors: readonly string[]): string[] {
  if (isAbstractType(type)) return ['__typename'];
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields()).flatMap((field) => fieldLines(field, depth, [...ancestors, type.name]));
}

/** A field needing arguments, or leading back to a type already being expanded, is left out. */
function fieldLines(field: GraphQLField<unknown, unknown>, depth: number, ancestors: readonly string[]): string[] {
  if (field.args.some((arg) => isNonNullType(arg.type))) return [];
  const type = getNamedType(field.type);
  const pad = INDENT.repeat(depth);
  if (!isObjectType(type) && !isAbstractType(type)) return [pad + field.name];
  if (depth >= MAX_DEPTH || ancestors.includes(type.name)) return [];
  const inner = selectionOf(type, depth + 1, ancestors);
  return inner.length > 0 ? [`${pad}${field.name} {`, ...inner, `${pad}}`] : [];
}

function rootField(schema: GraphQLSchema, op: Pick<Operation, 'type' | 'field'>): GraphQLField<unknown, unknown> {
  const root = schema.getType(op.type) as GraphQLObjectType | undefined;
  const field = root?.getFields()[op.field];
  if (!field) throw new Error(`schema.graphql has no field ${op.type}.${op.field}.`);
  return field;
}

export function operationExample(schema: GraphQLSchema, op: Pick<Operation, 'type' | 'field'>): OperationExample {
  const field = rootField(schema, op);
  const keyword = op.type === 'Query' ? 'query' : 'mutation';
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const header = declared.length > 0 ? `${keyword} ${op.field}(${declared.join(', ')})` : `${keyword} ${op.field}`;
  const call = passed.length > 0 ? `${op.field}(${passed.join(', ')})` : op.field;
  const selection = selectionOf(getNamedType(field.type), 2, []);
  const body = selection.length > 0 ? [`${INDENT}${call} {`, ...selection, `${INDENT}}`] : [`${INDENT}${call}`];
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  return {
    field: op.field,
    document: [`${header} {`, ...body, '}', ''].join('\n'),
    variables: Object.fromEntries(required.map((arg) => [arg.name, exampleValue(arg.type, arg.name)])),
  };
}

/** One example per user operation (admin fields need IAM signing: not in GraphiQL nor the client), or per given row. */
export function operationExamples(schema: GraphQLSchema, rows: ReadonlyArray<Pick<Operation, 'type' | 'field'>> = userOperations): OperationExample[] {
  return rows.map((op) => operationExample(schema, op));
}
