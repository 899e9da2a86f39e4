export type { Actor } from './actor.ts';
export { actorForApiKey, generateApiKey, hashApiKey, type NewApiKey } from './api-keys.ts';
export { recordAudit, type AuditEntry, type AuditOutcome } from './audit.ts';
export { authorize, mayDo } from './authorize.ts';
export { cliActor } from './cli-actor.ts';
export { actorOf, installAuthentication } from './http-authentication.ts';
export { isRole, permissions, roles, type Action, type Role } from './roles.ts';
