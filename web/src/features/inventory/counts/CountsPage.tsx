import { Button, Form, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { CountStatus, CountTasksQuery as Result } from '../../../gql/graphql';
import { EmptyText } from '../../../lib/EmptyText';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { ChangeModal } from '../ChangeModal';
import { LocationSelect, SkuSelect, WarehouseSelect } from '../pickers';
import { CycleCountCreateMutation, CountTasksQuery } from './documents';
import { COUNT_STATUSES, CountStatusTag, countPath, scopeText } from './parts';
import { usePeople } from './people';

type Task = Result['countTasks'][number];

/**
 * Cycle counts (warehouse staff): the count tasks, newest first, by status; a new one counts a
 * location or a SKU across a warehouse, blind unless said otherwise. An open task opens the
 * counting screen, a counted one its review (approval by someone else than the counter).
 */
export function CountsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<CountStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const [result, refetch] = useQuery({ query: CountTasksQuery, variables: { status }, requestPolicy: 'cache-and-network' });
  const person = usePeople();
  const tasks = result.data?.countTasks ?? [];
  const canCount = useViewer().scopes.includes('INVENTORY_WRITE');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('counts.title')}
        </Typography.Title>
        {canCount && (
          <Button type="primary" data-testid="count-new" onClick={() => setCreating(true)}>
            {t('counts.new')}
          </Button>
        )}
      </div>
      {creating && <CreateCountModal onClose={() => setCreating(false)} />}
      <div role="search">
        <Select
          data-testid="counts-status"
          aria-label={t('counts.status')}
          allowClear
          placeholder={t('counts.allStatuses')}
          value={status ?? undefined}
          onChange={(value: CountStatus | undefined) => setStatus(value ?? null)}
          options={COUNT_STATUSES.map((s) => ({ value: s, label: t(`counts.statuses.${s}`) }))}
          optionRender={(o) => <span data-testid={`counts-status-${o.value}`}>{o.label}</span>}
          style={{ width: 200 }}
        />
      </div>
      <section aria-labelledby="counts-heading">
        <Typography.Title level={2} id="counts-heading" style={{ fontSize: 18 }}>
          {t('counts.listTitle', { total: tasks.length })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Task>
          data-testid="counts-table"
          rowKey="id"
          size="middle"
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          loading={result.fetching}
          dataSource={tasks}
          scroll={{ x: 'max-content' }}
          onRow={(task) => ({ 'data-status': task.status }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <EmptyText>{t('counts.empty')}</EmptyText> }}
          columns={[
            {
              key: 'scope',
              title: t('counts.scope'),
              render: (_, task) => (
                <Link to={countPath(task.id)} data-testid={`count-open-${task.location?.code ?? task.sku?.code ?? task.id}`}>
                  {scopeText(t, task)}
                </Link>
              ),
            },
            { key: 'warehouse', title: t('counts.warehouse'), render: (_, task) => task.warehouse?.code },
            { key: 'blind', title: t('counts.blind'), render: (_, task) => (task.blind ? t('counts.blindYes') : t('counts.blindNo')) },
            { key: 'status', title: t('counts.status'), render: (_, task) => <CountStatusTag status={task.status} /> },
            { key: 'lines', title: t('counts.lines'), align: 'right', render: (_, task) => task.lines.length },
            {
              key: 'variance',
              title: t('counts.variance'),
              align: 'right',
              render: (_, task) => (task.status === 'OPEN' ? '—' : task.lines.reduce((sum, l) => sum + (l.variance ?? 0), 0)),
            },
            { key: 'created', title: t('counts.created'), render: (_, task) => `${formatDateTime(task.createdAt, i18n.language)} · ${person(task.createdBy)}` },
            { key: 'counted', title: t('counts.countedBy'), render: (_, task) => (task.countedBy ? person(task.countedBy) : '—') },
            {
              key: 'actions',
              title: t('counts.actions'),
              render: (_, task) => (
                <Link to={countPath(task.id)}>{task.status === 'OPEN' ? t('counts.count') : task.status === 'COUNTED' ? t('counts.review') : t('counts.open')}</Link>
              ),
            },
          ]}
        />
      </section>
    </Space>
  );
}

interface CreateValues {
  basis: 'location' | 'sku';
  warehouseId: string;
  locationId?: string;
  skuId?: string;
  blind: boolean;
}

/** A new count task: a location of a warehouse, or a SKU in a warehouse; blind by default. */
function CreateCountModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const basis = Form.useWatch('basis', form) ?? 'location';
  const warehouseId = Form.useWatch('warehouseId', form);
  const [, create] = useMutation(CycleCountCreateMutation);
  const created = useRef<string | null>(null);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ChangeModal<CreateValues>
      title={t('counts.new')}
      testId="count-create"
      form={form}
      initialValues={{ basis: 'location', blind: true }}
      onClose={onClose}
      onRefresh={() => created.current && navigate(countPath(created.current))}
      onValuesChange={(changed) => {
        if ('warehouseId' in changed) form.setFieldValue('locationId', undefined);
      }}
      submit={async (v) => {
        const input =
          v.basis === 'location' ? { locationId: v.locationId, blind: v.blind } : { skuId: v.skuId, warehouseId: v.warehouseId, blind: v.blind };
        const answer = await create({ input });
        created.current = answer.data?.cycleCountCreate.countTask?.id ?? null;
        return { error: answer.error, userErrors: answer.data?.cycleCountCreate.userErrors ?? [] };
      }}
    >
      <Form.Item name="basis" label={t('counts.basis')}>
        <Radio.Group>
          <Radio value="location" data-testid="count-basis-location">{t('counts.byLocation')}</Radio>
          <Radio value="sku" data-testid="count-basis-sku">{t('counts.bySku')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="warehouseId" label={t('counts.warehouse')} rules={required}>
        <WarehouseSelect data-testid="count-warehouse" />
      </Form.Item>
      {basis === 'location' ? (
        <Form.Item name="locationId" label={t('counts.location')} rules={required}>
          <LocationSelect data-testid="count-location" warehouseId={warehouseId} />
        </Form.Item>
      ) : (
        <Form.Item name="skuId" label={t('counts.sku')} rules={required}>
          <SkuSelect data-testid="count-sku" />
        </Form.Item>
      )}
      <Form.Item name="blind" label={t('counts.blind')} valuePropName="checked" extra={t('counts.blindHelp')}>
        <Switch data-testid="count-blind" />
      </Form.Item>
    </ChangeModal>
  );
}
