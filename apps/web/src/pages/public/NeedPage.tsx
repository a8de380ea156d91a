import { Heading } from '@digdir/designsystemet-react';

// Placeholder while the page is built (replaced before this branch lands).
export function Component() {
  return (
    <div className="page">
      <Heading level={1}>NeedPage</Heading>
    </div>
  );
}
