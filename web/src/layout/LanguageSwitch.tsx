import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { LANGUAGES } from '../i18n/language';

/** Two toggle buttons, 中文 | English; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
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
              onClick={() => setLanguage(language)}
            >
              {t(`language.name.${language}`)}
            </Button>
          );
        })}
      </Space.Compact>
    </div>
  );
}
