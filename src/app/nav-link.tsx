import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';

/** A link in the main navigation; the current page's link says so (aria-current, styled). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [current] = useRoute(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
