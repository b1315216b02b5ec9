import { useEffect, useState } from 'react';
import { api, type Me } from '../../api.js';

/** Organization kinds whose members review consumer alerts (as the server's OVERSEERS). */
const OVERSEER_KINDS = new Set(['regulator', 'consumer_association', 'industry_association']);

/** Whether the user belongs to a regulator or an association: asked once per user. */
export function useOverseer(me: Me): boolean {
  const [overseer, setOverseer] = useState(false);
  const hasOrgs = me.organizationIds.length > 0;
  useEffect(() => {
    if (!hasOrgs) {
      setOverseer(false);
      return;
    }
    let live = true;
    api<{ items: { kind: string }[] }>('GET', '/api/organizations')
      .then((r) => {
        if (live) setOverseer(r.items.some((o) => OVERSEER_KINDS.has(o.kind)));
      })
      .catch(() => {
        if (live) setOverseer(false);
      });
    return () => {
      live = false;
    };
  }, [me.id, hasOrgs]);
  return overseer;
}
