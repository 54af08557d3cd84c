import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

/** The before/after state of one audited change. */
export function AuditDetails({ id, before, after, requestId }: { id: string; before: unknown; after: unknown; requestId?: string | null }) {
  const { t } = useTranslation();
  const block = { margin: 0, maxHeight: 320, overflow: 'auto', background: '#f5f5f5', padding: 8 } as const;
  return (
    <div data-testid="audit-details" data-entry-id={id}>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={block}>{json(before)}</pre>
        </Col>
        <Col span={12}>
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
