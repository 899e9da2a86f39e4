import { createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  Kind,
  execute,
  getNamedType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  AFTER_VARIABLE,
  PAGE_INFO_KEY,
  PAGE_SIZE_VARIABLE,
  planBulkQuery,
  type BulkRootPlan,
} from './bulk-query-plan.ts';
import { transition, type BulkOperationRecord } from './bulk-operation.ts';
import { connectionLines, objectLines, type JsonlContext } from './jsonl-lines.ts';
import { executeFast } from '../graphql/fast-execute.ts';

/** Root nodes read per page (Default: 250, Shopify's largest page). Memory is bounded by one page. */
export const BULK_PAGE_SIZE = 250;

export interface BulkRunContext {
  readonly schema: GraphQLSchema;
  /** A fresh QueryRoot over the live shop. */
  readonly queryRoot: () => unknown;
  /** ISO now from the emulator clock. */
  readonly now: () => string;
  /** Public URL of the operation's JSONL. */
  readonly urlOf: (operation: BulkOperationRecord) => string;
  readonly finished: (operation: BulkOperationRecord) => void;
  /** Default: BULK_PAGE_SIZE. */
  readonly pageSize?: number;
}

/**
 * Runs a CREATED bulk query in the background: each top-level connection page by page, each page's
 * lines streamed to the operation's file, the event loop given back between pages (the API stays
 * responsive and a cancel is seen at the next page). Ends COMPLETED, CANCELED or FAILED.
 */
export async function runBulkQuery(
  ctx: BulkRunContext,
  operation: BulkOperationRecord,
  document: DocumentNode,
) {
  await nextTurn();
  if (operation.status === 'CREATED') transition(operation, 'RUNNING');
  const out = createWriteStream(operation.file);
  try {
    for (const plan of planBulkQuery(ctx.schema, document)) {
      if (operation.status === 'CANCELING') break;
      await exportRoot(ctx, operation, plan, out);
    }
    await closeStream(out);
    await finish(ctx, operation);
  } catch (error) {
    out.destroy();
    console.error(`[emulator] bulk operation ${operation.id} failed`, error);
    operation.errorCode = 'INTERNAL_SERVER_ERROR';
    if (operation.objectCount > 0) operation.partialDataUrl = ctx.urlOf(operation);
    transition(operation, 'FAILED');
    operation.completedAt = null;
  }
  ctx.finished(operation);
}

async function exportRoot(
  ctx: BulkRunContext,
  operation: BulkOperationRecord,
  plan: BulkRootPlan,
  out: WriteStream,
) {
  const field = rootField(plan.document);
  const rootType = ctx.schema.getQueryType()!.getFields()[field.name.value];
  const type = getNamedType(rootType!.type);
  let after: string | null = null;
  for (;;) {
    const data = await executePage(ctx, plan.document, {
      [PAGE_SIZE_VARIABLE]: ctx.pageSize ?? BULK_PAGE_SIZE,
      [AFTER_VARIABLE]: after,
    });
    const value = data[plan.key];
    const lines: string[] = [];
    const jsonl = lineCollector(plan.document, ctx.schema, operation, lines);
    if (plan.paged) connectionLines(jsonl, field, type, value);
    else objectLines(jsonl, field, type, value);
    if (lines.length > 0 && !out.write(lines.join(''))) await waitForDrain(out);
    const pageInfo = plan.paged
      ? (value as Record<string, { hasNextPage?: boolean; endCursor?: string | null }> | null)?.[
          PAGE_INFO_KEY
        ]
      : undefined;
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor || operation.status === 'CANCELING') return;
    after = pageInfo.endCursor;
    await nextTurn();
  }
}

async function executePage(
  ctx: BulkRunContext,
  document: DocumentNode,
  variableValues: Record<string, unknown>,
) {
  // The fast executor's data is graphql-js's; graphql-js runs the page (and reports its errors)
  // whenever the fast one cannot answer it.
  const rootValue = ctx.queryRoot();
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const result =
    executeFast(ctx.schema, document, operation, rootValue, variableValues) ??
    (await execute({ schema: ctx.schema, document, rootValue, variableValues }));
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return (result.data ?? {}) as Record<string, unknown>;
}

function lineCollector(
  document: DocumentNode,
  schema: GraphQLSchema,
  operation: BulkOperationRecord,
  lines: string[],
): JsonlContext {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return {
    schema,
    fragments,
    emit: (line, root) => {
      lines.push(`${JSON.stringify(line)}\n`);
      operation.objectCount += 1;
      if (root) operation.rootObjectCount += 1;
    },
  };
}

async function finish(ctx: BulkRunContext, operation: BulkOperationRecord) {
  if (operation.status === 'CANCELING') {
    transition(operation, 'CANCELED');
    return;
  }
  // Shopify gives no file (url and fileSize null) when an operation found nothing to export.
  const exported = operation.objectCount > 0;
  operation.fileSize = exported ? (await stat(operation.file)).size : null;
  operation.url = exported ? ctx.urlOf(operation) : null;
  operation.completedAt = ctx.now();
  transition(operation, 'COMPLETED');
}

function rootField(document: DocumentNode): FieldNode {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return operation.selectionSet.selections[0] as FieldNode;
}

function waitForDrain(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('error', failed);
      resolve();
    };
    const failed = (error: Error) => {
      out.off('drain', drained);
      reject(error);
    };
    out.once('drain', drained);
    out.once('error', failed);
  });
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
}
