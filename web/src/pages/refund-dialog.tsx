import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, get, path } from '../api.ts';
import { formatAmount } from '../money.ts';
import {
  discrepancyReasons,
  hasSomethingToRefund,
  refundBody,
  restockLabels,
  type RefundChoice,
  type RefundPreview,
} from '../refunds.ts';
import type { ShopCard } from '../settings.ts';
import { Loaded, ShopifyActionError } from '../ui.tsx';
import type { OrderPicture } from './order.tsx';
import { RefundSummary } from './refund-summary.tsx';

const emptyChoice: RefundChoice = {
  quantities: {},
  restock: 'no_restock',
  location: null,
  refundShipping: false,
  shippingAmount: '',
  reason: '',
  manualAmount: '',
  discrepancyReason: null,
  notify: false,
};

/**
 * seed 001 "Cancel or refund order items": quantities per SKU, restock and location, shipping with
 * what is still refundable, reason, a manual amount, notify; Shopify's calculation shown live
 * before the agent confirms, and its refusal shown as it said it.
 */
export function RefundDialog({
  code,
  order,
  onClose,
}: {
  code: string;
  order: OrderPicture;
  onClose: () => void;
}) {
  const previewPath = path`/api/shops/${code}/orders/${order.shopifyOrderId}/refund-preview`;
  // Everything still refundable: the lines, quantities and shipping the agent chooses from.
  const refundable = useQuery({
    queryKey: ['refundable', code, order.shopifyOrderId],
    queryFn: () => api<RefundPreview>('POST', previewPath, { all: true }),
    staleTime: 0,
  });
  return (
    <Modal opened onClose={onClose} title={`Refund order ${order.name}`} size="xl">
      <Loaded query={refundable}>
        {(all) => <RefundForm code={code} order={order} all={all} onClose={onClose} />}
      </Loaded>
    </Modal>
  );
}

function RefundForm({
  code,
  order,
  all,
  onClose,
}: {
  code: string;
  order: OrderPicture;
  all: RefundPreview;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<RefundChoice>(emptyChoice);
  const set = (change: Partial<RefundChoice>) => setChoice((current) => ({ ...current, ...change }));
  const body = refundBody(choice, all.currency);
  const [debounced] = useDebouncedValue(body, 300);
  const base = path`/api/shops/${code}/orders/${order.shopifyOrderId}`;
  const preview = useQuery({
    queryKey: ['refund-preview', code, order.shopifyOrderId, debounced],
    queryFn: () => api<RefundPreview>('POST', `${base}/refund-preview`, debounced),
    enabled: hasSomethingToRefund(choice),
    retry: false,
  });
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      api<{ result?: { total?: string; currency?: string } }>('POST', `${base}/refunds`, body),
    onSuccess: async () => {
      for (const key of ['order', 'documents', 'reconcile', 'refundable'])
        await queryClient.invalidateQueries({ queryKey: [key, code] });
    },
  });
  const locations = useRestockLocations(code, all);
  const issueOf = (field: string) =>
    preview.error instanceof ApiError
      ? preview.error.issues
          .filter((i) => i.path.replace(/^body\./, '').startsWith(field))
          .map((i) => i.message)
          .join('; ') || undefined
      : undefined;

  if (create.isSuccess)
    return (
      <Stack>
        <Alert color="green" role="status" title="Refunded">
          Shopify made the refund
          {create.data.result?.total && create.data.result.currency
            ? ` of ${formatAmount(create.data.result.total, create.data.result.currency)}`
            : ''}
          . The credit memo and customer refund follow through the refund import.
        </Alert>
        <Button onClick={onClose}>Close</Button>
      </Stack>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack>
        {all.lines.length === 0 && <Text>No items left to refund.</Text>}
        {all.lines.map((line) => (
          <NumberInput
            key={line.lineShopifyId}
            label={`Quantity of ${line.sku ?? line.title} (${line.title}), up to ${line.quantity}`}
            description={`${formatAmount(line.price, all.currency)} each`}
            min={0}
            max={line.quantity}
            allowDecimal={false}
            clampBehavior="strict"
            value={choice.quantities[line.lineShopifyId] ?? 0}
            onChange={(value) =>
              set({ quantities: { ...choice.quantities, [line.lineShopifyId]: Number(value) || 0 } })
            }
          />
        ))}
        <Group grow align="start">
          <Select
            label="Restock"
            data={Object.entries(restockLabels).map(([value, label]) => ({ value, label }))}
            value={choice.restock}
            allowDeselect={false}
            onChange={(value) => set({ restock: (value ?? 'no_restock') as RefundChoice['restock'] })}
          />
          <Select
            label="Restock location"
            placeholder="Shopify's choice"
            data={locations}
            value={choice.location}
            clearable
            disabled={choice.restock === 'no_restock'}
            error={issueOf('location')}
            onChange={(value) => set({ location: value })}
          />
        </Group>
        <Group grow align="start">
          <Checkbox
            mt="lg"
            label={`Refund shipping (refundable: ${formatAmount(all.shippingRefundable, all.currency)})`}
            checked={choice.refundShipping}
            onChange={(e) => set({ refundShipping: e.currentTarget.checked })}
          />
          <TextInput
            label="Shipping amount"
            description="Empty refunds all that is left"
            disabled={!choice.refundShipping}
            value={choice.shippingAmount}
            error={issueOf('shipping')}
            onChange={(e) => set({ shippingAmount: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label="Reason (staff only)"
          maxLength={255}
          value={choice.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
        <Group grow align="start">
          <TextInput
            label={`Manual amount (${all.currency})`}
            description={`Overrides the calculated total; at most ${formatAmount(all.maximumRefundable, all.currency)}`}
            value={choice.manualAmount}
            error={issueOf('amount')}
            onChange={(e) => set({ manualAmount: e.currentTarget.value })}
          />
          <Select
            label="Why it differs"
            data={[...discrepancyReasons]}
            value={choice.discrepancyReason}
            clearable
            disabled={!choice.manualAmount.trim()}
            onChange={(value) => set({ discrepancyReason: value })}
          />
        </Group>
        <Switch
          label="Notify the customer"
          checked={choice.notify}
          onChange={(e) => set({ notify: e.currentTarget.checked })}
        />
        <RefundSummary preview={preview} enabled={hasSomethingToRefund(choice)} />
        {create.error && (
          <ShopifyActionError
            error={create.error}
            refused="Shopify refused the refund"
            failed="Not refunded"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            type="submit"
            disabled={!preview.isSuccess || preview.isFetching}
            loading={create.isPending}
          >
            {preview.isSuccess
              ? `Refund ${formatAmount(preview.data.total, preview.data.currency)}`
              : 'Refund'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Where restocked units may go: the shop's Shopify locations as its location mappings name them
 * ("MAIN (gid://shopify/Location/1)"), and any other location Shopify's calculation picked.
 */
function useRestockLocations(code: string, all: RefundPreview): { value: string; label: string }[] {
  const shop = useQuery({ queryKey: ['shop', code], queryFn: () => get<ShopCard>(path`/api/shops/${code}`) });
  const mappings = (shop.data?.groups
    .flatMap((group) => group.fields)
    .find((field) => field.key === 'locationMappings')?.value ?? []) as {
    shopifyLocationId?: string;
    locationCode?: string;
  }[];
  const options = new Map<string, string>();
  for (const mapping of mappings)
    if (mapping.shopifyLocationId)
      options.set(mapping.shopifyLocationId, `${mapping.locationCode ?? '?'} (${mapping.shopifyLocationId})`);
  for (const line of all.lines)
    if (line.locationShopifyId && !options.has(line.locationShopifyId))
      options.set(line.locationShopifyId, line.locationShopifyId);
  return [...options].map(([value, label]) => ({ value, label }));
}
