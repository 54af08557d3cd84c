import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CursorPager } from '../../../lib/CursorPager';
import { QueryError } from '../../../lib/QueryError';
import { usePager } from '../../../lib/usePager';
import { InvitationsQuery, MembersQuery } from './documents';
import { InvitationTable } from './InvitationTable';
import { InviteForm } from './InviteForm';
import { MemberTable } from './MemberTable';

const PAGE_SIZE = 50;

export function MembersPage() {
  const { t } = useTranslation();
  const pager = usePager(PAGE_SIZE);
  const [members, refetchMembers] = useQuery({ query: MembersQuery, variables: pager.args });
  const [invitations, refetchInvitations] = useQuery({ query: InvitationsQuery, variables: { first: 100 } });
  const reloadMembers = () => refetchMembers({ requestPolicy: 'network-only' });
  const reloadInvitations = () => refetchInvitations({ requestPolicy: 'network-only' });
  const connection = members.data?.members;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('members.title')}
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('members.invite.title')}</h2>}>
        <InviteForm onInvited={reloadInvitations} />
      </Card>
      <section aria-labelledby="members-heading" data-testid="members-table">
        <Typography.Title level={2} id="members-heading" style={{ fontSize: 18 }}>
          {t('members.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={members.error} onRetry={reloadMembers} />
        <MemberTable
          members={connection?.nodes ?? []}
          ownerCount={members.data?.owners.totalCount}
          loading={members.fetching}
          onChanged={reloadMembers}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager
            testId="members-pager"
            args={pager.args}
            pageInfo={connection?.pageInfo}
            onNext={pager.next}
            onPrevious={pager.previous}
          />
        </div>
      </section>
      <section aria-labelledby="invitations-heading" data-testid="invitations-table">
        <Typography.Title level={2} id="invitations-heading" style={{ fontSize: 18 }}>
          {t('members.invitations')}
        </Typography.Title>
        <QueryError error={invitations.error} onRetry={reloadInvitations} />
        <InvitationTable
          invitations={invitations.data?.invitations.nodes ?? []}
          loading={invitations.fetching}
          onChanged={reloadInvitations}
        />
      </section>
    </Space>
  );
}
