import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { isApiProblem } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './ErrorAlert';

/** A row's link button that asks first (close a clinic, disable a login, suspend a chain). */
export function ConfirmAction({
  title,
  description,
  danger = false,
  primary = false,
  testId,
  onConfirm,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  danger?: boolean;
  /** The row's main action (check a customer in), as a button rather than a link. */
  primary?: boolean;
  testId: string;
  /** May return a promise: the OK button spins until it settles. */
  onConfirm: () => unknown;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      onConfirm={onConfirm}
    >
      <Button type={primary ? 'primary' : 'link'} size="small" danger={danger} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}

/**
 * Runs a change made from a list row and reports it in a toast. The lists are read again
 * afterwards, whatever happened: after a 412 (someone else changed the row since the list was read)
 * the user sees the row as it is now and can decide again.
 */
export function useRowChange(invalidate: QueryKey[]) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (change: () => Promise<unknown>) => change(),
    onSettled: () => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
    },
  });
  return async (change: () => Promise<unknown>, success: string) => {
    try {
      await mutation.mutateAsync(change);
      message.success(success);
    } catch (e) {
      message.error(isApiProblem(e) && e.status === 412 ? t('error.staleRefreshed') : errorText(e, t));
    }
  };
}
