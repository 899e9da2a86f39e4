import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { validateOperation } from '../graphql/validation/validate-operation.ts';

/** A `BulkOperationUserError` (2025-01: field, message, code INVALID | OPERATION_IN_PROGRESS). */
export interface BulkUserError {
  readonly field: readonly string[] | null;
  readonly message: string;
  readonly code: 'INVALID' | 'OPERATION_IN_PROGRESS';
}

export type BulkQueryCheck =
  | { readonly ok: true; readonly document: DocumentNode }
  | { readonly ok: false; readonly errors: BulkUserError[] };

/**
 * Shopify's checks on `bulkOperationRunQuery(query:)` (shopify.dev "Perform bulk operations with
 * the GraphQL Admin API", operation restrictions: at least one connection, at most five, nested at
 * most two levels, no top-level `node`/`nodes`, `edges > node` only, each parent node of a nested
 * connection selects `id`, no connection inside a list). Messages as Shopify words them.
 */
export function checkBulkQuery(schema: GraphQLSchema, query: string): BulkQueryCheck {
  let document: DocumentNode;
  try {
    if (query.trim() === '') throw new GraphQLError('syntax error, unexpected end of file');
    document = parse(query);
  } catch (error) {
    const reason =
      error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, '') : String(error);
    return refuse([`Invalid bulk query: ${reason}`]);
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation?.operation !== 'query') {
    return refuse(['Invalid operation type. Only `query` operations are supported.']);
  }
  const invalid = validateOperation(schema, document);
  if (invalid.length > 0) return refuse(invalid.map((error) => `Invalid bulk query: ${error.message}`));
  const messages = restrictionMessages(analyze(schema, document, operation));
  return messages.length > 0 ? refuse(messages) : { ok: true, document };
}

interface Analysis {
  connections: number;
  maxDepth: number;
  topLevelNode: 'node' | 'nodes' | null;
  connectionInList: boolean;
  viaNodes: string[];
  parentsWithoutId: string[];
}

function restrictionMessages(analysis: Analysis): string[] {
  const messages: string[] = [];
  if (analysis.viaNodes.length > 0) {
    messages.push(
      "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: " +
        "'products { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: " +
        `'${analysis.viaNodes.join("', '")}'.`,
    );
  }
  if (analysis.topLevelNode) {
    messages.push(`Bulk queries cannot contain a top level \`${analysis.topLevelNode}\` field.`);
  }
  if (analysis.maxDepth > 2) {
    messages.push('Bulk queries cannot contain connections with a nesting depth greater than 2.');
  }
  if (analysis.connections > 5) messages.push('Bulk queries cannot contain more than 5 connections.');
  if (analysis.parentsWithoutId.length > 0) {
    messages.push(
      "The parent 'node' field for a nested connection must select the 'id' field without an alias and " +
        `must be of 'ID' return type. Connection fields without 'id': ${analysis.parentsWithoutId.join(', ')}.`,
    );
  }
  if (analysis.connectionInList) {
    messages.push('Queries that contain a connection field within a list field are not currently supported.');
  }
  const onlyNodeError = analysis.topLevelNode !== null && messages.length === 1;
  if (analysis.connections === 0 && (messages.length === 0 || onlyNodeError)) {
    messages.push('Bulk queries must contain at least one connection.');
  }
  return messages;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly analysis: Analysis;
}

interface Position {
  readonly depth: number;
  readonly inList: boolean;
  /** The enclosing connection and whether its node selects an unaliased `id`. */
  readonly parent: { readonly name: string; readonly nodeHasId: boolean } | null;
}

function analyze(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const analysis: Analysis = {
    connections: 0,
    maxDepth: 0,
    topLevelNode: null,
    connectionInList: false,
    viaNodes: [],
    parentsWithoutId: [],
  };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const walk: Walk = { schema, fragments, analysis };
  const root = schema.getQueryType()!;
  for (const field of fieldsOf(walk, operation.selectionSet)) {
    if (field.name.value === 'node' || field.name.value === 'nodes') analysis.topLevelNode = field.name.value;
  }
  visitSelection(walk, operation.selectionSet, root, { depth: 0, inList: false, parent: null });
  return analysis;
}

function visitSelection(walk: Walk, set: SelectionSetNode, type: GraphQLCompositeType, at: Position): void {
  if (!('getFields' in type)) return;
  for (const field of fieldsOf(walk, set)) {
    const definition = type.getFields()[field.name.value];
    if (!definition || !field.selectionSet) continue;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) continue;
    if (named.name.endsWith('Connection')) visitConnection(walk, field, named, at);
    else
      visitSelection(walk, field.selectionSet, named, {
        ...at,
        inList: at.inList || isList(definition.type),
      });
  }
}

function visitConnection(walk: Walk, field: FieldNode, connection: GraphQLCompositeType, at: Position): void {
  const { analysis } = walk;
  const name = field.name.value;
  const selected = fieldsOf(walk, field.selectionSet!);
  const edges = selected.find((f) => f.name.value === 'edges');
  if (!edges && selected.some((f) => f.name.value === 'nodes') && !analysis.viaNodes.includes(name)) {
    analysis.viaNodes.push(name);
  }
  analysis.connections += 1;
  const depth = at.depth + 1;
  analysis.maxDepth = Math.max(analysis.maxDepth, depth);
  if (at.inList) analysis.connectionInList = true;
  if (at.parent && !at.parent.nodeHasId && !analysis.parentsWithoutId.includes(at.parent.name)) {
    analysis.parentsWithoutId.push(at.parent.name);
  }
  const node = edges?.selectionSet
    ? fieldsOf(walk, edges.selectionSet).find((f) => f.name.value === 'node')
    : undefined;
  const nodeType = 'getFields' in connection ? getNamedType(connection.getFields().nodes?.type) : undefined;
  if (!node?.selectionSet || !nodeType || !isCompositeType(nodeType)) return;
  const nodeHasId = fieldsOf(walk, node.selectionSet).some(
    (f) => f.name.value === 'id' && (!f.alias || f.alias.value === 'id') && !f.selectionSet,
  );
  visitSelection(walk, node.selectionSet, nodeType, {
    depth,
    inList: at.inList,
    parent: { name, nodeHasId },
  });
}

/** The fields of a selection set with inline fragments and fragment spreads flattened. */
export function fieldsOf(walk: Pick<Walk, 'fragments'>, set: SelectionSetNode): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(walk, selection.selectionSet);
    const fragment = walk.fragments.get(selection.name.value);
    return fragment ? fieldsOf(walk, fragment.selectionSet) : [];
  });
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function refuse(messages: string[]): BulkQueryCheck {
  return { ok: false, errors: messages.map((message) => ({ field: ['query'], message, code: 'INVALID' })) };
}
