import { parseRoute, routeOfAddress, routePath, Route } from '../../src/app/routes';
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
    { name: 'reportDetail', id: 42 },
    { name: 'risk', id: 12 },
    { name: 'newRisk', areaKey: 'patientsakerhet' },
    { name: 'newRisk', areaKey: 'patientsakerhet', reportId: 30 }
  ];

  it.each(routes.map((r) => [routePath(r), r] as const))('"%s" round-trips', (path, route) => {
    expect(parseRoute(`#/${path}`)).toEqual(route);
  });

  it.each(['#/omrade', '#/okänd', '#/rapport/abc', '#/rapport/-1', '#/omrade/<script>', "#/omrade/x'y", '#/omrade/a/b', '#/mina-rapporter/x', '#/omrade/%E0%A4%A', '#/risk/x', '#/risk/1/2', '#/ny-risk', '#/ny-risk/Omrade', '#/ny-risk/patientsakerhet/x', '#/ny-risk/a/1/2'])('"%s" names no place', (hash) => {
    expect(parseRoute(hash)).toBeUndefined();
  });

  it('keeps the documents\' filter in the address, defaults left out, and reads back only what it knows', () => {
    expect(routePath({ name: 'documents', areaKey: 'brandsakerhet', filter: { type: 'routine', validity: '', text: ' RS 2024 ' } })).toBe('dokument/brandsakerhet?typ=routine&giltighet=alla&q=RS+2024');
    expect(routePath({ name: 'documents', filter: { validity: 'current', status: '' } })).toBe('dokument');
    expect(parseRoute('#/dokument/brandsakerhet?typ=routine&giltighet=alla&q=RS+2024')).toEqual({ name: 'documents', areaKey: 'brandsakerhet', filter: { type: 'routine', status: '', validity: '', text: 'RS 2024' } });
    // Unknown values take the default: in force, any type.
    expect(parseRoute('#/dokument?typ=<b>&giltighet=snart&status=draft')).toEqual({ name: 'documents', areaKey: undefined, filter: { type: '', status: 'draft', validity: 'current', text: '' } });
  });

  it('says an address of the app that names no place is not found, and leaves the page\'s own anchors alone', () => {
    expect(routeOfAddress('#/okand-sida')).toEqual({ name: 'notFound', path: 'okand-sida' });
    expect(routeOfAddress('#/rapport/abc')).toEqual({ name: 'notFound', path: 'rapport/abc' });
    expect(routePath({ name: 'notFound', path: 'rapport/abc' })).toBe('rapport/abc');
    expect(routeOfAddress('#/omrade/brandsakerhet')).toEqual({ name: 'area', areaKey: 'brandsakerhet' });
    // A SharePoint page's anchor to one of its headings, or no address: the app starts at home.
    expect(routeOfAddress('#rubrik-1')).toBeUndefined();
    expect(routeOfAddress('#/')).toBeUndefined();
    expect(routeOfAddress('')).toBeUndefined();
  });

  it('maps each web part to its view', () => {
    expect(webPartView('app', {})).toEqual({ home: { name: 'overview' }, mode: 'app' });
    expect(webPartView('area', { areaKey: '' })).toEqual({ home: undefined, mode: 'view' });
    expect(webPartView('area', { areaKey: 'smittskydd' }).home).toEqual({ name: 'area', areaKey: 'smittskydd' });
    expect(webPartView('documents', {}).home).toEqual({ name: 'documents', areaKey: undefined });
    expect(webPartView('report', { areaKey: 'lakemedel' }).home).toEqual({ name: 'report', areaKey: 'lakemedel' });
  });
});

describe('lägesbild addresses', () => {
  it('name a year and an area, or leave the year to the site\'s calendar', () => {
    expect(routePath({ name: 'situation', year: 2026, areaKey: 'brandsakerhet' })).toBe('lagesbild/2026/brandsakerhet');
    // No year guessed from the browser's clock: the view takes this year on the site's calendar.
    expect(routePath({ name: 'situation', areaKey: 'brandsakerhet' })).toBe('lagesbild/brandsakerhet');
    expect(parseRoute('#/lagesbild/brandsakerhet')).toEqual({ name: 'situation', year: undefined, areaKey: 'brandsakerhet' });
    expect(parseRoute('#/lagesbild/2026')).toEqual({ name: 'situation', year: 2026, areaKey: undefined });
    expect(parseRoute('#/lagesbild/2026/brandsakerhet')).toEqual({ name: 'situation', year: 2026, areaKey: 'brandsakerhet' });
    expect(parseRoute('#/lagesbild')).toEqual({ name: 'situation', year: undefined, areaKey: undefined });
    expect(parseRoute('#/lagesbild/brand/2026')).toBeUndefined();
    expect(parseRoute('#/lagesbild/Brand Säkerhet')).toBeUndefined();
  });
});
