import { Alert, Button, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, path } from '../api.ts';
import { ShopifyActionError } from '../ui.tsx';
import type { OrderPicture } from './order.tsx';

const cancelReasons = ['customer', 'fraud', 'inventory', 'declined', 'staff', 'other'];

/** seed 001 "Canceling an order": reason, restock, notify, a partial refund amount, staff note. */
export function CancelDialog({
  code,
  order,
  onClose,
}: {
  code: string;
  order: OrderPicture;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('customer');
  const [restock, setRestock] = useState(true);
  const [notify, setNotify] = useState(false);
  const [refundAmount, setRefundAmount] = useState('');
  const [staffNote, setStaffNote] = useState('');
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      api('POST', path`/api/shops/${code}/orders/${order.shopifyOrderId}/cancel`, {
        reason,
        restock,
        notify,
        ...(staffNote.trim() ? { staffNote: staffNote.trim() } : {}),
        ...(refundAmount.trim() ? { refundAmount: refundAmount.trim() } : {}),
      }),
    onSuccess: async () => {
      for (const key of ['order', 'documents', 'reconcile'])
        await queryClient.invalidateQueries({ queryKey: [key, code] });
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Cancel order ${order.name}`} size="lg">
      {cancel.isSuccess ? (
        <Stack>
          <Alert color="green" role="status" title="Cancelled">
            Shopify cancelled the order; its refund reaches the books through the refund import.
          </Alert>
          <Button onClick={onClose}>Close</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate();
          }}
        >
          <Stack>
            <Select
              label="Reason"
              data={cancelReasons}
              value={reason}
              allowDeselect={false}
              onChange={(value) => setReason(value ?? 'other')}
            />
            <Switch
              label="Restock the items"
              checked={restock}
              onChange={(e) => setRestock(e.currentTarget.checked)}
            />
            <Switch
              label="Notify the customer"
              checked={notify}
              onChange={(e) => setNotify(e.currentTarget.checked)}
            />
            <TextInput
              label="Refund amount"
              description="Empty refunds everything paid"
              value={refundAmount}
              onChange={(e) => setRefundAmount(e.currentTarget.value)}
            />
            <Textarea
              label="Staff note"
              value={staffNote}
              onChange={(e) => setStaffNote(e.currentTarget.value)}
            />
            {cancel.error && (
              <ShopifyActionError
                error={cancel.error}
                refused="Shopify refused to cancel"
                failed="Not cancelled"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Keep the order
              </Button>
              <Button type="submit" color="red" loading={cancel.isPending}>
                Cancel the order
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
