/** REST Admin API emulation: mount `handleRest` under any HTTP server. */
export { handleRest } from './router.ts';
export type { RestRequest, RestResponse } from './http.ts';
