import { App, Form, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { ApiProblem, FieldError } from '../../api/problem';
import { blankToNull } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { editModalProps, inWords, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { clinicChoice, type RecordFieldsProps } from '../catalog/ChainRecordFields';
import { PackAllocation } from './PackAllocation';
import { packKeys, TEMPLATE_WRITES, type PackTemplate } from './packQueries';
import { NEW_TEMPLATE_ITEM, PackTemplateFormFields, templateFields, type TemplateFormValues } from './PackTemplateFormFields';

/** What a template is in the API's terms, from the form (whose validators only let through amounts that convert). */
function templateBody(v: TemplateFormValues, currency: string) {
  return {
    name: v.name.trim(),
    description: blankToNull(v.description),
    items: v.items.map((i) => ({ itemId: i.itemId!, sessions: i.sessions!, minIntervalDays: i.minIntervalDays ?? null })),
    price: { amount: toMinorUnits(v.price.amount, currency)!, currency },
    validityDays: v.validityDays,
    ...clinicChoice(v),
  };
}

function toValues(template: PackTemplate): TemplateFormValues {
  return {
    code: template.code,
    name: template.name,
    description: template.description ?? '',
    items: template.items.map((i) => ({ itemId: i.itemId, sessions: i.sessions, minIntervalDays: i.minIntervalDays })),
    price: { amount: toMajorUnits(template.price.amount, template.price.currency) },
    validityDays: template.validityDays,
    allClinics: template.allClinics,
    clinicIds: template.clinicIds,
  };
}

/** The server's template errors in the UI's words; a 409 on create can only be another template's code. */
function templateErrors(problem: ApiProblem, t: Translate, create: boolean): FieldError[] | undefined {
  if (create && problem.status === 409 && problem.errors.length === 0) return [{ field: 'code', message: t('packs.form.codeTaken') }];
  return inWords(problem.errors, { 'price.amount': t('packs.form.priceInvalid') });
}

interface Props extends Omit<RecordFieldsProps, 'mode'> {
  /** The template to edit; null with `open` adds one. */
  templateId: string | null;
  open: boolean;
  onClose: () => void;
  onCreated: (template: PackTemplate) => void;
}

/**
 * Adds a template, or edits one with If-Match from the read made when the dialog opened. Editing shows the
 * price split as saved: the server splits the price again on save.
 */
export function PackTemplateModal({ templateId, open, onClose, onCreated, currency, clinics, clinicsLoading }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const create = templateId === null;
  const items = (Form.useWatch('items', form) ?? []).length;

  const current = useEditedRecord({
    queryKey: packKeys.template(templateId ?? ''),
    enabled: open && !create,
    read: () => unwrap(api.GET('/api/v1/session-packs/templates/{templateId}', { params: { path: { templateId: templateId! } } })),
    form,
    toValues,
  });

  const save = useFormMutation({
    form,
    fields: templateFields(items),
    invalidate: TEMPLATE_WRITES,
    mutationFn: (v: TemplateFormValues) => {
      if (create) {
        return dataOf(api.POST('/api/v1/session-packs/templates', { body: { code: (v.code ?? '').trim(), ...templateBody(v, currency) } }));
      }
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/session-packs/templates/{templateId}', {
          params: { path: { templateId: templateId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
          body: templateBody(v, currency),
        }),
      );
    },
    fieldErrorsFor: (problem) => templateErrors(problem, t, create),
    onClose,
    onSuccess: (template) => {
      message.success(t(create ? 'packs.templateCreated' : 'common.saved', { name: template.name }));
      if (create) onCreated(template);
    },
  });

  return (
    <FormModal
      open={open}
      title={t(create ? 'packs.form.addTitle' : 'packs.form.editTitle')}
      submitLabel={create ? t('common.create') : undefined}
      submitTestId="template-form-submit"
      testId="template-form"
      width={760}
      {...save.modal}
      {...(create ? {} : editModalProps(current, save))}
    >
      <Form<TemplateFormValues>
        form={form}
        layout="vertical"
        initialValues={{ items: [NEW_TEMPLATE_ITEM], validityDays: 365, allClinics: true, clinicIds: [] }}
        onFinish={(v) => save.mutation.mutate(v)}
        disabled={save.mutation.isPending}
      >
        <PackTemplateFormFields mode={create ? 'create' : 'edit'} currency={currency} clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
      {current.data && !create && (
        <>
          <Typography.Text strong>{t('packs.savedSplit')}</Typography.Text>
          <PackAllocation template={current.data.data} />
        </>
      )}
    </FormModal>
  );
}
