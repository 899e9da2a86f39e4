import {
  Kind,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
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
}

export interface QueryCost {
  readonly requested: number;
  readonly actual: number;
}

export function calculateQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Readonly<Record<string, unknown>>,
  data: unknown,
): QueryCost {
  const ctx: CostContext = { schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), variables };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { requested: 0, actual: 0 };
  if (operation.operation === 'mutation') {
    // "Mutation: 10" per top-level mutation field, whatever its payload selection.
    const count = collectFields(ctx, operation.selectionSet, root).length;
    return { requested: count * MUTATION_COST, actual: data ? count * MUTATION_COST : 0 };
  }
  return {
    requested: selectionCost(ctx, operation.selectionSet, root, undefined),
    actual: data === undefined || data === null ? 0 : selectionCost(ctx, operation.selectionSet, root, data),
  };
}

/** `value` undefined = requested cost (static); otherwise the actual cost over returned data. */
function selectionCost(ctx: CostContext, set: SelectionSetNode, type: GraphQLCompositeType, value: unknown) {
  const candidates = isAbstractType(type) ? ctx.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  let max = 0;
  for (const objectType of candidates) {
    let sum = 0;
    for (const node of collectFields(ctx, set, objectType)) {
      const field = objectType.getFields()[node.name.value];
      if (!field) continue;
      const fieldValue = value === undefined ? undefined : responseValue(value, node);
      if (value !== undefined && fieldValue === undefined) continue;
      sum += fieldCost(ctx, node, field, fieldValue);
    }
    max = Math.max(max, sum);
  }
  return max;
}

function responseValue(value: unknown, node: FieldNode): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const key = node.alias?.value ?? node.name.value;
  const record = value as Record<string, unknown>;
  return key in record ? (record[key] ?? null) : undefined;
}

function fieldCost(ctx: CostContext, node: FieldNode, field: GraphQLField<unknown, unknown>, value: unknown) {
  const named = getNamedType(field.type);
  if (isLeafType(named) || !node.selectionSet) return 0;
  if (isConnection(named.name)) return connectionCost(ctx, node, field, value);
  if (isPlumbing(named.name)) return 0;
  if (value === null) return OBJECT_COST;
  if (isList(field.type) && Array.isArray(value)) {
    return value.reduce<number>((sum, item) => sum + itemCost(ctx, node.selectionSet!, named, item), 0);
  }
  return itemCost(ctx, node.selectionSet, named, value);
}

function itemCost(ctx: CostContext, set: SelectionSetNode, named: GraphQLType, value: unknown): number {
  if (value === null) return 0;
  return OBJECT_COST + selectionCost(ctx, set, named as GraphQLCompositeType, value);
}

/** A connection costs 2 plus, per requested (or returned) node, the cost of one node's selection. */
function connectionCost(
  ctx: CostContext,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  value: unknown,
) {
  const connection = getNamedType(field.type) as GraphQLObjectType;
  const set = node.selectionSet!;
  if (value === undefined) {
    const args = getArgumentValues(field, node, ctx.variables as Record<string, unknown>);
    const size = Number(args.first ?? args.last ?? 0);
    return CONNECTION_BASE_COST + size * perNodeCost(ctx, set, connection, undefined);
  }
  if (value === null) return CONNECTION_BASE_COST;
  return CONNECTION_BASE_COST + perNodeCost(ctx, set, connection, value);
}

/** Static: the cost of one node. Actual: the summed cost of the nodes returned. */
function perNodeCost(ctx: CostContext, set: SelectionSetNode, connection: GraphQLObjectType, value: unknown) {
  let sum = 0;
  for (const sub of collectFields(ctx, set, connection)) {
    const subField = connection.getFields()[sub.name.value];
    if (!subField || !sub.selectionSet) continue;
    const nodeType = getNamedType(subField.type);
    const items = value === undefined ? [undefined] : asArray(responseValue(value, sub));
    if (sub.name.value === 'nodes') {
      for (const item of items) sum += itemCost(ctx, sub.selectionSet, nodeType, item);
    } else if (sub.name.value === 'edges' && isObjectType(nodeType)) {
      for (const edge of items) sum += edgeCost(ctx, sub.selectionSet, nodeType, edge);
    }
  }
  return sum;
}

function edgeCost(ctx: CostContext, set: SelectionSetNode, edge: GraphQLObjectType, value: unknown): number {
  let sum = 0;
  for (const sub of collectFields(ctx, set, edge)) {
    const field = edge.getFields()[sub.name.value];
    if (!field || !sub.selectionSet) continue;
    const item = value === undefined ? undefined : responseValue(value, sub);
    sum += itemCost(ctx, sub.selectionSet, getNamedType(field.type), item);
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
