/** Async job (orderCancel returns one). Done once the work has been applied. */
export interface Job {
  id: string;
  done: boolean;
  kind: 'order_cancel';
  createdAt: string;
}
