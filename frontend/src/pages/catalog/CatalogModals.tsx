import { App, Form } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { ApiProblem, FieldError } from '../../api/problem';
import { keys, type Clinic } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { editModalProps, inWords, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { CATALOG_FIELDS, CatalogFormFields, type CatalogFormValues } from './CatalogFormFields';
import { clinicChoice } from './ChainRecordFields';

/** What an item write changes: the catalog lists and the audit log. */
const CATALOG_WRITES = [keys.catalog, keys.audit];

/** The server's item errors in the UI's words; a 409 on create can only be another item's code. */
function catalogFieldErrors(problem: ApiProblem, t: Translate, create: boolean): FieldError[] | undefined {
  if (create && problem.status === 409 && problem.errors.length === 0) {
    return [{ field: 'code', message: t('catalog.form.codeTaken') }];
  }
  return inWords(problem.errors, { 'listPrice.amount': t('catalog.form.priceInvalid') });
}

interface Shared {
  currency: string;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

export function AddCatalogItemModal({ open, onClose, currency, clinics, clinicsLoading }: Shared & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<CatalogFormValues>();

  const create = useFormMutation({
    form,
    fields: CATALOG_FIELDS,
    invalidate: CATALOG_WRITES,
    mutationFn: (v: CatalogFormValues) =>
      dataOf(
        api.POST('/api/v1/catalog/items', {
          body: {
            code: (v.code ?? '').trim(),
            name: v.name.trim(),
            category: v.category,
            // The form's validator only lets through amounts that convert.
            listPrice: { amount: toMinorUnits(v.listPrice.amount, currency)!, currency },
            durationMinutes: v.durationMinutes,
            entryLevel: v.entryLevel,
            ...clinicChoice(v),
          },
        }),
      ),
    fieldErrorsFor: (problem) => catalogFieldErrors(problem, t, true),
    onClose,
    onSuccess: (item) => message.success(t('catalog.created', { name: item.name })),
  });

  return (
    <FormModal
      open={open}
      title={t('catalog.form.addTitle')}
      submitLabel={t('common.create')}
      submitTestId="catalog-form-submit"
      testId="catalog-form"
      width={640}
      {...create.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ entryLevel: false, allClinics: true, clinicIds: [] }}
        onFinish={(v) => create.mutation.mutate(v)}
        disabled={create.mutation.isPending}
      >
        <CatalogFormFields mode="create" currency={currency} clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}

/** Edits an item with If-Match from the read made when the dialog opened. */
export function EditCatalogItemModal({ itemId, onClose, currency, clinics, clinicsLoading }: Shared & { itemId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<CatalogFormValues>();

  const current = useEditedRecord({
    queryKey: keys.catalogItem(itemId ?? ''),
    enabled: itemId !== null,
    read: () => unwrap(api.GET('/api/v1/catalog/items/{itemId}', { params: { path: { itemId: itemId! } } })),
    form,
    toValues: (item): CatalogFormValues => ({
      code: item.code,
      name: item.name,
      category: item.category,
      listPrice: { amount: toMajorUnits(item.listPrice.amount, item.listPrice.currency) },
      durationMinutes: item.durationMinutes,
      entryLevel: item.entryLevel,
      allClinics: item.allClinics,
      clinicIds: item.clinicIds,
    }),
  });

  const save = useFormMutation({
    form,
    fields: CATALOG_FIELDS,
    invalidate: CATALOG_WRITES,
    mutationFn: (v: CatalogFormValues) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/catalog/items/{itemId}', {
          params: { path: { itemId: itemId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
          body: {
            name: v.name.trim(),
            category: v.category,
            listPrice: { amount: toMinorUnits(v.listPrice.amount, currency)!, currency },
            durationMinutes: v.durationMinutes,
            entryLevel: v.entryLevel,
            ...clinicChoice(v),
          },
        }),
      );
    },
    fieldErrorsFor: (problem) => catalogFieldErrors(problem, t, false),
    onClose,
    onSuccess: () => message.success(t('common.saved')),
  });

  return (
    <FormModal
      open={itemId !== null}
      title={t('catalog.form.editTitle')}
      submitTestId="catalog-form-submit"
      testId="catalog-edit-form"
      errorTestId="catalog-form-error"
      width={640}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <CatalogFormFields mode="edit" currency={currency} clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}
