/**
 * The id inside a global id (`gid://silkport/<Type>/<uuid>` → the uuid), for the few places the
 * API speaks raw ids: the ledger's `referenceId`, actors written `user:<uuid>`. Undefined for
 * anything else.
 */
export function gidUuid(gid: string | null | undefined): string | undefined {
  return gid?.match(/^gid:\/\/silkport\/[A-Za-z]+\/([^/]+)$/)?.[1];
}

/** Whether an actor label (`user:<uuid>`, `client:<uuid>`, `system`) names the user of `userGid`. */
export function isUser(actor: string | null | undefined, userGid: string | null | undefined): boolean {
  const uuid = gidUuid(userGid);
  return uuid !== undefined && actor === `user:${uuid}`;
}
