export { Documents } from './Documents';
