import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

/** A failed query, with a retry button. */
export function QueryError({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('common.loadFailed')}
      description={error.graphQLErrors[0]?.message ?? (error.networkError ? t('common.networkError') : undefined)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
