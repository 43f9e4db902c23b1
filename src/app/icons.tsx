/**
 * The icons Fluent UI's components and our views use, as inline SVG. SharePoint pages load
 * Fluent's icon font from a CDN; Teams tabs and the local dev host may not, so the app registers
 * its own once (and leaves icons a page already registered alone).
 */
import * as React from 'react';
import { getIcon, registerIcons, setIconOptions } from '@fluentui/react/lib/Styling';

const svg = (body: React.ReactNode): JSX.Element => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    {body}
  </svg>
);

const ICONS: Record<string, JSX.Element> = {
  Search: svg(<><circle cx="6.5" cy="6.5" r="4.5" /><path d="M10 10l4.5 4.5" /></>),
  Clear: svg(<path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />),
  Cancel: svg(<path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />),
  ChevronDown: svg(<path d="M3.5 6l4.5 4.5L12.5 6" />),
  ChevronRight: svg(<path d="M6 3.5l4.5 4.5L6 12.5" />),
  Back: svg(<path d="M13.5 8h-11M6.5 4l-4 4 4 4" />),
  CheckMark: svg(<path d="M3 8.5l3.2 3.2L13 4.8" />),
  Completed: svg(<><circle cx="8" cy="8" r="6.5" /><path d="M5 8.3l2 2 4-4.3" /></>),
  Info: svg(<><circle cx="8" cy="8" r="6.5" /><path d="M8 7.2v4M8 4.8v.1" /></>),
  Warning: svg(<><path d="M8 1.8l6.5 12H1.5z" /><path d="M8 6.5v3.5M8 12v.1" /></>),
  ErrorBadge: svg(<><circle cx="8" cy="8" r="6.5" /><path d="M5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6" /></>),
  Blocked2: svg(<><circle cx="8" cy="8" r="6.5" /><path d="M3.4 12.6l9.2-9.2" /></>),
  Add: svg(<path d="M8 2.5v11M2.5 8h11" />),
  Delete: svg(<path d="M3 4.5h10M6.5 4.5V2.8h3v1.7M4.5 4.5l.7 9h5.6l.7-9" />),
  Attach: svg(<path d="M12.5 7.5l-5 5a3 3 0 01-4.2-4.2l5.4-5.4a2 2 0 012.8 2.8L6.2 11a1 1 0 01-1.4-1.4L9.5 5" />),
  Page: svg(<><path d="M4 1.8h5.5L12.5 5v9.2H4z" /><path d="M9.5 1.8V5h3" /></>),
  OpenInNewWindow: svg(<><path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5" /><path d="M11.5 9.5v4h-9v-9h4" /></>),
  Shield: svg(<path d="M8 1.5l5.5 2v4c0 3.5-2.4 5.9-5.5 7-3.1-1.1-5.5-3.5-5.5-7v-4z" />),
  Send: svg(<path d="M2 8l12-6-4 12-2.5-5z" />),
  Refresh: svg(<><path d="M13 8a5 5 0 11-1.5-3.6" /><path d="M13 2.5v3h-3" /></>)
};

let registered = false;

export function ensureIcons(): void {
  if (registered) {
    return;
  }
  registered = true;
  const missing: Record<string, JSX.Element> = {};
  // getIcon warns about every icon it does not know; here not knowing is the expected answer.
  setIconOptions({ disableWarnings: true });
  for (const name of Object.keys(ICONS)) {
    if (!getIcon(name)) {
      missing[name] = ICONS[name];
    }
  }
  setIconOptions({ disableWarnings: false });
  registerIcons({ icons: missing });
}
