import * as React from 'react';
import { HostContext, IHostState, IStringsState, RouterContext, IRouter, StringsContext } from './contexts';

export function useHost(): IHostState {
  return React.useContext(HostContext);
}

export function useStrings(): IStringsState {
  return React.useContext(StringsContext);
}

export function useRouter(): IRouter {
  return React.useContext(RouterContext);
}
