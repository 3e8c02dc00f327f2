// The signed-in user, shared with every page (role decides what menus show).
import { createContext, useContext } from 'react';
import type { Me } from './api';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user (pages render only once it is known). */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('no session');
  return me;
}

/** Whether the user may use the Explorer, exports of free queries and finding states. */
export function canAnalyse(me: Me): boolean {
  return me.role === 'analyst' || me.role === 'admin';
}
