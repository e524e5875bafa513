import * as generated from './generated/graphql.js';
import type { DocumentTypeDecoration } from './generated/graphql.js';
import type { OperationField } from './generated/operations.js';

/**
 * The typed document of each operation, found by the name codegen gives it (`me` → `MeDocument`),
 * so the operations table stays the only list of operations.
 */
type DocumentName<F extends string> = `${Capitalize<F>}Document`;

export type DocumentOf<F extends OperationField> = (typeof generated)[DocumentName<F>];

type ResultOf<D> = D extends DocumentTypeDecoration<infer R, infer _V> ? R : never;
type VariablesOf<D> = D extends DocumentTypeDecoration<infer _R, infer V> ? V : never;

/** What the operation's field returns: the `data.<field>` of the response. */
export type DataOf<F extends OperationField> = ResultOf<DocumentOf<F>> extends Record<F, infer T> ? T : never;

/** The operation's variables; the access token travels in the Authorization header instead. */
export type VariablesFor<F extends OperationField> = Omit<VariablesOf<DocumentOf<F>>, 'accessToken'>;

export function documentOf<F extends OperationField>(field: F): DocumentOf<F> {
  const name = `${field.charAt(0).toUpperCase()}${field.slice(1)}Document` as DocumentName<F>;
  const document = generated[name];
  // Only a stale src/generated can get here; `npm run codegen` fixes it.
  if (!document) throw new Error(`src/generated has no ${name}: run npm run codegen.`);
  return document;
}
