import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait up to 5 s rather than 1 s: on a loaded 2-core CI machine a lazily loaded
// view can take longer than a second to render. What the tests assert is unchanged.
configure({ asyncUtilTimeout: 5000 });
