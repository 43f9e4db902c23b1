import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { tableStyle, visuallyHiddenStyle } from '../common/styles';
import { useStrings } from '../../hooks/useHost';
import type { Route } from '../../app/routes';
import { RouteLink } from '../common/RouteLink';

const useStyles = makeStyles((theme) => ({
  figure: { margin: 0, minWidth: 0 },
  caption: { fontWeight: 600, fontSize: theme.fonts.mediumPlus.fontSize, margin: '0 0 8px' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: '4px 16px', margin: '0 0 8px', fontSize: theme.fonts.small.fontSize, listStyle: 'none', padding: 0 },
  swatch: { display: 'inline-block', width: 12, height: 12, marginRight: 6, verticalAlign: 'middle', boxSizing: 'border-box' },
  // This year filled, the year before outlined: they differ without colour. Windows' forced colours
  // would drop the fill and leave two outlines, so there the fill is drawn in the text colour
  // and the year before gets a dashed outline.
  current: {
    background: theme.palette.themePrimary,
    border: `1px solid ${theme.palette.themePrimary}`,
    selectors: { '@media (forced-colors: active)': { forcedColorAdjust: 'none', background: 'CanvasText', borderColor: 'CanvasText' } }
  },
  previous: {
    background: 'transparent',
    border: `2px solid ${theme.semanticColors.bodySubtext}`,
    selectors: { '@media (forced-colors: active)': { forcedColorAdjust: 'none', background: 'Canvas', border: '2px dashed CanvasText' } }
  },
  rows: { display: 'grid', gap: 6 },
  row: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 11rem) 1fr', gap: 8, alignItems: 'center', fontSize: theme.fonts.small.fontSize },
  rowLabel: { overflowWrap: 'anywhere' },
  bars: { display: 'grid', gap: 2 },
  barLine: { display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 },
  bar: { height: 10, borderRadius: 1, minWidth: 1, boxSizing: 'border-box' },
  value: { whiteSpace: 'nowrap' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: 4, alignItems: 'end', height: 140, borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` },
  column: { display: 'flex', alignItems: 'flex-end', justifyContent: 'center', gap: 1, height: '100%' },
  colBar: { width: '45%', minHeight: 1, boxSizing: 'border-box' },
  colLabels: { display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: 4, fontSize: theme.fonts.xSmall.fontSize, textAlign: 'center', marginTop: 4 },
  srOnly: visuallyHiddenStyle,
  details: { marginTop: 8, selectors: { summary: { cursor: 'pointer', color: theme.semanticColors.link }, 'summary:focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}` } } },
  table: [tableStyle(theme, '2px 12px 2px 0'), { width: 'auto', marginTop: 6, fontSize: theme.fonts.small.fontSize }]
}));

export interface IChartRow {
  label: string;
  current: number;
  previous?: number;
  /** The work queue with these reports (this year's), linked from the table's number. */
  to?: Route;
}

export interface IChartProps {
  id: string;
  title: string;
  rows: IChartRow[];
  currentLabel: string;
  previousLabel?: string;
  /** Twelve month columns instead of horizontal bars. */
  columns?: boolean;
}

/**
 * A chart a person would rather look at than read: bars for this year, outlined bars for the year
 * before (so the two differ without colour). The same numbers are one click away as a table, and
 * screen readers get the table rather than the drawing.
 */
export function Chart({ id, title, rows, currentLabel, previousLabel, columns }: IChartProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const max = Math.max(1, ...rows.map((r) => Math.max(r.current, r.previous ?? 0)));
  const compare = previousLabel !== undefined;
  return (
    <figure className={classes.figure} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className={classes.caption}>
        {title}
      </figcaption>
      <div aria-hidden="true">
        <ul className={classes.legend}>
          <li>
            <span className={`${classes.swatch} ${classes.current}`} />
            {currentLabel}
          </li>
          {compare && (
            <li>
              <span className={`${classes.swatch} ${classes.previous}`} />
              {previousLabel}
            </li>
          )}
        </ul>
        {columns ? (
          <>
            <div className={classes.columns}>
              {rows.map((r) => (
                <div key={r.label} className={classes.column} title={`${r.label}: ${r.current}${compare ? ` / ${r.previous}` : ''}`}>
                  <div className={`${classes.colBar} ${classes.current}`} style={{ height: `${(100 * r.current) / max}%` }} />
                  {compare && <div className={`${classes.colBar} ${classes.previous}`} style={{ height: `${(100 * (r.previous ?? 0)) / max}%` }} />}
                </div>
              ))}
            </div>
            <div className={classes.colLabels}>
              {rows.map((r) => (
                <span key={r.label}>{r.label.slice(0, 3)}</span>
              ))}
            </div>
          </>
        ) : (
          <div className={classes.rows}>
            {rows.map((r) => (
              <div key={r.label} className={classes.row}>
                <span className={classes.rowLabel}>{r.label}</span>
                <span className={classes.bars}>
                  <span className={classes.barLine}>
                    <span className={`${classes.bar} ${classes.current}`} style={{ width: `${(85 * r.current) / max}%` }} />
                    <span className={classes.value}>{r.current}</span>
                  </span>
                  {compare && (
                    <span className={classes.barLine}>
                      <span className={`${classes.bar} ${classes.previous}`} style={{ width: `${(85 * (r.previous ?? 0)) / max}%` }} />
                      <span className={classes.value}>{r.previous}</span>
                    </span>
                  )}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
      <details className={classes.details}>
        <summary>{strings.showAsTable}</summary>
        <table className={classes.table}>
          <caption className={classes.srOnly}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns ? strings.month : strings.category}</th>
              <th scope="col" className="num">
                {currentLabel}
              </th>
              {compare && (
                <th scope="col" className="num">
                  {previousLabel}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.to ? <RouteLink to={r.to}>{r.current}</RouteLink> : r.current}</td>
                {compare && <td className="num">{r.previous}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
