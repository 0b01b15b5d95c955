import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { keys } from '../../api/queries';

/** The chain's points rules, with the ETag of the read (for the rules editor's If-Match). */
export function usePointsRules(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: keys.pointsRules,
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/points/rules')),
  });
}

/** A customer's points balance, its money value, her live lots and what expires soon. */
export function usePointsAccount(customerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: keys.pointsAccount(customerId ?? ''),
    enabled: !!customerId,
    queryFn: () => dataOf(api.GET('/api/v1/points/accounts/{customerId}', { params: { path: { customerId: customerId! } } })),
  });
}

/** Whether points can pay at the till (the chain allows it), and the customer's balance when they can. */
export function usePointsTender(customerId: string | undefined) {
  const rules = usePointsRules();
  const allowed = rules.data?.data.allowTender === true;
  const account = usePointsAccount(allowed ? customerId : undefined);
  return { allowed, account: account.data };
}
