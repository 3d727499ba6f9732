import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { type ReactNode, useState } from 'react';
import { LangProvider, useLang } from './i18n.tsx';
import { createQueryClient } from './query.ts';
import { Shell } from './Shell.tsx';

// The province's red, from the reports' letterhead; no animations (a business tool, and stable screenshots).
// Secondary texts darker than antd's 45 % black, and the error red darker than antd's #ff4d4f: both fail WCAG AA contrast (axe, tests/e2e).
const theme = { token: { colorPrimary: '#a3141c', colorLink: '#1f4e8c', colorError: '#b42318', colorTextDescription: '#5d6b7a', colorTextTertiary: '#5d6b7a', colorTextPlaceholder: '#6b7785', borderRadius: 6, motion: false, fontFamily: "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif" } };

/** antd's locale follows the window's language (`antd/es/locale`: the CJS build can arrive empty under Vite). */
function Localised({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <LangProvider fallback={<Spin className="screen-loading" />}>
        <Localised>
          <Shell />
        </Localised>
      </LangProvider>
    </QueryClientProvider>
  );
}
