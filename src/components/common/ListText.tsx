import * as React from 'react';
import { useContentLang } from '../../hooks/useHost';

/**
 * Text from the lists (an area's name, a law, a report's description), marked with the language it
 * was written in when the UI speaks another one, so a screen reader reads Swedish as Swedish in
 * the English UI (WCAG 3.1.2). Plain text where the languages agree.
 */
export function ListText({ children }: { children: React.ReactNode }): JSX.Element {
  const lang = useContentLang();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
