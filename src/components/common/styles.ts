/** Looks several components share, so that every control and table in the app looks alike. */
import type { IRawStyle, ITheme } from '@fluentui/react/lib/Styling';

/** A form control: the theme's input colours, and a focus ring that shows in every theme. */
export function controlStyle(theme: ITheme): IRawStyle {
  return {
    font: 'inherit',
    minHeight: 32,
    padding: '4px 8px',
    color: theme.semanticColors.inputText,
    background: theme.semanticColors.inputBackground,
    border: `1px solid ${theme.semanticColors.inputBorder}`,
    borderRadius: 2,
    selectors: {
      ':hover': { borderColor: theme.semanticColors.inputBorderHovered },
      ':focus': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '1px' },
      '::placeholder': { color: theme.semanticColors.inputPlaceholderText, opacity: 1 }
    }
  };
}

/** A data table: rows divided by lines, cells aligned to the top; cells with class `num` align right. */
export function tableStyle(theme: ITheme, cellPadding: string = '8px 12px 8px 0'): IRawStyle {
  return {
    width: '100%',
    borderCollapse: 'collapse',
    selectors: {
      'th, td': { textAlign: 'left', padding: cellPadding, borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, verticalAlign: 'top' },
      th: { fontWeight: 600 },
      // Values with units ("1,6 per 1 000 vårddagar") may wrap, so that narrow screens keep the text columns readable.
      'td.num, th.num': { textAlign: 'right' }
    }
  };
}

/** Lets a wide table scroll on its own at 320 px instead of the page. */
export const scrollerStyle: IRawStyle = { overflowX: 'auto', maxWidth: '100%' };

/**
 * Narrow: the section's own width – a phone, or a narrow column of a SharePoint page – not the
 * window's (the shell is the size container, `container-type: inline-size`).
 */
export const NARROW = narrowerThan('40rem');

/** The container query for a section narrower than `width` (a CSS length). */
export function narrowerThan(width: string): string {
  return `@container (max-width: ${width})`;
}

/**
 * A table that becomes a list of cards when narrow (issue 14: key columns never pushed out of
 * sight): `scroller` holds the table and hides when narrow, `cards` shows instead.
 * @param narrow the container query below which the cards show (a table with many columns needs more room)
 */
export function cardListStyles(theme: ITheme, narrow: string = NARROW): Record<'scroller' | 'cards' | 'card' | 'cardTitle' | 'cardFacts', IRawStyle | IRawStyle[]> {
  return {
    // On paper the table, whatever the width of the page.
    scroller: [scrollerStyle, { selectors: { [narrow]: { display: 'none' }, '@media print': { display: 'block' } } }],
    cards: { display: 'none', listStyle: 'none', margin: 0, padding: 0, selectors: { [narrow]: { display: 'grid', gap: 8 }, '@media print': { display: 'none' } } },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, display: 'grid', gap: 4, overflowWrap: 'anywhere' },
    cardTitle: { margin: 0, fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600 },
    cardFacts: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 12px', fontSize: theme.fonts.small.fontSize }
  };
}

/** Text for screen readers only: out of sight, still read (not display: none, which hides it from them too). */
export const visuallyHiddenStyle: IRawStyle = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap'
};
