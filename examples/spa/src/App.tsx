import { useCallback, useState } from 'react';
import { auth } from './auth';
import { ErrorMessage } from './Form';
import { ChangePassword } from './screens/ChangePassword';
import { Confirm } from './screens/Confirm';
import { ForgotPassword, ResetPassword } from './screens/ForgotPassword';
import { Login } from './screens/Login';
import { MfaSetup } from './screens/MfaSetup';
import { Profile } from './screens/Profile';
import { Reauthenticate } from './screens/Reauthenticate';
import { RecoverAccount } from './screens/RecoverAccount';
import { RecoveryCodes } from './screens/RecoveryCodes';
import { ReplaceAuthenticator } from './screens/ReplaceAuthenticator';
import { SignUp } from './screens/SignUp';
import { VerifyMfa } from './screens/VerifyMfa';
import { NO_NAV, SIGNED_IN, type Go, type Screen } from './screens';
import { useAction } from './useAction';

/** No router: the screen is state, and each screen says where to go next. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'signUp' });
  const [notice, setNotice] = useState<string | null>(null);
  // Each go() is a new visit: the screen's key, so a screen entered again (the profile after adding a passkey) starts fresh.
  const [visit, setVisit] = useState(0);
  const go: Go = useCallback((next, message) => {
    setScreen(next);
    setNotice(message ?? null);
    setVisit((n) => n + 1);
  }, []);

  return (
    <main data-testid={`screen-${screen.name}`}>
      <h1>Auth gateway example</h1>
      <Nav screen={screen} go={go} />
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <Current key={visit} screen={screen} go={go} />
    </main>
  );
}

function Current({ screen, go }: { screen: Screen; go: Go }) {
  switch (screen.name) {
    case 'signUp':
      return <SignUp go={go} />;
    case 'confirm':
      return <Confirm go={go} email={screen.email} />;
    case 'mfaSetup':
      return <MfaSetup go={go} email={screen.email} setup={screen.setup} />;
    case 'recoveryCodes':
      return <RecoveryCodes go={go} codes={screen.codes} done={screen.done} />;
    case 'login':
      return <Login go={go} email={screen.email} />;
    case 'verifyMfa':
      return <VerifyMfa go={go} email={screen.email} session={screen.session} />;
    case 'recoverAccount':
      return <RecoverAccount go={go} email={screen.email} />;
    case 'profile':
      return <Profile go={go} />;
    case 'changePassword':
      return <ChangePassword go={go} />;
    case 'replaceAuthenticator':
      return <ReplaceAuthenticator go={go} setup={screen.setup} />;
    case 'reauthenticate':
      return <Reauthenticate go={go} email={screen.email} action={screen.action} argument={screen.argument} />;
    case 'forgotPassword':
      return <ForgotPassword go={go} email={screen.email} />;
    case 'resetPassword':
      return <ResetPassword go={go} email={screen.email} />;
  }
}

function Nav({ screen, go }: { screen: Screen; go: Go }) {
  if (NO_NAV.has(screen.name)) return null;
  return SIGNED_IN.has(screen.name) ? <SignedInNav go={go} /> : <SignedOutNav go={go} />;
}

function SignedOutNav({ go }: { go: Go }) {
  return (
    <nav>
      <button type="button" data-testid="nav-sign-up" onClick={() => go({ name: 'signUp' })}>Sign up</button>
      <button type="button" data-testid="nav-confirm" onClick={() => go({ name: 'confirm' })}>Confirm account</button>
      <button type="button" data-testid="nav-login" onClick={() => go({ name: 'login' })}>Log in</button>
      <button type="button" data-testid="nav-forgot-password" onClick={() => go({ name: 'forgotPassword' })}>Forgot password</button>
    </nav>
  );
}

function SignedInNav({ go }: { go: Go }) {
  const { pending, error, run } = useAction();
  const logout = () =>
    run(async () => {
      await auth.logout();
      go({ name: 'login' }, 'Signed out on every device.');
    });

  return (
    <nav>
      <button type="button" data-testid="nav-profile" onClick={() => go({ name: 'profile' })}>Profile</button>
      <button type="button" data-testid="nav-change-password" onClick={() => go({ name: 'changePassword' })}>Change password</button>
      <button type="button" data-testid="logout" disabled={pending} onClick={logout}>{pending ? 'Logging out…' : 'Log out'}</button>
      <ErrorMessage error={error} />
    </nav>
  );
}
