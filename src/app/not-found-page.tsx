import { Link } from 'wouter';

export function NotFoundPage() {
  return (
    <section className="page-state" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/dashboard/leads">Go to the board</Link>.
      </p>
    </section>
  );
}
