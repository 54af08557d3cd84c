import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useViewer } from '../../../auth/useAuth';
import { canOpen } from '../../../nav/access';
import type { Activity } from './activity';

/**
 * One entry in words, in the UI language: "Wei Li invited lan@example.com as Administrator",
 * the actor in bold and the subject linked to its page when it has one the viewer may open.
 */
export function ActivitySentence({ activity, action }: { activity: Activity; action: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const roles = Object.fromEntries(
    Object.entries(activity.roles).map(([name, role]) => [name, role ? t(`role.${role}`, { defaultValue: role }) : '—']),
  );
  const link = activity.link && canOpen(activity.link.page, viewer.role) ? activity.link.path : undefined;
  return (
    // Values are escaped before Trans parses the sentence's tags, and unescaped back into text
    // after: a name like "<b>Eve</b>" shows as typed, never as markup.
    <Trans
      i18nKey={activity.key}
      shouldUnescape
      values={{ actor: activity.actor ?? t('audit.system'), subject: activity.subject ?? t('audit.noSubject'), action, ...roles }}
      components={{
        actor: <strong data-testid="audit-actor" />,
        // Underlined: inside a sentence a link must not stand out by colour alone (WCAG 1.4.1).
        subject: link ? (
          <Link to={link} data-testid="audit-subject" style={{ textDecoration: 'underline' }} />
        ) : (
          <span data-testid="audit-subject" />
        ),
      }}
    />
  );
}
