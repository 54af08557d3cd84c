import { MailOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useAuth } from '../../../auth/useAuth';
import type { Locale } from '../../../gql/graphql';
import { serverMessage } from '../../../graphql/errors';
import { languageToLocale, type Language } from '../../../i18n/language';
import { LOCALES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { timeZoneNames } from '../../../lib/timeZones';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { splitUserErrors } from '../../../lib/userErrors';
import { PublicCard } from '../../../layout/PublicCard';

interface Values {
  tenantName: string;
  tenantSlug: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
  locale: Locale;
  timezone?: string;
}

const FIELDS = ['tenantName', 'tenantSlug', 'name', 'email', 'password', 'locale', 'timezone'] as const;

/** The zone the server picks when none is chosen. */
const defaultZone = (locale: Locale | undefined) => (locale === 'ZH_CN' ? 'Asia/Shanghai' : 'UTC');

/**
 * Self-serve sign-up: a new tenant with the visitor as its owner. The server answers "check
 * your mail" alike for a new address and for one that has an account (the mail says which),
 * so the page never tells them apart. Only an existing, confirmed account's own password signs
 * in at once.
 */
export function SignupPage() {
  const { t, i18n } = useTranslation();
  const { status, signUp } = useAuth();
  const [form] = Form.useForm<Values>();
  const submission = useSubmissionKey();
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [mailSent, setMailSent] = useState(false);
  const [signedIn, setSignedIn] = useState(false);
  const portalLocale = languageToLocale(i18n.language as Language);
  const locale = Form.useWatch('locale', form) ?? portalLocale;
  const zones = useMemo(() => timeZoneNames().map((zone) => ({ value: zone, label: zone })), []);

  // The mail's language follows the portal's until the visitor picks one.
  useEffect(() => {
    if (!form.isFieldTouched('locale')) form.setFieldValue('locale', portalLocale);
  }, [form, portalLocale]);

  if (signedIn && status === 'ready') return <Navigate to="/" replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setFormErrors([]);
    try {
      const answer = await signUp({
        tenantName: values.tenantName.trim(),
        tenantSlug: values.tenantSlug.trim(),
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: values.locale,
        ...(values.timezone ? { timezone: values.timezone } : {}),
        idempotencyKey: submission.current(),
      });
      const split = splitUserErrors(answer.userErrors, FIELDS);
      form.setFields(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (answer.userErrors.length > 0) return;
      submission.reset();
      if (answer.mailSent) setMailSent(true);
      else setSignedIn(true);
    } catch (error) {
      setFormErrors([serverMessage(error) ?? t('common.networkError')]);
    } finally {
      setBusy(false);
    }
  };

  const signInLink = (
    <Link to="/login" data-testid="signup-to-login" style={{ textDecoration: 'underline' }}>
      {t('signup.toLogin')}
    </Link>
  );
  return (
    <PublicCard title={t('signup.title')}>
      {mailSent ? (
        <div role="status" data-testid="signup-mail-sent">
          <Result
            icon={<MailOutlined aria-hidden />}
            title={t('signup.mailSentTitle')}
            subTitle={t('signup.mailSent')}
            extra={signInLink}
            style={{ padding: '16px 0' }}
          />
        </div>
      ) : (
        <>
          <Typography.Paragraph>{t('signup.intro')}</Typography.Paragraph>
          <FormErrors messages={formErrors} />
          <Form<Values>
            form={form}
            name="signup"
            layout="vertical"
            requiredMark={false}
            initialValues={{ locale: portalLocale }}
            onValuesChange={() => submission.reset()}
            onFinish={(v) => void onFinish(v)}
          >
            <Form.Item name="tenantName" label={t('signup.tenantName')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input autoComplete="organization" data-testid="signup-tenant-name" />
            </Form.Item>
            <Form.Item
              name="tenantSlug"
              label={t('signup.tenantSlug')}
              extra={t('signup.tenantSlugHelp')}
              normalize={(value: string) => value.toLowerCase()}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} data-testid="signup-tenant-slug" />
            </Form.Item>
            <Form.Item name="name" label={t('signup.name')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input autoComplete="name" data-testid="signup-name" />
            </Form.Item>
            <Form.Item name="email" label={t('signup.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}>
              <Input type="email" autoComplete="email" data-testid="signup-email" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signup.password')}
              extra={t('signup.passwordHelp')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="signup-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('signup.confirm')}
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
              <Input.Password autoComplete="new-password" data-testid="signup-confirm" />
            </Form.Item>
            <Form.Item name="locale" label={t('signup.locale')} extra={t('signup.localeHelp')}>
              <Radio.Group>
                {LOCALES.map((l) => (
                  <Radio key={l} value={l} data-testid={`signup-locale-${l}`}>
                    {t(`locale.${l}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="timezone" label={t('signup.timezone')} extra={t('signup.timezoneHelp', { zone: defaultZone(locale) })}>
              <Select
                data-testid="signup-timezone"
                allowClear
                showSearch
                optionFilterProp="label"
                options={zones}
                placeholder={defaultZone(locale)}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="signup-submit">
              {t('signup.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            {t('signup.haveAccount')} {signInLink}
          </div>
        </>
      )}
    </PublicCard>
  );
}
