// The app shell; features are added under modeler/src/features/.
export function App() {
  return (
    <main>
      <h1>Casemap</h1>
      <p>Sign in through the API at /api/auth/login.</p>
    </main>
  );
}
