import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { CountingScreen } from './CountingScreen';
import { CountTaskQuery } from './documents';
import { CountStatusTag, scopeText } from './parts';
import { usePeople } from './people';
import { ReviewPanel } from './ReviewPanel';
import type { Task } from './task';

/**
 * One count task: while OPEN, the counting screen (for a scanner); once counted, what was
 * expected, found and the variance per line, with approval by someone other than the counter.
 */
export function CountTaskPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const person = usePeople();
  const [result, refetch] = useQuery({ query: CountTaskQuery, variables: { id }, requestPolicy: 'network-only' });
  const task = result.data?.node?.__typename === 'CountTask' ? (result.data.node as Task) : undefined;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const counting = task?.status === 'OPEN' && viewer.scopes.includes('INVENTORY_WRITE');
  // Set when the previous count was submitted and this one came up by itself.
  const submitted = (useLocation().state as { submitted?: string } | null)?.submitted;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/counts">{t('counts.back')}</Link>
      <QueryError error={result.error} onRetry={reload} />
      {submitted && <Alert type="success" showIcon role="status" data-testid="count-submitted" message={t('counts.submittedNext', { scope: submitted })} />}
      {result.data && !task && <Typography.Paragraph>{t('counts.notFound')}</Typography.Paragraph>}
      {task && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="count-title">
            {t('counts.taskTitle', { scope: scopeText(t, task), warehouse: task.warehouse?.code ?? '' })}{' '}
            <CountStatusTag status={task.status} />
          </Typography.Title>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('counts.blind')}>{task.blind ? t('counts.blindYes') : t('counts.blindNo')}</Descriptions.Item>
            <Descriptions.Item label={t('counts.created')}>
              {formatDateTime(task.createdAt, i18n.language)} · {person(task.createdBy)}
            </Descriptions.Item>
            {task.countedBy && (
              <Descriptions.Item label={t('counts.countedBy')}>
                <span data-testid="count-counted-by">{person(task.countedBy)}</span> · {formatDateTime(task.countedAt, i18n.language)}
              </Descriptions.Item>
            )}
            {task.decidedBy && (
              <Descriptions.Item label={t('counts.decidedBy')}>
                {person(task.decidedBy)} · {formatDateTime(task.decidedAt, i18n.language)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {counting ? <CountingScreen key={task.id} task={task} onSubmitted={reload} /> : <ReviewPanel task={task} onDecided={reload} />}
        </>
      )}
    </Space>
  );
}
