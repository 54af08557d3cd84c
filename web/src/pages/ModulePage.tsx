import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useViewer } from '../auth/useAuth';
import { moduleFromSlug } from '../nav/nav';
import { NotFoundPage } from './NotFoundPage';

/** Placeholder for a business module until its pages exist. */
export function ModulePage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const viewer = useViewer();
  const module = moduleFromSlug(slug);
  if (!module || !viewer.tenant.modules.includes(module)) return <NotFoundPage />;
  const name = t(`module.${module}`);
  return (
    <Result
      status="info"
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{name}</h1>}
      subTitle={t('modulePage.comingSoon', { module: name })}
      data-testid="module-placeholder"
    />
  );
}
