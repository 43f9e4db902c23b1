export { default } from './ReportDetail';
