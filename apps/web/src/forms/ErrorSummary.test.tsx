import { render, screen } from '@testing-library/react';
import { ErrorSummary } from './ErrorSummary';

describe('ErrorSummary', () => {
  it('lists every problem as a link to its field, and the general message first', () => {
    render(
      <ErrorSummary
        attempt={1}
        form="signin"
        general="Fel e-postadress eller lösenord."
        problems={[
          { path: 'email', message: 'Ange din e-postadress.' },
          { path: 'password', message: 'Ange ditt lösenord.' },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Rätta följande innan du fortsätter:' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ange din e-postadress.' })).toHaveAttribute('href', '#signin-email');
    expect(screen.getByRole('link', { name: 'Ange ditt lösenord.' })).toHaveAttribute('href', '#signin-password');
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Fel e-postadress eller lösenord.');
  });

  it('shows nothing when there is nothing to correct', () => {
    const { container } = render(<ErrorSummary attempt={1} form="signin" problems={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  const typed = [{ path: 'priceSek', message: 'Skriv priset i hela kronor.' }];

  it('waits for the first send: a problem found while typing stays at its field', () => {
    const { container } = render(<ErrorSummary attempt={0} form="offer" problems={typed} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('once corrected, stays away until the next send, so it never takes the focus from someone typing', () => {
    const { container, rerender } = render(<ErrorSummary attempt={1} form="offer" problems={typed} />);
    expect(screen.getByRole('link', { name: 'Skriv priset i hela kronor.' })).toBeInTheDocument();
    rerender(<ErrorSummary attempt={1} form="offer" problems={[]} />);
    rerender(<ErrorSummary attempt={1} form="offer" problems={typed} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ErrorSummary attempt={2} form="offer" problems={typed} />);
    expect(screen.getByRole('link', { name: 'Skriv priset i hela kronor.' })).toBeInTheDocument();
  });

  it('shows what the API answered to a send whose own checks passed', () => {
    const { rerender } = render(<ErrorSummary attempt={1} form="signin" problems={[]} />);
    rerender(<ErrorSummary attempt={1} form="signin" problems={[]} general="Fel e-postadress eller lösenord." />);
    expect(screen.getByText('Fel e-postadress eller lösenord.')).toBeInTheDocument();
  });
});
