import {
  BREAK,
  Kind,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  typeFromAST,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Shopify's calculated query cost (shopify.dev "GraphQL Admin API rate limits", "Cost calculation"):
 * scalars and enums 0, objects 1, interfaces and unions the maximum of their possible selections,
 * connections 2 plus `first`/`last` times the cost of one node, mutations 10.
 * Requested cost is computed from the document before execution; actual cost walks the returned
 * data, so a null object costs only its own lookup and a connection only the nodes it returned.
 */
export const MUTATION_COST = 10;
const CONNECTION_BASE_COST = 2;
const OBJECT_COST = 1;

interface CostContext {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly resolved: WeakMap<SelectionSetNode, Map<GraphQLObjectType, readonly ResolvedField[]>>;
  /** Requested cost of selection sets whose arguments use no variable (the same every call). */
  readonly staticCosts: WeakMap<SelectionSetNode, Map<GraphQLCompositeType, number>>;
  readonly variableFree: WeakMap<SelectionSetNode, boolean>;
}

/** How a selected field is priced, decided once per selection set and type. */
type Shape = 'free' | 'connection' | 'list' | 'object';

/** A field of a selection set as it applies to one concrete type, fragments flattened. */
interface ResolvedField {
  readonly node: FieldNode;
  /** Undefined when the type has no such field (skipped when pricing). */
  readonly field: GraphQLField<unknown, unknown> | undefined;
  /** Response key (alias or name). */
  readonly key: string;
  readonly named: GraphQLNamedType | undefined;
  readonly shape: Shape;
}

export interface QueryCost {
  readonly requested: number;
  readonly actual: number;
}

/**
 * Per fragment list (prepared-document.ts hands the same array for every call of one query text)
 * the fragments by name and the resolved fields of each selection set: the requested and actual
 * walks of every call then reuse them instead of collecting fields and type predicates again.
 */
const memos = new WeakMap<readonly FragmentDefinitionNode[], Omit<CostContext, 'variables'>>();

export function calculateQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Readonly<Record<string, unknown>>,
  data: unknown,
): QueryCost {
  let memo = memos.get(fragments);
  if (!memo || memo.schema !== schema) {
    memo = {
      schema,
      fragments: new Map(fragments.map((f) => [f.name.value, f])),
      resolved: new WeakMap(),
      staticCosts: new WeakMap(),
      variableFree: new WeakMap(),
    };
    memos.set(fragments, memo);
  }
  const ctx: CostContext = { ...memo, variables };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { requested: 0, actual: 0 };
  if (operation.operation === 'mutation') {
    // "Mutation: 10" per top-level mutation field, whatever its payload selection.
    const count = resolveFields(ctx, operation.selectionSet, root).length;
    return { requested: count * MUTATION_COST, actual: data ? count * MUTATION_COST : 0 };
  }
  return {
    requested: selectionCost(ctx, operation.selectionSet, root, undefined),
    actual: data === undefined || data === null ? 0 : selectionCost(ctx, operation.selectionSet, root, data),
  };
}

/** `value` undefined = requested cost (static); otherwise the actual cost over returned data. */
function selectionCost(ctx: CostContext, set: SelectionSetNode, type: GraphQLCompositeType, value: unknown) {
  if (value !== undefined || !isVariableFree(ctx, set)) return computeSelectionCost(ctx, set, type, value);
  let byType = ctx.staticCosts.get(set);
  if (!byType) {
    byType = new Map();
    ctx.staticCosts.set(set, byType);
  }
  let cost = byType.get(type);
  if (cost === undefined) {
    cost = computeSelectionCost(ctx, set, type, undefined);
    byType.set(type, cost);
  }
  return cost;
}

/** Whether no argument in the set (fragments followed) is a variable: its requested cost is fixed. */
function isVariableFree(ctx: CostContext, set: SelectionSetNode, seen = new Set<string>()): boolean {
  const known = ctx.variableFree.get(set);
  if (known !== undefined) return known;
  let free = true;
  visit(set, {
    Variable: () => {
      free = false;
      return BREAK;
    },
    FragmentSpread: (spread) => {
      const fragment = ctx.fragments.get(spread.name.value);
      if (!fragment || seen.has(spread.name.value)) return;
      seen.add(spread.name.value);
      if (isVariableFree(ctx, fragment.selectionSet, seen)) return;
      free = false;
      return BREAK;
    },
  });
  ctx.variableFree.set(set, free);
  return free;
}

function computeSelectionCost(
  ctx: CostContext,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  value: unknown,
) {
  const candidates = isAbstractType(type) ? ctx.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  let max = 0;
  for (const objectType of candidates) {
    let sum = 0;
    for (const resolved of resolveFields(ctx, set, objectType)) {
      if (!resolved.field) continue;
      const fieldValue = value === undefined ? undefined : responseValue(value, resolved.key);
      if (value !== undefined && fieldValue === undefined) continue;
      sum += fieldCost(ctx, resolved, fieldValue);
    }
    max = Math.max(max, sum);
  }
  return max;
}

function responseValue(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return key in record ? (record[key] ?? null) : undefined;
}

function fieldCost(ctx: CostContext, resolved: ResolvedField, value: unknown) {
  const { node, named } = resolved;
  if (resolved.shape === 'free') return 0;
  if (resolved.shape === 'connection') return connectionCost(ctx, resolved, value);
  if (value === null) return OBJECT_COST;
  if (resolved.shape === 'list' && Array.isArray(value)) {
    return value.reduce<number>((sum, item) => sum + itemCost(ctx, node.selectionSet!, named!, item), 0);
  }
  return itemCost(ctx, node.selectionSet!, named!, value);
}

function itemCost(ctx: CostContext, set: SelectionSetNode, named: GraphQLType, value: unknown): number {
  if (value === null) return 0;
  return OBJECT_COST + selectionCost(ctx, set, named as GraphQLCompositeType, value);
}

/** A connection costs 2 plus, per requested (or returned) node, the cost of one node's selection. */
function connectionCost(ctx: CostContext, resolved: ResolvedField, value: unknown) {
  const connection = resolved.named as GraphQLObjectType;
  const set = resolved.node.selectionSet!;
  if (value === undefined) {
    const args = getArgumentValues(resolved.field!, resolved.node, ctx.variables as Record<string, unknown>);
    const size = Number(args.first ?? args.last ?? 0);
    return CONNECTION_BASE_COST + size * perNodeCost(ctx, set, connection, undefined);
  }
  if (value === null) return CONNECTION_BASE_COST;
  return CONNECTION_BASE_COST + perNodeCost(ctx, set, connection, value);
}

/** Static: the cost of one node. Actual: the summed cost of the nodes returned. */
function perNodeCost(ctx: CostContext, set: SelectionSetNode, connection: GraphQLObjectType, value: unknown) {
  let sum = 0;
  for (const sub of resolveFields(ctx, set, connection)) {
    if (!sub.field || !sub.node.selectionSet) continue;
    const nodeType = sub.named!;
    const items = value === undefined ? [undefined] : asArray(responseValue(value, sub.key));
    if (sub.node.name.value === 'nodes') {
      for (const item of items) sum += itemCost(ctx, sub.node.selectionSet, nodeType, item);
    } else if (sub.node.name.value === 'edges' && isObjectType(nodeType)) {
      for (const edge of items) sum += edgeCost(ctx, sub.node.selectionSet, nodeType, edge);
    }
  }
  return sum;
}

function edgeCost(ctx: CostContext, set: SelectionSetNode, edge: GraphQLObjectType, value: unknown): number {
  let sum = 0;
  for (const sub of resolveFields(ctx, set, edge)) {
    if (!sub.field || !sub.node.selectionSet) continue;
    const item = value === undefined ? undefined : responseValue(value, sub.key);
    sum += itemCost(ctx, sub.node.selectionSet, sub.named!, item);
  }
  return sum;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isConnection(name: string): boolean {
  return name.endsWith('Connection');
}

/** Edges and PageInfo are part of the connection's price (only nodes are counted). */
function isPlumbing(name: string): boolean {
  return name === 'PageInfo' || name.endsWith('Edge');
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** collectFields with each field's definition and price shape, memoised per set and type. */
function resolveFields(
  ctx: CostContext,
  set: SelectionSetNode,
  type: GraphQLObjectType,
): readonly ResolvedField[] {
  let byType = ctx.resolved.get(set);
  if (!byType) {
    byType = new Map();
    ctx.resolved.set(set, byType);
  }
  let resolved = byType.get(type);
  if (!resolved) {
    resolved = collectFields(ctx, set, type).map((node) => resolveField(type, node));
    byType.set(type, resolved);
  }
  return resolved;
}

function resolveField(type: GraphQLObjectType, node: FieldNode): ResolvedField {
  const field = type.getFields()[node.name.value];
  const named = field ? getNamedType(field.type) : undefined;
  const key = node.alias?.value ?? node.name.value;
  let shape: Shape = 'free';
  if (!field || !named || isLeafType(named) || !node.selectionSet) shape = 'free';
  else if (isConnection(named.name)) shape = 'connection';
  else if (isPlumbing(named.name)) shape = 'free';
  else shape = isList(field.type) ? 'list' : 'object';
  return { node, field, key, named, shape };
}

/** The fields a selection set applies to one concrete type, fragments flattened. */
function collectFields(ctx: CostContext, set: SelectionSetNode, type: GraphQLObjectType): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(ctx, selection.typeCondition?.name.value, type)) {
        out.push(...collectFields(ctx, selection.selectionSet, type));
      }
    } else {
      const fragment = ctx.fragments.get(selection.name.value);
      if (fragment && appliesTo(ctx, fragment.typeCondition.name.value, type)) {
        out.push(...collectFields(ctx, fragment.selectionSet, type));
      }
    }
  }
  return out;
}

function appliesTo(ctx: CostContext, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = typeFromAST(ctx.schema, {
    kind: Kind.NAMED_TYPE,
    name: { kind: Kind.NAME, value: condition },
  });
  return (
    conditionType !== undefined && isAbstractType(conditionType) && ctx.schema.isSubType(conditionType, type)
  );
}
