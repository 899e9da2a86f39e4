import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, path } from '../api.ts';
import { ErrorAlert } from '../ui.tsx';
import { describeProgress, describeSyncSummary, hadFailures, syncSummaryOf } from './sync-summary.ts';

type SyncState =
  | { phase: 'idle' }
  | { phase: 'running'; runId?: string; progress?: Progress }
  | { phase: 'done'; summary: Record<string, unknown> }
  | { phase: 'failed'; message: string };

interface Progress {
  staged?: number;
  imported?: number;
  failed?: number;
  total?: number | null;
  message?: string;
  [detail: string]: unknown;
}

/**
 * Starts a sync of the shop and shows its live progress from the server-sent events of
 * `GET /api/shops/:code/sync/events` (progress, done, failed), as seed 002's sync does.
 */
export function SyncPanel({ code }: { code: string }) {
  const [state, setState] = useState<SyncState>({ phase: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const source = useRef<EventSource | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => () => source.current?.close(), []);

  const finish = async (next: SyncState) => {
    source.current?.close();
    source.current = null;
    setState(next);
    await queryClient.invalidateQueries({ queryKey: ['orders-to-import', code] });
  };

  const start = async () => {
    setError(null);
    setState({ phase: 'running' });
    try {
      const { runId } = await api<{ runId: string }>('POST', path`/api/shops/${code}/sync/start`);
      setState({ phase: 'running', runId });
      const events = new EventSource(
        `${path`/api/shops/${code}/sync/events`}?runId=${encodeURIComponent(runId)}`,
      );
      source.current = events;
      events.addEventListener('progress', (event) =>
        setState({
          phase: 'running',
          runId,
          progress: JSON.parse((event as MessageEvent<string>).data) as Progress,
        }),
      );
      events.addEventListener(
        'done',
        (event) =>
          void finish({
            phase: 'done',
            summary: JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>,
          }),
      );
      events.addEventListener('failed', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data || '{}') as {
          message?: string;
          error?: { message?: string };
        };
        void finish({ phase: 'failed', message: data.message ?? data.error?.message ?? 'The sync failed.' });
      });
    } catch (failure) {
      // A server without the live sync route still syncs, only without progress.
      if (failure instanceof ApiError && failure.status === 404) return runPlainSync();
      setError(failure);
      setState({ phase: 'idle' });
    }
  };

  const runPlainSync = async () => {
    try {
      const summary = await api<Record<string, unknown>>('POST', path`/api/shops/${code}/sync/orders`);
      await finish({ phase: 'done', summary });
    } catch (failure) {
      setError(failure);
      setState({ phase: 'idle' });
    }
  };

  return (
    <Stack gap="xs" mb="md">
      <Group>
        <Button onClick={() => void start()} loading={state.phase === 'running'}>
          Start a sync
        </Button>
      </Group>
      {state.phase === 'running' && <LiveProgress progress={state.progress} />}
      {state.phase === 'done' && (
        <Alert color={hadFailures(state.summary) ? 'orange' : 'green'} role="status" title="Sync finished">
          {describeSyncSummary(syncSummaryOf(state.summary)).map((line, i) => (
            <Text size="sm" key={`${i}-${line}`}>
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {state.phase === 'failed' && (
        <Alert color="red" role="alert" title="Sync failed">
          {state.message}
        </Alert>
      )}
      {error !== null && <ErrorAlert title="The sync did not start" error={error} />}
    </Stack>
  );
}

function LiveProgress({ progress }: { progress: Progress | undefined }) {
  const done = (progress?.imported ?? 0) + (progress?.failed ?? 0);
  const total = progress?.total ?? progress?.staged ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div role="status" aria-live="polite">
      <Progress value={percent} animated aria-label="Sync progress" />
      <Text size="sm" mt={4}>
        {progress ? describeProgress(progress) : 'Starting…'}
      </Text>
    </div>
  );
}
