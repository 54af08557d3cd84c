import { Alert, Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import { serverMessage } from '../../graphql/errors';
import type { ReturnOrderQuery as Result } from '../../gql/graphql';
import { FormErrors } from '../../lib/FormErrors';
import { QueryError } from '../../lib/QueryError';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { ReturnCreateMutation, ReturnOrderQuery } from './documents';
import { OrderSelect, returnPath } from './parts';
import { RETURNABLE, returnable, returnLines } from './rma';

type Order = Extract<NonNullable<Result['node']>, { __typename?: 'Order' }>;
type Line = Order['lines'][number];

/**
 * A new return (RMA) against a shipped or delivered order: the units of each of its lines
 * coming back (at most what it shipped less earlier returns) and why. A merchant user picks
 * among its own orders only. `?orderId=` opens it for one order.
 */
export function NewReturnPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const [orderId, setOrderId] = useState<string | null>(params.get('orderId'));
  const [units, setUnits] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const submission = useSubmissionKey();
  const [{ fetching }, create] = useMutation(ReturnCreateMutation);
  const [result, refetch] = useQuery({ query: ReturnOrderQuery, variables: { id: orderId ?? '' }, pause: !orderId, requestPolicy: 'network-only' });
  const order = result.data?.node?.__typename === 'Order' ? (result.data.node as Order) : undefined;
  const left = order ? returnable(order.lines, result.data?.returns.nodes ?? []) : {};
  const shipped = !!order && (RETURNABLE as readonly string[]).includes(order.status);
  const lines = returnLines(units);

  const changed = () => {
    submission.reset();
    setErrors([]);
  };

  const submit = async () => {
    if (!order) return;
    const answer = await create({
      input: { orderId: order.id, reason: reason.trim() || null, lines, idempotencyKey: submission.current() },
    });
    if (answer.error) {
      setErrors([serverMessage(answer.error) ?? t('common.networkError')]);
      return;
    }
    const payload = answer.data?.returnCreate;
    if (payload?.userErrors.length) {
      const skuOf = (field: readonly string[] | null | undefined) => {
        const index = field?.[field.indexOf('lines') + 1];
        return index !== undefined && /^\d+$/.test(index) ? lines[Number(index)]?.skuId : undefined;
      };
      setErrors(
        payload.userErrors.map((e) => {
          const sku = order.lines.find((l) => l.sku?.id === skuOf(e.field))?.sku?.code;
          return sku ? `${sku}: ${e.message}` : e.message;
        }),
      );
      return;
    }
    submission.reset();
    if (payload?.return) navigate(returnPath(payload.return.id));
  };

  if (!viewer.scopes.includes('RETURNS_WRITE')) return <Alert type="info" message={t('returns.create.cannot')} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
      <Link to="/returns">{t('returns.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('returns.new')}
      </Typography.Title>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('returns.order')} htmlFor="return-order" extra={t('returns.create.orderHelp')}>
          <OrderSelect
            id="return-order"
            data-testid="return-order"
            statuses={RETURNABLE}
            value={orderId}
            onChange={(id) => {
              setOrderId(id ?? null);
              setUnits({});
              changed();
            }}
            style={{ width: '100%', maxWidth: 400 }}
          />
        </Form.Item>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {order && !shipped && <Alert type="warning" showIcon role="alert" message={t('returns.create.notShipped', { reference: order.reference })} style={{ marginBottom: 16 }} />}
        {order && shipped && (
          <>
            <Table<Line>
              data-testid="return-lines-input"
              rowKey={(l) => l.sku?.id ?? ''}
              size="middle"
              pagination={false}
              dataSource={order.lines}
              scroll={{ x: 'max-content' }}
              style={{ marginBottom: 16 }}
              columns={[
                { key: 'sku', title: t('returns.sku'), render: (_, l) => l.sku?.code },
                { key: 'name', title: t('returns.name'), render: (_, l) => [l.sku?.nameZh, l.sku?.nameEn].filter(Boolean).join(' / ') },
                { key: 'shipped', title: t('returns.create.shipped'), align: 'right', dataIndex: 'quantity' },
                { key: 'left', title: t('returns.create.returnable'), align: 'right', render: (_, l) => (l.sku ? (left[l.sku.id] ?? 0) : 0) },
                {
                  key: 'units',
                  title: t('returns.create.units'),
                  render: (_, l) =>
                    l.sku ? (
                      <InputNumber
                        data-testid={`return-units-${l.sku.code}`}
                        aria-label={t('returns.create.unitsOf', { sku: l.sku.code })}
                        min={0}
                        max={left[l.sku.id] ?? 0}
                        precision={0}
                        disabled={(left[l.sku.id] ?? 0) === 0}
                        value={units[l.sku.id] ?? 0}
                        onChange={(v) => {
                          setUnits((now) => ({ ...now, [l.sku!.id]: v }));
                          changed();
                        }}
                      />
                    ) : null,
                },
              ]}
            />
            <Form.Item label={t('returns.reason')} htmlFor="return-reason">
              <Input.TextArea
                id="return-reason"
                data-testid="return-reason"
                maxLength={500}
                rows={2}
                placeholder={t('returns.create.reasonPlaceholder')}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  changed();
                }}
              />
            </Form.Item>
          </>
        )}
        <FormErrors messages={errors} />
        <Button type="primary" htmlType="submit" data-testid="return-create-submit" id="return-create-submit" disabled={!shipped || lines.length === 0} loading={fetching}>
          {t('returns.create.submit')}
        </Button>
      </Form>
    </Space>
  );
}
