import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useHost, useRouter, useStrings } from '../../hooks/useHost';
import { INavigationUser, KnownUserContext, ViewSectionContext, ViewTitleContext } from '../../hooks/contexts';
import { documentTitle, routeTitle } from '../../app/documentTitle';
import { useFocusRescue } from '../../app/focusRescue';
import { LeaveDialog } from './LeaveDialog';
import { Route, routePath, sameRoute } from '../../app/routes';
import { RouteLink } from '../common/RouteLink';

const useStyles = makeStyles((theme) => ({
  root: {
    color: theme.semanticColors.bodyText,
    background: theme.semanticColors.bodyBackground,
    fontFamily: theme.fonts.medium.fontFamily,
    fontSize: theme.fonts.medium.fontSize,
    lineHeight: '1.5',
    containerType: 'inline-size',
    minWidth: 0
  },
  skip: {
    position: 'absolute',
    left: -10000,
    top: 'auto',
    width: 1,
    height: 1,
    overflow: 'hidden',
    selectors: {
      ':focus': { position: 'static', width: 'auto', height: 'auto', display: 'inline-block', margin: 8, padding: '4px 8px', outline: `2px solid ${theme.semanticColors.focusBorder}` }
    }
  },
  header: {
    // The navigation is not printed (the säkerhetsberättelse goes on paper to the board).
    selectors: { '@media print': { display: 'none' } },
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 24px',
    padding: '8px 0 12px',
    borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`,
    marginBottom: 16
  },
  navList: { listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '4px 16px', margin: 0, padding: 0 },
  navLink: {
    display: 'inline-block',
    padding: '6px 2px',
    fontSize: theme.fonts.mediumPlus.fontSize,
    borderBottom: '2px solid transparent',
    selectors: {
      '&[aria-current="page"]': {
        borderBottomColor: theme.palette.themePrimary,
        fontWeight: 600,
        selectors: { '@media (forced-colors: active)': { borderBottomColor: 'LinkText' } }
      },
      // Forced colours paint every border, the transparent ones too, and Fluent's Link drops its
      // bottom border there: the line is drawn again, in the page's colour except under the
      // current section (system colours are kept as the author gave them).
      '@media (forced-colors: active)': { borderBottom: '2px solid Canvas' }
    }
  },
  back: { display: 'inline-flex', alignItems: 'center', gap: 6, marginBottom: 12, selectors: { '@media print': { display: 'none' } } },
  main: { outline: 'none', minWidth: 0 }
}));

type NavKey = 'navOverview' | 'navQueue' | 'navSituation' | 'navDocuments' | 'navMyReports' | 'navReport';

/**
 * The navigation. `handlers`: for the people who handle reports, once a view has told who is
 * signed in. `reporters`: hidden once a view has told that the user may not file reports (an
 * intranet visitor has no access to Händelser).
 */
const NAV: { key: NavKey; route: Route; handlers?: boolean; reporters?: boolean }[] = [
  { key: 'navOverview', route: { name: 'overview' } },
  { key: 'navQueue', route: { name: 'queue' }, handlers: true },
  { key: 'navSituation', route: { name: 'situation' }, handlers: true },
  { key: 'navDocuments', route: { name: 'documents' } },
  { key: 'navMyReports', route: { name: 'myReports' }, reporters: true },
  { key: 'navReport', route: { name: 'report' }, reporters: true }
];

/** The navigation section a route belongs to; a view may say otherwise (ViewSectionContext). */
function sectionOf(route: Route): string {
  switch (route.name) {
    case 'area':
    case 'risk':
    case 'newRisk':
      return 'overview';
    case 'reportDetail':
      // Until the report has loaded: her own report is the common case.
      return 'myReports';
    case 'annualReport':
      return 'situation';
    default:
      return route.name;
  }
}

/** Names the page after the view (see app/documentTitle.ts for what each host gets, and why). */
function usePageTitle(view: string): void {
  const host = useHost();
  const { strings } = useStrings();
  const { route, home, routing } = useRouter();
  const [pageTitle] = React.useState(() => document.title);
  const applied = React.useRef<string>();
  const title = documentTitle({ host: host.kind, routing, route, home, view, pageTitle }, strings);
  React.useEffect(() => {
    if (title !== undefined && document.title !== title) {
      document.title = title;
      applied.current = title;
    }
  }, [title]);
  // Leaving (SharePoint disposes the web part): give the page its title back, unless the page
  // has named itself anew meanwhile.
  React.useEffect(
    () => () => {
      if (applied.current !== undefined && document.title === applied.current) {
        document.title = pageTitle;
      }
    },
    [pageTitle]
  );
}

/**
 * The section's frame: a skip link, the title and navigation (whole-section mode) or a way back
 * (single-view web parts), and the content landmark that takes focus after navigation. It names
 * the page after the view, and catches focus that would otherwise fall to the page's body.
 */
export function Shell({ children }: { children: React.ReactNode }): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const host = useHost();
  const router = useRouter();
  const main = React.useRef<HTMLElement>(null);
  const root = React.useRef<HTMLDivElement>(null);
  const path = routePath(router.route);
  const [viewTitle, setViewTitleState] = React.useState<{ path: string; title: string }>();
  const setViewTitle = React.useCallback((p: string, title: string) => setViewTitleState({ path: p, title }), []);
  const [user, setUser] = React.useState<INavigationUser>();
  const announceUser = React.useCallback((u: INavigationUser) => setUser((was) => (was && was.canManageReports === u.canManageReports && was.canReport === u.canReport ? was : { canManageReports: u.canManageReports, canReport: u.canReport })), []);
  const [viewSection, setViewSectionState] = React.useState<{ path: string; section: string }>();
  const setViewSection = React.useCallback((p: string, section: string) => setViewSectionState({ path: p, section }), []);
  const section = viewSection?.path === path ? viewSection.section : sectionOf(router.route);
  const shown = NAV.filter((item) => (!item.handlers || user?.canManageReports === true) && (!item.reporters || user?.canReport !== false));
  usePageTitle(viewTitle?.path === path ? viewTitle.title : routeTitle(router.route, strings));

  // Focus fell to the body: to the view's title, or, while the view loads, to the content region
  // and then to the title once it is there.
  useFocusRescue(root, () => {
    const title = root.current?.querySelector<HTMLElement>('[data-view-title]');
    if (title) {
      title.focus();
    } else {
      router.focusRequest.current = true;
      main.current?.focus();
    }
  });

  const skip = (e: React.MouseEvent): void => {
    e.preventDefault();
    main.current?.focus();
  };
  // On a SharePoint page the page has its own main landmark; in Teams the app is the page.
  const Landmark = host.kind === 'teams' || host.headingLevel === 1 ? 'main' : 'section';

  return (
    <div className={classes.root} ref={root}>
      <a className={classes.skip} href={`#/${routePath(router.route)}`} onClick={skip}>
        {strings.skipToContent}
      </a>
      {router.mode === 'app' ? (
        <div className={classes.header}>
          <nav aria-label={strings.mainNavigation}>
            <ul className={classes.navList}>
              {shown.map((item) => (
                <li key={item.key}>
                  <RouteLink to={item.route} className={classes.navLink} aria-current={section === item.route.name ? 'page' : undefined}>
                    {strings[item.key]}
                  </RouteLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      ) : (
        !sameRoute(router.route, router.home) && (
          <RouteLink to={router.home} className={classes.back}>
            <Icon iconName="Back" />
            {strings.back}
          </RouteLink>
        )
      )}
      <Landmark ref={main as React.RefObject<HTMLElement>} tabIndex={-1} className={classes.main} aria-label={Landmark === 'section' ? strings.appTitle : undefined}>
        <ViewTitleContext.Provider value={setViewTitle}>
          <KnownUserContext.Provider value={announceUser}>
            <ViewSectionContext.Provider value={setViewSection}>{children}</ViewSectionContext.Provider>
          </KnownUserContext.Provider>
        </ViewTitleContext.Provider>
      </Landmark>
      <LeaveDialog />
    </div>
  );
}
