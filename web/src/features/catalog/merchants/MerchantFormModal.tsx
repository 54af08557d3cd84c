import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { MerchantsQuery } from '../../../gql/graphql';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { currencyCodes, currencyLabel, DEFAULT_CURRENCY } from './currencies';
import { MerchantCreateMutation, MerchantUpdateMutation } from './documents';

export type Merchant = MerchantsQuery['merchants']['nodes'][number];

interface Values {
  code: string;
  name: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  defaultCurrency: string;
}

const FIELDS = ['code', 'name', 'contactName', 'contactEmail', 'contactPhone', 'defaultCurrency'] as const;

interface Props {
  /** The merchant to edit; null for a new one. Mount the modal afresh for each (a `key`). */
  merchant: Merchant | null;
  onCancel(): void;
  onSaved(merchant: Merchant): void;
}

/** "New merchant" (merchantCreate) or "Edit merchant" (merchantUpdate; the code stays). */
export function MerchantFormModal({ merchant, onCancel, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [created, create] = useMutation(MerchantCreateMutation);
  const [updated, update] = useMutation(MerchantUpdateMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const submission = useSubmissionKey();
  const editing = merchant !== null;

  const submit = async (values: Values) => {
    setFormErrors([]);
    const text = (v: string | undefined) => v?.trim() ?? '';
    const fields = {
      name: values.name.trim(),
      contactName: text(values.contactName),
      contactEmail: text(values.contactEmail),
      contactPhone: text(values.contactPhone),
      defaultCurrency: values.defaultCurrency,
    };
    const result = editing
      ? await update({ input: { id: merchant.id, ...fields } }) // an empty contact clears it
      : await create({
          input: {
            code: values.code.trim(),
            ...fields,
            contactName: fields.contactName || null,
            contactEmail: fields.contactEmail || null,
            contactPhone: fields.contactPhone || null,
            idempotencyKey: submission.current(),
          },
        });
    if (result.error) {
      setFormErrors([result.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const data = result.data;
    const payload = data && ('merchantCreate' in data ? data.merchantCreate : 'merchantUpdate' in data ? data.merchantUpdate : null);
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.merchant) {
      submission.reset();
      message.success(t(editing ? 'merchants.saved' : 'merchants.created', { code: payload.merchant.code }));
      onSaved(payload.merchant);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('merchants.editTitle', { code: merchant.code }) : t('merchants.createTitle')}
      okText={editing ? t('common.save') : t('merchants.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: created.fetching || updated.fetching, id: 'merchant-submit' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <FormErrors messages={formErrors} />
      <Form<Values>
        form={form}
        name="merchant"
        layout="vertical"
        initialValues={{
          code: merchant?.code ?? '',
          name: merchant?.name ?? '',
          contactName: merchant?.contactName ?? '',
          contactEmail: merchant?.contactEmail ?? '',
          contactPhone: merchant?.contactPhone ?? '',
          defaultCurrency: merchant?.defaultCurrency ?? DEFAULT_CURRENCY,
        }}
        onValuesChange={() => submission.reset()}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="code"
          label={t('merchants.code')}
          extra={editing ? undefined : t('merchants.codeHelp')}
          rules={[{ required: !editing, whitespace: true, message: t('validation.required') }]}
        >
          <Input data-testid="merchant-code" disabled={editing} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('merchants.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input data-testid="merchant-name" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="contactName" label={t('merchants.contactName')}>
          <Input data-testid="merchant-contact-name" maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('merchants.contactEmail')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" data-testid="merchant-contact-email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('merchants.contactPhone')}>
          <Input type="tel" data-testid="merchant-contact-phone" maxLength={40} autoComplete="off" />
        </Form.Item>
        {/* No `required` rule: it starts with a value, and antd would put aria-required on the select's wrapper div (an axe violation). */}
        <Form.Item name="defaultCurrency" label={t('merchants.defaultCurrency')} extra={t('merchants.defaultCurrencyHelp')}>
          <Select
            data-testid="merchant-currency"
            showSearch
            optionFilterProp="label"
            options={currencyCodes(merchant?.defaultCurrency).map((code) => ({
              value: code,
              label: currencyLabel(code, i18n.language),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
