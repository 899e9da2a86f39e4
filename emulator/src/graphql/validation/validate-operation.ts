import {
  FieldsOnCorrectTypeRule,
  GraphQLError,
  KnownArgumentNamesRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import {
  ArgumentNotAcceptedRule,
  MissingRequiredArgumentsRule,
  SelectionMismatchRule,
  UndefinedFieldRule,
} from './shopify-rules.ts';

const replaced = new Set<ValidationRule>([
  FieldsOnCorrectTypeRule,
  KnownArgumentNamesRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
]);

/** graphql-js's rules with the four Shopify-worded ones swapped in (same checks, Shopify's shape). */
export const shopifyValidationRules: readonly ValidationRule[] = [
  ...specifiedRules.filter((rule) => !replaced.has(rule)),
  UndefinedFieldRule,
  ArgumentNotAcceptedRule,
  MissingRequiredArgumentsRule,
  SelectionMismatchRule,
];

export function validateOperation(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  return validate(schema, document, shopifyValidationRules);
}

/** graphql-ruby's parse error wording: `Parse error on "}" (RCURLY) at [1, 10]`. */
export function shopifyParseError(error: GraphQLError): GraphQLError {
  const location = error.locations?.[0];
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(error.message)?.[1] ?? '';
  const where = location ? ` at [${location.line}, ${location.column}]` : '';
  const message =
    found === '<EOF>'
      ? `Unexpected end of document`
      : `Parse error on ${/"(.*)"/.exec(found)?.[0] ?? JSON.stringify(found)} (${tokenName(found)})${where}`;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions });
}

const tokenNames: Record<string, string> = {
  '"{"': 'LCURLY',
  '"}"': 'RCURLY',
  '"("': 'LPAREN',
  '")"': 'RPAREN',
  '"["': 'LBRACKET',
  '"]"': 'RBRACKET',
  '":"': 'COLON',
  '"="': 'EQUALS',
  '"$"': 'VAR_SIGN',
  '"!"': 'BANG',
  '"..."': 'ELLIPSIS',
};

function tokenName(found: string): string {
  if (tokenNames[found]) return tokenNames[found];
  if (found.startsWith('Name')) return 'IDENTIFIER';
  if (found.startsWith('Int')) return 'INT';
  if (found.startsWith('String')) return 'STRING';
  return 'UNKNOWN_CHAR';
}
