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

/** How one selected field is copied into a line, worked out once per selection set and type. */
interface FieldPlan {
  readonly field: FieldNode;
  readonly key: string;
  readonly named: GraphQLNamedType | undefined;
  /** Set for a connection field: its nodes become lines of their own (null: it has none to give). */
  readonly connection: ConnectionPlan | null | undefined;
  /** The executed value is already what the line holds (see `isCopyFree`): no copy is made. */
  readonly asIs: boolean;
}

interface ConnectionPlan {
  readonly edgeKey: string;
  readonly nodeKey: string;
  readonly set: SelectionSetNode;
  readonly type: GraphQLNamedType;
}

/**
 * Plans per selection set (a set belongs to one plan document, executed page after page) and
 * per connection field: a page of 250 orders copies the same fields thousands of times, and
 * flattening fragments and looking up field types each time was most of the line building.
 */
const fieldPlans = new WeakMap<SelectionSetNode, Map<GraphQLNamedType, readonly FieldPlan[]>>();
const connectionPlans = new WeakMap<FieldNode, Map<GraphQLNamedType, ConnectionPlan | null>>();

function planFields(ctx: JsonlContext, set: SelectionSetNode, type: GraphQLNamedType): readonly FieldPlan[] {
  let byType = fieldPlans.get(set);
  if (!byType) {
    byType = new Map();
    fieldPlans.set(set, byType);
  }
  let plans = byType.get(type);
  if (!plans) {
    // A value selected twice is copied from its first selection only; a connection selected
    // twice gives its children twice (it never lands in the line itself).
    const seen = new Set<string>();
    const fields = fieldsOf(ctx, set);
    const once = hasUniqueKeys(fields);
    plans = fields.flatMap((field) => {
      const key = field.alias?.value ?? field.name.value;
      const definition = fieldDefinition(ctx.schema, type, field.name.value);
      const named = definition ? getNamedType(definition.type) : undefined;
      const connection = named && isConnectionType(named) ? planConnection(ctx, field, named) : undefined;
      if (connection === undefined && seen.has(key)) return [];
      if (connection === undefined) seen.add(key);
      const asIs = connection === undefined && once && isCopyFree(ctx, field, named);
      return [{ field, key, named, connection, asIs }];
    });
    byType.set(type, plans);
  }
  return plans;
}

function hasUniqueKeys(fields: readonly FieldNode[]): boolean {
  return new Set(fields.map((field) => field.alias?.value ?? field.name.value)).size === fields.length;
}

/**
 * Whether copying a field's value into a line would rebuild it unchanged: no connection below it
 * (nothing to lift out) and only concrete object types (fragments then all apply, so the executed
 * object has exactly these keys in this order), each key selected once (a repeated object field
 * is copied with its first selection only, while the executor merges both).
 */
function isCopyFree(ctx: JsonlContext, field: FieldNode, named: GraphQLNamedType | undefined): boolean {
  if (!named || !field.selectionSet) return true;
  if (!isObjectType(named) || isConnectionType(named)) return false;
  const fields = fieldsOf(ctx, field.selectionSet);
  return (
    hasUniqueKeys(fields) &&
    fields.every((sub) => {
      const definition = named.getFields()[sub.name.value];
      return isCopyFree(ctx, sub, definition ? getNamedType(definition.type) : undefined);
    })
  );
}

function inlineObject(
  ctx: JsonlContext,
  value: Record<string, unknown>,
  set: SelectionSetNode,
  type: GraphQLNamedType,
  pending: PendingChildren[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field, key, named, connection, asIs } of planFields(ctx, set, type)) {
    if (!(key in value)) continue;
    const raw = value[key];
    if (asIs) {
      out[key] = raw;
    } else if (connection !== undefined) {
      const children = connection && childrenOf(connection, raw);
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
  const plan = planConnection(ctx, field, connection);
  return plan && childrenOf(plan, value);
}

function childrenOf(plan: ConnectionPlan, value: unknown): PendingChildren {
  const rawEdges =
    isRecord(value) && Array.isArray(value[plan.edgeKey]) ? (value[plan.edgeKey] as unknown[]) : [];
  const nodes = rawEdges.map((edge) => (isRecord(edge) ? edge[plan.nodeKey] : null));
  return { nodes, set: plan.set, type: plan.type };
}

function planConnection(ctx: JsonlContext, field: FieldNode, connection: GraphQLNamedType) {
  let byType = connectionPlans.get(field);
  if (!byType) {
    byType = new Map();
    connectionPlans.set(field, byType);
  }
  let plan = byType.get(connection);
  if (plan === undefined) {
    plan = computeConnectionPlan(ctx, field, connection);
    byType.set(connection, plan);
  }
  return plan;
}

function computeConnectionPlan(
  ctx: JsonlContext,
  field: FieldNode,
  connection: GraphQLNamedType,
): ConnectionPlan | null {
  if (!field.selectionSet || !isObjectType(connection)) return null;
  const edges = fieldsOf(ctx, field.selectionSet).find((f) => f.name.value === 'edges');
  const node = edges?.selectionSet && fieldsOf(ctx, edges.selectionSet).find((f) => f.name.value === 'node');
  const nodeType = connection.getFields().nodes
    ? getNamedType(connection.getFields().nodes!.type)
    : undefined;
  if (!edges || !node || !node.selectionSet || !nodeType) return null;
  return {
    edgeKey: edges.alias?.value ?? 'edges',
    nodeKey: node.alias?.value ?? 'node',
    set: node.selectionSet,
    type: nodeType,
  };
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
