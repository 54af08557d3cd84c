import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../auth/useAuth';
import { Dashboard } from '../features/dashboard/Dashboard';

export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { tenant } = viewer;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('home.welcome', { name: viewer.user?.name ?? '' })}
      </Typography.Title>
      <Dashboard />
      <Descriptions bordered column={1} style={{ maxWidth: 640 }}>
        <Descriptions.Item label={t('home.tenant')}>
          {tenant.name} ({tenant.slug})
        </Descriptions.Item>
        <Descriptions.Item label={t('home.role')}>{viewer.role ? t(`role.${viewer.role}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('home.modules')}>
          {tenant.modules.length === 0
            ? t('home.noModules')
            : tenant.modules.map((m) => (
                <Tag key={m} color="blue">
                  {t(`module.${m}`)}
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
