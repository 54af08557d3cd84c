import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import { gidUuid, isUser } from '../../../lib/gid';
import { CountPeopleQuery } from './documents';

/**
 * Names the people a count task records (`user:<uuid>`): "you", a member by name, or "a
 * person" when not a member (any more). Members are read once for the page.
 */
export function usePeople(): (actor: string) => string {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [result] = useQuery({ query: CountPeopleQuery });
  const names = new Map<string, string>(
    (result.data?.members.nodes ?? []).flatMap((m) => (m.user ? [[`user:${gidUuid(m.user.id)}`, m.user.name || m.user.email]] : [])),
  );
  return (actor) => {
    if (isUser(actor, viewer.user?.id)) return t('counts.you');
    return names.get(actor) ?? t('stock.actors.user');
  };
}
