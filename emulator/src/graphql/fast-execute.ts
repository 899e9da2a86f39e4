import {
  getArgumentValues,
  getVariableValues,
  isObjectType,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  isPlain,
  plansOf,
  rootSteps,
  subSteps,
  unsupported,
  type PlanContext,
  type Shape,
  type Step,
} from './fast-execute-plan.ts';

/**
 * graphql-js's `execute` for the answers that need none of its general machinery: a query whose
 * resolvers (the emulator's views) return plain values synchronously and raise nothing. Then
 * the data is the same, key for key (fields collected and merged as graphql-js collects them,
 * leaves serialised by the schema's own scalars), at a fraction of the cost: the field plans
 * are kept per document and each field's arguments coerced once per execution, not per object.
 * Anything else (a resolver error, a null in a non-null field, a promise, a directive, an
 * introspection field, invalid variables) gives `undefined` and the caller runs graphql-js,
 * which produces the errors: resolvers have no side effects, running them again is harmless.
 */
export function executeFast(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootValue: unknown,
  rawVariables: Readonly<Record<string, unknown>>,
): ExecutionResult | undefined {
  const rootType = schema.getQueryType();
  if (operation.operation !== 'query' || !rootType || !isPlain(document)) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return undefined;
  const run: Run = { schema, plans: plansOf(document), variables: coerced.coerced, args: new Map() };
  try {
    const root = rootSteps(run, rootType, operation.selectionSet);
    if (root.some((step) => sideEffectRoots.has(step.name))) return undefined;
    return { data: executeSteps(run, rootType, root, rootValue) };
  } catch {
    // A resolver's error, or `unsupported`: graphql-js answers, with its errors.
    return undefined;
  }
}

/** Root fields whose resolvers change the shop (a polled job completes) or describe the schema. */
const sideEffectRoots = new Set(['job', 'node', 'nodes', '__schema', '__type']);

interface Run extends PlanContext {
  readonly variables: Record<string, unknown>;
  /** Coerced arguments per field node, for this execution only. */
  readonly args: Map<FieldNode, Record<string, unknown>>;
}

/** executeFields: keys in collection order, fields the type does not have left out. */
function executeSteps(
  run: Run,
  type: GraphQLObjectType,
  steps: readonly Step[],
  source: unknown,
): Record<string, unknown> {
  // A plain object (graphql-js makes null-prototype ones): the same JSON, and V8 builds and
  // serialises objects of a fixed shape much faster (a `__proto__` key is refused when planning).
  const out: Record<string, unknown> = {};
  const objectLike = (typeof source === 'object' && source !== null) || typeof source === 'function';
  for (const step of steps) {
    const field = step.field;
    if (field === null) {
      out[step.key] = type.name;
      continue;
    }
    if (!field) continue;
    // graphql-js coerces every field's arguments before resolving (and fails on bad ones).
    const args = step.hasArgs ? argsOf(run, field, step.nodes[0]!) : noArgs;
    // defaultFieldResolver: the property, or the method called with the field's arguments.
    let value: unknown;
    if (objectLike) {
      const property = (source as Record<string, unknown>)[step.name];
      value =
        typeof property === 'function'
          ? (source as Record<string, (args: unknown) => unknown>)[step.name]!(args)
          : property;
    }
    out[step.key] = complete(run, step, step.shape, value);
  }
  return out;
}

/** Frozen, as each field's coerced arguments: a resolver writing to them fails (then graphql-js answers). */
const noArgs: Record<string, unknown> = Object.freeze({});

function argsOf(run: Run, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  let args = run.args.get(node);
  if (!args) {
    args = Object.freeze(getArgumentValues(field, node, run.variables));
    run.args.set(node, args);
  }
  return args;
}

/** completeValue's success path; everything else is handed back to graphql-js. */
function complete(run: Run, step: Step, shape: Shape, value: unknown): unknown {
  // An Error or a promise (graphql-js checks both) is never a view's answer: fall back.
  if (typeof value === 'object' && value !== null) {
    if (value instanceof Error || typeof (value as { then?: unknown }).then === 'function') throw unsupported;
  }
  switch (shape.kind) {
    case 'nonNull': {
      const completed = complete(run, step, shape.of, value);
      if (completed === null) throw unsupported;
      return completed;
    }
    case 'list':
      if (value === null || value === undefined) return null;
      if (typeof value !== 'object' || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') {
        throw unsupported;
      }
      if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (const item of value) items.push(complete(run, step, shape.of, item));
        return items;
      }
      return Array.from(value as Iterable<unknown>, (item) => complete(run, step, shape.of, item));
    case 'leaf': {
      if (value === null || value === undefined) return null;
      const serialized = shape.type.serialize(value);
      if (serialized === null || serialized === undefined) throw unsupported;
      return serialized;
    }
    case 'abstract':
      if (value === null || value === undefined) return null;
      return completeAs(run, step, runtimeType(run, shape.type, value), value);
    case 'object':
      if (value === null || value === undefined) return null;
      return completeAs(run, step, shape.type, value);
    default:
      throw unsupported;
  }
}

function completeAs(run: Run, step: Step, type: GraphQLObjectType, value: unknown): Record<string, unknown> {
  return executeSteps(run, type, subSteps(run, step, type), value);
}

/** The abstract type's resolveType (or graphql-js's default, by `__typename`), checked as ensureValidRuntimeType. */
function runtimeType(run: Run, type: GraphQLAbstractType, value: unknown): GraphQLObjectType {
  const name = type.resolveType
    ? type.resolveType(value, undefined, undefined as never, type)
    : (value as { __typename?: unknown }).__typename;
  const runtime = typeof name === 'string' ? run.schema.getType(name) : undefined;
  if (!runtime || !isObjectType(runtime) || runtime.isTypeOf || !run.schema.isSubType(type, runtime)) {
    throw unsupported;
  }
  return runtime;
}
