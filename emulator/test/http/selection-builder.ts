import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

/**
 * A selection of every field of `type` down to `depth` levels, for coverage tests: fields whose
 * required arguments we cannot guess are left out; lists and connections ask for 5 items.
 */
export function selectEverything(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  depth: number,
  seen: string[] = [],
): string {
  if (isAbstractType(type)) {
    const branches = schema
      .getPossibleTypes(type)
      .map((member) => `... on ${member.name} { ${selectEverything(schema, member, depth, seen)} }`);
    return ['__typename', ...branches].join(' ');
  }
  if (!isObjectType(type)) return '__typename';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const part = selectField(schema, field, depth, [...seen, type.name]);
    if (part) parts.push(part);
  }
  return parts.join(' ');
}

function selectField(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown>,
  depth: number,
  seen: string[],
) {
  if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return null;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return field.name;
  if (depth <= 0 || named.name === 'QueryRoot') return null;
  if (seen.filter((name) => name === named.name).length >= 1 && !named.name.endsWith('Connection'))
    return null;
  const args = field.args.some((arg) => arg.name === 'first') ? '(first: 5)' : '';
  return `${field.name}${args} { ${selectEverything(schema, named as GraphQLCompositeType, depth - 1, seen)} }`;
}
