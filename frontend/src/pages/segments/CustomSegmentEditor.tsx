import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { useAllClinics, useAllStaff } from '../../api/queries';
import type { components } from '../../api/schema';
import { errorText } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { MoneyInput } from '../../components/MoneyInput';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { editModalProps, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { BUILT_IN_KEYS, segmentKeys, type CustomSegment, type SegmentFilters } from './segmentQueries';

type Input = components['schemas']['CustomSegmentInput'];

/** The form's values: filters as the controls hold them (money as major-unit text). */
interface EditorValues {
  name: string;
  description?: string | null;
  builtIn?: SegmentFilters['builtIn'];
  tierIds?: string[];
  scoreMin?: number | null;
  scoreMax?: number | null;
  spendMin?: string | null;
  spendMax?: string | null;
  itemsMin?: number | null;
  lastVisitDaysAgoMin?: number | null;
  lastVisitDaysAgoMax?: number | null;
  tags?: string[];
  clinicId?: string | null;
  ownerId?: string | null;
}

function toInput(v: EditorValues, currency: string): Input {
  const money = (text?: string | null) => {
    const amount = text ? toMinorUnits(text, currency) : undefined;
    return amount === undefined ? null : { amount, currency };
  };
  const filters: SegmentFilters = {
    builtIn: v.builtIn ?? null,
    tierIds: v.tierIds?.length ? v.tierIds : null,
    scoreMin: v.scoreMin ?? null,
    scoreMax: v.scoreMax ?? null,
    spendMin: money(v.spendMin),
    spendMax: money(v.spendMax),
    itemsMin: v.itemsMin ?? null,
    lastVisitDaysAgoMin: v.lastVisitDaysAgoMin ?? null,
    lastVisitDaysAgoMax: v.lastVisitDaysAgoMax ?? null,
    tags: v.tags?.length ? v.tags : null,
    clinicId: v.clinicId ?? null,
    ownerId: v.ownerId ?? null,
  };
  return { name: v.name, description: v.description ?? null, filters };
}

function toValues(s: CustomSegment): EditorValues {
  const f = s.filters;
  return {
    name: s.name,
    description: s.description,
    builtIn: f.builtIn,
    tierIds: f.tierIds ?? [],
    scoreMin: f.scoreMin,
    scoreMax: f.scoreMax,
    spendMin: f.spendMin ? toMajorUnits(f.spendMin.amount, f.spendMin.currency) : null,
    spendMax: f.spendMax ? toMajorUnits(f.spendMax.amount, f.spendMax.currency) : null,
    itemsMin: f.itemsMin,
    lastVisitDaysAgoMin: f.lastVisitDaysAgoMin,
    lastVisitDaysAgoMax: f.lastVisitDaysAgoMax,
    tags: f.tags ?? [],
    clinicId: f.clinicId,
    ownerId: f.ownerId,
  };
}

/** The form's fields; the server names filters as `filters.<name>`, which the form's alert shows. */
const FIELDS = ['name', 'description', 'builtIn', 'tierIds', 'scoreMin', 'scoreMax', 'spendMin', 'spendMax', 'itemsMin', 'lastVisitDaysAgoMin', 'lastVisitDaysAgoMax', 'tags', 'clinicId', 'ownerId'];

/** Creates or edits a saved segment (under If-Match), previews how many match, deletes it. */
export function CustomSegmentEditor({
  segmentId,
  onClose,
  onSaved,
  onDeleted,
}: {
  segmentId: string | null;
  onClose: () => void;
  onSaved: (id: string) => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const currency = me.tenant?.currency ?? 'CNY';
  const [form] = Form.useForm<EditorValues>();
  const [previewCount, setPreviewCount] = useState<number | null>(null);
  const clinics = useAllClinics();
  const staff = useAllStaff();
  const tiers = useQuery({ queryKey: ['membership', 'tiers'], queryFn: () => dataOf(api.GET('/api/v1/membership/tiers')) });
  const record = useEditedRecord<CustomSegment, EditorValues>({
    queryKey: segmentKeys.custom(segmentId ?? 'new'),
    enabled: segmentId !== null,
    read: () => unwrap(api.GET('/api/v1/analytics/custom-segments/{segmentId}', { params: { path: { segmentId: segmentId ?? '' } } })),
    form,
    toValues,
  });
  const save = useFormMutation<EditorValues, CustomSegment>({
    form,
    fields: FIELDS,
    invalidate: [segmentKeys.all],
    onClose,
    onSuccess: (s) => {
      message.success(t('segments.editor.saved'));
      onSaved(s.id);
    },
    mutationFn: (v) => {
      const body = toInput(v, currency);
      return segmentId === null
        ? dataOf(api.POST('/api/v1/analytics/custom-segments', { body }))
        : dataOf(
            api.PUT('/api/v1/analytics/custom-segments/{segmentId}', {
              params: { path: { segmentId }, header: { 'If-Match': ifMatch(record.data!.data, record.data!.etag) } },
              body,
            }),
          );
    },
  });
  const preview = useMutation({
    mutationFn: (v: EditorValues) =>
      dataOf(api.POST('/api/v1/analytics/segments/preview', { params: { query: { limit: 1 } }, body: toInput(v, currency).filters })),
    onSuccess: (r) => setPreviewCount(r.total),
    onError: (e) => message.error(errorText(e, t)),
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/analytics/custom-segments/{segmentId}', {
          params: { path: { segmentId: segmentId ?? '' }, header: { 'If-Match': ifMatch(record.data!.data, record.data!.etag) } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
      onDeleted();
      onClose();
    },
    onError: (e) => message.error(errorText(e, t)),
  });
  const number = (max: number, testId: string) => <InputNumber min={0} max={max} precision={0} data-testid={testId} style={{ width: 160 }} />;
  return (
    <FormModal
      open
      title={segmentId === null ? t('segments.editor.new') : t('segments.editor.edit')}
      testId="segment-editor"
      submitTestId="segment-editor-submit"
      width={640}
      {...save.modal}
      {...(segmentId === null ? {} : editModalProps(record, save))}
    >
      <Form<EditorValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="name" label={t('segments.editor.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('segments.editor.name') }) }]}>
          <Input maxLength={60} data-testid="segment-editor-name" />
        </Form.Item>
        <Form.Item name="description" label={t('segments.editor.description')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="builtIn" label={t('segments.editor.builtIn')}>
          <Select allowClear data-testid="segment-editor-built-in" options={BUILT_IN_KEYS.map((k) => ({ value: k, label: t(`segments.name.${k}`) }))} />
        </Form.Item>
        <Form.Item name="tierIds" label={t('segments.editor.tiers')}>
          <Select mode="multiple" allowClear options={(tiers.data?.tiers ?? []).map((tier) => ({ value: tier.id, label: tier.name }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="scoreMin" label={t('segments.editor.scoreMin')}>{number(100, 'segment-editor-score-min')}</Form.Item>
          <Form.Item name="scoreMax" label={t('segments.editor.scoreMax')}>{number(100, 'segment-editor-score-max')}</Form.Item>
          <Form.Item name="itemsMin" label={t('segments.editor.itemsMin')}>{number(10000, 'segment-editor-items-min')}</Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="spendMin" label={t('segments.editor.spendMin')}>
            <MoneyInput currency={currency} testId="segment-editor-spend-min" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="spendMax" label={t('segments.editor.spendMax')}>
            <MoneyInput currency={currency} testId="segment-editor-spend-max" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="lastVisitDaysAgoMin" label={t('segments.editor.lastVisitDaysAgoMin')}>{number(3660, 'segment-editor-away-min')}</Form.Item>
          <Form.Item name="lastVisitDaysAgoMax" label={t('segments.editor.lastVisitDaysAgoMax')}>{number(3660, 'segment-editor-away-max')}</Form.Item>
        </Space>
        <Form.Item name="tags" label={t('segments.editor.tags')}>
          <Select mode="tags" data-testid="segment-editor-tags" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="clinicId" label={t('segments.editor.clinic')}>
            <Select allowClear style={{ width: 200 }} options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('segments.editor.owner')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName }))} />
          </Form.Item>
        </Space>
        <Space>
          <Button onClick={() => preview.mutate(form.getFieldsValue())} loading={preview.isPending} data-testid="segment-editor-preview">
            {t('segments.editor.preview')}
          </Button>
          {previewCount !== null && (
            <Typography.Text data-testid="segment-editor-preview-count">{t('segments.editor.previewCount', { count: previewCount })}</Typography.Text>
          )}
          {segmentId !== null && record.data && (
            <Popconfirm title={t('segments.editor.delete')} description={t('segments.editor.deleteConfirm')} onConfirm={() => remove.mutateAsync()}>
              <Button danger data-testid="segment-editor-delete">
                {t('segments.editor.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </FormModal>
  );
}
