import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobSchedulesQuery } from '../../../gql/graphql';
import { EmptyText } from '../../../lib/EmptyText';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { STATE_COLORS } from './jobStates';

type Schedule = JobSchedulesQuery['jobSchedules'][number];

/** "3 hours ago", the exact local time on hover (and in the `<time>` element). */
function When({ iso, language }: { iso: string; language: string }) {
  const exact = formatDateTime(iso, language);
  return (
    <Tooltip title={exact}>
      <time dateTime={iso}>{formatRelative(iso, language)}</time>
    </Tooltip>
  );
}

/** How the last run ended: its job's state (tenant schedules) or the platform run's outcome. */
function LastResult({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  if (schedule.lastJob) {
    const { state } = schedule.lastJob;
    return <Tag color={STATE_COLORS[state]}>{t(`jobState.${state}`)}</Tag>;
  }
  if (schedule.lastError) return <Tag color="red">{t('jobs.schedules.failed')}</Tag>;
  if (schedule.lastFinishedAt) return <Tag>{t('jobs.schedules.finished')}</Tag>;
  return <>—</>;
}

/** The recurring jobs: platform upkeep (UTC) and the tenant's own (in its time zone). */
export function ScheduleTable({ schedules, loading }: { schedules: Schedule[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<Schedule>
      rowKey="name"
      loading={loading}
      dataSource={schedules}
      pagination={false}
      size="middle"
      locale={{ emptyText: <EmptyText>{t('jobs.schedules.empty')}</EmptyText> }}
      columns={[
        { title: t('jobs.schedules.name'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
        { title: t('jobs.schedules.cron'), dataIndex: 'cron', key: 'cron', render: (cron: string) => <code>{cron}</code> },
        { title: t('jobs.schedules.timezone'), dataIndex: 'timezone', key: 'timezone' },
        {
          title: t('jobs.schedules.runsFor'),
          key: 'platform',
          render: (_, s) =>
            s.platform ? <Tag color="blue">{t('jobs.schedules.platform')}</Tag> : <Tag>{t('jobs.schedules.tenant')}</Tag>,
        },
        {
          title: t('jobs.schedules.lastRun'),
          key: 'lastRunAt',
          render: (_, s) => (s.lastRunAt ? <When iso={s.lastRunAt} language={i18n.language} /> : t('jobs.schedules.never')),
        },
        {
          title: t('jobs.schedules.nextRun'),
          key: 'nextRunAt',
          render: (_, s) => <When iso={s.nextRunAt} language={i18n.language} />,
        },
        { title: t('jobs.schedules.lastResult'), key: 'lastResult', render: (_, s) => <LastResult schedule={s} /> },
        {
          title: t('jobs.schedules.lastError'),
          key: 'lastError',
          render: (_, s) => {
            const error = s.lastError ?? (s.lastJob?.state === 'DEAD' ? s.lastJob.lastError : null);
            return error ? (
              <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: error }}>
                {error}
              </Typography.Text>
            ) : (
              '—'
            );
          },
        },
      ]}
    />
  );
}
