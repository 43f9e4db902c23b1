export { default } from './Queue';
