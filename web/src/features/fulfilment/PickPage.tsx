import { Alert, Button, Descriptions, Input, Progress, Result, Space, Table, Tag, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { WaveQuery as WaveResult } from '../../gql/graphql';
import { QueryError } from '../../lib/QueryError';
import { progressLook } from '../inbound/progress';
import { ScrollRegion } from '../inbound/ScrollRegion';
import { SCAN_FIELD, SCAN_ROW, useScanField } from '../inbound/useScanField';
import { PickConfirmMutation, WaveQuery } from './documents';
import { scanAtTask, type PickStep } from './scanning';
import { pickedPercent } from './waves';

/** A done task's tag: dark green under white text (antd's green preset falls below WCAG AA contrast). */
const DONE_TAG = '#237804';

type Wave = Extract<NonNullable<WaveResult['node']>, { __typename?: 'Wave' }>;
type Task = Wave['tasks'][number];

/**
 * The pick screen, for a barcode scanner acting as a keyboard: it shows the next task on the
 * pick path (location, SKU, units); scan the location, then the item, one unit a scan. Focus
 * stays in the scan field, Enter submits, a wrong scan flashes red and beeps low and changes
 * nothing; when a task is done the next one comes up by itself.
 */
export function PickPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, refetch] = useQuery({ query: WaveQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, confirm] = useMutation(PickConfirmMutation);
  const [scan, setScan] = useState('');
  const [step, setStep] = useState<PickStep>({ stage: 'location' });
  const [live, setLive] = useState<Pick<Wave, 'tasks' | 'nextTask' | 'pickedUnits' | 'totalUnits' | 'status'> | null>(null);
  const loaded = result.data?.node?.__typename === 'Wave' ? (result.data.node as Wave) : undefined;
  const wave = loaded ? { ...loaded, ...(live ?? {}) } : undefined;
  const task = wave?.nextTask ?? null;
  const { field, outcome, refuse, accept, area } = useScanField(task != null);

  const submit = async () => {
    const raw = scan;
    setScan('');
    if (!task) return;
    const next = scanAtTask(step, raw, task.locationCode);
    switch (next.kind) {
      case 'empty':
        return;
      case 'location-wrong':
        refuse(t('fulfilment.pick.wrongLocation', { scanned: next.scanned, expected: next.expected }));
        return;
      case 'location-ok':
        setStep(next.step);
        accept(t('fulfilment.pick.locationOk', { code: task.locationCode, sku: task.skuCode }));
        return;
      case 'confirm': {
        const answer = await confirm({ input: { taskId: task.id, locationCode: next.location, barcode: next.barcode } });
        const errors = answer.data?.pickConfirm.userErrors ?? [];
        if (answer.error || errors.length > 0) {
          refuse(errors[0]?.message ?? answer.error?.message ?? t('fulfilment.refused'));
          return;
        }
        const done = answer.data?.pickConfirm.task;
        const now = answer.data?.pickConfirm.wave;
        if (now) setLive(now);
        // Same bin, more units: stay at the item; a new task starts at its location.
        if (done?.done) setStep({ stage: 'location' });
        const picked = t('fulfilment.pick.picked', { sku: task.skuCode, picked: done?.picked ?? 0, quantity: task.quantity });
        const following = now?.nextTask;
        accept(done?.done && following ? `${picked} ${t('fulfilment.pick.next', { code: following.locationCode })}` : picked);
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };

  const orders = wave ? [...new Map(wave.tasks.map((x) => [x.orderId, x.orderReference])).entries()] : [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {wave && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('fulfilment.pick.title', { warehouse: wave.warehouse?.code ?? '' })}{' '}
            <Tag>{t(`fulfilment.waveStatuses.${wave.status}`)}</Tag>
          </Typography.Title>
          <Progress
            aria-label={t('fulfilment.waves.progress')}
            percent={pickedPercent(wave)}
            {...progressLook(pickedPercent(wave))}
            format={() => t('fulfilment.waves.units', { picked: wave.pickedUnits, total: wave.totalUnits })}
          />
          {task ? (
            <div data-testid="pick-scan-area" data-stage={step.stage} {...area()}>
              <Descriptions bordered size="middle" column={{ xs: 1, sm: 2 }} data-testid="pick-task" data-task={task.id}>
                <Descriptions.Item label={t('fulfilment.pick.location')}>
                  <Typography.Text strong style={{ fontSize: 28 }} data-testid="pick-task-location">{task.locationCode}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('fulfilment.pick.sku')}>
                  <Typography.Text strong style={{ fontSize: 22 }} data-testid="pick-task-sku">{task.skuCode}</Typography.Text>
                  {task.lot ? ` · ${t('fulfilment.pick.lot', { lot: task.lot })}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('fulfilment.pick.units')}>
                  <span data-testid="pick-task-left" data-left={task.quantity - task.picked}>
                    {t('fulfilment.pick.unitsLeft', { left: task.quantity - task.picked, quantity: task.quantity })}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('fulfilment.pick.order')}>{task.orderReference}</Descriptions.Item>
              </Descriptions>
              <div style={SCAN_ROW}>
                <Input
                  ref={field}
                  data-testid="pick-scan"
                  aria-label={t('fulfilment.pick.field')}
                  placeholder={step.stage === 'location' ? t('fulfilment.pick.scanLocation') : t('fulfilment.pick.scanItem')}
                  value={scan}
                  onChange={(e) => setScan(e.target.value)}
                  onKeyDown={onKeyDown}
                  autoComplete="off"
                  size="large"
                  style={SCAN_FIELD}
                />
                {step.stage === 'item' && (
                  <Button onClick={() => setStep({ stage: 'location' })}>{t('fulfilment.pick.rescanLocation')}</Button>
                )}
              </div>
              {outcome && (
                <Alert
                  role={outcome.ok ? 'status' : 'alert'}
                  data-testid="pick-outcome"
                  style={{ marginTop: 12 }}
                  showIcon
                  type={outcome.ok ? 'success' : 'error'}
                  message={outcome.text}
                />
              )}
            </div>
          ) : (
            <div data-testid="pick-done">
              <Result
                status="success"
                title={t('fulfilment.pick.done')}
                extra={orders.map(([orderId, reference]) => (
                  <Link key={orderId} to={`/fulfilment/orders/${encodeURIComponent(orderId)}/pack`} data-testid={`pick-pack-${reference}`}>
                    {t('fulfilment.waves.pack', { reference })}
                  </Link>
                ))}
              />
            </div>
          )}
          <ScrollRegion label={t('fulfilment.pick.tasks')}>
            <Table<Task>
              data-testid="pick-tasks"
              rowKey="id"
              pagination={false}
              dataSource={wave.tasks}
              rowClassName={(x) => (x.id === task?.id ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('fulfilment.pick.location'), dataIndex: 'locationCode' },
                { title: t('fulfilment.pick.sku'), dataIndex: 'skuCode' },
                { title: t('fulfilment.pick.lotColumn'), dataIndex: 'lot' },
                { title: t('fulfilment.pick.order'), dataIndex: 'orderReference' },
                { title: t('fulfilment.pick.units'), render: (_, x) => `${x.picked} / ${x.quantity}` },
                { title: '', render: (_, x) => (x.done ? <Tag color={DONE_TAG}>{t('fulfilment.pick.taskDone')}</Tag> : null) },
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Space>
  );
}
