import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';

export interface ShopSummary {
  code: string;
  name?: string;
  shopifyDomain: string;
  [detail: string]: unknown;
}

/** `GET /api/shops`: the shops this service is connected to. */
export function useShops() {
  return useQuery({
    queryKey: ['shops'],
    queryFn: async () => {
      const answer = await get<{ shops: ShopSummary[] } | ShopSummary[]>('/api/shops');
      return Array.isArray(answer) ? answer : answer.shops;
    },
  });
}
