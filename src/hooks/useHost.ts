import * as React from 'react';
import { HostContext, IHostState, IStringsState, RouterContext, IRouter, StringsContext, TimeZoneContext } from './contexts';

export function useHost(): IHostState {
  return React.useContext(HostContext);
}

export function useStrings(): IStringsState {
  return React.useContext(StringsContext);
}

export function useRouter(): IRouter {
  return React.useContext(RouterContext);
}

/** The site's time zone; only inside a view that has loaded (see TimeZoneContext). */
export function useTimeZone(): string {
  const zone = React.useContext(TimeZoneContext);
  if (!zone) {
    throw new Error('No site time zone: render dates inside a view that has loaded its data.');
  }
  return zone;
}
