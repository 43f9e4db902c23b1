import * as React from 'react';
import type { IServices } from '../services/interfaces';
import { ServicesContext } from './contexts';

export function useServices(): IServices {
  const services = React.useContext(ServicesContext);
  if (!services) {
    throw new Error('useServices needs a ServicesContext provider');
  }
  return services;
}
