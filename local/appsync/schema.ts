import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  concatAST,
  isObjectType,
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { operations } from '../../operations';
import { APPSYNC_SCALARS } from './scalars';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/**
 * What AppSync declares for every schema: its scalars and its authorization and subscription
 * directives. A schema may use them without declaring them, as on AppSync; standard GraphQL
 * tools read them from appsync.graphql, written from this (`npm run codegen`).
 * https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
 */
export const APPSYNC_DECLARATIONS = [
  ...Object.keys(APPSYNC_SCALARS).map((name) => `scalar ${name}`),
  'directive @aws_api_key on OBJECT | FIELD_DEFINITION',
  'directive @aws_iam on OBJECT | FIELD_DEFINITION',
  'directive @aws_oidc on OBJECT | FIELD_DEFINITION',
  'directive @aws_lambda on OBJECT | FIELD_DEFINITION',
  'directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION',
  'directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION',
  'directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION',
  'directive @aws_publish(subscriptions: [String]) on FIELD_DEFINITION',
  '',
].join('\n');

const APPSYNC_DEFINITIONS = parse(APPSYNC_DECLARATIONS);

function definedName(definition: DefinitionNode): string | undefined {
  return definition.kind === Kind.DIRECTIVE_DEFINITION || definition.kind === Kind.SCALAR_TYPE_DEFINITION
    ? definition.name.value
    : undefined;
}

/** Builds the schema AppSync would serve from this SDL, with AppSync's scalars checking values. */
export function buildAppSyncSchema(sdl: string): GraphQLSchema {
  const own = parse(sdl);
  const ownNames = new Set(own.definitions.map(definedName));
  const custom = own.definitions.filter(
    (d) => d.kind === Kind.SCALAR_TYPE_DEFINITION && !(d.name.value in APPSYNC_SCALARS),
  );
  if (custom.length > 0) {
    // AppSync refuses such a schema on deployment; refusing it here keeps the two in step.
    throw new Error(`AppSync has no custom scalars: ${custom.map(definedName).join(', ')}.`);
  }
  const missing: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: APPSYNC_DEFINITIONS.definitions.filter((d) => !ownNames.has(definedName(d))),
  };
  const schema = buildASTSchema(concatAST([missing, own]));
  for (const [name, behaviour] of Object.entries(APPSYNC_SCALARS)) {
    // An SDL-built scalar only passes values through; give it AppSync's checks in place, since
    // every field and argument already refers to this very type object.
    const type = schema.getType(name) as GraphQLScalarType | undefined;
    if (type) Object.assign(type, behaviour);
  }
  return schema;
}

/** Every row of the operations table must name a field of its type, or the runtime refuses to start. */
export function assertOperationsInSchema(schema: GraphQLSchema): void {
  for (const op of operations) {
    const type = schema.getType(op.type);
    if (!isObjectType(type) || !type.getFields()[op.field]) {
      throw new Error(`operations.ts lists ${op.type}.${op.field}, which schema.graphql does not define.`);
    }
  }
}

/** schema.graphql as AppSync serves it. */
export function loadSchema(): GraphQLSchema {
  const schema = buildAppSyncSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  assertOperationsInSchema(schema);
  return schema;
}
