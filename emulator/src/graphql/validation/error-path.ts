import { Kind, type ASTNode } from 'graphql';

/**
 * The `path` graphql-ruby (Shopify's server) puts on static validation errors: the operation as
 * "query Name" / "mutation", fragments as "fragment Name" / "... on Type", then field aliases or
 * names, then the argument name for argument errors.
 */
export function validationPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>, node?: ASTNode) {
  const path: string[] = [];
  for (const ancestor of [...ancestors, ...(node ? [node] : [])]) {
    if (Array.isArray(ancestor)) continue;
    const segment = segmentOf(ancestor as ASTNode);
    if (segment !== undefined) path.push(segment);
  }
  return path;
}

function segmentOf(node: ASTNode): string | undefined {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION:
      return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case Kind.FRAGMENT_DEFINITION:
      return `fragment ${node.name.value}`;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...';
    case Kind.FRAGMENT_SPREAD:
      return `... ${node.name.value}`;
    case Kind.FIELD:
      return node.alias?.value ?? node.name.value;
    case Kind.ARGUMENT:
      return node.name.value;
    default:
      return undefined;
  }
}
