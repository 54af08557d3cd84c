import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../../../auth/useAuth';
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

  if (status === 'ready') {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setFormErrors([]);
    try {
      const tenantSlug = values.tenantSlug.trim();
      const errors = await login({ email: values.email.trim(), password: values.password, tenantSlug });
      const split = splitUserErrors(errors, FIELDS);
      form.setFields(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (errors.length === 0) localStorage.setItem(LAST_TENANT_KEY, tenantSlug);
    } catch {
      setFormErrors([t('common.networkError')]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicCard title={t('login.title')}>
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
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </div>
    </PublicCard>
  );
}
