export { AreaPage } from './AreaPage';
