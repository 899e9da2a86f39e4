import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fieldsOf } from './validate-bulk-query.ts';

/**
 * Shopify's bulk JSONL layout (shopify.dev bulk operations guide, "Download result data"): every
 * node of a connection is one line; a nested connection is left out of its parent's line and each
 * of its nodes becomes its own line, after the parent, carrying `__parentId` (the parent's id).
 * Objects and lists that are not connections stay inline.
 */
export interface JsonlContext {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Receives each line's object, in file order; `root` for nodes of the top-level connection. */
  readonly emit: (line: Record<string, unknown>, root: boolean) => void;
}

interface PendingChildren {
  readonly nodes: readonly unknown[];
  readonly set: SelectionSetNode;
  readonly type: GraphQLNamedType;
}

/** Lines for the nodes a (root) connection field returned. */
export function connectionLines(ctx: JsonlContext, field: FieldNode, type: GraphQLNamedType, value: unknown) {
  const children = connectionChildren(ctx, field, type, value);
  if (children) for (const node of children.nodes) nodeLines(ctx, node, children, null);
}

/** Lines for the nested connections of a top-level object that is not a connection itself. */
export function objectLines(ctx: JsonlContext, field: FieldNode, type: GraphQLNamedType, value: unknown) {
  if (!isRecord(value) || !field.selectionSet) return;
  const pending: PendingChildren[] = [];
  inlineObject(ctx, value, field.selectionSet, type, pending);
  const parentId = typeof value.id === 'string' ? value.id : null;
  for (const children of pending) for (const node of children.nodes) nodeLines(ctx, node, children, parentId);
}

function nodeLines(ctx: JsonlContext, node: unknown, at: PendingChildren, parentId: string | null): void {
  if (!isRecord(node)) return;
  const pending: PendingChildren[] = [];
  const line = inlineObject(ctx, node, at.set, at.type, pending);
  if (parentId !== null) line.__parentId = parentId;
  ctx.emit(line, parentId === null);
  const id = typeof node.id === 'string' ? node.id : null;
  for (const children of pending) for (const child of children.nodes) nodeLines(ctx, child, children, id);
}

function inlineObject(
  ctx: JsonlContext,
  value: Record<string, unknown>,
  set: SelectionSetNode,
  type: GraphQLNamedType,
  pending: PendingChildren[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(ctx, set)) {
    const key = field.alias?.value ?? field.name.value;
    if (key in out || !(key in value)) continue;
    const raw = value[key];
    const definition = fieldDefinition(ctx.schema, type, field.name.value);
    const named = definition ? getNamedType(definition.type) : undefined;
    if (named && isConnectionType(named)) {
      const children = connectionChildren(ctx, field, named, raw);
      if (children) pending.push(children);
    } else if (!named || !field.selectionSet || raw === null || typeof raw !== 'object') {
      out[key] = raw;
    } else if (Array.isArray(raw)) {
      out[key] = raw.map((item: unknown) =>
        isRecord(item) ? inlineObject(ctx, item, field.selectionSet!, named, pending) : item,
      );
    } else {
      out[key] = inlineObject(ctx, raw as Record<string, unknown>, field.selectionSet, named, pending);
    }
  }
  return out;
}

/** The nodes under `edges > node` with the selection and type of one node. */
function connectionChildren(
  ctx: JsonlContext,
  field: FieldNode,
  connection: GraphQLNamedType,
  value: unknown,
): PendingChildren | null {
  if (!field.selectionSet || !isObjectType(connection)) return null;
  const edges = fieldsOf(ctx, field.selectionSet).find((f) => f.name.value === 'edges');
  const node = edges?.selectionSet && fieldsOf(ctx, edges.selectionSet).find((f) => f.name.value === 'node');
  const nodeType = connection.getFields().nodes
    ? getNamedType(connection.getFields().nodes!.type)
    : undefined;
  if (!edges || !node || !node.selectionSet || !nodeType) return null;
  const edgeKey = edges.alias?.value ?? 'edges';
  const nodeKey = node.alias?.value ?? 'node';
  const rawEdges = isRecord(value) && Array.isArray(value[edgeKey]) ? (value[edgeKey] as unknown[]) : [];
  const nodes = rawEdges.map((edge) => (isRecord(edge) ? edge[nodeKey] : null));
  return { nodes, set: node.selectionSet, type: nodeType };
}

function fieldDefinition(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type)) return type.getFields()[name];
  if (isAbstractType(type)) {
    for (const candidate of schema.getPossibleTypes(type)) {
      const field = candidate.getFields()[name];
      if (field) return field;
    }
  }
  return undefined;
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
