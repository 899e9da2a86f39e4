import {
  GraphQLError,
  Kind,
  getNamedType,
  isLeafType,
  isNonNullType,
  isRequiredArgument,
  type ASTVisitor,
  type ValidationContext,
} from 'graphql';
import { validationPath } from './error-path.ts';

/*
 * Replacements for four graphql-js rules whose errors clients match on, worded and coded as
 * graphql-ruby (which serves Shopify's Admin API) words them: rules/fields_are_defined_on_type,
 * arguments_are_defined, required_arguments_are_present, fields_have_appropriate_selections.
 */

/** "Field 'x' doesn't exist on type 'Order'", code undefinedField. */
export function UndefinedFieldRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node, _key, _parent, _path, ancestors) {
      const parentType = context.getParentType();
      if (!parentType || context.getFieldDef()) return;
      context.reportError(
        new GraphQLError(`Field '${node.name.value}' doesn't exist on type '${parentType.name}'`, {
          nodes: node,
          path: validationPath(ancestors, node),
          extensions: { code: 'undefinedField', typeName: parentType.name, fieldName: node.name.value },
        }),
      );
      return false;
    },
  };
}

/** "Field 'orders' doesn't accept argument 'foo'", code argumentNotAccepted. */
export function ArgumentNotAcceptedRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node, _key, parent, _path, ancestors) {
      if (context.getArgument()) return;
      const owner = Array.isArray(parent)
        ? undefined
        : (parent as { kind?: string; name?: { value: string } });
      const field = context.getFieldDef();
      const directive = context.getDirective();
      const kind = owner?.kind === Kind.DIRECTIVE ? 'Directive' : 'Field';
      const name = kind === 'Directive' ? directive?.name : field?.name;
      if (!name) return;
      context.reportError(
        new GraphQLError(`${kind} '${name}' doesn't accept argument '${node.name.value}'`, {
          nodes: node,
          path: validationPath(ancestors, node),
          extensions: { code: 'argumentNotAccepted', name, typeName: kind, argumentName: node.name.value },
        }),
      );
    },
  };
}

/** "Field 'order' is missing required arguments: id", code missingRequiredArguments. */
export function MissingRequiredArgumentsRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node, _key, _parent, _path, ancestors) {
      const field = context.getFieldDef();
      if (!field) return;
      const given = new Set((node.arguments ?? []).map((arg) => arg.name.value));
      const missing = field.args
        .filter((arg) => isRequiredArgument(arg) && !given.has(arg.name))
        .map((a) => a.name);
      if (missing.length === 0) return;
      context.reportError(
        new GraphQLError(`Field '${node.name.value}' is missing required arguments: ${missing.join(', ')}`, {
          nodes: node,
          path: validationPath(ancestors, node),
          extensions: {
            code: 'missingRequiredArguments',
            className: 'Field',
            name: node.name.value,
            arguments: missing.join(', '),
          },
        }),
      );
    },
  };
}

/** Objects need a selection, scalars refuse one; code selectionMismatch. */
export function SelectionMismatchRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node, _key, _parent, _path, ancestors) {
      const type = context.getType();
      if (!type) return;
      const named = getNamedType(type);
      const fieldName = node.name.value;
      const printed = isNonNullType(type) ? String(type.ofType) : String(type);
      let message: string | undefined;
      if (isLeafType(named) && node.selectionSet) {
        const selected = node.selectionSet.selections
          .map((s) => (s.kind === Kind.FIELD ? s.name.value : '...'))
          .join(', ');
        message = `Selections can't be made on scalars (field '${fieldName}' returns ${named.name} but has selections [${selected}])`;
      } else if (!isLeafType(named) && !node.selectionSet) {
        message = `Field must have selections (field '${fieldName}' returns ${printed} but has no selections. Did you mean '${fieldName} { ... }'?)`;
      }
      if (!message) return;
      context.reportError(
        new GraphQLError(message, {
          nodes: node,
          path: validationPath(ancestors, node),
          extensions: { code: 'selectionMismatch', nodeName: `field '${fieldName}'`, typeName: named.name },
        }),
      );
    },
  };
}
