/** The password rule the API applies (libs/domain/src/accounts/account-rules.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A same-site path to return to after signing in (`?till=`): it starts with one slash, never two or a backslash. */
export function safeReturnPath(value: string | null, fallback = '/start'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
