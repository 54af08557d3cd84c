import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useAuth } from '../auth/useAuth';
import { setLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/language';
import { AccountLocaleMutation } from './documents';

/**
 * Two toggle buttons, 中文 | English; the choice is remembered in localStorage and, when signed
 * in, stored on the account, so mail comes in the same language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { status } = useAuth();
  const [, saveLocale] = useMutation(AccountLocaleMutation);
  const choose = (language: Language) => {
    setLanguage(language);
    if (status === 'ready') void saveLocale({ input: { locale: language === 'zh-CN' ? 'ZH_CN' : 'EN' } });
  };
  return (
    <div role="group" aria-label={t('language.label')}>
      <Space.Compact>
        {LANGUAGES.map((language) => {
          const active = i18n.language === language;
          return (
            <Button
              key={language}
              lang={language}
              size="small"
              autoInsertSpace={false}
              type={active ? 'primary' : 'default'}
              aria-pressed={active}
              data-testid={`lang-${language}`}
              onClick={() => choose(language)}
            >
              {t(`language.name.${language}`)}
            </Button>
          );
        })}
      </Space.Compact>
    </div>
  );
}
