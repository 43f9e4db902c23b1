export { default } from './Situation';
