import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { AccountRefundModal } from './AccountRefundModal';
import { AdjustModal, FreezeModal, ReactivateModal, TransferModal } from './AccountModals';
import { TopUpModal } from './TopUpModal';
import { expiredValue } from './walletFigures';
import type { StoredValueAccount } from './walletQueries';

type Action = 'topUp' | 'freeze' | 'unfreeze' | 'refund' | 'reactivate' | 'transfer' | 'adjust';

/**
 * What the caller may do with her stored value, by role and by the account's state: a frozen account takes no
 * top-up or transfer but can be refunded; expired value can be reactivated; a closed one opens again on a top-up.
 */
export function WalletActions({ customerId, account }: { customerId: string; account: StoredValueAccount | null }) {
  const { t } = useI18n();
  const { permissions: may } = useMe();
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const status = account?.status;
  const offered: Record<Action, boolean> = {
    topUp: may.canTopUp && status !== 'FROZEN',
    freeze: may.canFreezeStoredValue && status === 'ACTIVE',
    unfreeze: may.canRefundStoredValue && status === 'FROZEN',
    refund: may.canRefundStoredValue && !!status && status !== 'CLOSED',
    reactivate: may.canRefundStoredValue && !!account && expiredValue(account).amount > 0,
    transfer: may.canTransferStoredValue && status === 'ACTIVE' && !!account && account.balance.amount > 0,
    adjust: may.canTransferStoredValue && !!status && status !== 'CLOSED',
  };
  const buttons: { action: Action; primary?: boolean; danger?: boolean }[] = [
    { action: 'topUp', primary: true },
    { action: 'freeze' },
    { action: 'unfreeze' },
    { action: 'reactivate' },
    { action: 'refund', danger: true },
    { action: 'transfer' },
    { action: 'adjust' },
  ];
  return (
    <Space wrap>
      {buttons
        .filter((b) => offered[b.action])
        .map((b) => (
          <Button key={b.action} size="small" type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setOpen(b.action)} data-testid={`wallet-${b.action}`}>
            {t(`wallet.${b.action}`)}
          </Button>
        ))}
      {offered.topUp && <TopUpModal customerId={customerId} open={open === 'topUp'} onClose={close} />}
      {account && (
        <>
          {offered.freeze && <FreezeModal account={account} unfreeze={false} open={open === 'freeze'} onClose={close} />}
          {offered.unfreeze && <FreezeModal account={account} unfreeze open={open === 'unfreeze'} onClose={close} />}
          {offered.refund && <AccountRefundModal account={account} open={open === 'refund'} onClose={close} />}
          {offered.reactivate && <ReactivateModal account={account} open={open === 'reactivate'} onClose={close} />}
          {offered.transfer && <TransferModal account={account} open={open === 'transfer'} onClose={close} />}
          {offered.adjust && <AdjustModal account={account} open={open === 'adjust'} onClose={close} />}
        </>
      )}
    </Space>
  );
}
