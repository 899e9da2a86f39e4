import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLSchema,
} from 'graphql';
import { selectedFields, type SchemaSelection } from './selection.ts';

/** The selection made whole: every type the served schema needs, and the fields each keeps. */
export interface ClosedSelection {
  /** Object types and their served fields (selected ones plus the Relay connection plumbing). */
  readonly objects: Map<string, Set<string>>;
  /** Interfaces reached from a served field, with the fields all their served implementors share. */
  readonly interfaceFields: Map<string, Set<string>>;
  /** Unions, interfaces, input objects, enums and scalars pulled in by reference. */
  readonly others: Set<string>;
}

/** Connection plumbing is served whole: it is the same shape on every Shopify connection. */
function isRelayPlumbing(name: string): boolean {
  return name === 'PageInfo' || name.endsWith('Connection') || name.endsWith('Edge');
}

export function closeSelection(real: GraphQLSchema, selection: SchemaSelection): ClosedSelection {
  const closed: ClosedSelection = { objects: new Map(), interfaceFields: new Map(), others: new Set() };
  const problems: string[] = [];
  const queue: Array<{ name: string; from: string }> = [];

  const addObject = (name: string, fields: readonly string[], from: string) => {
    const type = real.getType(name);
    if (!isObjectType(type))
      return problems.push(`${name} (${from}) is not an object type in the real schema`);
    closed.objects.set(name, new Set(fields));
    for (const fieldName of fields) {
      const field = type.getFields()[fieldName];
      if (!field) problems.push(`${name}.${fieldName} does not exist in the real schema`);
      else enqueueField(field, `${name}.${fieldName}`);
    }
  };
  const enqueueField = (field: GraphQLField<unknown, unknown>, from: string) => {
    queue.push({ name: getNamedType(field.type).name, from });
    for (const arg of field.args)
      queue.push({ name: getNamedType(arg.type).name, from: `${from}(${arg.name})` });
  };

  for (const name of Object.keys(selection))
    addObject(name, selectedFields(selection, name) ?? [], 'selected');
  for (;;) {
    drain(real, closed, queue, addObject, problems);
    const grown = closeInterfaces(real, closed, enqueueField, problems);
    if (!grown && queue.length === 0) break;
  }
  if (problems.length > 0)
    throw new Error(`served schema selection is not closed:\n- ${problems.join('\n- ')}`);
  return closed;
}

function drain(
  real: GraphQLSchema,
  closed: ClosedSelection,
  queue: Array<{ name: string; from: string }>,
  addObject: (name: string, fields: readonly string[], from: string) => unknown,
  problems: string[],
): void {
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { name, from } = item;
    if (closed.objects.has(name) || closed.others.has(name)) continue;
    const type = real.getType(name);
    if (isObjectType(type)) {
      if (isRelayPlumbing(name)) addObject(name, Object.keys(type.getFields()), from);
      else problems.push(`object ${name} is referenced by ${from} but not selected`);
      continue;
    }
    closed.others.add(name);
    if (isInterfaceType(type)) closed.interfaceFields.set(name, new Set());
    if (isUnionType(type) && !type.getTypes().some((member) => closed.objects.has(member.name))) {
      problems.push(`union ${name} (${from}) has no selected member`);
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        queue.push({ name: getNamedType(field.type).name, from: `${name}.${field.name}` });
      }
    }
  }
}

/**
 * An interface serves the fields all its served implementors serve, so every implementor stays
 * valid. Returns whether any interface gained a field (its types then need closing too).
 */
function closeInterfaces(
  real: GraphQLSchema,
  closed: ClosedSelection,
  enqueueField: (field: GraphQLField<unknown, unknown>, from: string) => void,
  problems: string[],
): boolean {
  let grown = false;
  for (const [name, kept] of closed.interfaceFields) {
    const iface = real.getType(name) as GraphQLInterfaceType;
    const implementors = real.getImplementations(iface).objects.filter((o) => closed.objects.has(o.name));
    if (implementors.length === 0) {
      problems.push(`interface ${name} has no selected implementor`);
      continue;
    }
    for (const [fieldName, field] of Object.entries(iface.getFields())) {
      if (kept.has(fieldName)) continue;
      if (!implementors.every((o) => closed.objects.get(o.name)?.has(fieldName))) continue;
      kept.add(fieldName);
      enqueueField(field, `${name}.${fieldName}`);
      grown = true;
    }
  }
  return grown;
}
