import { Alert, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import { serverMessage } from '../../../graphql/errors';
import { EmptyText } from '../../../lib/EmptyText';
import { isUser } from '../../../lib/gid';
import { levelPath, signed } from '../stock';
import { CycleCountDecideMutation } from './documents';
import type { Task, TaskLine } from './task';

/** Variance in the colours of the trade: short red, over green, even plain. */
function Variance({ units }: { units: number | null | undefined }) {
  if (units == null) return <>—</>;
  return (
    <Typography.Text type={units < 0 ? 'danger' : units > 0 ? 'success' : undefined} data-testid="count-variance" strong={units !== 0}>
      {signed(units)}
    </Typography.Text>
  );
}

/**
 * A counted (or approved) task: per line the units expected, counted and the variance, each
 * line linked to its stock ledger. Someone holding `counts:approve` who did not count it may
 * approve (the variance goes into the ledger) or reject (it is counted again); the server
 * checks both again and its refusal is shown in the portal's language.
 */
export function ReviewPanel({ task, onDecided }: { task: Task; onDecided(): void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [, decide] = useMutation(CycleCountDecideMutation);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const counter = isUser(task.countedBy, viewer.user?.id);
  const mayApprove = viewer.scopes.includes('COUNTS_APPROVE');
  const total = task.lines.reduce((sum, l) => sum + (l.variance ?? 0), 0);

  const send = async (approve: boolean) => {
    setBusy(true);
    try {
      const result = await decide({ input: { id: task.id, approve } });
      const errors = result.data?.cycleCountDecide.userErrors ?? [];
      if (result.error || errors.length > 0) {
        setAnswer({ ok: false, text: errors.map((e) => e.message).join(' ') || (serverMessage(result.error) ?? t('common.networkError')) });
        return;
      }
      setAnswer({ ok: true, text: approve ? t('counts.review.approved') : t('counts.review.rejected') });
      onDecided();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {task.status === 'OPEN' && <Alert type="info" showIcon message={t('counts.review.open')} />}
      <section aria-labelledby="count-review-heading">
        <Typography.Title level={2} id="count-review-heading" style={{ fontSize: 18 }}>
          {t('counts.review.title')}
        </Typography.Title>
        <Table<TaskLine>
          data-testid="count-review"
          rowKey={(l) => `${l.location?.id}|${l.sku?.id}|${l.lot ?? ''}`}
          size="middle"
          pagination={false}
          dataSource={task.lines}
          scroll={{ x: 'max-content' }}
          onRow={(l) => ({ 'data-sku': l.sku?.code, 'data-location': l.location?.code }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <EmptyText>{t('counts.noLines')}</EmptyText> }}
          summary={() =>
            task.status === 'OPEN' ? null : (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  {t('counts.review.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <span data-testid="count-total-variance">
                    <Variance units={total} />
                  </span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
              </Table.Summary.Row>
            )
          }
          columns={[
            { key: 'location', title: t('counts.location'), render: (_, l) => l.location?.code },
            { key: 'sku', title: t('counts.sku'), render: (_, l) => l.sku?.code },
            { key: 'lot', title: t('counts.lot'), render: (_, l) => l.lot ?? '—' },
            { key: 'expected', title: t('counts.expected'), align: 'right', render: (_, l) => <span data-testid="count-expected">{l.expected ?? '—'}</span> },
            { key: 'counted', title: t('counts.counted'), align: 'right', render: (_, l) => <span data-testid="count-counted">{l.counted ?? '—'}</span> },
            { key: 'variance', title: t('counts.variance'), align: 'right', render: (_, l) => <Variance units={l.variance} /> },
            {
              key: 'ledger',
              title: t('counts.ledger'),
              render: (_, l) =>
                l.sku && task.warehouse ? (
                  <Link to={levelPath(l.sku.id, task.warehouse.id)} data-testid={`count-ledger-${l.sku.code}`}>
                    {t('counts.review.ledger')}
                  </Link>
                ) : null,
            },
          ]}
        />
      </section>
      {task.status === 'COUNTED' &&
        (mayApprove && !counter ? (
          <Space wrap>
            <Button type="primary" data-testid="count-approve" loading={busy} onClick={() => void send(true)}>
              {t('counts.review.approve')}
            </Button>
            <Popconfirm
              title={t('counts.review.rejectConfirm')}
              okText={t('counts.review.reject')}
              cancelText={t('common.cancel')}
              okButtonProps={{ id: 'count-reject-confirm' }}
              onConfirm={() => void send(false)}
            >
              <Button danger data-testid="count-reject" disabled={busy}>
                {t('counts.review.reject')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Alert type="info" showIcon data-testid="count-awaiting" message={counter ? t('counts.review.ownCount') : t('counts.review.awaiting')} />
        ))}
      {task.status === 'APPROVED' && <Alert type="success" showIcon data-testid="count-in-ledger" message={t('counts.review.inLedger')} />}
      {answer && (
        <Alert role={answer.ok ? 'status' : 'alert'} data-testid="count-decision" type={answer.ok ? 'success' : 'error'} showIcon message={answer.text} />
      )}
    </Space>
  );
}
