import { Col, Form, Select, Switch } from 'antd';
import type { Clinic } from '../../api/queries';

/** The form's choice of clinics as the API wants it: a list only when not every clinic. */
export function clinicChoice(v: { allClinics: boolean; clinicIds?: string[] }) {
  return { allClinics: v.allClinics, clinicIds: v.allClinics ? [] : (v.clinicIds ?? []) };
}

/** "Every clinic" or a list of them (`allClinics`, `clinicIds`): where an item is offered, a pack is sold. */
export function ClinicChoiceFields({
  clinics,
  clinicsLoading,
  testIdPrefix,
  allLabel,
  listLabel,
  listRequired,
}: {
  clinics: Clinic[];
  clinicsLoading: boolean;
  /** `-all-clinics` and `-clinics` are appended. */
  testIdPrefix: string;
  allLabel: string;
  listLabel: string;
  listRequired: string;
}) {
  const allClinics = Form.useWatch('allClinics', Form.useFormInstance<{ allClinics: boolean }>());
  return (
    <>
      <Col xs={24} sm={8}>
        <Form.Item name="allClinics" label={allLabel} valuePropName="checked">
          <Switch data-testid={`${testIdPrefix}-all-clinics`} />
        </Form.Item>
      </Col>
      {!allClinics && (
        <Col xs={24} sm={16}>
          <Form.Item name="clinicIds" label={listLabel} rules={[{ required: true, type: 'array', min: 1, message: listRequired }]}>
            <Select<string[]>
              mode="multiple"
              loading={clinicsLoading}
              data-testid={`${testIdPrefix}-clinics`}
              showSearch={{ optionFilterProp: 'label' }}
              options={clinics.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
            />
          </Form.Item>
        </Col>
      )}
    </>
  );
}
