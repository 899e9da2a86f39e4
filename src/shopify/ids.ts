/**
 * Shopify ids as storebridge keeps them: the numeric part as text ("450789469"), never a number
 * (they exceed 2^53) and never a GID. GIDs are built only here, when we ask Shopify.
 */
export function legacyId(gid: string): string {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(gid);
  return match ? match[1]! : gid;
}

export function toGid(type: string, id: string): string {
  return id.startsWith('gid://') ? id : `gid://shopify/${type}/${id}`;
}

export function gidType(gid: string): string | null {
  return /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(gid)?.[1] ?? null;
}
