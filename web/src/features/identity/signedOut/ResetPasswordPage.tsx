import { Alert, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { PasswordResetMutation } from './documents';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { PublicCard } from '../../../layout/PublicCard';

interface Values {
  password: string;
  confirm: string;
}

/** Target of the link in a password reset email: `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const [{ fetching }, reset] = useMutation(PasswordResetMutation);
  const [done, setDone] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const onFinish = async ({ password }: Values) => {
    setFormErrors([]);
    const r = await reset({ input: { token, password } });
    if (r.error) {
      setFormErrors([t('common.networkError')]);
      return;
    }
    const errors = r.data?.passwordReset.userErrors ?? [];
    const split = splitUserErrors(errors, ['password'] as const);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (errors.length === 0) setDone(true);
  };

  const backToLogin = <Link to="/login">{t('password.backToLogin')}</Link>;
  return (
    <PublicCard title={t('password.resetTitle')}>
      {!token ? (
        <Alert type="error" showIcon message={t('password.noToken')} />
      ) : done ? (
        <Result status="success" title={t('password.changed')} extra={backToLogin} />
      ) : (
        <>
          <FormErrors messages={formErrors} />
          <Form form={form} name="reset" layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
            <Form.Item name="password" label={t('password.new')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input.Password autoComplete="new-password" data-testid="reset-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('password.confirm')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('password.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="reset-confirm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={fetching} data-testid="reset-submit">
              {t('password.save')}
            </Button>
          </Form>
        </>
      )}
    </PublicCard>
  );
}
