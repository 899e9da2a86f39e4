export {
  archiveOrders,
  type ArchiveFailure,
  type ArchiveOptions,
  type ArchiveSummary,
  type ArchivedOrder,
} from './archive-orders.ts';
export { registerArchiveRoutes } from './http-routes.ts';
