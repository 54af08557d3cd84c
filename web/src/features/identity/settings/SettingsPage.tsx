import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../../auth/useAuth';
import type { Locale, Module } from '../../../gql/graphql';
import { LOCALES, MODULES } from '../../../lib/enums';
import { FormErrors } from '../../../lib/FormErrors';
import { QueryError } from '../../../lib/QueryError';
import { timeZoneNames } from '../../../lib/timeZones';
import { splitUserErrors } from '../../../lib/userErrors';
import { TenantQuery, TenantUpdateMutation } from './documents';

interface Values {
  name: string;
  modules: Module[];
  defaultLocale: Locale;
  timezone: string;
}

const FIELDS = ['name', 'modules', 'defaultLocale', 'timezone'] as const;

/** Tenant name, enabled modules, default locale and the time zone its schedules run in. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reloadViewer } = useAuth();
  const [form] = Form.useForm<Values>();
  const [tenant, refetch] = useQuery({ query: TenantQuery, requestPolicy: 'network-only' });
  const [{ fetching }, update] = useMutation(TenantUpdateMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const onFinish = async (values: Values) => {
    setFormErrors([]);
    const r = await update({ input: { ...values, name: values.name.trim() } });
    if (r.error) {
      setFormErrors([r.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = r.data?.tenantUpdate;
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.tenant) {
      message.success(t('settings.saved'));
      await reloadViewer(); // the menu follows the enabled modules
    }
  };

  const data = tenant.data?.tenant;
  const zones = useMemo(() => timeZoneNames([data?.timezone]).map((zone) => ({ value: zone, label: zone })), [data?.timezone]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('settings.title')}
      </Typography.Title>
      <QueryError error={tenant.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!data ? (
        tenant.fetching && <Spin aria-label={t('common.loading')} />
      ) : (
        <Card style={{ maxWidth: 640 }}>
          <FormErrors messages={formErrors} />
          <Form<Values>
            form={form}
            name="settings"
            layout="vertical"
            initialValues={{ name: data.name, modules: data.modules, defaultLocale: data.defaultLocale, timezone: data.timezone }}
            onFinish={(v) => void onFinish(v)}
          >
            <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input data-testid="settings-name" />
            </Form.Item>
            <Form.Item name="modules" label={t('settings.modules')}>
              <Checkbox.Group options={MODULES.map((m) => ({ value: m, label: t(`module.${m}`) }))} />
            </Form.Item>
            <Form.Item name="defaultLocale" label={t('settings.defaultLocale')}>
              <Radio.Group options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} />
            </Form.Item>
            {/* No `required` rule: it starts with a value, and antd would put aria-required on the select's wrapper div (an axe violation). */}
            <Form.Item name="timezone" label={t('settings.timezone')} extra={t('settings.timezoneHelp')}>
              <Select data-testid="settings-timezone" showSearch optionFilterProp="label" options={zones} style={{ maxWidth: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={fetching} data-testid="settings-submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
