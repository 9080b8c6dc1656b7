// The HTTP edge: the Hono app, its start-up and first-start seeding.
export {
  closeApp,
  createApp,
  drainApp,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_STATIC_DIR,
} from './app.js';
export { passwordProblem, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './password-policy.js';
export type { AppOptions } from './context.js';
export { startServer, type StartOptions, type Started } from './start.js';
export { seedIfEmpty, REFERENCE_SCENARIOS, type SeedResult } from './seed.js';
export { openApiDocument } from './openapi.js';
export { hashPassword, verifyPassword, randomPassword } from './password.js';
export { SESSION_COOKIE } from './session.js';
