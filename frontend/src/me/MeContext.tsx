import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { components } from '../api/schema';
import { permissionsFor, type Permissions } from '../roles';

export type Me = components['schemas']['Me'];

interface MeValue {
  me: Me;
  permissions: Permissions;
}

const MeContext = createContext<MeValue | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo(() => ({ me, permissions: permissionsFor(me.roles) }), [me]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside <MeProvider>');
  return value;
}
