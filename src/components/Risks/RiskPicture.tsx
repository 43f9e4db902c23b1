import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useContentLang, useHost, useStrings } from '../../hooks/useHost';
import { heatMap, isDueForReview, isLate } from '../../analytics/risks';
import { GRADES, riskLevel } from '../../model/risk';
import { CONSEQUENCES, LIKELIHOODS, RiskLevelKey } from '../../model/schema';
import type { TimeZone } from '../../model/calendar';
import type { IAction, IArea, IRisk } from '../../model/types';
import type { ThemeName } from '../../app/theme';
import { Button } from '../common/Button';
import { formatDate, isoDate } from '../common/format';
import { Heading } from '../common/Heading';
import { LiveRegion } from '../common/LiveRegion';
import { StatusBadge } from '../common/StatusBadge';
import { cardListStyles, NARROW, scrollerStyle, tableStyle } from '../common/styles';

/**
 * A level's cell colours per theme, each pair with a text contrast of at least 4.5:1; the level's
 * name is written in every cell as well, so colour is never the only carrier (WCAG 1.4.1) and
 * Windows contrast themes, which drop backgrounds, still show it.
 */
export function levelColors(theme: ThemeName): Record<RiskLevelKey, { background: string; color: string }> {
  if (theme === 'contrast') {
    const plain = { background: '#000000', color: '#ffffff' };
    return { low: plain, medium: plain, high: plain, veryHigh: plain };
  }
  if (theme === 'dark') {
    return {
      low: { background: '#92c353', color: '#000000' },
      medium: { background: '#f8d22a', color: '#000000' },
      high: { background: '#fc9a5c', color: '#000000' },
      veryHigh: { background: '#ff8c8c', color: '#000000' }
    };
  }
  return {
    low: { background: '#107c10', color: '#ffffff' },
    medium: { background: '#8a5a00', color: '#ffffff' },
    high: { background: '#c43e1c', color: '#ffffff' },
    veryHigh: { background: '#750b1c', color: '#ffffff' }
  };
}

const useStyles = makeStyles((theme) => ({
  section: { margin: '0 0 28px' },
  sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  subTitle: { margin: '16px 0 8px', fontSize: theme.fonts.large.fontSize, fontWeight: 600 },
  help: { margin: '0 0 8px', maxWidth: '75ch', color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  toggle: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '0 0 12px' },
  // The lists of risks and measures become cards where the section is narrow (issue 14).
  ...cardListStyles(theme),
  matrixScroller: scrollerStyle,
  // The matrix stays a matrix on a phone: tighter, smaller type, long scale words wrap.
  matrix: {
    borderCollapse: 'separate',
    borderSpacing: '4px',
    selectors: {
      caption: { textAlign: 'left', fontWeight: 600, padding: '0 0 4px' },
      th: { fontWeight: 600, padding: '4px 8px', textAlign: 'left', verticalAlign: 'middle', fontSize: theme.fonts.small.fontSize },
      td: { minWidth: '3.5rem', height: '3.5rem', padding: '2px 4px', textAlign: 'center', verticalAlign: 'middle', borderRadius: 4, border: '2px solid transparent' },
      [NARROW]: {
        borderSpacing: '2px',
        selectors: {
          th: { padding: 2, fontSize: theme.fonts.xSmall.fontSize, overflowWrap: 'anywhere', hyphens: 'auto' },
          td: { minWidth: 0, height: '3rem', padding: 1 }
        }
      }
    }
  },
  count: { display: 'block', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600, lineHeight: '1.2', selectors: { [NARROW]: { fontSize: theme.fonts.large.fontSize } } },
  level: { display: 'block', fontSize: theme.fonts.small.fontSize, selectors: { [NARROW]: { fontSize: theme.fonts.xSmall.fontSize } } },
  table: tableStyle(theme, '6px 12px 6px 0')
}));

export interface IRiskPictureProps {
  risks: readonly IRisk[];
  riskActions: readonly IAction[];
  areas: readonly IArea[];
  /** One area's picture; all areas' otherwise. */
  area?: IArea;
  now: Date;
  timeZone: TimeZone;
}

/**
 * The lägesbild's risk picture: a 4×4 heat map of the register (rows sannolikhet, highest first;
 * columns konsekvens), before or after measures, as a real table with its counts and levels in
 * every cell, so it reads the same to a screen reader as it looks; then the risks due for review
 * and the risk measures that are late.
 */
export function RiskPicture({ risks: allRisks, riskActions, areas, area, now, timeZone }: IRiskPictureProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const { theme } = useHost();
  const contentLang = useContentLang();
  const [when, setWhen] = React.useState<'before' | 'after'>('before');
  const [announced, setAnnounced] = React.useState('');
  const risks = area ? allRisks.filter((r) => r.areaId === area.id) : allRisks;
  const riskIds = new Set(risks.map((r) => r.id));
  const counts = heatMap(risks, when);
  const colors = levelColors(theme);
  const whenText = when === 'before' ? strings.riskBeforeMeasures : strings.riskAfterMeasures;
  const due = risks.filter((r) => isDueForReview(r, now, timeZone)).sort((a, b) => (a.nextReview?.getTime() ?? 0) - (b.nextReview?.getTime() ?? 0));
  const late = riskActions.filter((a) => a.riskId !== undefined && riskIds.has(a.riskId) && isLate(a, now, timeZone));
  const areaTitle = (id: number): string => areas.find((a) => a.id === id)?.title ?? '';
  const riskTitle = (id: number | undefined): string => risks.find((r) => r.id === id)?.title ?? '';
  const nextReview = (r: IRisk): React.ReactNode =>
    r.nextReview ? (
      <StatusBadge tone="warning">
        <time dateTime={isoDate(r.nextReview, timeZone)}>{formatDate(r.nextReview, locale, timeZone)}</time>
      </StatusBadge>
    ) : (
      strings.notScheduled
    );
  const lateDue = (a: IAction): JSX.Element => (
    <StatusBadge tone="bad">
      <time dateTime={isoDate(a.dueDate, timeZone)}>{formatDate(a.dueDate, locale, timeZone)}</time>
    </StatusBadge>
  );
  const assessed = heatMap(risks, 'before').flat().reduce((a, b) => a + b, 0);
  const text = strings as unknown as Record<string, string>;

  const choose = (next: 'before' | 'after'): void => {
    setWhen(next);
    setAnnounced(format(strings.riskMatrixShown, (next === 'before' ? strings.riskBeforeMeasures : strings.riskAfterMeasures).toLowerCase()));
  };

  return (
    <section className={classes.section} aria-labelledby="risk-picture-heading">
      <Heading depth={1} className={classes.sectionTitle} id="risk-picture-heading">
        {strings.riskPictureHeading}
      </Heading>
      <p className={classes.help}>{strings.riskPictureIntro}</p>
      <LiveRegion kind="status">{announced}</LiveRegion>
      {assessed === 0 ? (
        <p>{strings.riskNoneAssessed}</p>
      ) : (
        <>
          <div className={classes.toggle} role="group" aria-label={strings.riskPictureHeading}>
            <Button aria-pressed={when === 'before'} primary={when === 'before'} onClick={() => choose('before')}>
              {strings.riskBeforeMeasures}
            </Button>
            <Button aria-pressed={when === 'after'} primary={when === 'after'} onClick={() => choose('after')}>
              {strings.riskAfterMeasures}
            </Button>
          </div>
          <div className={classes.matrixScroller} role="region" aria-label={format(strings.riskMatrixCaption, whenText.toLowerCase())} tabIndex={0}>
            <table className={classes.matrix}>
              <caption>{format(strings.riskMatrixCaption, whenText.toLowerCase())}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {strings.likelihood} \ {strings.consequence}
                  </th>
                  {CONSEQUENCES.map((c) => (
                    <th scope="col" key={c.key}>
                      {c.grade} {text[`consequence_${c.key}`]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...GRADES].reverse().map((s) => (
                  <tr key={s}>
                    <th scope="row">
                      {s} {text[`likelihood_${LIKELIHOODS[s - 1].key}`]}
                    </th>
                    {GRADES.map((k) => {
                      const level = riskLevel({ likelihood: s, consequence: k });
                      const n = counts[s - 1][k - 1];
                      const c = colors[level];
                      return (
                        <td key={k} style={{ background: c.background, color: c.color, borderColor: theme === 'contrast' ? 'currentColor' : 'transparent' }}>
                          <span className={classes.count}>{n}</span>
                          <span className={classes.level}>{text[`riskLevel_${level}`]}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <Heading depth={2} className={classes.subTitle}>
        {strings.risksDueHeading}
      </Heading>
      {due.length === 0 ? (
        <p>{strings.risksDueNone}</p>
      ) : (
        <div className={classes.scroller} role="region" aria-label={strings.risksDueHeading} tabIndex={0}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{strings.riskTitle}</th>
                {!area && <th scope="col">{strings.area}</th>}
                <th scope="col">{strings.riskLevel}</th>
                <th scope="col">{strings.nextReview}</th>
              </tr>
            </thead>
            <tbody>
              {due.map((r) => (
                <tr key={r.id}>
                  <td lang={contentLang}>{r.title}</td>
                  {!area && <td lang={contentLang}>{areaTitle(r.areaId)}</td>}
                  <td>{r.scores ? text[`riskLevel_${riskLevel(r.scores.before)}`] : '–'}</td>
                  <td>{nextReview(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {due.length > 0 && (
        <ul className={classes.cards} aria-label={strings.risksDueHeading}>
          {due.map((r) => (
            <li key={r.id} className={classes.card}>
              <p className={classes.cardTitle} lang={contentLang}>
                {r.title}
              </p>
              <p className={classes.cardFacts}>
                <span>
                  {strings.nextReview}: {nextReview(r)}
                </span>
                <span>
                  {strings.riskLevel}: {r.scores ? text[`riskLevel_${riskLevel(r.scores.before)}`] : '–'}
                </span>
                {!area && <span lang={contentLang}>{areaTitle(r.areaId)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}

      <Heading depth={2} className={classes.subTitle}>
        {strings.riskActionsLateHeading}
      </Heading>
      {late.length === 0 ? (
        <p>{strings.riskActionsLateNone}</p>
      ) : (
        <div className={classes.scroller} role="region" aria-label={strings.riskActionsLateHeading} tabIndex={0}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{strings.actionsHeading}</th>
                <th scope="col">{strings.riskTitle}</th>
                <th scope="col">{strings.actionOwner}</th>
                <th scope="col">{strings.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {late.map((a) => (
                <tr key={a.id}>
                  <td lang={contentLang}>{a.title}</td>
                  <td lang={contentLang}>{riskTitle(a.riskId)}</td>
                  <td>{a.owner?.displayName ?? ''}</td>
                  <td>{lateDue(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {late.length > 0 && (
        <ul className={classes.cards} aria-label={strings.riskActionsLateHeading}>
          {late.map((a) => (
            <li key={a.id} className={classes.card}>
              <p className={classes.cardTitle} lang={contentLang}>
                {a.title}
              </p>
              <p className={classes.cardFacts}>
                <span>
                  {strings.deadline}: {lateDue(a)}
                </span>
                <span>{a.owner?.displayName ?? ''}</span>
              </p>
              <p className={classes.cardFacts} lang={contentLang}>
                {riskTitle(a.riskId)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
