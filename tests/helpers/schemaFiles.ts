export { LISTS } from '../../src/model/schema';
export { schemaFileName as schemaFileNameFor } from '../../scripts/feature-assets';
