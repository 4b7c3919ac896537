import { t } from './language';

/** How this console signs in: Cognito's user pool in AWS, the local demo agents under npm start. */
export type ConsoleConfig =
  | { mode: 'local'; agentWebSocketUrl: string; signInUrl: string }
  | { mode: 'cognito'; agentWebSocketUrl: string; region: string; userPoolClientId: string };

export interface Session {
  idToken: string;
  expiresAt: number;
  /** The agent's profile language (Cognito's standard `locale` attribute), when their record has one. */
  locale?: string;
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly challenge?: { name: 'NEW_PASSWORD_REQUIRED'; session: string },
  ) {
    super(message);
  }
}

const STORAGE_KEY = 'afterdesk-console:session';

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(new URL('config.json', location.href), { cache: 'no-store' });
  if (!response.ok) throw new Error(t('configFailed'));
  return (await response.json()) as ConsoleConfig;
}

export function savedSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() + 60_000 ? session : undefined;
  } catch {
    return undefined;
  }
}

export function forgetSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

function keep(idToken: string): Session {
  const payload = JSON.parse(atob(idToken.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
    exp?: number;
    locale?: unknown;
  };
  const session: Session = { idToken, expiresAt: (payload.exp ?? 0) * 1000 };
  if (typeof payload.locale === 'string' && payload.locale) session.locale = payload.locale;
  // Session storage: the token dies with the tab, and no other tab or later visitor reuses it.
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  return session;
}

export async function signIn(
  config: ConsoleConfig,
  email: string,
  password: string,
  newPassword?: { session: string; password: string },
): Promise<Session> {
  if (config.mode === 'local') {
    const response = await fetch(new URL(config.signInUrl, location.href), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json().catch(() => ({}))) as { idToken?: string; error?: string };
    if (!response.ok || !body.idToken) throw new SignInError(failure(body.error));
    return keep(body.idToken);
  }
  // Cognito's public API, called directly: no SDK in the console bundle (it must stay under 150 KB).
  const target = newPassword ? 'RespondToAuthChallenge' : 'InitiateAuth';
  const payload = newPassword
    ? {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: config.userPoolClientId,
        Session: newPassword.session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword.password },
      }
    : {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: config.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      };
  const response = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(payload),
  });
  const body = (await response.json().catch(() => ({}))) as {
    AuthenticationResult?: { IdToken?: string };
    ChallengeName?: string;
    Session?: string;
    __type?: string;
  };
  if (body.ChallengeName === 'NEW_PASSWORD_REQUIRED' && body.Session)
    throw new SignInError(t('chooseNewPassword'), {
      name: 'NEW_PASSWORD_REQUIRED',
      session: body.Session,
    });
  const token = body.AuthenticationResult?.IdToken;
  if (!response.ok || !token) throw new SignInError(failure(body.__type));
  return keep(token);
}

/** The agent reads why in their language; the server's and Cognito's English messages are not shown. */
function failure(code: string | undefined): string {
  return code === 'invalid_credentials' || code?.endsWith('NotAuthorizedException')
    ? t('wrongCredentials')
    : t('signInFailed');
}
