import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { Locale, Role } from '../../../gql/graphql';
import { languageToLocale, type Language } from '../../../i18n/language';
import { LOCALES, ROLES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { MerchantSelect } from '../../catalog/merchants/MerchantSelect';
import { MemberInviteMutation } from './documents';
import { merchantRequired } from './merchantRule';

interface InviteValues {
  email: string;
  role: Role;
  merchantId?: string;
  locale: Locale;
}

const FIELDS = ['email', 'role', 'merchantId', 'locale'] as const;

/**
 * "Invite member": email, role (a MERCHANT also names its merchant) and the language of the
 * invitation email. A submission carries an idempotency key, so a double click or a retry
 * sends one invitation.
 */
export function InviteForm({ onInvited }: { onInvited(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const role = Form.useWatch('role', form);
  const [{ fetching }, invite] = useMutation(MemberInviteMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const submission = useSubmissionKey();

  const onFinish = async (values: InviteValues) => {
    setFormErrors([]);
    const email = values.email.trim();
    const merchantId = values.role === 'MERCHANT' ? (values.merchantId ?? null) : null;
    const result = await invite({
      input: { email, role: values.role, locale: values.locale, merchantId, idempotencyKey: submission.current() },
    });
    if (result.error) {
      setFormErrors([result.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = result.data?.memberInvite;
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.invitation) {
      submission.reset();
      message.success(t('members.invite.sent', { email }));
      form.resetFields(['email']);
      onInvited();
    }
  };

  return (
    <>
      <FormErrors messages={formErrors} />
      <Form
        form={form}
        name="invite"
        layout="inline"
        initialValues={{ role: 'VIEWER', locale: languageToLocale(i18n.language as Language) }}
        onValuesChange={() => submission.reset()}
        onFinish={(v) => void onFinish(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="email"
          label={t('members.invite.email')}
          rules={[{ required: true, type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" autoComplete="off" data-testid="invite-email" style={{ width: 260 }} />
        </Form.Item>
        {/* No `required` rule on the selects: they start with a value, and antd would put
            aria-required on the select's wrapper div, which axe rejects. */}
        <Form.Item name="role" label={t('members.invite.role')}>
          <Select
            data-testid="invite-role"
            virtual={false}
            style={{ width: 180 }}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            optionRender={(option) => <span data-testid={`role-option-${option.value}`}>{option.label}</span>}
          />
        </Form.Item>
        {role === 'MERCHANT' && (
          <Form.Item
            name="merchantId"
            label={t('members.merchant')}
            // A validator, not `required`, for the same reason as above.
            rules={[merchantRequired(t('members.merchantRequired'))]}
          >
            <MerchantSelect data-testid="invite-merchant" style={{ width: 280 }} />
          </Form.Item>
        )}
        <Form.Item name="locale" label={t('members.invite.locale')}>
          <Select
            data-testid="invite-locale"
            style={{ width: 140 }}
            options={LOCALES.map((locale) => ({ value: locale, label: t(`locale.${locale}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="invite-submit">
            {t('members.invite.submit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
