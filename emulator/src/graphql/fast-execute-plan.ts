import {
  BREAK,
  Kind,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  typeFromAST,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/*
 * The plans of fast-execute.ts: a document's fields collected and merged as graphql-js's
 * collectFields does, per object type, once per document (prepared-document.ts keeps documents
 * by query text; a bulk operation runs one document page after page).
 */

/** Thrown where graphql-js would do more than this executor does: the caller falls back. */
export const unsupported = new Error('not executable on the fast path');

/**
 * An output type classified once, in completeValue's order: graphql-js's type predicates cost
 * a prototype check (and, in development mode, a toStringTag lookup) per miss, per field.
 */
export type Shape =
  | { readonly kind: 'nonNull' | 'list'; readonly of: Shape }
  | { readonly kind: 'leaf'; readonly type: GraphQLLeafType }
  | { readonly kind: 'abstract'; readonly type: GraphQLAbstractType }
  | { readonly kind: 'object'; readonly type: GraphQLObjectType }
  | { readonly kind: 'other' };

export interface Step {
  readonly key: string;
  readonly name: string;
  /** The merged field nodes of this response key; their selection sets make the sub-selection. */
  readonly nodes: readonly FieldNode[];
  readonly sets: readonly SelectionSetNode[];
  /** Null for `__typename`; undefined when the type has no such field (left out, as graphql-js). */
  readonly field: GraphQLField<unknown, unknown> | null | undefined;
  readonly shape: Shape;
  readonly hasArgs: boolean;
  /** Sub-selection steps per runtime object type. */
  readonly sub: Map<GraphQLObjectType, readonly Step[]>;
}

export interface DocumentPlans {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Root steps per operation selection set. */
  readonly roots: WeakMap<SelectionSetNode, readonly Step[]>;
}

/** What planning needs of an execution. */
export interface PlanContext {
  readonly schema: GraphQLSchema;
  readonly plans: DocumentPlans;
}

const documentPlans = new WeakMap<DocumentNode, DocumentPlans>();
const plainDocuments = new WeakMap<DocumentNode, boolean>();
const shapes = new WeakMap<GraphQLOutputType, Shape>();

export function plansOf(document: DocumentNode): DocumentPlans {
  let plans = documentPlans.get(document);
  if (!plans) {
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    plans = { fragments: new Map(fragments.map((f) => [f.name.value, f])), roots: new WeakMap() };
    documentPlans.set(document, plans);
  }
  return plans;
}

/** No directive anywhere: @skip/@include would make field collection depend on variables. */
export function isPlain(document: DocumentNode): boolean {
  let plain = plainDocuments.get(document);
  if (plain === undefined) {
    let found = false;
    visit(document, {
      Directive: () => {
        found = true;
        return BREAK;
      },
    });
    plain = !found;
    plainDocuments.set(document, plain);
  }
  return plain;
}

function shapeOf(type: GraphQLOutputType): Shape {
  let shape = shapes.get(type);
  if (!shape) {
    if (isNonNullType(type)) shape = { kind: 'nonNull', of: shapeOf(type.ofType) };
    else if (isListType(type)) shape = { kind: 'list', of: shapeOf(type.ofType as GraphQLOutputType) };
    else if (isLeafType(type)) shape = { kind: 'leaf', type };
    else if (isAbstractType(type)) shape = { kind: 'abstract', type };
    else if (isObjectType(type) && !type.isTypeOf) shape = { kind: 'object', type };
    else shape = { kind: 'other' };
    shapes.set(type, shape);
  }
  return shape;
}

export function rootSteps(run: PlanContext, type: GraphQLObjectType, set: SelectionSetNode): readonly Step[] {
  let steps = run.plans.roots.get(set);
  if (!steps) {
    steps = planSteps(run, type, [set]);
    run.plans.roots.set(set, steps);
  }
  return steps;
}

export function subSteps(run: PlanContext, step: Step, type: GraphQLObjectType): readonly Step[] {
  let steps = step.sub.get(type);
  if (!steps) {
    steps = planSteps(run, type, step.sets);
    step.sub.set(type, steps);
  }
  return steps;
}

/** graphql-js collectFields / collectSubfields, as steps. */
function planSteps(
  run: PlanContext,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): readonly Step[] {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const set of sets) collect(run, type, set, fields, visited);
  return [...fields].map(([key, nodes]) => {
    const name = nodes[0]!.name.value;
    if ((name.startsWith('__') && name !== '__typename') || key === '__proto__') throw unsupported;
    const field = name === '__typename' ? null : type.getFields()[name];
    if (field?.resolve) throw unsupported;
    return {
      key,
      name,
      nodes,
      sets: nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
      field,
      shape: field ? shapeOf(field.type) : { kind: 'other' },
      hasArgs: (field?.args.length ?? 0) > 0,
      sub: new Map(),
    };
  });
}

function collect(
  run: PlanContext,
  type: GraphQLObjectType,
  set: SelectionSetNode,
  fields: Map<string, FieldNode[]>,
  visited: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = fields.get(key);
      if (list) list.push(selection);
      else fields.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (conditionMatches(run, selection.typeCondition?.name.value, type)) {
        collect(run, type, selection.selectionSet, fields, visited);
      }
    } else {
      const name = selection.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = run.plans.fragments.get(name);
      if (fragment && conditionMatches(run, fragment.typeCondition.name.value, type)) {
        collect(run, type, fragment.selectionSet, fields, visited);
      }
    }
  }
}

/** graphql-js doesFragmentConditionMatch. */
function conditionMatches(run: PlanContext, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition) return true;
  const named = typeFromAST(run.schema, {
    kind: Kind.NAMED_TYPE,
    name: { kind: Kind.NAME, value: condition },
  });
  if (named === type) return true;
  return named !== undefined && isAbstractType(named) && run.schema.isSubType(named, type);
}
