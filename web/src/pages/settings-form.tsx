import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, path, type Issue } from '../api.ts';
import { useMay } from '../session.ts';
import type { SettingsGroup } from '../settings.ts';
import { ErrorAlert } from '../ui.tsx';
import { SettingInput } from './setting-field.tsx';

/**
 * The settings of some groups, edited in place and saved together with
 * `PATCH /api/shops/:code/settings { changes }`; the server validates the whole shop again and
 * its messages are shown on the fields they name.
 */
export function SettingsForm({ code, groups }: { code: string; groups: SettingsGroup[] }) {
  const may = useMay('shop.configure');
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<Record<string, unknown>>({});
  const save = useMutation({
    mutationFn: () => api<SavedSettings>('PATCH', path`/api/shops/${code}/settings`, { changes }),
    onSuccess: async () => {
      setChanges({});
      await queryClient.invalidateQueries({ queryKey: ['shop', code] });
    },
  });
  const fieldKeys = new Set(groups.flatMap((group) => group.fields.map((field) => field.key)));
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const errorOf = (key: string) =>
    issues
      .filter((issue) => issueKey(issue) === key)
      .map((issue) => issue.message)
      .join('; ') || undefined;
  const unplaced = issues.filter((issue) => !fieldKeys.has(issueKey(issue)));
  const changed = Object.keys(changes).length;

  if (groups.length === 0) return <Text>No settings here.</Text>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {save.isSuccess && changed === 0 && (
          <Alert color="green" role="status" title="Saved">
            The settings are saved.
          </Alert>
        )}
        {save.isSuccess && save.data.webhooks && (
          <Alert
            color={save.data.webhooks.kind === 'synced' ? 'green' : 'yellow'}
            role="status"
            title="Webhooks"
          >
            {webhooksLine(save.data.webhooks)}
          </Alert>
        )}
        {save.error && (issues.length === 0 || unplaced.length > 0) && (
          <ErrorAlert
            title="Not saved"
            error={
              unplaced.length
                ? new Error(unplaced.map((i) => `${i.path}: ${i.message}`).join('; '))
                : save.error
            }
          />
        )}
        {issues.length > 0 && unplaced.length === 0 && (
          <Alert color="red" role="alert" title="Not saved">
            Fix the settings marked below.
          </Alert>
        )}
        {groups.map((group) => (
          <Fieldset key={group.id} legend={group.title}>
            {group.help && (
              <Text size="sm" c="gray.8" mb="sm">
                {group.help}
              </Text>
            )}
            <Stack gap="sm">
              {group.fields.map((field) => (
                <SettingInput
                  key={field.key}
                  field={field}
                  value={field.key in changes ? changes[field.key] : field.value}
                  error={errorOf(field.key)}
                  disabled={!may}
                  onChange={(value) => setChanges((current) => ({ ...current, [field.key]: value }))}
                />
              ))}
            </Stack>
          </Fieldset>
        ))}
        {may && (
          <Group>
            <Button type="submit" disabled={changed === 0} loading={save.isPending}>
              Save {changed > 0 ? `${changed} change${changed > 1 ? 's' : ''}` : ''}
            </Button>
            <Button variant="default" disabled={changed === 0} onClick={() => setChanges({})}>
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** What the save answers beside the form: the webhook subscriptions after an auto sync change. */
interface SavedSettings {
  webhooks?:
    | { kind: 'synced'; report: { summary: string; callbackUrl: string | null } }
    | { kind: 'no_public_url'; message: string }
    | { kind: 'failed'; code: string; message: string };
}

function webhooksLine(followUp: NonNullable<SavedSettings['webhooks']>): string {
  if (followUp.kind === 'synced')
    return `Shopify's webhook subscriptions followed: ${followUp.report.summary}.`;
  if (followUp.kind === 'failed')
    return `Shopify's webhook subscriptions were not changed (${followUp.message}). Sync them from the shop's Connection page.`;
  return followUp.message;
}

/** `changes.accounts.refund` or `accounts.refund` -> the field key `accounts.refund`. */
function issueKey(issue: Issue): string {
  return issue.path.replace(/^(body\.)?(changes\.)?/, '');
}
