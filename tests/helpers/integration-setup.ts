/**
 * Starting a sample site runs the product's installation check over HTTP (dev/emulator/seed.ts):
 * about 10 s in a beforeAll on these shared 2 cores under load, past jest's default 5 s. Machine
 * speed only; no assertion changes. (Jest 29 takes testTimeout only globally, hence this file.)
 */
jest.setTimeout(60000);
