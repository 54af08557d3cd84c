import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../../../auth/useAuth';
import { serverMessage } from '../../../graphql/errors';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { PublicCard } from '../../../layout/PublicCard';

interface LoginValues {
  email: string;
  password: string;
  tenantSlug: string;
}

const LAST_TENANT_KEY = 'silkport.lastTenantSlug';
const FIELDS = ['email', 'password', 'tenantSlug'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { status, login } = useAuth();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // EMAIL_UNCONFIRMED: the password was right, the address is not confirmed yet (a new link is mailed).
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);

  if (status === 'ready') {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setFormErrors([]);
    setUnconfirmed(null);
    try {
      const tenantSlug = values.tenantSlug.trim();
      const answer = await login({ email: values.email.trim(), password: values.password, tenantSlug });
      // Not a fault of the email field: said above the form, as what to do next.
      const pending = answer.filter((e) => e.code === 'EMAIL_UNCONFIRMED');
      const errors = answer.filter((e) => e.code !== 'EMAIL_UNCONFIRMED');
      setUnconfirmed(pending.length > 0 ? pending.map((e) => e.message).join(' ') : null);
      const split = splitUserErrors(errors, FIELDS);
      form.setFields(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (answer.length === 0) localStorage.setItem(LAST_TENANT_KEY, tenantSlug);
    } catch (error) {
      setFormErrors([serverMessage(error) ?? t('common.networkError')]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicCard title={t('login.title')}>
      {unconfirmed && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="login-unconfirmed"
          message={unconfirmed}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormErrors messages={formErrors} />
      <Form
        form={form}
        name="login"
        layout="vertical"
        requiredMark={false}
        initialValues={{ tenantSlug: localStorage.getItem(LAST_TENANT_KEY) ?? '' }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, type: 'email', message: t('validation.email') }]}
        >
          <Input autoComplete="username" data-testid="login-email" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Form.Item
          name="tenantSlug"
          label={t('login.tenantSlug')}
          extra={t('login.tenantSlugHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoComplete="organization" data-testid="login-tenant" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8, textAlign: 'center' }}>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
        <span>
          {t('login.newHere')}{' '}
          <Link to="/signup" data-testid="login-to-signup" style={{ textDecoration: 'underline' }}>
            {t('login.signUp')}
          </Link>
        </span>
      </div>
    </PublicCard>
  );
}
