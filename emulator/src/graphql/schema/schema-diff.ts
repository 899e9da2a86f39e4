import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** How much of the real schema is served, counted member by member. */
export interface SubsetReport {
  readonly differences: string[];
  readonly counts: {
    types: number;
    fields: number;
    arguments: number;
    inputFields: number;
    enumValues: number;
  };
}

/**
 * Compares the served schema with the real one: every served type, field, argument, input field
 * and enum value must exist in the real schema with the same kind and type. Arguments and input
 * fields must be complete, since a client may send any of them.
 */
export function diffServedAgainstReal(served: GraphQLSchema, real: GraphQLSchema): SubsetReport {
  const differences: string[] = [];
  const counts = { types: 0, fields: 0, arguments: 0, inputFields: 0, enumValues: 0 };
  for (const type of Object.values(served.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    counts.types++;
    const realType = real.getType(type.name);
    if (!realType) differences.push(`type ${type.name} is not in the real schema`);
    else if (kindOf(realType) !== kindOf(type)) differences.push(`type ${type.name} is a ${kindOf(type)}`);
    else compareType(type, realType, differences, counts);
  }
  return { differences, counts };
}

function kindOf(type: GraphQLNamedType): string {
  return type.astNode?.kind ?? type.constructor.name;
}

function compareType(
  type: GraphQLNamedType,
  realType: GraphQLNamedType,
  differences: string[],
  counts: SubsetReport['counts'],
): void {
  if (
    (isObjectType(type) || isInterfaceType(type)) &&
    (isObjectType(realType) || isInterfaceType(realType))
  ) {
    const realFields = realType.getFields();
    for (const field of Object.values(type.getFields())) {
      counts.fields++;
      const realField = realFields[field.name];
      if (!realField) differences.push(`field ${type.name}.${field.name} is not in the real schema`);
      else compareField(`${type.name}.${field.name}`, field, realField, differences, counts);
    }
    const realInterfaces = new Set(realType.getInterfaces().map((i) => i.name));
    for (const iface of type.getInterfaces()) {
      if (!realInterfaces.has(iface.name)) differences.push(`${type.name} does not implement ${iface.name}`);
    }
  }
  if (isUnionType(type) && isUnionType(realType)) {
    const members = new Set(realType.getTypes().map((t) => t.name));
    for (const member of type.getTypes()) {
      if (!members.has(member.name)) differences.push(`${member.name} is not a member of ${type.name}`);
    }
  }
  if (isInputObjectType(type) && isInputObjectType(realType)) {
    const fields = Object.values(type.getFields());
    counts.inputFields += fields.length;
    compareInputs(type.name, fields, Object.values(realType.getFields()), differences);
  }
  if (isEnumType(type) && isEnumType(realType)) {
    const served = type.getValues().map((v) => v.name);
    counts.enumValues += served.length;
    const real = new Set(realType.getValues().map((v) => v.name));
    for (const value of served) if (!real.has(value)) differences.push(`enum value ${type.name}.${value}`);
  }
}

function compareField(
  path: string,
  field: GraphQLField<unknown, unknown>,
  realField: GraphQLField<unknown, unknown>,
  differences: string[],
  counts: SubsetReport['counts'],
): void {
  if (String(field.type) !== String(realField.type)) {
    differences.push(`${path} is ${String(field.type)}, real ${String(realField.type)}`);
  }
  counts.arguments += field.args.length;
  compareInputs(path, field.args, realField.args, differences);
}

function compareInputs(
  path: string,
  served: readonly (GraphQLArgument | GraphQLInputField)[],
  real: readonly (GraphQLArgument | GraphQLInputField)[],
  differences: string[],
): void {
  const realByName = new Map(real.map((input) => [input.name, input]));
  for (const input of served) {
    const match = realByName.get(input.name);
    if (!match) differences.push(`${path}(${input.name}) is not in the real schema`);
    else if (String(match.type) !== String(input.type))
      differences.push(`${path}(${input.name}) type differs`);
    else if (JSON.stringify(match.defaultValue) !== JSON.stringify(input.defaultValue)) {
      differences.push(`${path}(${input.name}) default differs`);
    }
  }
  if (served.length !== real.length)
    differences.push(`${path} serves ${served.length}/${real.length} inputs`);
}
