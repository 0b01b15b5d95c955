import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import type { Colleague, Visit } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe, type Me } from '../../me/MeContext';
import { useStaffDirectory } from '../customers/useStaffDirectory';
import { ColleagueSelect } from '../visits/pickers';
import { packKeys, PACK_WRITES, type SessionPack, type SessionPackItem, type SessionPackMovement } from './packQueries';
import { intervalRunning, refusalOf, type Refusal } from './packRules';

interface RedeemValues {
  clinicianId?: string;
  intervalOverrideReason?: string;
}

/** Who gives the session unless someone else is chosen: the visit's clinician, else the signed-in clinician. */
function clinicianFor(visit: Visit, colleagues: Colleague[], me: Me): string | undefined {
  const onVisit = visit.staffIds.find((id) => colleagues.find((c) => c.id === id)?.roles.includes('clinician'));
  return onVisit ?? (me.roles.includes('clinician') ? (me.staffId ?? undefined) : undefined);
}

/**
 * The second click of a redemption: one session of the item at this visit, by the clinician named (preselected),
 * confirmed. A refusal is explained from the pack as it is now; when the item's interval has not passed, a chain
 * admin or manager may redeem sooner with a reason. Retrying the same submission reuses its Idempotency-Key.
 */
export function RedeemDialog({ visit, pack, item, onClose }: { visit: Visit; pack: SessionPack; item: SessionPackItem; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { me, permissions } = useMe();
  const { message } = App.useApp();
  const directory = useStaffDirectory();
  const [form] = Form.useForm<RedeemValues>();
  const write = useKeyedWrite();
  const preselected = clinicianFor(visit, directory.colleagues, me);

  useEffect(() => {
    // The directory may arrive after the dialog opened.
    if (preselected && !form.getFieldValue('clinicianId')) form.setFieldValue('clinicianId', preselected);
  }, [form, preselected]);

  const save = useFormMutation<RedeemValues, SessionPackMovement>({
    form,
    fields: ['clinicianId', 'intervalOverrideReason'],
    invalidate: PACK_WRITES,
    mutationFn: async (v) => {
      const reason = v.intervalOverrideReason?.trim();
      const body = { itemId: item.itemId, visitId: visit.id, clinicianId: v.clinicianId!, ...(reason ? { intervalOverrideReason: reason } : {}) };
      try {
        return await write({ packId: pack.id, ...body }, (key) =>
          dataOf(api.POST('/api/v1/session-packs/{packId}/redemptions', { params: { path: { packId: pack.id }, header: { 'Idempotency-Key': key } }, body })),
        );
      } catch (e) {
        // Refused or unknown: the pack is not as this screen shows it; read it again (the refusal is read from it).
        void queryClient.invalidateQueries({ queryKey: packKeys.packs });
        throw e;
      }
    },
    onClose,
    onSuccess: (result) => {
      const after = result.pack.items.find((i) => i.itemId === item.itemId);
      void message.success(t('packs.redeem.done', { item: item.itemName, remaining: after?.remaining ?? '—' }));
    },
  });

  const refusal = refusalOf(save.modal.error, pack, item, visit.clinicId);
  const early = intervalRunning(item) || refusal === 'interval';
  const overriding = early && permissions.canManagePacks;

  return (
    <FormModal
      open
      title={t('packs.redeem.title', { name: visit.customerName })}
      testId="redeem-form"
      submitTestId="redeem-form-submit"
      submitLabel={t(overriding ? 'packs.redeem.submitEarly' : 'packs.redeem.submit')}
      width={520}
      {...save.modal}
    >
      {refusal && <RefusalNotice refusal={refusal} pack={pack} item={item} />}
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('packs.col.pack')}>{pack.templateName}</Descriptions.Item>
        <Descriptions.Item label={t('packs.item')}>
          <strong data-testid="redeem-item">{item.itemName}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('packs.remaining')}>
          <span data-testid="redeem-remaining">{t('packs.redeem.remainingAfter', { now: item.remaining, after: Math.max(item.remaining - 1, 0), sessions: item.sessions })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('packs.expiresAt')}>{formatDateTime(pack.expiresAt)}</Descriptions.Item>
      </Descriptions>
      {early && !refusal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="redeem-early"
          title={t(permissions.canManagePacks ? 'packs.redeem.earlyManager' : 'packs.redeem.earlyOthers', { date: formatDateTime(item.nextDueAt) })}
        />
      )}
      <Form<RedeemValues> form={form} layout="vertical" initialValues={{ clinicianId: preselected }} onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="clinicianId" label={t('packs.redeem.clinician')} rules={[{ required: true, message: t('packs.redeem.clinicianRequired') }]}>
          <ColleagueSelect clinicId={visit.clinicId} testId="redeem-clinician" />
        </Form.Item>
        {overriding && (
          <Form.Item
            name="intervalOverrideReason"
            label={t('packs.redeem.overrideReason')}
            rules={[{ required: true, whitespace: true, message: t('packs.redeem.overrideRequired') }, { max: 500 }]}
          >
            <Input.TextArea maxLength={500} rows={2} data-testid="redeem-override-reason" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** Why the server refused, in the UI's words, with what can be done about it. */
function RefusalNotice({ refusal, pack, item }: { refusal: Refusal; pack: SessionPack; item: SessionPackItem }) {
  const { t } = useI18n();
  const { permissions } = useMe();
  const words: Record<Refusal, string> = {
    interval: t(permissions.canManagePacks ? 'packs.refusal.intervalManager' : 'packs.refusal.intervalOthers', { item: item.itemName, date: formatDateTime(item.nextDueAt) }),
    expired: t('packs.refusal.expired', { date: formatDateTime(pack.expiresAt) }),
    usedUp: t('packs.refusal.usedUp', { item: item.itemName }),
    frozen: t('packs.refusal.frozen'),
    refunded: t('packs.refusal.refunded'),
    clinic: t('packs.refusal.clinic'),
  };
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="redeem-refusal" data-refusal={refusal} title={words[refusal]} />;
}
