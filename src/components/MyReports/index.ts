export { MyReports } from './MyReports';
