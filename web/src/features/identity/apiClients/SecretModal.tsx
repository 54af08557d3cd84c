import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface IssuedSecret {
  name: string;
  clientId: string;
  clientSecret: string;
}

/** Shows a new client secret once; it cannot be fetched again. Closing needs an explicit click. */
export function SecretModal({ secret, onClose }: { secret: IssuedSecret | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.clientSecret);
      message.success(t('apiClients.secret.copied'));
    } catch {
      message.error(t('apiClients.secret.copyFailed'));
    }
  };

  return (
    <Modal
      open={secret !== null}
      title={t('apiClients.secret.title', { name: secret?.name ?? '' })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" data-testid="secret-done" onClick={onClose}>
          {t('apiClients.secret.done')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={t('apiClients.secret.warning')} />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('apiClients.clientId')}>
            <Typography.Text code>{secret?.clientId}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('apiClients.secret.clientSecret')}>
            <Typography.Text code data-testid="client-secret" style={{ wordBreak: 'break-all' }}>
              {secret?.clientSecret}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Button data-testid="secret-copy" onClick={() => void copy()}>
          {t('apiClients.secret.copy')}
        </Button>
      </Space>
    </Modal>
  );
}
