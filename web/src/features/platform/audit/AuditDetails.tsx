import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

interface Props {
  id: string;
  action: string;
  before: unknown;
  after: unknown;
  requestId?: string | null;
}

/** The recorded facts of one audited change: its action's name, before and after, the request. */
export function AuditDetails({ id, action, before, after, requestId }: Props) {
  const { t } = useTranslation();
  const block = { margin: 0, maxHeight: 320, overflow: 'auto', background: '#f5f5f5', padding: 8 } as const;
  return (
    <div data-testid="audit-details" data-entry-id={id}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('audit.action')}: <Typography.Text code data-testid="audit-action">{action}</Typography.Text>
      </Typography.Paragraph>
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={block}>{json(before)}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre style={block}>{json(after)}</pre>
        </Col>
      </Row>
      {requestId && (
        <Typography.Text type="secondary">
          {t('audit.requestId')}: <Typography.Text code>{requestId}</Typography.Text>
        </Typography.Text>
      )}
    </div>
  );
}
