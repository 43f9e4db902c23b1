export { default } from './ReportForm';
