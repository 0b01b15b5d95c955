import { Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import type { FieldPath } from '../../api/formErrors';
import type { Clinic } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { STAFF_ROLES, type StaffRole } from '../../roles';

export interface StaffFormValues {
  username?: string;
  email: string;
  displayName: string;
  phone?: string | null;
  roles: StaffRole[];
  allClinics: boolean;
  clinicIds?: string[];
}

export const STAFF_FIELDS: FieldPath[] = ['username', 'email', 'displayName', 'phone', 'roles', 'allClinics', 'clinicIds'];

const ADMIN: StaffRole = 'tenant-admin';

/**
 * The fields of "invite" and "edit", with the server's rules checked before submit: a chain admin
 * works for every clinic (choosing the role switches "all clinics" on and locks it); otherwise at
 * least one clinic; and an admin editing themself cannot drop their own admin role.
 */
export function StaffFormFields({
  mode,
  clinics,
  clinicsLoading,
  self = false,
}: {
  mode: 'create' | 'edit';
  clinics: Clinic[];
  clinicsLoading: boolean;
  /** The signed-in admin is editing their own record. */
  self?: boolean;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<StaffFormValues>();
  const allClinics = Form.useWatch('allClinics', form);
  const roles = Form.useWatch('roles', form);
  const admin = roles?.includes(ADMIN) ?? false;

  useEffect(() => {
    if (admin && form.getFieldValue('allClinics') !== true) {
      form.setFieldsValue({ allClinics: true });
      void form.validateFields(['allClinics']).catch(() => undefined);
    }
  }, [admin, form]);

  return (
    <>
      <Form.Item
        name="username"
        label={t('staff.form.username')}
        extra={mode === 'create' ? t('staff.form.usernameHint') : undefined}
        rules={
          mode === 'create'
            ? [
                { required: true, message: t('validation.required', { field: t('staff.form.username') }) },
                { pattern: /^[a-z0-9][a-z0-9._-]{2,49}$/, message: t('staff.form.usernameInvalid') },
              ]
            : []
        }
      >
        <Input data-testid="staff-form-username" disabled={mode === 'edit'} maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('staff.form.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('staff.form.displayName') }) },
          { max: 100 },
        ]}
      >
        <Input data-testid="staff-form-display-name" maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('staff.form.email')}
        extra={mode === 'create' ? t('staff.form.emailHint') : undefined}
        rules={[
          { required: true, message: t('validation.required', { field: t('staff.form.email') }) },
          { type: 'email', message: t('staff.form.emailInvalid') },
          { max: 200 },
        ]}
      >
        <Input data-testid="staff-form-email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('staff.form.phone')}
        rules={[{ pattern: /^[0-9+() -]{3,30}$/, message: t('clinics.form.phoneInvalid') }]}
      >
        <Input data-testid="staff-form-phone" maxLength={30} />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('staff.form.roles')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('validation.required', { field: t('staff.form.roles') }) },
          {
            validator: async (_, value?: StaffRole[]) => {
              if (self && !value?.includes(ADMIN)) throw new Error(t('staff.form.keepOwnAdmin'));
            },
          },
        ]}
      >
        <Select<StaffRole[]>
          mode="multiple"
          data-testid="staff-form-roles"
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item
        name="allClinics"
        label={t('staff.form.allClinics')}
        valuePropName="checked"
        extra={admin ? t('staff.form.adminAllClinics') : undefined}
        rules={[
          {
            validator: async (_, value?: boolean) => {
              if (admin && !value) throw new Error(t('staff.form.adminAllClinics'));
            },
          },
        ]}
      >
        <Switch data-testid="staff-form-all-clinics" disabled={admin} />
      </Form.Item>
      {!allClinics && (
        <Form.Item
          name="clinicIds"
          label={t('staff.form.clinics')}
          rules={[{ required: true, type: 'array', min: 1, message: t('staff.form.clinicsRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            loading={clinicsLoading}
            data-testid="staff-form-clinics"
            showSearch={{ optionFilterProp: 'label' }}
            options={clinics.map((c) => ({
              value: c.id,
              label: c.active ? `${c.name} (${c.code})` : `${c.name} (${c.code}) · ${t('clinics.status.closed')}`,
            }))}
          />
        </Form.Item>
      )}
    </>
  );
}
