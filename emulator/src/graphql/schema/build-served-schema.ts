import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLUnionType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { closeSelection, type ClosedSelection } from './close-selection.ts';
import type { SchemaSelection } from './selection.ts';

/**
 * Cuts the served schema out of Shopify's real one: every type is rebuilt from the real type's
 * own config (descriptions, deprecations, argument defaults kept), keeping only selected fields.
 */
export function buildServedSchema(real: GraphQLSchema, selection: SchemaSelection): GraphQLSchema {
  const closed = closeSelection(real, selection);
  const built = new Map<string, GraphQLNamedType>();
  const named = (name: string): GraphQLNamedType => {
    const existing = built.get(name);
    if (existing) return existing;
    const type = rebuild(real.getType(name), closed, named);
    built.set(name, type);
    return type;
  };
  const types = [...closed.objects.keys(), ...closed.others].map(named);
  const queryName = real.getQueryType()?.name ?? 'QueryRoot';
  const mutationName = real.getMutationType()?.name ?? 'Mutation';
  return new GraphQLSchema({
    query: named(queryName) as GraphQLObjectType,
    mutation: named(mutationName) as GraphQLObjectType,
    types,
    directives: real.getDirectives(),
    description: real.description,
  });
}

type Named = (name: string) => GraphQLNamedType;

function rebuild(type: GraphQLNamedType | undefined | null, closed: ClosedSelection, named: Named) {
  if (!type) throw new Error('unreachable: closeSelection only lists real types');
  if (isScalarType(type)) return isSpecifiedScalarType(type) ? type : new GraphQLScalarType(type.toConfig());
  if (isEnumType(type)) return new GraphQLEnumType(type.toConfig());
  if (isInputObjectType(type)) return rebuildInput(type, named);
  if (isUnionType(type)) return rebuildUnion(type, closed, named);
  if (isInterfaceType(type)) return rebuildInterface(type, closed, named);
  if (isObjectType(type)) return rebuildObject(type, closed, named);
  throw new Error(`unsupported type ${String(type)}`);
}

function wrap(type: GraphQLType, named: Named): GraphQLType {
  if (isNonNullType(type)) return new GraphQLNonNull(wrap(type.ofType, named));
  if (isListType(type)) return new GraphQLList(wrap(type.ofType, named));
  return named(getNamedType(type).name);
}

function rebuildInput(type: GraphQLInputObjectType, named: Named): GraphQLInputObjectType {
  const config = type.toConfig();
  return new GraphQLInputObjectType({
    ...config,
    fields: () =>
      Object.fromEntries(
        Object.entries(config.fields).map(([name, field]) => [
          name,
          { ...field, type: wrap(field.type, named) as never },
        ]),
      ),
  });
}

function rebuildUnion(type: GraphQLUnionType, closed: ClosedSelection, named: Named): GraphQLUnionType {
  const members = type.getTypes().filter((member) => closed.objects.has(member.name));
  return new GraphQLUnionType({
    ...type.toConfig(),
    types: () => members.map((member) => named(member.name) as GraphQLObjectType),
    resolveType: typenameOf,
  });
}

function rebuildInterface(type: GraphQLInterfaceType, closed: ClosedSelection, named: Named) {
  const config = type.toConfig();
  const keep = closed.interfaceFields.get(type.name) ?? new Set<string>();
  return new GraphQLInterfaceType({
    ...config,
    interfaces: () => servedInterfaces(config.interfaces, closed, named),
    fields: () => selectFields(config.fields, keep, named),
    resolveType: typenameOf,
  });
}

function rebuildObject(type: GraphQLObjectType, closed: ClosedSelection, named: Named): GraphQLObjectType {
  const config = type.toConfig();
  const keep = closed.objects.get(type.name) ?? new Set<string>();
  return new GraphQLObjectType({
    ...config,
    interfaces: () => servedInterfaces(config.interfaces, closed, named),
    fields: () => selectFields(config.fields, keep, named),
  });
}

function servedInterfaces(
  interfaces: readonly GraphQLInterfaceType[],
  closed: ClosedSelection,
  named: Named,
) {
  return interfaces
    .filter((iface) => closed.interfaceFields.has(iface.name))
    .map((iface) => named(iface.name) as GraphQLInterfaceType);
}

function selectFields<T>(
  fields: GraphQLFieldConfigMap<T, unknown>,
  keep: ReadonlySet<string>,
  named: Named,
): GraphQLFieldConfigMap<T, unknown> {
  const out: GraphQLFieldConfigMap<T, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!keep.has(name)) continue;
    const args: GraphQLFieldConfigArgumentMap = {};
    for (const [argName, arg] of Object.entries(field.args ?? {})) {
      args[argName] = { ...arg, type: wrap(arg.type, named) as never };
    }
    out[name] = { ...field, type: wrap(field.type, named) as never, args };
  }
  return out;
}

/** Abstract types resolve by the `__typename` every view object carries (see graphql/views). */
function typenameOf(value: unknown): string | undefined {
  const typename = (value as { __typename?: unknown } | null)?.__typename;
  return typeof typename === 'string' ? typename : undefined;
}
