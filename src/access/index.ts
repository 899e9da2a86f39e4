export type { Actor } from './actor.ts';
export { actorForApiKey, generateApiKey, hashApiKey, type NewApiKey } from './api-keys.ts';
export { recordAudit, type AuditEntry, type AuditOutcome } from './audit.ts';
export { authorize, mayDo } from './authorize.ts';
export { authorizeOrAudit } from './authorize-or-audit.ts';
export { cliActor } from './cli-actor.ts';
export { actorOf, CsrfRefusedError, installAuthentication } from './http-authentication.ts';
export { isRole, permissions, roles, type Action, type Role } from './roles.ts';
export { installAccessControl, permissionOf } from './access-control.ts';
export { registerAccessRoutes } from './http-routes.ts';
export { addUser, type AddUserInput } from './add-user.ts';
export { listUsers } from './list-users.ts';
export { setUserRole, type SetUserRoleInput } from './set-user-role.ts';
export { disableUser, type DisableUserInput } from './disable-user.ts';
export { createApiKey, type CreateApiKeyInput, type CreatedApiKey } from './create-api-key.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey, type RevokeApiKeyInput } from './revoke-api-key.ts';
export type { ApiKeyView } from './api-key-views.ts';
export {
  listAuditLog,
  type AuditLogEntry,
  type AuditLogFilter,
  type AuditLogPage,
} from './list-audit-log.ts';
export type { Manager } from './management-audit.ts';
export type { UserView } from './users.ts';
export { whoAmI, type WhoAmI } from './who-am-i.ts';
export { ensureDemoAdmin, type DemoAdminKey } from './ensure-demo-admin.ts';
export type { DemoAdminPassword } from './ensure-demo-password.ts';
export { setUserPassword, type SetPasswordInput } from './set-password.ts';
export { checkPassword, hashPassword, minPasswordLength, verifyPassword } from './password-hash.ts';
export {
  actorForSession,
  endSession,
  sessionCookieName,
  sessionHours,
  signIn,
  SignInFailedError,
  type NewSession,
} from './sessions.ts';
export { redacted } from './redact.ts';
