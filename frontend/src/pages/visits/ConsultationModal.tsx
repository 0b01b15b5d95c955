import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { FieldPath } from '../../api/formErrors';
import type { ApiProblem, FieldError } from '../../api/problem';
import { keys, type Consultation } from '../../api/queries';
import { blankToNull, blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ColleagueSelect, ItemSelect } from './pickers';
import {
  ASSESSMENT_AREAS,
  CONSULTATION_WRITES,
  NON_CONVERSION_REASONS,
  OUTCOMES,
  useClinicItems,
  type AssessmentArea,
  type ConsultationOutcome,
  type NonConversionReason,
} from './visitFields';

/** The visit a consultation is recorded on, or (with `consultationId`) the one being edited. */
export interface ConsultationTarget {
  visitId: string;
  clinicId: string;
  customerName: string;
  consultationId?: string;
}

interface NeedValues {
  rank: number;
  area: AssessmentArea;
  concern: string;
  note?: string | null;
  suggestedItemIds?: string[];
}

interface ConsultationValues {
  consultantId?: string;
  summary?: string | null;
  needs?: NeedValues[];
  outcome: { outcome: ConsultationOutcome; reason?: NonConversionReason | null; note?: string | null };
}

const MAX_NEEDS = 3;
const RANKS = [1, 2, 3];
const NEED_FIELDS = ['rank', 'area', 'concern', 'note', 'suggestedItemIds'];

/** Named like the API's body, so `needs[1].rank` or `outcome.reason` lands on its field. */
const FIELDS: FieldPath[] = [
  'consultantId',
  'summary',
  'needs',
  ['outcome', 'outcome'],
  ['outcome', 'reason'],
  ['outcome', 'note'],
  ...RANKS.flatMap((_, i) => NEED_FIELDS.map((f) => ['needs', i, f])),
];

/** The server's field errors in the UI's words; an item a need suggests is named. */
function consultationErrors(problem: ApiProblem, v: ConsultationValues, itemName: (id?: string) => string, t: Translate): FieldError[] | undefined {
  if (problem.errors.length === 0) return undefined;
  return problem.errors.map((e) => {
    if (/^needs\[\d+\]\.rank$/.test(e.field)) return { ...e, message: t('consultations.form.rankTaken') };
    const suggested = /^needs\[(\d+)\]\.suggestedItemIds\[(\d+)\]$/.exec(e.field);
    if (suggested) {
      const id = v.needs?.[Number(suggested[1])]?.suggestedItemIds?.[Number(suggested[2])];
      return { ...e, message: t('consultations.form.itemNotOffered', { name: itemName(id) }) };
    }
    if (e.field === 'outcome.reason' && v.outcome.outcome === 'NOT_CONVERTED') return { ...e, message: t('consultations.form.reasonRequired') };
    return e;
  });
}

function needsBody(needs: NeedValues[] | undefined) {
  return (needs ?? []).map((n) => ({
    rank: n.rank,
    area: n.area,
    concern: n.concern.trim(),
    note: blankToUndefined(n.note),
    suggestedItemIds: n.suggestedItemIds ?? [],
  }));
}

function outcomeBody(o: ConsultationValues['outcome']) {
  return {
    outcome: o.outcome,
    reason: o.outcome === 'NOT_CONVERTED' ? (o.reason ?? undefined) : undefined,
    note: blankToUndefined(o.note),
  };
}

function toValues(c: Consultation): ConsultationValues {
  return {
    consultantId: c.consultantId,
    summary: c.summary ?? '',
    needs: c.needs.map((n) => ({
      rank: n.rank,
      area: n.area,
      concern: n.concern,
      note: n.note ?? '',
      suggestedItemIds: n.suggestedItems.map((i) => i.itemId),
    })),
    outcome: { outcome: c.outcome, reason: c.reason ?? undefined, note: c.outcomeNote ?? '' },
  };
}

/** Records a consultation on a visit, or edits one (If-Match; a 412 offers to reload). */
export function ConsultationModal({ target, onClose }: { target: ConsultationTarget | null; onClose: () => void }) {
  if (!target) return null;
  // A fresh dialog (and form) each time: nothing of another customer's assessment is left in it.
  return target.consultationId ? (
    <EditConsultationDialog target={target} consultationId={target.consultationId} onClose={onClose} />
  ) : (
    <RecordConsultationDialog target={target} onClose={onClose} />
  );
}

function useItemNames(clinicId: string) {
  const items = useClinicItems(clinicId);
  const { t } = useI18n();
  return (id?: string) => items.data?.items.find((i) => i.id === id)?.name ?? t('consultations.form.thisItem');
}

function RecordConsultationDialog({ target, onClose }: { target: ConsultationTarget; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationValues>();
  const itemName = useItemNames(target.clinicId);
  const record = useFormMutation({
    form,
    fields: FIELDS,
    invalidate: CONSULTATION_WRITES,
    mutationFn: (v: ConsultationValues) =>
      dataOf(
        api.POST('/api/v1/consultations', {
          body: {
            visitId: target.visitId,
            consultantId: v.consultantId ?? undefined,
            summary: blankToUndefined(v.summary),
            needs: needsBody(v.needs),
            outcome: outcomeBody(v.outcome),
          },
        }),
      ),
    fieldErrorsFor: (problem, v) => consultationErrors(problem, v, itemName, t),
    onClose,
    onSuccess: () => message.success(t('consultations.recorded', { name: target.customerName })),
  });
  return (
    <FormModal
      open
      title={t('consultations.recordTitle', { name: target.customerName })}
      submitTestId="consultation-form-submit"
      testId="consultation-form"
      width={820}
      {...record.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          consultantId: me.roles.includes('consultant') ? (me.staffId ?? undefined) : undefined,
          needs: [],
          outcome: { outcome: 'PENDING' },
        }}
        onFinish={(v) => record.mutation.mutate(v)}
        disabled={record.mutation.isPending}
      >
        <ConsultationFields clinicId={target.clinicId} />
      </Form>
    </FormModal>
  );
}

function EditConsultationDialog({ target, consultationId, onClose }: { target: ConsultationTarget; consultationId: string; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationValues>();
  const itemName = useItemNames(target.clinicId);
  const current = useEditedRecord({
    queryKey: keys.consultationEdit(consultationId),
    enabled: true,
    read: () => unwrap(api.GET('/api/v1/consultations/{consultationId}', { params: { path: { consultationId } } })),
    form,
    toValues,
  });
  const loaded = current.data?.data;
  const save = useFormMutation({
    form,
    fields: FIELDS,
    invalidate: CONSULTATION_WRITES,
    mutationFn: (v: ConsultationValues) =>
      dataOf(
        api.PATCH('/api/v1/consultations/{consultationId}', {
          params: { path: { consultationId }, header: { 'If-Match': ifMatch(loaded!, current.data!.etag) } },
          body: {
            ...(v.consultantId && v.consultantId !== loaded!.consultantId ? { consultantId: v.consultantId } : {}),
            summary: blankToNull(v.summary),
            needs: needsBody(v.needs),
            outcome: outcomeBody(v.outcome),
          },
        }),
      ),
    fieldErrorsFor: (problem, v) => consultationErrors(problem, v, itemName, t),
    onClose,
    onSuccess: () => message.success(t('common.saved')),
  });
  return (
    <FormModal
      open
      title={t('consultations.editTitle', { name: target.customerName })}
      submitTestId="consultation-form-submit"
      testId="consultation-form"
      width={820}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <ConsultationFields
          clinicId={target.clinicId}
          consultant={loaded ? { value: loaded.consultantId, label: loaded.consultantName } : undefined}
          knownItems={loaded?.needs.flatMap((n) => n.suggestedItems) ?? []}
        />
      </Form>
    </FormModal>
  );
}

/**
 * Consultant, summary, the design assessment (up to three needs, each ranked, with the area, the concern, a
 * note and the items suggested for it) and the outcome, with the reason when she did not convert.
 */
function ConsultationFields({
  clinicId,
  consultant,
  knownItems = [],
}: {
  clinicId: string;
  consultant?: { value: string; label: string };
  knownItems?: { itemId: string; name: string }[];
}) {
  const { t } = useI18n();
  const { me } = useMe();
  const form = Form.useFormInstance<ConsultationValues>();
  const outcome = Form.useWatch(['outcome', 'outcome'], form);
  const required = (label: string) => ({ required: true, message: t('validation.required', { field: label }) });

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="consultantId" label={t('consultations.consultant')}>
          <ColleagueSelect
            clinicId={clinicId}
            only="consultant"
            keep={consultant ? [consultant] : []}
            testId="consultation-form-consultant"
            placeholder={t('consultations.form.consultantMe', { name: me.displayName || me.username })}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="summary" label={t('consultations.summary')} extra={t('consultations.form.sensitive')} rules={[{ max: 2000 }]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="consultation-form-summary" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('consultations.assessment')}
        </Typography.Title>
        <Form.List name="needs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid={`need-${index}`}
                  title={t('consultations.needN', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('consultations.form.removeNeed')}
                      onClick={() => remove(field.name)}
                      data-testid={`need-${index}-remove`}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} sm={6}>
                      <Form.Item
                        name={[field.name, 'rank']}
                        label={t('consultations.rank')}
                        dependencies={RANKS.map((_, i) => ['needs', i, 'rank'])}
                        rules={[
                          required(t('consultations.rank')),
                          ({ getFieldValue }) => ({
                            validator: async (_, rank?: number) => {
                              const ranks = ((getFieldValue('needs') ?? []) as (NeedValues | undefined)[]).map((n) => n?.rank);
                              if (rank && ranks.filter((r) => r === rank).length > 1) throw new Error(t('consultations.form.rankTaken'));
                            },
                          }),
                        ]}
                      >
                        <Select<number>
                          data-testid={`need-${index}-rank`}
                          options={RANKS.map((r) => ({ value: r, label: t('consultations.rankN', { n: r }) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'area']} label={t('consultations.area')} rules={[required(t('consultations.area'))]}>
                        <Select<AssessmentArea>
                          showSearch={{ optionFilterProp: 'label' }}
                          data-testid={`need-${index}-area`}
                          options={ASSESSMENT_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item
                        name={[field.name, 'concern']}
                        label={t('consultations.concern')}
                        rules={[{ ...required(t('consultations.concern')), whitespace: true }, { max: 200 }]}
                      >
                        <Input maxLength={200} placeholder={t('consultations.form.concernHint')} data-testid={`need-${index}-concern`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={14}>
                      <Form.Item
                        name={[field.name, 'suggestedItemIds']}
                        label={t('consultations.suggested')}
                        rules={[{ type: 'array', max: 10, message: t('consultations.form.tooManyItems') }]}
                      >
                        <ItemSelect multiple clinicId={clinicId} known={knownItems} maxCount={10} testId={`need-${index}-items`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[field.name, 'note']} label={t('consultations.needNote')} rules={[{ max: 500 }]}>
                        <Input maxLength={500} data-testid={`need-${index}-note`} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {fields.length < MAX_NEEDS && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 16 }}
                  onClick={() => {
                    const taken = ((form.getFieldValue('needs') ?? []) as (NeedValues | undefined)[]).map((n) => n?.rank);
                    add({ rank: RANKS.find((r) => !taken.includes(r)), suggestedItemIds: [] });
                  }}
                  data-testid="add-need"
                >
                  {t('consultations.form.addNeed', { left: MAX_NEEDS - fields.length })}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={['outcome', 'outcome']} label={t('consultations.outcome')} rules={[required(t('consultations.outcome'))]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="consultation-form-outcome"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
          />
        </Form.Item>
      </Col>
      {outcome === 'NOT_CONVERTED' && (
        <Col xs={24} sm={12}>
          <Form.Item
            name={['outcome', 'reason']}
            label={t('consultations.reason')}
            extra={t('consultations.form.reasonHint')}
            rules={[{ required: true, message: t('consultations.form.reasonRequired') }]}
          >
            <Select<NonConversionReason>
              data-testid="consultation-form-reason"
              options={NON_CONVERSION_REASONS.map((r) => ({ value: r, label: t(`nonConversion.${r}`) }))}
            />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name={['outcome', 'note']} label={t('consultations.outcomeNote')} rules={[{ max: 500 }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="consultation-form-outcome-note" />
        </Form.Item>
      </Col>
    </Row>
  );
}
