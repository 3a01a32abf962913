// The signed-in user, shared by every feature (features read it; only the app shell sets it).
import { createContext, useContext } from 'react';
import type { User } from './user.ts';

export interface Session {
  user: User;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in app');
  return session;
}
