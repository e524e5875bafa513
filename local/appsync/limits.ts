import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * The API-level limits AppSync enforces before and while it runs a request, read from the
 * environment file (`api.resolverCountLimit`, `api.queryDepthLimit`, `api.introspection`) so the
 * offline stack refuses what the deployed API refuses.
 * https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html
 */

export interface ApiLimits {
  /** Resolvers one request may invoke; AppSync's default is 10 000. */
  resolverCountLimit: number;
  /** Nested field levels one operation may have; undefined for none (AppSync's default). */
  queryDepthLimit?: number;
  /** Whether `__schema` and `__type` may be queried. */
  introspection: boolean;
}

export const APPSYNC_DEFAULT_LIMITS: ApiLimits = { resolverCountLimit: 10_000, introspection: true };

/**
 * Lexical tokens a document may have. graphql-js stops parsing past this, so a document built to
 * exhaust the parser (millions of tokens, or thousands of nested levels, each of which costs at
 * least one token) is refused in linear time and can never reach a recursion deep enough to
 * overflow the stack. GraphiQL's full introspection query is about 300 tokens; the product's own
 * documents are far smaller.
 */
export const MAX_TOKENS = 2_000;

/**
 * Introspection turned off: AppSync answers `__schema` and `__type` with a validation error, as
 * if the fields did not exist (configuration-limits.html, "Using the introspection feature").
 * `__typename` is not introspection of the schema and stays available.
 */
export function noIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const name = node.name.value;
      if (name !== '__schema' && name !== '__type') return;
      const parent = context.getParentType()?.name ?? 'Query';
      context.reportError(new GraphQLError(`Cannot query field "${name}" on type "${parent}".`, { nodes: node }));
    },
  };
}

function selectedOperation(document: DocumentNode, operationName?: string): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
}

/**
 * Deepest nesting of fields in the operation that will run: a top-level field is level 1.
 * Fragments count where they are spread. Runs on a validated document, so fragments do not cycle.
 * Introspection fields are left out: `api.introspection` governs them, and GraphiQL's schema query
 * (a dozen `ofType` levels) must keep working wherever introspection is on.
 */
export function queryDepth(document: DocumentNode, operationName?: string): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (set: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value.startsWith('__')) continue;
      const below =
        selection.kind === Kind.FIELD
          ? 1 + depthOf(selection.selectionSet)
          : depthOf(
              selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet,
            );
      deepest = Math.max(deepest, below);
    }
    return deepest;
  };
  return depthOf(selectedOperation(document, operationName)?.selectionSet);
}

/**
 * Counts resolver invocations of one request. Past the limit AppSync does not invoke the resolver
 * and reports the field with errorType ResolverExecutionLimitReached, the error AppSync gives when
 * a request invokes more resolvers than its limit allows (the CloudFormation property
 * `ResolverCountLimit`: "This field will produce a limit error if the operation falls out of
 * bounds"; the errorType as AppSync reports it, aws-amplify/amplify-cli#6128).
 */
export class ResolverBudget {
  private used = 0;
  constructor(private readonly limit: number) {}

  /** Takes one invocation from the budget; false when none is left. */
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }
}
