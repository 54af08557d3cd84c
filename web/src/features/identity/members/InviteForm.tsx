import { Alert, App, Button, Form, Grid, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { Locale, Role } from '../../../gql/graphql';
import { languageToLocale, type Language } from '../../../i18n/language';
import { LOCALES, ROLES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { MerchantSelect } from '../../catalog/merchants/MerchantSelect';
import { InvitationResendMutation, MemberInviteMutation } from './documents';
import { merchantRequired } from './merchantRule';

interface InviteValues {
  email: string;
  role: Role;
  merchantId?: string;
  locale: Locale;
}

const FIELDS = ['email', 'role', 'merchantId', 'locale'] as const;

/** Someone who already has a pending invitation: offered a resend instead. */
interface AlreadyInvited {
  email: string;
  invitationId: string;
}

/**
 * "Invite member": email, role (a MERCHANT also names its merchant) and the language of the
 * invitation email. A submission carries an idempotency key, so a double click or a retry
 * sends one invitation. Someone already invited is not invited twice: the form offers to
 * resend their pending invitation instead.
 */
export function InviteForm({ onInvited }: { onInvited(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [form] = Form.useForm<InviteValues>();
  const role = Form.useWatch('role', form);
  const [{ fetching }, invite] = useMutation(MemberInviteMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [alreadyInvited, setAlreadyInvited] = useState<AlreadyInvited | null>(null);
  const [resending, resend] = useMutation(InvitationResendMutation);
  const submission = useSubmissionKey();
  // On a phone the fields stack, each as wide as the card.
  const narrow = !Grid.useBreakpoint().md;
  const width = (px: number) => (narrow ? '100%' : px);

  const onResend = async ({ email, invitationId }: AlreadyInvited) => {
    const result = await resend({ input: { id: invitationId } });
    const errors = result.data?.invitationResend.userErrors ?? [];
    if (result.error || errors.length > 0) {
      setFormErrors(result.error ? [t('common.networkError')] : errors.map((e) => e.message));
      return;
    }
    setAlreadyInvited(null);
    message.success(t('members.invitation.resent', { email }));
    form.resetFields(['email']);
    onInvited();
  };

  const onFinish = async (values: InviteValues) => {
    setFormErrors([]);
    setAlreadyInvited(null);
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
    const pending = payload?.userErrors.find((e) => e.code === 'ALREADY_INVITED' && e.subjectId);
    if (pending?.subjectId) {
      submission.reset();
      setAlreadyInvited({ email, invitationId: pending.subjectId });
      return;
    }
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
      {alreadyInvited && (
        <Alert
          type="info"
          showIcon
          data-testid="invite-already-invited"
          style={{ marginBottom: 16 }}
          message={t('members.invite.alreadyInvited', { email: alreadyInvited.email })}
          action={
            <Button
              size="small"
              type="primary"
              data-testid="invite-resend"
              loading={resending.fetching}
              onClick={() => void onResend(alreadyInvited)}
            >
              {t('members.invitation.resend')}
            </Button>
          }
        />
      )}
      <Form
        form={form}
        name="invite"
        layout={narrow ? 'vertical' : 'inline'}
        initialValues={{ role: 'VIEWER', locale: languageToLocale(i18n.language as Language) }}
        onValuesChange={() => {
          submission.reset();
          setAlreadyInvited(null);
        }}
        onFinish={(v) => void onFinish(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="email"
          label={t('members.invite.email')}
          rules={[{ required: true, type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" autoComplete="off" data-testid="invite-email" style={{ width: width(260) }} />
        </Form.Item>
        {/* No `required` rule on the selects: they start with a value, and antd would put
            aria-required on the select's wrapper div, which axe rejects. */}
        <Form.Item name="role" label={t('members.invite.role')}>
          <Select
            data-testid="invite-role"
            virtual={false}
            style={{ width: width(180) }}
            // Only an owner may invite an owner (the server refuses anyone else).
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`), disabled: r === 'OWNER' && viewer.role !== 'OWNER' }))}
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
            <MerchantSelect data-testid="invite-merchant" style={{ width: width(280) }} />
          </Form.Item>
        )}
        <Form.Item name="locale" label={t('members.invite.locale')}>
          <Select
            data-testid="invite-locale"
            style={{ width: width(140) }}
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
