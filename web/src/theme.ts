import type { ThemeConfig } from 'antd';

// Ant Design's default blue (#1677ff) and red (#ff4d4f) fall short of WCAG AA contrast
// (4.5:1) for white button text and red link text; their darker shades pass. Likewise the
// grey of descriptions (0.45 alpha) on the grey page background, and placeholders (0.25
// alpha), which axe checks where they stand in for a label, and the green of success text
// (#52c41a, 2.3:1: a ledger's "+10"). Hover shades go darker, not lighter, for the same reason.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorError: '#cf1322',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorErrorHover: '#a8071a',
    colorSuccessText: '#237804',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};
