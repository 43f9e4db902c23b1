/**
 * Puts the app into a DOM element (a web part's, or the dev host page's) and takes it out again.
 * This is the one entry every host uses.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App, IAppProps } from './App';
import { NotConfigured } from './NotConfigured';
import type { IHost } from './host';

export type { IAppProps } from './App';

export function mountApp(element: HTMLElement, props: IAppProps): void {
  ReactDom.render(<App {...props} />, element);
}

/** For a web part that still needs its settings, e.g. which area to show. */
export function mountNotConfigured(element: HTMLElement, host: IHost): void {
  ReactDom.render(<NotConfigured host={host} />, element);
}

export function unmountApp(element: HTMLElement): void {
  ReactDom.unmountComponentAtNode(element);
}
