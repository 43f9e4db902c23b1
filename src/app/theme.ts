/**
 * The three looks the app has: light (SharePoint's and Teams' default), dark and high contrast
 * (Teams' themes). Colours are chosen for WCAG 2.1 AA contrast in each.
 */
import { createTheme, ITheme } from '@fluentui/react/lib/Styling';

export type ThemeName = 'light' | 'dark' | 'contrast';

const light = createTheme({
  palette: {
    themePrimary: '#005a9e',
    themeLighterAlt: '#f1f6fa',
    themeLighter: '#c9dcec',
    themeLight: '#9ec0dc',
    themeTertiary: '#4c8bbe',
    themeSecondary: '#0f6aa9',
    themeDarkAlt: '#00518f',
    themeDark: '#004479',
    themeDarker: '#003259',
    neutralSecondary: '#5c5c5c'
  }
});

const dark = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#6cb8f6',
    themeLighterAlt: '#04070a',
    themeLighter: '#111d27',
    themeLight: '#20374a',
    themeTertiary: '#416e94',
    themeSecondary: '#5fa2d9',
    themeDarkAlt: '#7bbff7',
    themeDark: '#90caf8',
    themeDarker: '#afd8fa',
    neutralLighterAlt: '#262626',
    neutralLighter: '#2f2f2f',
    neutralLight: '#3d3d3d',
    neutralQuaternaryAlt: '#464646',
    neutralQuaternary: '#4d4d4d',
    neutralTertiaryAlt: '#6b6b6b',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
});

const contrast = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#ffff00',
    themeLighterAlt: '#000000',
    themeLighter: '#000000',
    themeLight: '#3a3a00',
    themeTertiary: '#ffff00',
    themeSecondary: '#ffff00',
    themeDarkAlt: '#ffff66',
    themeDark: '#ffff99',
    themeDarker: '#ffffcc',
    neutralLighterAlt: '#000000',
    neutralLighter: '#000000',
    neutralLight: '#1a1a1a',
    neutralQuaternaryAlt: '#000000',
    neutralQuaternary: '#ffffff',
    neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000'
  },
  semanticColors: {
    bodyBackground: '#000000',
    bodyText: '#ffffff',
    link: '#ffff00',
    linkHovered: '#1aebff',
    inputBorder: '#ffffff',
    inputBackground: '#000000',
    inputText: '#ffffff',
    buttonBorder: '#ffffff',
    buttonText: '#ffffff',
    buttonBackground: '#000000',
    buttonBackgroundHovered: '#1a1a1a',
    primaryButtonBackground: '#ffff00',
    primaryButtonText: '#000000',
    primaryButtonBackgroundHovered: '#1aebff',
    primaryButtonTextHovered: '#000000',
    focusBorder: '#1aebff',
    bodyDivider: '#ffffff',
    disabledText: '#3ff23f',
    errorText: '#ff8c8c'
  }
});

export const THEMES: Record<ThemeName, ITheme> = { light, dark, contrast };

/** Teams' theme names: default, dark, contrast. */
export function themeFromTeams(name: string | undefined): ThemeName {
  return name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light';
}

/** Status colours that keep 4.5:1 against the theme's background. */
export interface IStatusColors {
  good: string;
  warning: string;
  bad: string;
  neutral: string;
}

export function statusColors(name: ThemeName): IStatusColors {
  switch (name) {
    case 'dark':
      return { good: '#92c353', warning: '#f8d22a', bad: '#ff8c8c', neutral: '#c8c8c8' };
    case 'contrast':
      return { good: '#3ff23f', warning: '#ffff00', bad: '#ff8c8c', neutral: '#ffffff' };
    default:
      return { good: '#107c10', warning: '#8a5a00', bad: '#a4262c', neutral: '#5c5c5c' };
  }
}
