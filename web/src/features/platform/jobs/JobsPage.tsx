import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { JobsQuery, JobState } from '../../../gql/graphql';
import { CursorPager } from '../../../lib/CursorPager';
import { JOB_STATES } from '../../../lib/enums';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { usePager } from '../../../lib/usePager';
import { JobRetryMutation, JobSchedulesQuery, JobsQuery as JobsDocument } from './documents';
import { EmptyText } from '../../../lib/EmptyText';
import { STATE_COLORS } from './jobStates';
import { ScheduleTable } from './ScheduleTable';

type Job = JobsQuery['jobs']['nodes'][number];
type Filter = JobState | 'ALL';

/** Background jobs (all of them at first; a tab shows the dead letters, which can be retried), and the schedules that enqueue them. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('ALL');
  const pager = usePager(50);
  const state = filter === 'ALL' ? null : filter;
  const [result, refetch] = useQuery({ query: JobsDocument, variables: { ...pager.args, state } });
  const [schedules, refetchSchedules] = useQuery({ query: JobSchedulesQuery, requestPolicy: 'cache-and-network' });
  const [, retry] = useMutation(JobRetryMutation);
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchSchedules({ requestPolicy: 'network-only' });
  };
  const connection = result.data?.jobs;

  const onRetry = async (job: Job) => {
    const r = await retry({ input: { id: job.id } });
    const errors = r.data?.jobRetry.userErrors ?? [];
    if (r.error) message.error(t('common.networkError'));
    else if (errors.length > 0) message.error(errors.map((e) => e.message).join(' '));
    else message.success(t('jobs.retried'));
    reload();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('jobs.title')}
      </Typography.Title>
      <div role="group" aria-label={t('jobs.filter')}>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            pager.reset();
          }}
          options={[
            ...JOB_STATES.map((s) => ({ value: s, label: t(`jobState.${s}`) })),
            { value: 'ALL' as const, label: t('jobs.all') },
          ]}
        />
      </div>
      <QueryError error={result.error} onRetry={reload} />
      <div data-testid="jobs-table">
        <Table<Job>
          rowKey="id"
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('jobs.empty')}</EmptyText> }}
          columns={[
            { title: t('jobs.kind'), dataIndex: 'kind', key: 'kind' },
            {
              title: t('jobs.state'),
              key: 'state',
              render: (_, j) => <Tag color={STATE_COLORS[j.state]}>{t(`jobState.${j.state}`)}</Tag>,
            },
            { title: t('jobs.attempts'), key: 'attempts', render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
            {
              title: t('jobs.lastError'),
              key: 'lastError',
              render: (_, j) => (
                <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: j.lastError }}>
                  {j.lastError ?? '—'}
                </Typography.Text>
              ),
            },
            { title: t('jobs.runAt'), key: 'runAt', render: (_, j) => formatDateTime(j.runAt, i18n.language) },
            { title: t('jobs.finishedAt'), key: 'finishedAt', render: (_, j) => formatDateTime(j.finishedAt, i18n.language) },
            {
              title: t('jobs.actions'),
              key: 'actions',
              render: (_, j) =>
                j.state === 'DEAD' && (
                  <Button size="small" aria-label={t('jobs.retryOf', { kind: j.kind })} onClick={() => void onRetry(j)}>
                    {t('jobs.retry')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
      <CursorPager
        testId="jobs-pager"
        args={pager.args}
        pageInfo={connection?.pageInfo}
        onNext={pager.next}
        onPrevious={pager.previous}
      />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('jobs.schedules.title')}</h2>}>
        <QueryError error={schedules.error} onRetry={() => refetchSchedules({ requestPolicy: 'network-only' })} />
        <div data-testid="job-schedules">
          <ScheduleTable schedules={schedules.data?.jobSchedules ?? []} loading={schedules.fetching} />
        </div>
      </Card>
    </Space>
  );
}
