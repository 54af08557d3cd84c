import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { Scope } from '../../../gql/graphql';
import { SCOPES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { ApiClientCreateMutation } from './documents';
import type { IssuedSecret } from './SecretModal';

interface Values {
  name: string;
  scopes: Scope[];
  merchantId?: string;
}

const FIELDS = ['name', 'scopes', 'merchantId'] as const;

interface Props {
  open: boolean;
  onCancel(): void;
  onCreated(secret: IssuedSecret): void;
}

/** The create form; the secret comes back once, in the payload. */
export function CreateApiClientModal({ open, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, create] = useMutation(ApiClientCreateMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const submit = async (values: Values) => {
    setFormErrors([]);
    const merchantId = values.merchantId?.trim() || null;
    const result = await create({ input: { name: values.name.trim(), scopes: values.scopes, merchantId } });
    if (result.error) {
      setFormErrors([result.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = result.data?.apiClientCreate;
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.apiClient && payload.clientSecret) {
      form.resetFields();
      onCreated({ name: payload.apiClient.name, clientId: payload.apiClient.clientId, clientSecret: payload.clientSecret });
    }
  };

  return (
    <Modal
      open={open}
      title={t('apiClients.createTitle')}
      okText={t('apiClients.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: fetching, id: 'api-client-submit' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <FormErrors messages={formErrors} />
      <Form form={form} name="apiClient" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('apiClients.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input data-testid="api-client-name" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('apiClients.scopes')}
          // A validator, not `required`: antd would set aria-required on the select's wrapper div (an axe violation).
          rules={[{ validator: (_, v?: Scope[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('validation.required')))) }]}
        >
          <Select
            mode="multiple"
            data-testid="api-client-scopes"
            options={SCOPES.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }))}
          />
        </Form.Item>
        <Form.Item name="merchantId" label={t('apiClients.merchantId')} extra={t('apiClients.merchantIdHelp')}>
          <Input data-testid="api-client-merchant" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
