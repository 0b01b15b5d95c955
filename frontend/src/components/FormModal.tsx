import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  open: boolean;
  title: ReactNode;
  pending: boolean;
  submitLabel?: ReactNode;
  submitTestId: string;
  testId: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
}

/** A modal around a form: submit is disabled (and spinning) while the request is pending. */
export function FormModal({ open, title, pending, submitLabel, submitTestId, testId, onSubmit, onCancel, children, width }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 560}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: !pending }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={pending}
          disabled={pending}
          onClick={onSubmit}
          data-testid={submitTestId}
        >
          {submitLabel ?? t('common.save')}
        </Button>,
      ]}
    >
      <div data-testid={testId}>{children}</div>
    </Modal>
  );
}
