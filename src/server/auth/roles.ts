/** Roles and what each may do: viewer (dashboards) < analyst (+ explorer, export, findings) < admin (+ settings, users). */

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who a route is for: anyone (`public`) or a signed-in user with at least this role. */
export type Access = 'public' | Role;

const RANK: Readonly<Record<Role, number>> = { viewer: 0, analyst: 1, admin: 2 };

/** Whether `role` may use a route that needs `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
