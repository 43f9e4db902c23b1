import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';

export default class SakerhetWebPart extends BaseClientSideWebPart<Record<string, never>> {
  public render(): void {
    ReactDom.render(React.createElement('h2', undefined, 'Säkerhet'), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
