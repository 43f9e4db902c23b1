export { default } from './AnnualReport';
