export { InstallationCheck as default } from './InstallationCheck';
