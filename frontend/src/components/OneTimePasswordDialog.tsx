import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  /** null: closed. The password lives only in the caller's state and is dropped on close. */
  value: { title: string; hint: string; username: string; password: string } | null;
  onClose: () => void;
}

/** Shows a one-time initial password once, copyable; after closing it cannot be shown again. */
export function OneTimePasswordDialog({ value, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="initial-password-done">
          {t('staff.created.done')}
        </Button>
      }
    >
      {value && (
        <div data-testid="initial-password-dialog">
          <Alert type="warning" showIcon title={value.hint} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('staff.created.username')}>
              <Typography.Text copyable data-testid="initial-password-username">
                {value.username}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('staff.created.password')}>
              <Typography.Text code copyable={{ text: value.password }} strong data-testid="initial-password">
                {value.password}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
