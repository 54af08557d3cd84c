import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../auth/useAuth';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { PublicCard } from '../../../layout/PublicCard';

interface Values {
  name: string;
  password: string;
}

const FIELDS = ['name', 'password'] as const;

/** Target of the link in an invitation email: `/accept-invite?token=…`. */
export function AcceptInvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, acceptInvitation } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [accepted, setAccepted] = useState(false);

  if (accepted && status === 'ready') return <Navigate to="/" replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setFormErrors([]);
    try {
      const errors = await acceptInvitation({ token, name: values.name.trim(), password: values.password });
      const split = splitUserErrors(errors, FIELDS);
      form.setFields(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (errors.length === 0) setAccepted(true);
    } catch {
      setFormErrors([t('common.networkError')]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicCard title={t('acceptInvite.title')}>
      {!token ? (
        <Alert type="error" showIcon message={t('acceptInvite.noToken')} />
      ) : (
        <>
          <Typography.Paragraph>{t('acceptInvite.intro')}</Typography.Paragraph>
          <FormErrors messages={formErrors} />
          <Form form={form} name="acceptInvite" layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
            <Form.Item name="name" label={t('acceptInvite.name')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input autoComplete="name" data-testid="accept-name" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('acceptInvite.password')}
              extra={t('acceptInvite.passwordHelp')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="accept-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="accept-submit">
              {t('acceptInvite.submit')}
            </Button>
          </Form>
        </>
      )}
    </PublicCard>
  );
}
