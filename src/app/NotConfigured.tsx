import * as React from 'react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { Notice } from '../components/common/Notice';
import { defaultStrings, IStrings, loadStrings } from '../loc';
import type { IHost } from './host';
import { ensureIcons } from './icons';
import { THEMES } from './theme';

/** Shown by a web part that needs its settings (which area) before it can show anything. */
export function NotConfigured({ host }: { host: IHost }): JSX.Element {
  ensureIcons();
  const [strings, setStrings] = React.useState<IStrings>(defaultStrings);
  React.useEffect(() => {
    loadStrings(host.locale).then(setStrings, () => undefined);
  }, [host.locale]);
  return (
    <ThemeProvider theme={host.sectionTheme ?? THEMES[host.theme]} applyTo="element">
      <Notice kind="info">{strings.notConfigured}</Notice>
    </ThemeProvider>
  );
}
