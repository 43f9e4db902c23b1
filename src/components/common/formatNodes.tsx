import * as React from 'react';

/**
 * `format` for React: fills {0}, {1}, … with nodes, so that a value inside a sentence can carry its
 * own markup – list content its language (<ListText>), a name its emphasis. `text` wraps the
 * template's own words (e.g. to hide them visually). Plain placeholders only; a placeholder with
 * no value stays visible, as in `format`.
 */
export function formatNodes(template: string, values: React.ReactNode[], text: (words: string) => React.ReactNode = (w) => w): React.ReactNode {
  const parts = template.split(/\{(\d+)\}/);
  return parts.map((part, i) => {
    if (i % 2 === 0) {
      return part ? <React.Fragment key={i}>{text(part)}</React.Fragment> : null;
    }
    const value = values[Number(part)];
    return <React.Fragment key={i}>{value === undefined ? `{${part}}` : value}</React.Fragment>;
  });
}
