import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useHost, useRouter, useStrings } from '../../hooks/useHost';
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
    selectors: { '&[aria-current="page"]': { borderBottomColor: theme.palette.themePrimary, fontWeight: 600 } }
  },
  back: { display: 'inline-flex', alignItems: 'center', gap: 6, marginBottom: 12 },
  main: { outline: 'none', minWidth: 0 }
}));

const NAV: { key: 'navOverview' | 'navDocuments' | 'navMyReports' | 'navReport'; route: Route }[] = [
  { key: 'navOverview', route: { name: 'overview' } },
  { key: 'navDocuments', route: { name: 'documents' } },
  { key: 'navMyReports', route: { name: 'myReports' } },
  { key: 'navReport', route: { name: 'report' } }
];

function sectionOf(route: Route): string {
  // The area pages belong to the overview, a report's page to My reports.
  switch (route.name) {
    case 'area':
      return 'overview';
    case 'reportDetail':
      return 'myReports';
    default:
      return route.name;
  }
}

/**
 * The section's frame: a skip link, the title and navigation (whole-section mode) or a way back
 * (single-view web parts), and the content landmark that takes focus after navigation.
 */
export function Shell({ children }: { children: React.ReactNode }): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const host = useHost();
  const router = useRouter();
  const main = React.useRef<HTMLElement>(null);

  const skip = (e: React.MouseEvent): void => {
    e.preventDefault();
    main.current?.focus();
  };
  // On a SharePoint page the page has its own main landmark; in Teams the app is the page.
  const Landmark = host.kind === 'teams' || host.headingLevel === 1 ? 'main' : 'section';

  return (
    <div className={classes.root}>
      <a className={classes.skip} href={`#/${routePath(router.route)}`} onClick={skip}>
        {strings.skipToContent}
      </a>
      {router.mode === 'app' ? (
        <div className={classes.header}>
          <nav aria-label={strings.mainNavigation}>
            <ul className={classes.navList}>
              {NAV.map((item) => (
                <li key={item.key}>
                  <RouteLink to={item.route} className={classes.navLink} aria-current={sectionOf(router.route) === item.route.name ? 'page' : undefined}>
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
        {children}
      </Landmark>
    </div>
  );
}
