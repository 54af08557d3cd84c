import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { Scope } from '../../../gql/graphql';
import { MERCHANT_SCOPES, SCOPES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { MerchantSelect } from '../../catalog/merchants/MerchantSelect';
import { ApiClientCreateMutation } from './documents';
import type { IssuedSecret } from './SecretModal';

interface Values {
  name: string;
  merchantId?: string;
  scopes: Scope[];
}

const FIELDS = ['name', 'merchantId', 'scopes'] as const;

interface Props {
  open: boolean;
  onCancel(): void;
  onCreated(secret: IssuedSecret): void;
}

/**
 * The create form; the secret comes back once, in the payload. A client bound to a merchant
 * is offered only the scopes that concern one merchant. A submission carries an idempotency
 * key, so a double click or a retry creates one client (and returns its secret again).
 */
export function CreateApiClientModal({ open, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const merchantId = Form.useWatch('merchantId', form);
  const [{ fetching }, create] = useMutation(ApiClientCreateMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const submission = useSubmissionKey();
  const offered = merchantId ? SCOPES.filter((s) => MERCHANT_SCOPES.includes(s)) : SCOPES;

  const submit = async (values: Values) => {
    setFormErrors([]);
    const result = await create({
      input: {
        name: values.name.trim(),
        scopes: values.scopes,
        merchantId: values.merchantId ?? null,
        idempotencyKey: submission.current(),
      },
    });
    if (result.error) {
      setFormErrors([result.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = result.data?.apiClientCreate;
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.apiClient && payload.clientSecret) {
      submission.reset();
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
      <Form
        form={form}
        name="apiClient"
        layout="vertical"
        onValuesChange={(changed: Partial<Values>) => {
          submission.reset();
          // Bound to a merchant: drop the scopes such a client may not hold.
          if ('merchantId' in changed && changed.merchantId) {
            const scopes = form.getFieldValue('scopes') as Scope[] | undefined;
            if (scopes) form.setFieldValue('scopes', scopes.filter((s) => MERCHANT_SCOPES.includes(s)));
          }
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('apiClients.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input data-testid="api-client-name" />
        </Form.Item>
        <Form.Item name="merchantId" label={t('apiClients.merchant')} extra={t('apiClients.merchantHelp')}>
          <MerchantSelect data-testid="api-client-merchant" allowClear />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('apiClients.scopes')}
          extra={merchantId ? t('apiClients.merchantScopesHelp') : undefined}
          // A validator, not `required`: antd would set aria-required on the select's wrapper div (an axe violation).
          rules={[
            {
              validator: (_, v?: Scope[]) =>
                v?.length ? Promise.resolve() : Promise.reject(new Error(t('validation.required'))),
            },
          ]}
        >
          <Select
            mode="multiple"
            data-testid="api-client-scopes"
            options={offered.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
