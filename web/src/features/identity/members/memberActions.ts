import type { Role } from '../../../gql/graphql';

/** Why an action on a member can only fail, as the server's rules say. */
export type Blocked = 'self' | 'ownerOnly' | 'lastOwner';

export interface MemberActions {
  /** Why the role cannot be changed, or null when it can. */
  role: Blocked | null;
  /** Why the member cannot be removed, or null when they can. */
  remove: Blocked | null;
  /** Roles the viewer may not grant anyone. */
  ungrantable: readonly Role[];
}

export interface ActionContext {
  /** The signed-in user's id. */
  viewerUserId: string | null | undefined;
  viewerRole: Role | null | undefined;
  /** Owners of the tenant; unknown while loading. */
  ownerCount: number | null | undefined;
}

/**
 * What the viewer may do to `member`, mirroring `domain/src/identity/members.rs`: only an owner
 * changes or removes an owner or grants the owner role; the last owner stays an owner; nobody
 * changes their own role or removes themselves. The first rule the server checks names the
 * reason. While the owner count is unknown, an owner row is treated as the last one.
 */
export function memberActions(member: { role: Role; user: { id: string } }, ctx: ActionContext): MemberActions {
  const viewerIsOwner = ctx.viewerRole === 'OWNER';
  const ungrantable: readonly Role[] = viewerIsOwner ? [] : ['OWNER'];
  let blocked: Blocked | null = null;
  if (member.role === 'OWNER' && !viewerIsOwner) blocked = 'ownerOnly';
  else if (member.role === 'OWNER' && (ctx.ownerCount ?? 1) <= 1) blocked = 'lastOwner';
  else if (ctx.viewerUserId != null && member.user.id === ctx.viewerUserId) blocked = 'self';
  return { role: blocked, remove: blocked, ungrantable };
}

/** How a role change is confirmed: promotion to owner and leaving the owner role get a warning. */
export type RoleChangeKind = 'toOwner' | 'fromOwner' | 'plain';

export function roleChangeKind(from: Role, to: Role): RoleChangeKind {
  if (to === 'OWNER' && from !== 'OWNER') return 'toOwner';
  if (from === 'OWNER' && to !== 'OWNER') return 'fromOwner';
  return 'plain';
}
