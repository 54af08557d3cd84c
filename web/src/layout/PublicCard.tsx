import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

/** Centered card for the signed-out pages: title, language switch, content. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 12 }}>
      {/* As wide as a phone allows, up to 400 px. */}
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 16 }}
        >
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {title}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {children}
      </Card>
    </main>
  );
}
