import { Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { PasswordResetRequestMutation } from './documents';
import { languageToLocale, type Language } from '../../../i18n/language';
import { FormErrors } from '../../../lib/FormErrors';
import { PublicCard } from '../../../layout/PublicCard';

/** Asks for a reset email, sent in the current UI language. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const [{ fetching }, request] = useMutation(PasswordResetRequestMutation);
  const [sent, setSent] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const onFinish = async ({ email }: { email: string }) => {
    setFormErrors([]);
    const r = await request({ input: { email: email.trim(), locale: languageToLocale(i18n.language as Language) } });
    const errors = r.data?.passwordResetRequest.userErrors ?? [];
    if (r.error) setFormErrors([t('common.networkError')]);
    else if (errors.length > 0) setFormErrors(errors.map((e) => e.message));
    else setSent(true);
  };

  return (
    <PublicCard title={t('password.forgotTitle')}>
      {sent ? (
        <Result status="success" title={t('password.sent')} extra={<Link to="/login">{t('password.backToLogin')}</Link>} />
      ) : (
        <>
          <FormErrors messages={formErrors} />
          <Form name="forgot" layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, type: 'email', message: t('validation.email') }]}
            >
              <Input autoComplete="username" data-testid="forgot-email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={fetching} data-testid="forgot-submit">
              {t('password.sendLink')}
            </Button>
          </Form>
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/login">{t('password.backToLogin')}</Link>
          </div>
        </>
      )}
    </PublicCard>
  );
}
