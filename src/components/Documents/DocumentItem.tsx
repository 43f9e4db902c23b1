import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { Link } from '@fluentui/react/lib/Link';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IArea, IGoverningDocument } from '../../model/types';
import { formatDate, isoDate } from '../common/format';
import { fileHref } from '../common/fileHref';
import { formatNodes } from '../common/formatNodes';
import { ListText } from '../common/ListText';
import { visuallyHiddenStyle } from '../common/styles';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { StatusBadge } from '../common/StatusBadge';
import { validityOf } from './validity';

const useStyles = makeStyles((theme) => ({
  item: {
    padding: '12px 16px',
    border: `1px solid ${theme.semanticColors.bodyDivider}`,
    borderRadius: 4,
    display: 'grid',
    gap: 6
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 12px' },
  title: { margin: 0, fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600, overflowWrap: 'anywhere' },
  meta: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))',
    gap: '4px 16px',
    fontSize: theme.fonts.small.fontSize
  },
  metaItem: { margin: 0, minWidth: 0 },
  term: { color: theme.semanticColors.bodySubtext },
  value: { margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: 6 },
  hidden: visuallyHiddenStyle
}));

/** Words for screen readers only; the spaces around them stay visible text, so the name reads "Öppna X", not "ÖppnaX". */
function hide(words: string, className: string): React.ReactNode {
  const [, before, core, after] = /^(\s*)(.*?)(\s*)$/s.exec(words)!;
  return (
    <>
      {before}
      {core && <span className={className}>{core}</span>}
      {after}
    </>
  );
}

export interface IDocumentItemProps {
  doc: IGoverningDocument;
  areas: IArea[];
  /** The moment "today" is taken from (on the site's calendar). */
  now: Date;
  /** Heading depth of the document title within the view. */
  depth: 1 | 2;
}

/** One governing document with its metadata; the title opens the file. */
export function DocumentItem({ doc, areas, now, depth }: IDocumentItemProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  const validity = validityOf(doc, now, zone);
  const areaNames = doc.areaIds.length === 0 ? strings.appliesToAllAreas : <ListText>{doc.areaIds.map((id) => areas.find((a) => a.id === id)?.title ?? '').filter(Boolean).join(', ')}</ListText>;
  const meta: [string, React.ReactNode][] = [
    [strings.documentType, label(strings, 'documentType', doc.documentType)],
    [strings.registrationNumber, doc.registrationNumber || strings.noneGiven],
    [strings.version, doc.version],
    [strings.documentOwner, doc.owner?.displayName ?? strings.noneGiven],
    [strings.approvedBy, <ListText key="by">{doc.approvedBy}</ListText>],
    [strings.validFrom, <time key="from" dateTime={isoDate(doc.validFrom, zone)}>{formatDate(doc.validFrom, locale, zone)}</time>],
    [strings.validTo, doc.validTo ? <time key="to" dateTime={isoDate(doc.validTo, zone)}>{formatDate(doc.validTo, locale, zone)}</time> : strings.untilFurtherNotice],
    [strings.area, areaNames]
  ];
  return (
    <article className={classes.item}>
      <div className={classes.head}>
        <Heading depth={depth} className={classes.title}>
          {/* The name is the link's own text, not an aria-label, so the title keeps its language. */}
          <Link href={fileHref(doc.fileUrl)} target="_blank" rel="noopener noreferrer">
            <Icon iconName="Page" aria-hidden="true" />{' '}
            {formatNodes(strings.openDocument, [<span key="t" lang={lang}>{doc.title}</span>], (words) => hide(words, classes.hidden))} {hide(strings.opensInNewWindow, classes.hidden)}
          </Link>
        </Heading>
        <span className={classes.badges}>
          <StatusBadge tone={doc.status === 'approved' ? 'good' : doc.status === 'repealed' ? 'bad' : 'neutral'}>{label(strings, 'documentStatus', doc.status)}</StatusBadge>
          {validity === 'expired' && doc.status !== 'repealed' && <StatusBadge tone="bad">{strings.expired}</StatusBadge>}
          {validity === 'expiring' && <StatusBadge tone="warning">{strings.expiresSoon}</StatusBadge>}
        </span>
      </div>
      <dl className={classes.meta}>
        {meta.map(([term, value]) => (
          <div key={term} className={classes.metaItem}>
            <dt className={classes.term}>{term}</dt>
            <dd className={classes.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
