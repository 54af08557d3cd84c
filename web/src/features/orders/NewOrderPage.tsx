import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useViewer } from '../../auth/useAuth';
import { FormErrors } from '../../lib/FormErrors';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { MerchantSelect } from '../catalog/merchants/MerchantSelect';
import { OrderCreateMutation } from './documents';
import { COUNTRIES, countryName, orderFieldPath } from './order';

interface Values {
  merchantId?: string;
  reference: string;
  serviceLevel?: string;
  note?: string;
  shipTo: {
    name: string;
    company?: string;
    line1: string;
    line2?: string;
    city?: string;
    region?: string;
    postalCode?: string;
    countryCode: string;
    phone?: string;
    email?: string;
  };
  lines: { skuCode: string; quantity: number }[];
}

const blank = (s: string | undefined) => s?.trim() || null;

/**
 * A new order by hand: merchant, reference, ship-to (checked against the destination
 * country's address rules by the server) and lines by SKU code. A double click or a retry
 * sends the same idempotency key, so the order is made once.
 */
export function NewOrderPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const key = useSubmissionKey();
  const [{ fetching }, create] = useMutation(OrderCreateMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const merchantBound = viewer.role === 'MERCHANT';
  const required = [{ required: true, message: t('validation.required') }];
  const countries = useMemo(
    () =>
      COUNTRIES.map((code) => ({ value: code, label: `${countryName(code, i18n.language)} (${code})` })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.language),
      ),
    [i18n.language],
  );

  const submit = async (v: Values) => {
    setErrors([]);
    const answer = await create({
      input: {
        merchantId: merchantBound ? null : (v.merchantId ?? null),
        reference: v.reference.trim(),
        serviceLevel: blank(v.serviceLevel),
        note: blank(v.note),
        idempotencyKey: key.current(),
        shipTo: {
          name: v.shipTo.name.trim(),
          company: blank(v.shipTo.company),
          line1: v.shipTo.line1.trim(),
          line2: blank(v.shipTo.line2),
          city: blank(v.shipTo.city),
          region: blank(v.shipTo.region),
          postalCode: blank(v.shipTo.postalCode),
          countryCode: v.shipTo.countryCode,
          phone: blank(v.shipTo.phone),
          email: blank(v.shipTo.email),
        },
        lines: v.lines.map((l) => ({ skuCode: l.skuCode.trim(), quantity: l.quantity })),
      },
    });
    if (answer.error) {
      setErrors([answer.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = answer.data?.orderCreate;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      const above: string[] = [];
      for (const e of userErrors) {
        const name = orderFieldPath(e.field);
        if (name) fields.push({ name, errors: [e.message] });
        else above.push(e.message);
      }
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setErrors(above);
      return;
    }
    key.reset();
    if (payload?.order) navigate(`/orders/${encodeURIComponent(payload.order.id)}`);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Link to="/orders">{t('orders.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('orders.form.title')}
      </Typography.Title>
      <FormErrors messages={errors} />
      <Form<Values>
        form={form}
        name="order"
        layout="vertical"
        initialValues={{ lines: [{ skuCode: '', quantity: 1 }], shipTo: { countryCode: 'US' } }}
        onValuesChange={() => key.reset()}
        onFinish={(v) => void submit(v)}
      >
        <Card title={t('orders.form.order')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {!merchantBound && (
              <Col xs={24} md={12}>
                <Form.Item name="merchantId" label={t('orders.merchant')} rules={required}>
                  <MerchantSelect data-testid="order-merchant" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="reference" label={t('orders.reference')} extra={t('orders.form.referenceHelp')} rules={required}>
                <Input data-testid="order-reference" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="serviceLevel" label={t('orders.serviceLevel')}>
                <Input data-testid="order-service-level" placeholder="standard" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="note" label={t('orders.note')}>
                <Input data-testid="order-note" maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('orders.shipTo')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'countryCode']} label={t('orders.form.country')} rules={required}>
                <Select
                  data-testid="ship-country"
                  showSearch
                  optionFilterProp="label"
                  virtual={false}
                  options={countries}
                  optionRender={(o) => <span data-testid={`country-option-${o.value}`}>{o.label}</span>}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'name']} label={t('orders.form.name')} rules={required}>
                <Input data-testid="ship-name" autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'company']} label={t('orders.form.company')}>
                <Input data-testid="ship-company" autoComplete="organization" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'line1']} label={t('orders.form.line1')} rules={required}>
                <Input data-testid="ship-line1" autoComplete="address-line1" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'line2']} label={t('orders.form.line2')}>
                <Input data-testid="ship-line2" autoComplete="address-line2" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'city']} label={t('orders.form.city')}>
                <Input data-testid="ship-city" autoComplete="address-level2" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'region']} label={t('orders.form.region')} extra={t('orders.form.regionHelp')}>
                <Input data-testid="ship-region" autoComplete="address-level1" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'postalCode']} label={t('orders.form.postalCode')}>
                <Input data-testid="ship-postal" autoComplete="postal-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'phone']} label={t('orders.form.phone')}>
                <Input data-testid="ship-phone" autoComplete="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['shipTo', 'email']} label={t('orders.form.email')}>
                <Input data-testid="ship-email" autoComplete="email" type="email" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('orders.lines.heading')} size="small" style={{ marginBottom: 16 }}>
          <Form.List name="lines">
            {(items, { add, remove }) => (
              <>
                {items.map((item, index) => (
                  <Row key={item.key} gutter={12} align="top" wrap>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[item.name, 'skuCode']} label={t('orders.form.skuCode', { n: index + 1 })} rules={required}>
                        <Input data-testid={`line-sku-${index}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={14} sm={6}>
                      <Form.Item name={[item.name, 'quantity']} label={t('orders.lines.quantity')} rules={required}>
                        <InputNumber data-testid={`line-qty-${index}`} min={1} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={6} style={{ paddingTop: 30 }}>
                      {items.length > 1 && (
                        <Button onClick={() => remove(item.name)} data-testid={`line-remove-${index}`}>
                          {t('orders.form.removeLine')}
                        </Button>
                      )}
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" onClick={() => add({ skuCode: '', quantity: 1 })} data-testid="order-add-line">
                  {t('orders.form.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="submit" id="order-submit" data-testid="order-submit" loading={fetching}>
          {t('orders.form.submit')}
        </Button>
      </Form>
    </Space>
  );
}
