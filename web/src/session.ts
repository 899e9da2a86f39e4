import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './api.ts';

/** `GET /api/me`: who is signed in and every action the role may do. */
export interface Me {
  name: string;
  role: string;
  may: string[];
}

/** The signed-in user, or null when the session is missing or expired (401). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** What the role may not do is not shown (issue 9 item 1); the API refuses it anyway. */
export function useMay(action: string): boolean {
  const me = useMe().data;
  return me?.may.includes(action) ?? false;
}
