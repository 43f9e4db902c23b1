import { parseRoute, routePath, Route } from '../../src/app/routes';
import { webPartView } from '../../src/app/webParts';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'overview' },
    { name: 'area', areaKey: 'it-sakerhet' },
    { name: 'documents' },
    { name: 'documents', areaKey: 'beredskap' },
    { name: 'report' },
    { name: 'report', areaKey: 'kriminalitet' },
    { name: 'myReports' },
    { name: 'reportDetail', id: 42 }
  ];

  it.each(routes.map((r) => [routePath(r), r] as const))('"%s" round-trips', (path, route) => {
    expect(parseRoute(`#/${path}`)).toEqual(route);
  });

  it.each(['#/omrade', '#/okänd', '#/rapport/abc', '#/rapport/-1', '#/omrade/<script>', "#/omrade/x'y", '#/omrade/a/b', '#/mina-rapporter/x', '#/omrade/%E0%A4%A'])('"%s" names no place', (hash) => {
    expect(parseRoute(hash)).toBeUndefined();
  });

  it('maps each web part to its view', () => {
    expect(webPartView('app', {})).toEqual({ home: { name: 'overview' }, mode: 'app' });
    expect(webPartView('area', { areaKey: '' })).toEqual({ home: undefined, mode: 'view' });
    expect(webPartView('area', { areaKey: 'smittskydd' }).home).toEqual({ name: 'area', areaKey: 'smittskydd' });
    expect(webPartView('documents', {}).home).toEqual({ name: 'documents', areaKey: undefined });
    expect(webPartView('report', { areaKey: 'lakemedel' }).home).toEqual({ name: 'report', areaKey: 'lakemedel' });
  });
});
