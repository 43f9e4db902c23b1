/** Labels for choice keys, from the user's strings. */
import type { IStrings } from '../../loc';

type Group =
  | 'eventType'
  | 'eventTypeHelp'
  | 'severity'
  | 'severityHelp'
  | 'incidentStatus'
  | 'goalStatus'
  | 'documentType'
  | 'documentStatus'
  | 'actionStatus'
  | 'authority'
  | 'riskStatus'
  | 'riskLevel'
  | 'assessmentStatus'
  | 'likelihood'
  | 'likelihoodHelp'
  | 'consequence'
  | 'consequenceHelp';

export function label(strings: IStrings, group: Group, key: string): string {
  const value = (strings as unknown as Record<string, string>)[`${group}_${key}`];
  return value ?? key;
}
