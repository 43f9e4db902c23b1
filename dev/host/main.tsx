/**
 * The dev host page: the product's React app, wired exactly as a web part wires it, on the local
 * SharePoint emulator. A bar on top chooses the signed-in user, the host (a SharePoint page or the
 * Teams tab, with Teams' themes), the language and which web part to show.
 *
 *   /?host=teams&theme=dark            the Teams tab in the dark theme
 *   /?webpart=area&area=patientsakerhet the area web part
 *   /?lang=en-us                        English, in any host
 *   /?user=erik                         sign in as a dev user (also from the bar)
 *   /?dev=outbox                        the mail the app sent through the Graph stand-in
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { INCIDENTS_LIST, SITE_URL } from '../../src/model/schema';
import { mountApp, mountNotConfigured } from '../../src/app/mountApp';
import { IHost, languageOfLcid, teamsHost } from '../../src/app/host';
import { webPartView, WebPartKind } from '../../src/app/webParts';
import { languageOf, loadStrings, normalizeLocale } from '../../src/loc';
import { createServices, reportLinks } from '../../src/services';
import { createSp } from '../../src/services/sp';
import { DEV_SITE_LANGUAGE, devSpfxContext } from './context';
import { DevTeams } from './devTeams';
import { devGraphClient } from './graph';
import { Outbox } from './Outbox';

interface IDevUser {
  key: string;
  displayName: string;
  jobTitle: string;
  group: string;
}

const params = new URLSearchParams(window.location.search);
const hostKind = params.get('host') === 'teams' ? 'teams' : 'sharepoint';
const themeParam = params.get('theme') ?? 'default';
const webpart = (['app', 'area', 'documents', 'report', 'situation'].includes(params.get('webpart') ?? '') ? params.get('webpart') : 'app') as WebPartKind;
const areaKey = params.get('area') ?? (webpart === 'area' || webpart === 'report' ? 'patientsakerhet' : '');
const lang = params.get('lang') ?? undefined;
const devPage = params.get('dev');

const GROUP_LABEL: Record<string, string> = {
  staff: 'medarbetare',
  areaOwners: 'områdesansvarig',
  owners: 'säkerhetschef',
  visitors: 'besökare'
};

function withParams(changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(window.location.search);
  next.delete('user');
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') {
      next.delete(k);
    } else {
      next.set(k, v);
    }
  }
  const query = next.toString();
  return `/${query ? `?${query}` : ''}`;
}

function DevBar({ users, current, teams }: { users: IDevUser[]; current?: string; teams?: DevTeams }): JSX.Element {
  const [theme, setTheme] = React.useState(themeParam);
  const go = (url: string): void => window.location.assign(url);
  return (
    <header className="dev-bar" aria-label="Lokal utvecklingsmiljö">
      <p className="dev-bar__title">Säkerhet · lokal utvecklingsmiljö</p>
      <div className="dev-bar__controls">
        <label>
          Inloggad som
          <select value={current ?? ''} onChange={(e) => go(`/_dev/signin?user=${encodeURIComponent(e.target.value)}&to=${encodeURIComponent(withParams({}) + window.location.hash)}`)}>
            {users.map((u) => (
              <option key={u.key} value={u.key}>
                {u.displayName} ({GROUP_LABEL[u.group] ?? u.group})
              </option>
            ))}
          </select>
        </label>
        <label>
          Värd
          <select value={hostKind} onChange={(e) => go(withParams({ host: e.target.value === 'teams' ? 'teams' : undefined }))}>
            <option value="sharepoint">SharePoint-sida</option>
            <option value="teams">Teams-flik</option>
          </select>
        </label>
        <label>
          Tema
          <select
            value={theme}
            onChange={(e) => {
              setTheme(e.target.value);
              if (teams) {
                // Teams switches theme while the tab is open; the app must follow at once.
                teams.setTheme(e.target.value);
                window.history.replaceState(null, '', withParams({ theme: e.target.value }) + window.location.hash);
              } else {
                go(withParams({ theme: e.target.value }));
              }
            }}
            disabled={!teams}
            title={teams ? undefined : 'Teman finns i Teams-fliken'}
          >
            <option value="default">Standard</option>
            <option value="dark">Mörkt</option>
            <option value="contrast">Hög kontrast</option>
          </select>
        </label>
        <label>
          Språk
          <select value={languageOf(normalizeLocale(lang)) === 'en' ? 'en-US' : 'sv-SE'} onChange={(e) => go(withParams({ lang: e.target.value === 'en-US' ? 'en-us' : undefined }) + window.location.hash)}>
            <option value="sv-SE">Svenska</option>
            <option value="en-US">English</option>
          </select>
        </label>
        <a className="dev-bar__link" href="/?dev=outbox">
          Utkorg (e-post)
        </a>
        <label>
          Webbdel
          <select value={webpart} onChange={(e) => go(withParams({ webpart: e.target.value === 'app' ? undefined : e.target.value, area: undefined }))}>
            <option value="app">Säkerhet (hela avsnittet)</option>
            <option value="area">Säkerhetsområde</option>
            <option value="documents">Styrande dokument</option>
            <option value="report">Rapportera händelse</option>
            <option value="situation">Lägesbild</option>
          </select>
        </label>
      </div>
    </header>
  );
}

async function main(): Promise<void> {
  const root = document.getElementById('root')!;
  const origin = window.location.origin;
  const sp = createSp(devSpfxContext(origin));
  const view = webPartView(webpart, { areaKey });
  // As a web part wires it: Graph through (the dev host's stand-in for) MSGraphClientV3, mail in
  // the site's language, and a link to this page when it shows the whole section.
  const services = createServices(sp, SITE_URL, undefined, {
    graph: async () => devGraphClient(origin),
    strings: () => loadStrings(normalizeLocale(languageOfLcid(DEV_SITE_LANGUAGE))),
    reportLink: reportLinks(`${origin}${SITE_URL}`, INCIDENTS_LIST.url, view.mode === 'app' && hostKind === 'sharepoint' ? `${origin}/` : undefined)
  });
  const usersResponse = await fetch('/_dev/users');
  const { users, current } = (await usersResponse.json()) as { users: IDevUser[]; current?: string };

  let host: IHost;
  let teams: DevTeams | undefined;
  if (hostKind === 'teams') {
    teams = new DevTeams(themeParam, lang ?? 'sv-se', params.get('subEntityId') ?? undefined);
    host = await teamsHost(teams, lang, languageOfLcid(DEV_SITE_LANGUAGE));
  } else {
    host = { kind: 'sharepoint', locale: normalizeLocale(lang ?? 'sv-SE'), theme: 'light', contentLanguage: languageOfLcid(DEV_SITE_LANGUAGE) };
  }

  document.documentElement.lang = host.locale;
  document.body.dataset.host = hostKind;
  document.body.dataset.theme = hostKind === 'teams' ? themeParam : 'default';
  teams?.onTheme((t) => (document.body.dataset.theme = t));

  const bar = document.createElement('div');
  const page = document.createElement('div');
  root.append(bar, page);
  ReactDom.render(<DevBar users={users} current={current} teams={teams} />, bar);
  if (devPage === 'outbox') {
    document.title = 'Utkorg – Säkerhet, lokal utvecklingsmiljö';
    ReactDom.render(<Outbox />, page);
    return;
  }

  // A SharePoint page has its own title and main region around the web part; a Teams tab is the app alone.
  let canvas: HTMLElement = page;
  if (hostKind === 'sharepoint') {
    page.className = 'sp-page';
    page.innerHTML = '<div class="sp-suitebar">SharePoint · Ledningssystemet</div><main class="sp-canvas" id="sp-main"><h1 class="sp-title"></h1><div class="sp-webpart"></div></main>';
    const pageTitle = languageOf(host.locale) === 'en' ? 'Management system' : 'Ledningssystemet';
    page.querySelector('.sp-title')!.textContent = pageTitle;
    // SharePoint titles a page after the page itself; the web part finds this title when it starts.
    document.title = pageTitle;
    canvas = page.querySelector('.sp-webpart')!;
  } else {
    page.className = 'teams-tab';
  }

  if (!view.home) {
    mountNotConfigured(canvas, host);
    return;
  }
  mountApp(canvas, {
    services,
    host,
    home: view.home,
    mode: view.mode,
    routing: view.mode === 'app' ? 'hash' : 'memory',
    headingLevel: host.kind === 'teams' ? 1 : 2
  });
}

main().catch((err) => {
  document.getElementById('root')!.textContent = `The dev host could not start: ${(err as Error).message}`;
});
