export function App() {
  return (
    <main>
      <h1>Leadlanes</h1>
      <p>Insurance lead pipelines, local-first.</p>
    </main>
  );
}
