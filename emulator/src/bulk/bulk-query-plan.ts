import {
  Kind,
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/** Alias under which each page of a root connection reports where the next page starts. */
export const PAGE_INFO_KEY = '__bulkPageInfo';
/** Variables of a root connection's page. */
export const AFTER_VARIABLE = '__bulkAfter';
export const PAGE_SIZE_VARIABLE = '__bulkPageSize';
/** Nested connections are read whole: a bulk export returns every child (GraphQL Int maximum). */
const ALL_CHILDREN = 2_147_483_647;

/** One top-level field of a bulk query, as a document that the runner can execute on its own. */
export interface BulkRootPlan {
  /** Response key (alias or name) of the root field. */
  readonly key: string;
  /** A connection is read page by page; any other root field runs once. */
  readonly paged: boolean;
  readonly document: DocumentNode;
}

/**
 * Turns a validated bulk query into one executable document per top-level field: the root
 * connection takes `first: $__bulkPageSize, after: $__bulkAfter` and reports its `pageInfo`, and
 * every nested connection asks for all its children. Pagination arguments the query gave are
 * dropped: a bulk operation exports the whole connection (shopify.dev bulk operations guide).
 */
export function planBulkQuery(schema: GraphQLSchema, document: DocumentNode): BulkRootPlan[] {
  const rewritten = rewriteConnections(schema, document);
  const operation = rewritten.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = rewritten.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const rootType = schema.getQueryType()!;
  return operation.selectionSet.selections
    .filter((s): s is FieldNode => s.kind === Kind.FIELD)
    .map((field) => {
      const definition = rootType.getFields()[field.name.value];
      const paged = definition !== undefined && getNamedType(definition.type).name.endsWith('Connection');
      const root = paged ? withPageInfo(field) : field;
      const single: OperationDefinitionNode = {
        ...operation,
        variableDefinitions: paged ? pageVariables() : [],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [root] },
      };
      return {
        key: field.alias?.value ?? field.name.value,
        paged,
        document: { ...rewritten, definitions: [single, ...fragments] },
      };
    });
}

function rewriteConnections(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const queryType = schema.getQueryType();
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        if (!type || !getNamedType(type).name.endsWith('Connection')) return undefined;
        const isRoot = typeInfo.getParentType() === queryType;
        const kept = (node.arguments ?? []).filter(
          (a) => !['first', 'last', 'after', 'before'].includes(a.name.value),
        );
        const paging = isRoot
          ? [variableArgument('first', PAGE_SIZE_VARIABLE), variableArgument('after', AFTER_VARIABLE)]
          : [intArgument('first', ALL_CHILDREN)];
        return { ...node, arguments: [...kept, ...paging] };
      },
    }),
  );
}

function withPageInfo(field: FieldNode): FieldNode {
  const pageInfo: SelectionNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO_KEY },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((name) => ({
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: name },
      })),
    },
  };
  const selections = [...(field.selectionSet?.selections ?? []), pageInfo];
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
}

function pageVariables(): OperationDefinitionNode['variableDefinitions'] {
  return [variableDefinition(PAGE_SIZE_VARIABLE, 'Int'), variableDefinition(AFTER_VARIABLE, 'String')];
}

function variableDefinition(name: string, type: string) {
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
  } as const;
}

function variableArgument(name: string, variable: string): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
  };
}

function intArgument(name: string, value: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(value) },
  };
}
